/** The rule engine: settings, knownObjects, suppression comments, caching, templates, registry. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { ruleRegistry } from '../../../../server/src/service/rules/index';
import { ruleFindings } from '../../../../server/src/service/rules/engine';
import { defaultRuleSettings } from '../../../../server/src/service/rules/types';
import { normalizeRuleSettings } from '../../../../server/src/settings';
import { diagnose, fixtureText, settings } from './helpers';

const withRules = (rules: Partial<typeof defaultRuleSettings>) => ({
  ...settings,
  rules: { ...defaultRuleSettings, ...rules },
});

void describe('rule registry', () => {
  void test('at least 30 rules with unique kebab-case ids, both languages everywhere', () => {
    assert.ok(ruleRegistry.length >= 30, `only ${ruleRegistry.length} rules`);
    const ids = new Set<string>();
    for (const r of ruleRegistry) {
      assert.match(r.id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
      assert.ok(!ids.has(r.id), `duplicate ${r.id}`);
      ids.add(r.id);
      for (const text of [r.title, r.docs]) {
        assert.ok(text.en.trim() && text.ru.trim(), `${r.id}: empty text`);
        assert.match(text.ru, /[а-яё]/i, `${r.id}: Russian text is not Russian`);
      }
    }
  });
});

void describe('settings', () => {
  const bad = fixtureText('recycle-reclaim-policy', 'bad');
  const uri = 'file:///pv.yaml';

  void test('a severity override changes the level', () => {
    const list = diagnose(
      { [uri]: bad },
      uri,
      withRules({ severity: { 'recycle-reclaim-policy': 'error' } }),
    );
    assert.equal(list.find((d) => d.code === 'recycle-reclaim-policy')?.severity, 'error');
  });

  void test('`off` disables the rule', () => {
    const list = diagnose(
      { [uri]: bad },
      uri,
      withRules({ severity: { 'recycle-reclaim-policy': 'off' } }),
    );
    assert.equal(list.filter((d) => d.code === 'recycle-reclaim-policy').length, 0);
  });

  void test('schema codes can be turned off too', () => {
    const text = bad.replace('Recycle', 'Recyle');
    assert.ok(diagnose({ [uri]: text }).some((d) => d.code === 'invalid-enum'));
    const list = diagnose({ [uri]: text }, uri, withRules({ severity: { 'invalid-enum': 'off' } }));
    assert.equal(list.filter((d) => d.code === 'invalid-enum').length, 0);
  });

  void test('knownObjects silence the link rules', () => {
    const claim = fixtureText('storage-class-not-found', 'bad');
    const known = {
      storageClasses: ['fast-ssd'],
      persistentVolumeClaims: ['default/site-content'],
      persistentVolumes: [],
      services: ['db'],
    };
    assert.equal(
      diagnose({ [uri]: claim }, uri, withRules({ knownObjects: known })).filter(
        (d) => d.code === 'storage-class-not-found',
      ).length,
      0,
    );
    const pod = fixtureText('claim-not-found', 'bad');
    assert.equal(
      diagnose({ [uri]: pod }, uri, withRules({ knownObjects: known })).filter(
        (d) => d.code === 'claim-not-found',
      ).length,
      0,
    );
    const other = { ...known, persistentVolumeClaims: ['other-ns/site-content'] };
    assert.equal(
      diagnose({ [uri]: pod }, uri, withRules({ knownObjects: other })).filter(
        (d) => d.code === 'claim-not-found',
      ).length,
      1,
    );
    const sts = fixtureText('statefulset-service-not-found', 'bad');
    assert.equal(
      diagnose({ [uri]: sts }, uri, withRules({ knownObjects: known })).filter(
        (d) => d.code === 'statefulset-service-not-found',
      ).length,
      0,
    );
  });

  void test('normalizeRuleSettings keeps valid entries only', () => {
    const s = normalizeRuleSettings({
      severity: { a: 'off', b: 'loud', c: 'hint' },
      knownObjects: { storageClasses: ['gp3', 3, ''], services: 'x' },
    });
    assert.deepEqual(s.severity, { a: 'off', c: 'hint' });
    assert.deepEqual(s.knownObjects, {
      storageClasses: ['gp3'],
      persistentVolumeClaims: [],
      persistentVolumes: [],
      services: [],
    });
    assert.deepEqual(normalizeRuleSettings(null), defaultRuleSettings);
  });
});

void describe('suppression comments', () => {
  const bad = fixtureText('recycle-reclaim-policy', 'bad');
  const count = (text: string, code = 'recycle-reclaim-policy') =>
    diagnose({ 'file:///pv.yaml': text }).filter((d) => d.code === code).length;

  void test('disable-next-line with the id', () => {
    const text = bad.replace(
      '  persistentVolumeReclaimPolicy',
      '  # kube-storage-disable-next-line recycle-reclaim-policy\n  persistentVolumeReclaimPolicy',
    );
    assert.equal(count(bad), 1);
    assert.equal(count(text), 0);
  });

  void test('disable-next-line with another id does not suppress', () => {
    const text = bad.replace(
      '  persistentVolumeReclaimPolicy',
      '  # kube-storage-disable-next-line claim-not-found, volume-without-capacity\n  persistentVolumeReclaimPolicy',
    );
    assert.equal(count(text), 1);
  });

  void test('a list of ids and a reason', () => {
    const text = bad.replace(
      '  persistentVolumeReclaimPolicy',
      '  # kube-storage-disable-next-line claim-not-found, recycle-reclaim-policy -- legacy NFS\n  persistentVolumeReclaimPolicy',
    );
    assert.equal(count(text), 0);
  });

  void test('disable for the whole document, and only that document', () => {
    const doc = '# kube-storage-disable recycle-reclaim-policy\n' + bad;
    assert.equal(count(doc), 0);
    const two = doc + bad.replace('name: pv-data', 'name: pv-two');
    assert.equal(count(two), 1);
  });
});

void describe('engine', () => {
  void test('findings are cached per file version and workspace generation', () => {
    const s = getLanguageService();
    s.setFile('file:///a.yaml', fixtureText('claim-not-found', 'bad'));
    const file = s.workspace.getFile('file:///a.yaml')!;
    const first = ruleFindings(s.workspace, file, defaultRuleSettings);
    assert.equal(ruleFindings(s.workspace, file, defaultRuleSettings), first);
    s.setFile('file:///b.yaml', fixtureText('claim-not-found', 'good').split('---\n')[1]!);
    const second = ruleFindings(s.workspace, file, defaultRuleSettings);
    assert.notEqual(second, first);
    assert.equal(
      second.filter((f) => f.ruleId === 'claim-not-found').length,
      0,
      'the claim in b.yaml counts',
    );
  });

  void test('the binding simulation is reused across unrelated edits and redone when storage changes', () => {
    const s = getLanguageService();
    const claimUri = 'file:///claim.yaml';
    s.setFile(claimUri, fixtureText('claim-will-stay-pending', 'bad'));
    const pending = () =>
      s.getDiagnostics(claimUri, settings).filter((d) => d.code === 'claim-will-stay-pending')
        .length;
    assert.equal(pending(), 1);
    s.setFile('file:///other.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: x}\n');
    assert.equal(pending(), 1);
    const volume = fixtureText('claim-will-stay-pending', 'good').split(/^---\n/m)[1]!;
    s.setFile('file:///pv.yaml', volume);
    assert.equal(pending(), 0, 'a fitting volume appeared');
    s.setFile('file:///pv.yaml', volume.replace('10Gi', '1Gi'), 'disk', 1);
    assert.equal(pending(), 1, 'the volume became too small');
  });

  void test('Helm templates are skipped', () => {
    const text = fixtureText('recycle-reclaim-policy', 'bad').replace(
      'name: pv-data',
      'name: {{ .Release.Name }}-data',
    );
    const list = diagnose({ 'file:///chart/templates/pv.yaml': text });
    assert.deepEqual(
      list.map((d) => d.code),
      [],
    );
  });

  void test('garbage never throws', () => {
    for (const text of [
      'kind: Pod\napiVersion: v1\nmetadata: {name: x}\nspec: 5\n',
      'apiVersion: apps/v1\nkind: StatefulSet\nmetadata: {name: s}\nspec:\n  volumeClaimTemplates: [null, 3, {metadata: 1}]\n  template: {spec: {containers: [null, {volumeMounts: [1, {name: 2}]}], volumes: "x"}}\n',
    ]) {
      assert.doesNotThrow(() => diagnose({ 'file:///g.yaml': text }));
    }
  });

  void test('a workspace of 2,000 objects is checked in linear time', () => {
    const s = getLanguageService();
    const docs: string[] = [];
    for (let i = 0; i < 500; i++) {
      docs.push(
        fixtureText('claim-not-found', 'good')
          .replace(/site-content/g, `c${i}`)
          .replace('name: app', `name: app${i}`),
      );
    }
    for (let f = 0; f < 4; f++)
      s.setFile(`file:///big${f}.yaml`, docs.slice(f * 125, f * 125 + 125).join('---\n'));
    const started = performance.now();
    let total = 0;
    for (let f = 0; f < 4; f++) total += s.getDiagnostics(`file:///big${f}.yaml`, settings).length;
    const ms = performance.now() - started;
    assert.equal(total, 0);
    assert.ok(ms < 3000, `took ${ms} ms`);
  });
});
