/** `rabbitmq-node-name-changes`: where it fires, where it stays quiet, and what its fix writes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { applyFirstFix, caseFixtureText, diagnose, fixtureText, settings } from './helpers';

const RULE = 'rabbitmq-node-name-changes';
const URI = 'file:///broker/app.yaml';

const hits = (text: string): number =>
  diagnose({ [URI]: text }).filter((d) => d.code === RULE).length;

void describe(RULE, () => {
  test('the fix gives the pods the workload name as their hostname', () => {
    const { after, text, title } = applyFirstFix(fixtureText(RULE, 'bad'), RULE, URI);
    assert.equal(
      title,
      'Give the pods a fixed hostname `billing-broker` (node name `rabbit@billing-broker`)',
    );
    assert.match(text, /\n {4}spec:\n {6}hostname: billing-broker\n {6}containers:\n/);
    assert.equal(after.filter((d) => d.code === RULE).length, 0);
    assert.deepEqual(
      after.filter((d) => d.severity === 'error'),
      [],
    );
  });

  test('several pods at once get no fix (one hostname would share one store)', () => {
    const text = fixtureText(RULE, 'bad').replace('replicas: 1', 'replicas: 2');
    const service = getLanguageService();
    service.setFile(URI, text);
    const found = service.getDiagnostics(URI, settings).filter((d) => d.code === RULE);
    assert.equal(found.length, 1);
    const titles = service
      .getCodeActions(URI, found[0]!.range, settings)
      .filter((a) => a.diagnostic.code === RULE)
      .map((a) => a.title.en);
    assert.ok(titles.length > 0, 'the disable actions are still offered');
    assert.deepEqual(
      titles.filter((t) => !/^Disable /.test(t)),
      [],
    );
  });

  test('a node name from envFrom we cannot read, another image, an emptyDir: not reported', () => {
    const bad = fixtureText(RULE, 'bad');
    assert.equal(
      hits(
        bad.replace(
          '          ports:\n',
          '          envFrom:\n            - configMapRef:\n                name: broker-env\n          ports:\n',
        ),
      ),
      0,
    );
    assert.equal(hits(bad.replace('rabbitmq:4.1-management', 'bitnami/rabbitmq:4.1')), 0);
    assert.equal(
      hits(
        bad.replace(
          '          persistentVolumeClaim:\n            claimName: billing-broker-store\n',
          '          emptyDir: {}\n',
        ),
      ),
      0,
    );
  });

  test('a node name built from the pod name changes too', () => {
    assert.equal(hits(caseFixtureText(RULE, 'bad-pod-name-env')), 1);
  });

  test('hostNetwork, a set hostname, a fixed RABBITMQ_NODENAME: the node name stays', () => {
    const bad = fixtureText(RULE, 'bad');
    const withSpec = (line: string) =>
      bad.replace('      containers:\n', `${line}      containers:\n`);
    assert.equal(hits(withSpec('      hostNetwork: true\n')), 0);
    assert.equal(hits(withSpec('      hostname: broker\n')), 0);
    assert.equal(hits(withSpec('      hostname: ""\n')), 1, 'an empty hostname is the pod name');
    const env = (lines: string) =>
      bad.replace('          ports:\n', `          env:\n${lines}          ports:\n`);
    assert.equal(
      hits(
        env(
          '            - {name: NODE_HOST, value: billing-main}\n            - {name: RABBITMQ_NODENAME, value: rabbit@$(NODE_HOST)}\n',
        ),
      ),
      0,
    );
    assert.equal(
      hits(
        env(
          '            - name: RABBITMQ_NODENAME\n              valueFrom: {fieldRef: {fieldPath: metadata.name}}\n',
        ),
      ),
      1,
      'the pod name read from a field changes with the pod',
    );
  });

  test('a RABBITMQ_NODENAME from a ConfigMap, the namespace or a later variable stays the same', () => {
    const env = (lines: string) =>
      fixtureText(RULE, 'bad').replace(
        '          ports:\n',
        `          env:\n${lines}          ports:\n`,
      );
    const fromConfigMap =
      '            - name: RABBITMQ_NODENAME\n              valueFrom: {configMapKeyRef: {name: broker-settings, key: nodename}}\n';
    assert.equal(hits(env(fromConfigMap)), 0);
    const fromNamespace =
      '            - name: NS\n              valueFrom: {fieldRef: {fieldPath: metadata.namespace}}\n            - {name: RABBITMQ_NODENAME, value: rabbit@broker-$(NS)}\n';
    assert.equal(hits(env(fromNamespace)), 0);
    // Defined after it, POD_NAME is not expanded: the text stays `rabbit@$(POD_NAME)`.
    const laterPodName =
      '            - {name: RABBITMQ_NODENAME, value: rabbit@$(POD_NAME)}\n            - name: POD_NAME\n              valueFrom: {fieldRef: {fieldPath: metadata.name}}\n';
    assert.equal(hits(env(laterPodName)), 0);
    const podIp =
      '            - name: RABBITMQ_NODENAME\n              valueFrom: {fieldRef: {fieldPath: status.podIP}}\n';
    assert.equal(hits(env(podIp)), 1);
  });
});
