/**
 * Custom resources checked against the CustomResourceDefinitions of the workspace: types, enums,
 * required and unknown fields with exact ranges, versions the CRD does not serve, kinds its group
 * does not define, hover from the CRD's descriptions, completion from its schema, a re-check
 * when the CRD changes, and a CRD whose schema cannot be compiled reported on the CRD.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';
import { complete } from '../../../../server/src/service/completion';

const dir = join(__dirname, '../../../fixtures/crds');
const crd = readFileSync(join(dir, 'backup-schedule-crd.yaml'), 'utf8');
const resources = readFileSync(join(dir, 'backup-schedules.yaml'), 'utf8');
const CRD = 'file:///ws/crd.yaml';
const CR = 'file:///ws/backups.yaml';

function brief(d: KubeDiagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.code}`;
}

function service(files: Record<string, string>) {
  const s = getLanguageService();
  for (const [uri, text] of Object.entries(files)) s.setFile(uri, text);
  return s;
}

void describe('custom resources from CRDs in the workspace', () => {
  void test('each mistake is reported where it is written; unknown groups stay unchecked', () => {
    const found = service({ [CRD]: crd, [CR]: resources })
      .getDiagnostics(CR)
      .map(brief);
    assert.deepEqual(found, [
      '11:8-11:23 invalid-enum',
      '16:14-16:17 invalid-type',
      '17:6-17:12 unknown-field',
      '18:2-18:7 unknown-field',
      '20:12-20:40 unknown-api-version',
      '27:6-27:19 unknown-kind',
    ]);
  });

  void test('other kinds of a group whose CRDs are only partly in the workspace are not reported', () => {
    // Found on bitnami's kube-prometheus with only the ServiceMonitor CRD loaded: every
    // Prometheus and PrometheusRule was an unknown kind.
    const others = ['BackupScheduleRun', 'Restore', 'BackupSchedules']
      .map((kind) => `apiVersion: backups.example.com/v1\nkind: ${kind}\nmetadata: {name: a}\n`)
      .join('---\n');
    const found = service({ [CRD]: crd, [CR]: others })
      .getDiagnostics(CR)
      .map(brief);
    assert.deepEqual(found, ['9:6-9:21 unknown-kind']);
  });

  void test('without the CRD, the same resources are not checked at all (no noise)', () => {
    assert.deepEqual(service({ [CR]: resources }).getDiagnostics(CR), []);
  });

  void test('messages name the place by its path in the object and suggest the served version and the kind', () => {
    const found = service({ [CRD]: crd, [CR]: resources }).getDiagnostics(CR);
    const field = found.find((d) => d.code === 'unknown-field')!;
    // Not the type name made from the schema path (`BackupScheduleSpecTargetsItem`).
    assert.match(field.message.en, /`regoin` in `spec\.targets\[0\]`/);
    assert.match(field.message.ru, /`regoin` в `spec\.targets\[0\]`/);
    const extra = found.find((d) => d.code === 'unknown-field' && d.range.start.line === 18)!;
    assert.match(extra.message.en, /`extra` in `spec`;/);
    const version = found.find((d) => d.code === 'unknown-api-version')!;
    assert.equal(version.data?.suggestion, 'backups.example.com/v1');
    assert.match(version.message.ru, /^Определение ресурса \(CRD\) \S+ не предоставляет версию `/);
    assert.doesNotMatch(version.message.ru, /обслуживает|вида/);
    assert.equal(found.find((d) => d.code === 'unknown-kind')!.data?.suggestion, 'BackupSchedule');
  });

  void test('preserve-unknown-fields, int-or-string, maps and nulls accept what the API server accepts', () => {
    const ok = [
      'apiVersion: backups.example.com/v1',
      'kind: BackupSchedule',
      'metadata:',
      '  name: orders-weekly',
      '  namespace: shop',
      'spec:',
      '  schedule: "0 3 * * 0"',
      '  claimSelector: {app: orders, tier: db}',
      '  retention: 30d',
      '  mode:',
      '  hooks:',
      '    freeze: {command: [fsfreeze, --freeze, /data], timeout: 30}',
      '  targets:',
      '    - {snapshotClassName: ebs-backup, copies: 2}',
      'status:',
      '  lastRun: "2025-06-01T03:00:00Z"',
      '',
    ].join('\n');
    assert.deepEqual(
      service({ [CRD]: crd, [CR]: ok })
        .getDiagnostics(CR)
        .map(brief),
      [],
    );
    const missing = ok.replace('  schedule: "0 3 * * 0"\n', '');
    assert.deepEqual(
      service({ [CRD]: crd, [CR]: missing })
        .getDiagnostics(CR)
        .map(brief),
      ['5:0-5:4 missing-required'],
    );
  });

  void test('a changed CRD re-checks its resources (compiled again, under a new name)', () => {
    const s = service({ [CRD]: crd, [CR]: resources });
    assert.ok(s.getDiagnostics(CR).some((d) => d.code === 'invalid-enum'));
    s.setFile(
      CRD,
      crd.replace('enum: [CrashConsistent, ApplicationConsistent]', 'enum: [CrashConsistant]'),
    );
    assert.ok(!s.getDiagnostics(CR).some((d) => d.code === 'invalid-enum'));
  });

  void test('a schema ajv cannot compile is reported on the CRD, and its resources stay unchecked', () => {
    const broken = crd.replace(
      '                  type: string\n                  enum:',
      '                  type: strnig\n                  enum:',
    );
    assert.notEqual(broken, crd);
    const s = service({ [CRD]: broken, [CR]: resources });
    const onCrd = s.getDiagnostics(CRD).filter((d) => d.code === 'crd-schema-invalid');
    assert.equal(onCrd.length, 1);
    assert.equal(onCrd[0]!.range.start.line, 25); // `openAPIV3Schema:` of version v1
    assert.match(onCrd[0]!.message.en, /version `v1` cannot be compiled.*strnig/);
    assert.match(onCrd[0]!.message.ru, /не удаётся скомпилировать/);
    const codes = s.getDiagnostics(CR).map((d) => d.code);
    assert.ok(!codes.includes('invalid-enum') && !codes.includes('unknown-field'), codes.join());
  });

  void test('odd CRDs never crash: versions not a list, a schema that is a string, no kind', () => {
    const odd = [
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: odd.example.com}',
      'spec:',
      '  group: example.com',
      '  names: {kind: Odd}',
      '  versions: {name: v1}',
      '---',
      'apiVersion: apiextensions.k8s.io/v1',
      'kind: CustomResourceDefinition',
      'metadata: {name: odder.example.com}',
      'spec:',
      '  group: example.com',
      '  names: {kind: Odder}',
      '  versions:',
      '    - {name: v1, served: true, schema: {openAPIV3Schema: "type: object"}}',
      '    - name: v2',
      '      served: true',
      '      schema:',
      '        openAPIV3Schema:',
      '          type: object',
      '          properties: {spec: {type: object, required: size}}',
      '',
    ].join('\n');
    const use =
      'apiVersion: example.com/v2\nkind: Odder\nmetadata: {name: a}\nspec: {}\n---\napiVersion: example.com/v1\nkind: Odd\nmetadata: {name: b}\n';
    const s = service({ [CRD]: odd, [CR]: use });
    assert.doesNotThrow(() => s.getDiagnostics(CR));
    assert.ok(s.getDiagnostics(CRD).some((d) => d.code === 'crd-schema-invalid'));
  });

  void test('a version without schema: an error in v1 ("schemas are required"), nothing in v1beta1', () => {
    const noSchema = (apiVersion: string) =>
      [
        `apiVersion: ${apiVersion}`,
        'kind: CustomResourceDefinition',
        'metadata: {name: backups.example.com}',
        'spec:',
        '  group: example.com',
        '  scope: Namespaced',
        '  names: {kind: Backup, plural: backups}',
        '  versions:',
        '    - name: v1alpha1',
        '      served: true',
        '      storage: true',
        '',
      ].join('\n');
    const v1 = service({ [CRD]: noSchema('apiextensions.k8s.io/v1') })
      .getDiagnostics(CRD)
      .filter((d) => d.code === 'crd-schema-invalid');
    assert.deepEqual(v1.map(brief), ['8:12-8:20 crd-schema-invalid']);
    assert.match(v1[0]!.message.en, /has no `schema\.openAPIV3Schema`/);
    assert.doesNotMatch(v1[0]!.message.en, /: \./);
    assert.match(v1[0]!.message.ru, /нет `schema\.openAPIV3Schema`/);
    const beta = service({ [CRD]: noSchema('apiextensions.k8s.io/v1beta1') }).getDiagnostics(CRD);
    assert.ok(!beta.some((d) => d.code === 'crd-schema-invalid'));
  });

  void test('hover shows the CRD description, in a Russian card too', () => {
    const s = service({ [CRD]: crd, [CR]: resources });
    const en = s.hover(CR, { line: 7, character: 4 }, 'en');
    assert.match(en?.contents ?? '', /BackupScheduleSpec\.schedule`\*\* · `string` · required/);
    assert.match(en?.contents ?? '', /A cron expression/);
    const ru = s.hover(CR, { line: 7, character: 4 }, 'ru');
    assert.match(ru?.contents ?? '', /Описание из CustomResourceDefinition/);
  });

  void test('completion offers the keys and enum values of the CRD schema', () => {
    const s = service({ [CRD]: crd });
    s.setFile(
      'file:///ws/new.yaml',
      'apiVersion: backups.example.com/v1\nkind: BackupSchedule\nmetadata:\n  name: x\nspec:\n  mode: \n  ',
      'editor',
      1,
    );
    const values = complete(s.workspace, 'file:///ws/new.yaml', { line: 5, character: 8 }, 'en');
    assert.deepEqual(values.map((i) => i.label).sort(), [
      'ApplicationConsistent',
      'CrashConsistent',
    ]);
    const keys = complete(s.workspace, 'file:///ws/new.yaml', { line: 6, character: 2 }, 'en');
    assert.deepEqual(
      keys
        .map((i) => i.label)
        .slice(0, 2)
        .sort(),
      ['claimSelector', 'schedule'],
    );
  });
});
