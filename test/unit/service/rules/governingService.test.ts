/** The governing Service rules in detail (their bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { caseFixtureText, diagnose, fixtureText } from './helpers';

void describe('governing Service rules in detail', () => {
  void test('statefulset-service-not-headless names the headless Service made for the StatefulSet', () => {
    const gossipRing = [
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: metrics-gossip-ring}',
      'spec:',
      '  clusterIP: None',
      '  selector: {app.kubernetes.io/component: ingester}',
      '  ports: [{port: 7946}]',
      '',
    ].join('\n');
    const text = fixtureText('statefulset-service-not-headless', 'bad') + gossipRing;
    const sibling =
      caseFixtureText('statefulset-service-not-headless', 'bad-headless-sibling') + gossipRing;
    const plain = diagnose({ 'file:///a.yaml': text }).find(
      (d) => d.code === 'statefulset-service-not-headless',
    );
    assert.ok(plain);
    assert.match(plain.message.en, /Set `clusterIP: None` on it/);
    const found = diagnose({ 'file:///b.yaml': sibling }).find(
      (d) => d.code === 'statefulset-service-not-headless',
    );
    assert.ok(found);
    assert.match(found.message.en, /set `serviceName: metrics-ingester-headless`/);
    assert.match(found.message.ru, /`serviceName: metrics-ingester-headless`/);
    assert.match(found.message.en, /the 3 replicas/);
  });

  void test('statefulset-service-not-found says what a missing Service takes away, no more', () => {
    const found = diagnose({
      'file:///sts.yaml': fixtureText('statefulset-service-not-found', 'bad'),
    }).find((d) => d.code === 'statefulset-service-not-found');
    assert.ok(found);
    assert.match(found.message.en, /The API server accepts this/);
    assert.match(found.message.en, /replicas that address each other by these names/);
    assert.match(found.message.ru, /API-сервер это примет/);
    assert.match(found.message.ru, /если реплики обращаются друг к другу по таким именам/);
    assert.doesNotMatch(found.message.en, /so peers cannot find each other/);
  });

  void test('statefulset-service-not-found spares Stolon keepers, however they are started', () => {
    const keeper = caseFixtureText('statefulset-service-not-found', 'good-stolon-keeper');
    const started = (line: string): string =>
      keeper.replace('exec gosu stolon stolon-keeper --data-dir /var/lib/keeper', line);
    const reported = (text: string): boolean =>
      diagnose({ 'file:///keeper.yaml': text }).some(
        (d) => d.code === 'statefulset-service-not-found',
      );
    assert.equal(reported(keeper), false);
    assert.equal(reported(started('exec /usr/local/bin/stolon-keeper --data-dir /data')), false);
    // Another program of the same name stem, or PostgreSQL run directly, still needs the Service.
    assert.equal(reported(started('exec stolon-keeper-backup --to s3')), true);
    assert.equal(reported(started('exec gosu postgres postgres -D /var/lib/keeper')), true);
  });
  void test('a Spilo StatefulSet needs neither a Service nor a headless one, other images do', () => {
    const spilo = caseFixtureText('statefulset-service-not-headless', 'good-spilo');
    const codes = (text: string): string[] =>
      diagnose({ 'file:///pg.yaml': text })
        .map((d) => String(d.code))
        .filter((c) => c.startsWith('statefulset-service-'));
    assert.deepEqual(codes(spilo), []);
    const image = 'ghcr.io/zalando/spilo-16:3.3-p1';
    for (const other of ['registry.opensource.zalan.do/acid/spilo-14:2.1-p7', 'spilo:latest'])
      assert.deepEqual(codes(spilo.replace(image, other)), []);
    const withoutService = spilo.slice(0, spilo.indexOf('---'));
    assert.deepEqual(codes(withoutService), []);
    // A different image of a similar name, or PostgreSQL itself, still needs per-pod names.
    for (const other of ['example.org/spilo-backup:1', 'postgres:16'])
      assert.deepEqual(codes(spilo.replace(image, other)), ['statefulset-service-not-headless']);
    assert.deepEqual(codes(withoutService.replace(image, 'postgres:16')), [
      'statefulset-service-not-found',
    ]);
  });

  void test('Patroni that publishes the pod IP needs no per-pod names, one given a name does', () => {
    const patroni = caseFixtureText('statefulset-service-not-headless', 'good-patroni');
    const codes = (text: string): string[] =>
      diagnose({ 'file:///pg.yaml': text })
        .map((d) => String(d.code))
        .filter((c) => c.startsWith('statefulset-service-'));
    assert.deepEqual(codes(patroni), []);
    const address = 'value: "$(POD_ADDRESS):5432"';
    assert.deepEqual(codes(patroni.replace(address, 'value: "$(POD_ADDRESS)"')), []);
    const notHeadless = ['statefulset-service-not-headless'];
    // An address by name (the pod's DNS name under the Service) needs the per-pod records.
    const byName = 'value: "$(PATRONI_NAME).metrics-db:5432"';
    assert.deepEqual(codes(patroni.replace(address, byName)), notHeadless);
    // A variable defined later is not expanded; one from another field is not the pod IP.
    const later = patroni
      .replace('POD_ADDRESS\n', 'UNUSED\n')
      .replace(
        '- name: PATRONI_KUBERNETES_NAMESPACE',
        '- name: POD_ADDRESS\n              value: "10.0.0.1"\n            - name: PATRONI_KUBERNETES_NAMESPACE',
      );
    assert.deepEqual(codes(later), notHeadless);
    assert.deepEqual(codes(patroni.replace('status.podIP', 'status.hostIP')), notHeadless);
    // PostgreSQL started without Patroni.
    const plain = patroni.replace('exec patroni /etc/metrics-db/patroni.yaml', 'exec postgres');
    assert.deepEqual(codes(plain), notHeadless);
    const withoutService = patroni.slice(0, patroni.indexOf('---\napiVersion: v1'));
    assert.deepEqual(codes(withoutService), []);
  });

  void test('the replica count reads as Russian', () => {
    const found = diagnose({
      'file:///a.yaml': fixtureText('statefulset-service-not-headless', 'bad'),
    }).find((d) => d.code === 'statefulset-service-not-headless');
    assert.ok(found);
    assert.match(found.message.ru, /у реплик \(их 3\) не будет DNS-имён подов/);
  });
});
