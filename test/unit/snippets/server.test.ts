/**
 * The snippets as the language server offers them (lsp/snippets.ts, service/completion/
 * snippets.ts): only where a new object can start, never among the values of a key, and with the
 * workspace's StorageClasses instead of a hard-coded `standard` (or no class line at all when the
 * workspace has none, so the cluster's default class provisions).
 */
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadSnippetTemplates } from '../../../server/src/lsp/snippets';
import { getLanguageService } from '../../../server/src/service';
import { complete, type KubeCompletionItem } from '../../../server/src/service/completion';
import { Workspace } from '../../../server/src/service/workspace/workspace';
import { cursor } from '../../support/cursor';
import { expandSnippet } from './expand';

const root = resolve(__dirname, '../../..');
const templates = loadSnippetTemplates(join(root, 'snippets'));
const prefixes = new Set(templates.flatMap((t) => t.prefixes));
const URI = 'file:///ws/new.yaml';

const CLASSES =
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: slow\nprovisioner: nfs.csi.k8s.io\n---\n' +
  'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast\n  annotations:\n    storageclass.kubernetes.io/is-default-class: "true"\nprovisioner: ebs.csi.aws.com\n';

function completeAt(text: string, others: Record<string, string> = {}, lang: 'en' | 'ru' = 'en') {
  const { text: clean, position } = cursor(text);
  const workspace = new Workspace();
  for (const [uri, content] of Object.entries(others)) workspace.setFile(uri, content);
  workspace.setFile(URI, clean, 'editor', 1);
  return complete(workspace, URI, position, lang, templates);
}

const snippetsIn = (items: KubeCompletionItem[]) =>
  items.filter((i) => i.kind === 'snippet' && prefixes.has(i.label));

function item(items: KubeCompletionItem[], label: string): KubeCompletionItem {
  const found = snippetsIn(items).find((i) => i.label === label);
  assert.ok(found, `no ${label}`);
  return found;
}

void describe('snippets from the server', () => {
  it('reads every snippet of the snippet files', () => {
    assert.ok(templates.length >= 20, `only ${templates.length}`);
    assert.ok(prefixes.has('sts') && prefixes.has('ks-pvc'));
  });

  it('an empty document offers them, one item per prefix, with the description', () => {
    const items = completeAt('st|');
    const sts = item(items, 'sts');
    assert.equal(item(items, 'ks-sts').insertText, sts.insertText);
    assert.equal(sts.snippet, true);
    assert.equal(sts.detail, 'StatefulSet with headless Service');
    assert.deepEqual(sts.range, {
      start: { line: 0, character: 0 },
      end: { line: 0, character: 2 },
    });
    assert.match(item(completeAt('|', {}, 'ru'), 'pvc').documentation ?? '', /^Заявка на том/);
  });

  it('a new `---` document at the end of a file offers them too', () => {
    const items = completeAt(`${CLASSES}---\n|`);
    assert.ok(snippetsIn(items).length > 0);
  });

  it('storageClassName offers the workspace classes, the default first', () => {
    const items = completeAt('|', { 'file:///ws/classes.yaml': CLASSES });
    assert.match(item(items, 'pvc').insertText, /\n {2}storageClassName: \$\{4\|fast,slow\|\}\n/);
    assert.match(item(items, 'sts').insertText, /\n {8}storageClassName: \$\{16\|fast,slow\|\}\n/);
    // A PersistentVolume's class is its own: it stays a placeholder.
    assert.match(item(items, 'ks-pv-csi').insertText, /storageClassName: \$\{6:standard\}/);
    // A deliberate "" (a claim pinned to a hand-made volume) stays as written.
    assert.match(item(items, 'ks-pvc-volume-name').insertText, /storageClassName: ""/);
  });

  it('without classes in the workspace the class is left to the cluster default', () => {
    const s = getLanguageService();
    for (const prefix of ['pvc', 'sts', 'ks-ephemeral', 'ks-pvc-clone']) {
      const snippet = item(completeAt('|'), prefix);
      assert.doesNotMatch(snippet.insertText, /storageClassName: \$\{|standard/);
      assert.match(snippet.insertText, /# storageClassName left out: the cluster's default/);
      const uri = `file:///ws/${prefix}.yaml`;
      s.setFile(uri, expandSnippet(snippet.insertText));
      const problems = s
        .getDiagnostics(uri)
        .filter((d) => d.severity === 'error' || d.code === 'storage-class-not-found');
      assert.deepEqual(
        problems.map((d) => `${d.code}: ${d.message.en}`),
        [],
        prefix,
      );
    }
    assert.match(
      item(completeAt('|', {}, 'ru'), 'pvc').insertText,
      /# storageClassName не указан: том выделит класс хранилища кластера по умолчанию/,
    );
  });

  const PVC = 'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: data\n';
  const POD =
    'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: c\n      image: busybox\n  volumes:\n    - name: d\n      persistentVolumeClaim:\n';
  const crowded: Record<string, string> = {
    'storageClassName value': `${PVC}spec:\n  storageClassName: s|`,
    'claimName value': `${POD}        claimName: |`,
    'apiVersion value': 'apiVersion: |\nkind: PersistentVolumeClaim\n',
    'kind value': 'apiVersion: v1\nkind: s|\n',
    'a key inside spec': `${PVC}spec:\n  s|`,
    'column 0 of a started object': `${PVC}s|`,
    'a list item': `${POD.replace(/ {6}persistentVolumeClaim:\n$/, '')}    - p|`,
  };
  for (const [where, text] of Object.entries(crowded)) {
    it(`never among values or keys: ${where}`, () => {
      assert.deepEqual(
        snippetsIn(completeAt(text, { 'file:///ws/classes.yaml': CLASSES })).map((i) => i.label),
        [],
      );
    });
  }
});
