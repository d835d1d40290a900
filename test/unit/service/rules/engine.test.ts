/** The rule engine: settings, knownObjects, suppression comments, caching, templates, registry. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { ruleById, ruleRegistry } from '../../../../server/src/service/rules/index';
import { ruleFindings } from '../../../../server/src/service/rules/engine';
import { defaultRuleSettings } from '../../../../server/src/service/rules/types';
import { normalizeRuleSettings } from '../../../../server/src/settings';
import { TextDocument } from 'vscode-languageserver-textdocument';
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

  void test('a workspace of 2,000 objects: each rule checks each object once', () => {
    const s = getLanguageService();
    const docs: string[] = [];
    for (let i = 0; i < 1000; i++) {
      docs.push(
        fixtureText('claim-not-found', 'good')
          .replace(/site-content/g, `c${i}`)
          .replace('name: app', `name: app${i}`),
      );
    }
    for (let f = 0; f < 4; f++)
      s.setFile(`file:///big${f}.yaml`, docs.slice(f * 250, f * 250 + 250).join('---\n'));
    const checks = countChecks('claim-not-found');
    try {
      let total = 0;
      for (let f = 0; f < 4; f++)
        total += s.getDiagnostics(`file:///big${f}.yaml`, settings).length;
      assert.equal(total, 0);
      assert.equal(checks.count(), 1000, 'once per Pod');
    } finally {
      checks.restore();
    }
  });
});

void describe('incremental rules', () => {
  const uri = 'file:///app.yaml';
  const deployments = [0, 1, 2]
    .map((i) =>
      fixtureText('hostpath-in-workload', 'bad')
        .split('---\n')[0]!
        .replace('name: web\n', `name: web${i}\n`)
        .replace('replicas: 1', 'replicas: 2'),
    )
    .join('---\n');
  const claim = fixtureText('hostpath-in-workload', 'bad').split('---\n')[1]!;

  void test('an edit re-runs the rules of the edited document only', () => {
    const s = getLanguageService();
    s.setFile(uri, deployments);
    s.setFile('file:///claim.yaml', claim);
    assert.equal(codesOf(s, uri, 'hostpath-in-workload'), 3);
    const local = countChecks('hostpath-in-workload');
    const cross = countChecks('shared-rwo-claim-replicas');
    try {
      s.setFile(
        uri,
        deployments.replace('name: web1\n', 'name: web1\n  labels: {a: b}\n'),
        'editor',
        2,
      );
      assert.equal(codesOf(s, uri, 'hostpath-in-workload'), 3);
      assert.equal(local.count(), 1, 'only the edited Deployment');
      assert.equal(cross.count(), 1, 'the storage signature did not move');
      s.setFile('file:///claim.yaml', claim.replace('1Gi', '2Gi'), 'disk', 1);
      assert.equal(codesOf(s, uri, 'hostpath-in-workload'), 3);
      assert.equal(local.count(), 1, 'rules that read only their object are not re-run');
      assert.equal(cross.count(), 4, 'rules that read the claim are re-run for every Deployment');
    } finally {
      local.restore();
      cross.restore();
    }
  });

  void test('findings follow their document when lines are inserted above it', () => {
    const s = getLanguageService();
    s.setFile(uri, deployments);
    const lines = () =>
      s
        .getDiagnostics(uri, settings)
        .filter((d) => d.code === 'hostpath-in-workload')
        .map((d) => d.range.start.line);
    const before = lines();
    s.setFile(uri, '# one\n# two\n' + deployments, 'editor', 2);
    assert.deepEqual(
      lines(),
      before.map((l) => l + 2),
    );
  });

  void test('a Service edited in another file updates the StatefulSet in this one', () => {
    const [set, service] = fixtureText('statefulset-service-not-headless', 'bad').split('---\n');
    const s = getLanguageService();
    s.setFile(uri, set!);
    s.setFile('file:///svc.yaml', service!);
    assert.equal(codesOf(s, uri, 'statefulset-service-not-headless'), 1);
    s.setFile(
      'file:///svc.yaml',
      service!.replace('spec:\n', 'spec:\n  clusterIP: None\n'),
      'disk',
      1,
    );
    assert.equal(codesOf(s, uri, 'statefulset-service-not-headless'), 0);
  });

  void test('quick fixes edit the current lines after the document moved', () => {
    const text = fixtureText('statefulset-service-not-headless', 'bad');
    const s = getLanguageService();
    s.setFile(uri, text);
    assert.equal(codesOf(s, uri, 'statefulset-service-not-headless'), 1);
    const moved = '# a\n# b\n# c\n' + text;
    s.setFile(uri, moved, 'editor', 2);
    const target = s
      .getDiagnostics(uri, settings)
      .find((d) => d.code === 'statefulset-service-not-headless')!;
    const action = s
      .getCodeActions(uri, target.range, settings)
      .find((a) => a.diagnostic.code === 'statefulset-service-not-headless');
    assert.ok(action, 'the fix is offered');
    const fixed = TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 2, moved), action.edits);
    assert.match(fixed, /clusterIP: None/);
    s.setFile(uri, fixed, 'editor', 3);
    assert.equal(codesOf(s, uri, 'statefulset-service-not-headless'), 0);
  });
});

function codesOf(s: ReturnType<typeof getLanguageService>, uri: string, code: string): number {
  return s.getDiagnostics(uri, settings).filter((d) => d.code === code).length;
}

/** Counts how often a rule's check runs, until `restore`. */
function countChecks(id: string): { count(): number; restore(): void } {
  const rule = ruleById(id)!;
  const original = rule.check;
  let calls = 0;
  rule.check = (...args) => {
    calls++;
    original(...args);
  };
  return { count: () => calls, restore: () => (rule.check = original) };
}

void describe('a rule that throws', () => {
  void test('is reported to onError and yields nothing; the other checks go on', () => {
    const rule = ruleById('recycle-reclaim-policy')!;
    const original = rule.check;
    const failure = new TypeError('spec is undefined');
    rule.check = () => {
      throw failure;
    };
    try {
      const reported: { what: string; error: unknown }[] = [];
      const service = getLanguageService({
        onError: (what, error) => reported.push({ what, error }),
      });
      const uri = 'file:///throwing/pv.yaml';
      // A misspelt policy: the schema still reports it while the rule throws.
      service.setFile(
        uri,
        fixtureText('recycle-reclaim-policy', 'bad').replace('Recycle', 'Recyle'),
      );
      const codes = service.getDiagnostics(uri, settings).map((d) => d.code);
      assert.ok(codes.includes('invalid-enum'), codes.join());
      assert.ok(!codes.includes('recycle-reclaim-policy'));
      assert.deepEqual(reported, [
        { what: `rule recycle-reclaim-policy on ${uri}`, error: failure },
      ]);
    } finally {
      rule.check = original;
    }
  });
});
