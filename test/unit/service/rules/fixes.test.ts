/** Every quick fix applies cleanly: the finding is gone and no new error appears. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { ruleRegistry } from '../../../../server/src/service/rules/index';
import { applyFirstFix, assertFixApplies, fixtureText } from './helpers';

void describe('quick fixes of the storage rules', () => {
  const fixable = ruleRegistry.filter((r) => r.fixable);
  void test('at least 12 rules offer a quick fix', () => {
    assert.ok(fixable.length >= 12, `only ${fixable.length}`);
  });
  for (const rule of fixable) {
    void test(`${rule.id}: the fix applies to bad.yaml cleanly`, () => {
      assertFixApplies(fixtureText(rule.id, 'bad'), rule.id);
    });
  }
});

void describe('quick fixes in detail', () => {
  void test('claim-not-found creates the PVC as a new document after the pod', () => {
    const { text } = applyFirstFix(fixtureText('claim-not-found', 'bad'), 'claim-not-found');
    assert.match(
      text,
      /\n---\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n {2}name: site-content\n/,
    );
  });

  void test('claim-not-found keeps the namespace of the pod', () => {
    const pod = fixtureText('claim-not-found', 'bad').replace(
      '  name: app\n',
      '  name: app\n  namespace: shop\n',
    );
    const { text } = applyFirstFix(pod, 'claim-not-found');
    assert.match(text, /name: site-content\n {2}namespace: shop\n/);
  });

  void test('the PVC is inserted between documents, not at the end, when more follow', () => {
    const text =
      fixtureText('claim-not-found', 'bad') +
      '---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    const fixed = assertFixApplies(text, 'claim-not-found');
    assert.ok(fixed.indexOf('kind: PersistentVolumeClaim') < fixed.indexOf('kind: ConfigMap'));
  });

  void test('volume-mount-not-found adds the volume as the first item of `volumes`', () => {
    const { text } = applyFirstFix(
      fixtureText('volume-mount-not-found', 'bad'),
      'volume-mount-not-found',
    );
    assert.match(
      text,
      /volumes:\n {4}- name: html\n {6}persistentVolumeClaim:\n {8}claimName: html\n {4}- name: config/,
    );
  });

  void test('volume-mount-not-found creates `volumes` when the pod has none', () => {
    const text = [
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: p',
      'spec:',
      '  containers:',
      '    - name: c',
      '      image: busybox',
      '      volumeMounts:',
      '        - name: data',
      '          mountPath: /data',
      '',
    ].join('\n');
    const fixed = assertFixApplies(text, 'volume-mount-not-found');
    assert.match(fixed, /spec:\n {2}volumes:\n {4}- name: data\n/);
  });

  void test('missing-fs-group uses runAsGroup', () => {
    const { text } = applyFirstFix(fixtureText('missing-fs-group', 'bad'), 'missing-fs-group');
    assert.match(text, /securityContext:\n {4}fsGroup: 1001\n {4}runAsUser: 1001\n/);
  });

  void test('statefulset-service-not-headless edits the Service in another file', () => {
    const sts = fixtureText('statefulset-service-not-headless', 'bad');
    const [set, service] = sts.split(/^---\n/m);
    const s = getLanguageService();
    s.setFile('file:///w/sts.yaml', set!);
    s.setFile('file:///w/svc.yaml', service!);
    const d = s
      .getDiagnostics('file:///w/sts.yaml')
      .find((x) => x.code === 'statefulset-service-not-headless');
    assert.ok(d);
    const [action] = s
      .getCodeActions('file:///w/sts.yaml', d.range)
      .filter((a) => a.diagnostic.code === d.code);
    assert.ok(action);
    assert.deepEqual(
      action.edits.map((e) => [e.uri, e.newText]),
      [['file:///w/svc.yaml', 'clusterIP: None\n  ']],
    );
  });

  void test('statefulset-service-not-found creates a headless Service selecting the pods', () => {
    const { text } = applyFirstFix(
      fixtureText('statefulset-service-not-found', 'bad'),
      'statefulset-service-not-found',
    );
    assert.match(
      text,
      /kind: Service\nmetadata:\n {2}name: db\nspec:\n {2}clusterIP: None\n {2}selector:\n {4}app: db\n/,
    );
  });

  void test('invalid-enum: the schema suggestion replaces the value', () => {
    const text = fixtureText('recycle-reclaim-policy', 'good').replace('Retain', 'Retian');
    const { after, text: fixed } = applyFirstFix(text, 'invalid-enum');
    assert.match(fixed, /persistentVolumeReclaimPolicy: Retain\n/);
    assert.equal(after.filter((d) => d.code === 'invalid-enum').length, 0);
  });

  void test('unknown-field: the schema suggestion renames the key', () => {
    const text = fixtureText('recycle-reclaim-policy', 'good').replace('accessModes', 'accesModes');
    const { after, text: fixed } = applyFirstFix(text, 'unknown-field');
    assert.match(fixed, /\n {2}accessModes: /);
    assert.equal(after.filter((d) => d.severity === 'error').length, 0);
  });

  void test('no actions outside the range of a finding', () => {
    const s = getLanguageService();
    s.setFile('file:///x.yaml', fixtureText('recycle-reclaim-policy', 'bad'));
    const far = { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } };
    assert.deepEqual(s.getCodeActions('file:///x.yaml', far), []);
  });
});
