/**
 * "Disable <code> for this line" and "… in this file" (rules/fixes/disable.ts) and the comments
 * they write (rules/suppress.ts): offered for every diagnostic a comment can silence, merged into
 * a comment already there, honoured for rules, schema codes and Helm values checks alike, never
 * for YAML the API cannot read.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  getLanguageService,
  type KubeCodeAction,
  type LanguageService,
} from '../../../../server/src/service';
import { fixtureText, settings } from './helpers';

const URI = 'file:///w/pv.yaml';

const PV = fixtureText('recycle-reclaim-policy', 'bad');

function service(text: string, uri = URI): LanguageService {
  const s = getLanguageService();
  s.setFile(uri, text);
  return s;
}

function disableActions(s: LanguageService, uri: string, code: string): KubeCodeAction[] {
  const d = s.getDiagnostics(uri, settings).find((x) => x.code === code);
  assert.ok(d, `no ${code}`);
  return s
    .getCodeActions(uri, d.range, settings)
    .filter((a) => a.diagnostic.code === code && /^Disable /.test(a.title.en));
}

function applyTo(text: string, action: KubeCodeAction, uri = URI): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), action.edits);
}

/** Applies the "line" (0) or "file" (1) action and returns the new text and remaining codes. */
function disable(
  text: string,
  code: string,
  which: 0 | 1,
  uri = URI,
): { text: string; codes: string[] } {
  const s = service(text, uri);
  const actions = disableActions(s, uri, code);
  assert.equal(actions.length, 2, actions.map((a) => a.title.en).join(', '));
  const fixed = applyTo(text, actions[which]!, uri);
  s.setFile(uri, fixed, 'disk', 1);
  return { text: fixed, codes: s.getDiagnostics(uri, settings).map((d) => d.code) };
}

void describe('disable for this line', () => {
  void test('writes the comment above the line, at its indentation, and silences the finding', () => {
    const s = service(PV);
    const [line, file] = disableActions(s, URI, 'recycle-reclaim-policy');
    assert.equal(line!.title.en, 'Disable `recycle-reclaim-policy` for this line');
    assert.equal(line!.title.ru, 'Отключить проверку `recycle-reclaim-policy` для этой строки');
    assert.equal(file!.title.en, 'Disable `recycle-reclaim-policy` in this file');
    assert.equal(line!.isPreferred, undefined);
    const { text, codes } = disable(PV, 'recycle-reclaim-policy', 0);
    assert.match(
      text,
      /\n {2}# kube-storage-disable-next-line recycle-reclaim-policy\n {2}persistentVolumeReclaimPolicy: Recycle\n/,
    );
    assert.ok(!codes.includes('recycle-reclaim-policy'));
  });

  void test('adds the id to a disable-next-line comment already above, before its reason', () => {
    const commented = PV.replace(
      '  persistentVolumeReclaimPolicy',
      '  # kube-storage-disable-next-line claim-not-found -- migrating next sprint\n  persistentVolumeReclaimPolicy',
    );
    const { text, codes } = disable(commented, 'recycle-reclaim-policy', 0);
    assert.match(
      text,
      /# kube-storage-disable-next-line claim-not-found, recycle-reclaim-policy -- migrating next sprint\n {2}persistentVolumeReclaimPolicy/,
    );
    assert.ok(!codes.includes('recycle-reclaim-policy'));
  });

  void test('a list item: the comment goes above the dash, which stays valid YAML', () => {
    const pod = fixtureText('volume-mount-not-found', 'bad');
    const { text, codes } = disable(pod, 'volume-mount-not-found', 0);
    assert.match(text, /\n( +)# kube-storage-disable-next-line volume-mount-not-found\n\1- name: /);
    assert.ok(!codes.includes('volume-mount-not-found'));
    assert.ok(!codes.includes('yaml-syntax'));
  });

  void test('schema codes are silenced too (a malformed quantity)', () => {
    const bad = PV.replace(/storage: \S+/, 'storage: 10GB');
    const line = disable(bad, 'invalid-quantity', 0);
    assert.match(line.text, /# kube-storage-disable-next-line invalid-quantity\n {4}storage: 10GB/);
    assert.ok(!line.codes.includes('invalid-quantity'));
  });
});

void describe('disable in this file', () => {
  void test('a kube-storage-disable-file comment at the top covers every document', () => {
    const two = PV + '---\n' + PV.replace('name: legacy', 'name: other');
    const s = service(two);
    assert.equal(
      s.getDiagnostics(URI, settings).filter((d) => d.code === 'recycle-reclaim-policy').length,
      2,
    );
    const { text, codes } = disable(two, 'recycle-reclaim-policy', 1);
    assert.ok(text.startsWith('# kube-storage-disable-file recycle-reclaim-policy\n'));
    assert.ok(!codes.includes('recycle-reclaim-policy'));
  });

  void test('the comment counts wherever it is, and a second id joins it', () => {
    const text =
      PV.replace(/storage: \S+/, 'storage: 10GB') +
      '# kube-storage-disable-file recycle-reclaim-policy\n';
    const s = service(text);
    assert.ok(!s.getDiagnostics(URI, settings).some((d) => d.code === 'recycle-reclaim-policy'));
    const result = disable(text, 'invalid-quantity', 1);
    assert.match(
      result.text,
      /# kube-storage-disable-file recycle-reclaim-policy, invalid-quantity\n$/,
    );
    assert.ok(!result.codes.includes('invalid-quantity'));
  });

  void test('CRLF files get CRLF comments', () => {
    const crlf = PV.replace(/\n/g, '\r\n');
    const { text } = disable(crlf, 'recycle-reclaim-policy', 1);
    assert.ok(
      text.startsWith('# kube-storage-disable-file recycle-reclaim-policy\r\n---\r\napiVersion'),
    );
  });
});

void describe('what is never silenced', () => {
  void test('YAML syntax errors: no disable action, and a comment does not hide them', () => {
    const broken =
      '# kube-storage-disable-file\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: [a\n';
    const s = service(broken);
    const d = s.getDiagnostics(URI, settings).find((x) => x.code === 'yaml-syntax');
    assert.ok(d, 'the syntax error is still reported under a disable-all comment');
    assert.deepEqual(
      s.getCodeActions(URI, d.range, settings).filter((a) => a.diagnostic.code === 'yaml-syntax'),
      [],
    );
  });

  void test('duplicate keys (kubectl refuses the file) are not silenced either', () => {
    const dup =
      '# kube-storage-disable-next-line duplicate-key\napiVersion: v1\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n';
    const s = service(dup);
    assert.ok(s.getDiagnostics(URI, settings).some((d) => d.code === 'duplicate-key'));
  });
});

void describe('Helm values files', () => {
  const helmDir = join(__dirname, '..', '..', '..', 'fixtures', 'helm');
  const chartFiles = (): Map<string, string> =>
    new Map(
      ['Chart.yaml', 'values.yaml', 'values.schema.json', 'templates/statefulset.yaml'].flatMap(
        (f) => {
          try {
            return [[f, readFileSync(join(helmDir, 'keeper', f), 'utf8')] as [string, string]];
          } catch {
            return [];
          }
        },
      ),
    );
  const VALUES = 'file:///w/my-values.yaml';
  const values = 'replicaCount: 2\npersistance:\n  size: 5Gi\n';

  function helmService(text: string): LanguageService {
    const s = service(text, VALUES);
    s.setChartFiles('file:///chart/', chartFiles());
    s.linkValuesFile(VALUES, 'file:///chart/');
    return s;
  }

  void test('"did you mean" renames the key', () => {
    const s = helmService(values);
    const d = s.getDiagnostics(VALUES, settings).find((x) => x.code === 'helm-values-unknown-key');
    assert.ok(d);
    const [rename] = s.getCodeActions(VALUES, d.range, settings);
    assert.equal(rename!.title.en, 'Rename to `persistence`');
    assert.equal(rename!.isPreferred, true);
    const fixed = applyTo(values, rename!, VALUES);
    assert.equal(fixed, 'replicaCount: 2\npersistence:\n  size: 5Gi\n');
    s.setFile(VALUES, fixed, 'disk', 1);
    assert.ok(
      !s.getDiagnostics(VALUES, settings).some((x) => x.code === 'helm-values-unknown-key'),
    );
  });

  void test('a disable comment silences a values check', () => {
    const s = helmService(values);
    const [line] = disableActions(s, VALUES, 'helm-values-unknown-key');
    const fixed = applyTo(values, line!, VALUES);
    assert.equal(
      fixed,
      'replicaCount: 2\n# kube-storage-disable-next-line helm-values-unknown-key\npersistance:\n  size: 5Gi\n',
    );
    s.setFile(VALUES, fixed, 'disk', 1);
    assert.ok(
      !s.getDiagnostics(VALUES, settings).some((x) => x.code === 'helm-values-unknown-key'),
    );
  });
});
