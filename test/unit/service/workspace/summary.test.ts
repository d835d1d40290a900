/**
 * The index without parsed trees (parse/summary.ts): a workspace whose files come as summaries
 * made in another thread (structured clone), and whose trees are dropped and built again on
 * demand, answers exactly as one that parsed every file itself — over random workspaces with
 * links across files, some broken, including Helm templates, lists and YAML errors.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService, type LanguageService } from '../../../../server/src/service';
import { summarizeFile } from '../../../../server/src/node/scanWorker';
import { ParsedChunk, setResidentTextLimit } from '../../../../server/src/service/parse/chunk';
import { prng } from '../../../../bench/generate';

const claim = (name: string, className: string, mode: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: shop\n  labels: { app: shop }\nspec:\n  storageClassName: ${className}\n  accessModes: [${mode}]\n  resources:\n    requests:\n      storage: 5Gi\n`;

const storageClass = (name: string): string =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: "${name}"\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\n`;

const pod = (name: string, claimName: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  containers:\n    - name: main\n      image: busybox:1.37\n      volumeMounts:\n        - { name: data, mountPath: /data }\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: ${claimName}\n`;

const volume = (name: string, claimName: string): string =>
  `# a volume\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: ${name}\nspec:\n  capacity: { storage: 5Gi }\n  accessModes: [ReadWriteOnce]\n  claimRef: { name: ${claimName}, namespace: shop }\n  nfs: { server: nfs.local, path: /x }\n`;

const configMap = (name: string): string =>
  `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${name}\n  namespace: shop\ndata:\n  a: &x "1"\n  b: *x\n`;

const list = (claimName: string): string =>
  `apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: PersistentVolumeClaim\n    metadata: { name: ${claimName}, namespace: shop }\n    spec: { accessModes: [ReadWriteOnce], resources: { requests: { storage: 1Gi } } }\n`;

const broken = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n';
const template = (claimName: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: {{ .Values.name }}-${claimName}\n  namespace: shop\nspec:\n  accessModes: [ReadWriteOnce]\n`;

/** A workspace of 4-14 files, 1-5 documents each. */
function randomWorkspace(seed: number): { uris: string[]; texts: string[] } {
  const random = prng(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const classes = ['fast', 'slow'];
  const claims = ['orders', 'invoices', 'cache'];
  const files = 4 + Math.floor(random() * 11);
  const uris: string[] = [];
  const texts: string[] = [];
  for (let f = 0; f < files; f++) {
    const documents: string[] = [];
    const count = 1 + Math.floor(random() * 5);
    for (let d = 0; d < count; d++) {
      const roll = random();
      if (roll < 0.15) documents.push(storageClass(pick([...classes, 'other'])));
      else if (roll < 0.4)
        documents.push(
          claim(pick(claims), pick([...classes, 'nope']), pick(['ReadWriteOnce', 'RWO'])),
        );
      else if (roll < 0.55) documents.push(volume(`pv-${f}-${d}`, pick(claims)));
      else if (roll < 0.65) documents.push(configMap(`cm-${f}-${d}`));
      else if (roll < 0.7) documents.push(list(pick(claims)));
      else if (roll < 0.75) documents.push(broken);
      else if (roll < 0.8) documents.push(template(pick(claims)));
      else documents.push(pod(`worker-${f}-${d}`, pick([...claims, 'nobody'])));
    }
    uris.push(`file:///repo/app-${f % 3}/file-${f}.yaml`);
    texts.push(documents.join('---\n'));
  }
  return { uris, texts };
}

/** Every answer of the service that reads other files, at every line start and name. */
function answers(service: LanguageService, uris: string[], texts: string[]): unknown[] {
  const out: unknown[] = [];
  uris.forEach((uri, i) => {
    out.push(service.getDiagnostics(uri));
    texts[i]!.split('\n').forEach((line, n) => {
      const at = { line: n, character: Math.max(0, line.indexOf(':') + 3) };
      out.push(service.definition(uri, at), service.references(uri, at));
    });
  });
  out.push(service.bindings());
  return out;
}

describe('index from summaries', () => {
  it('answers as the index that parsed every file, over random workspaces', () => {
    for (let seed = 1; seed <= 25; seed++) {
      const { uris, texts } = randomWorkspace(seed);
      const parsed = getLanguageService();
      uris.forEach((uri, i) => parsed.setFile(uri, texts[i]!, 'disk'));
      const light = getLanguageService();
      uris.forEach((uri, i) =>
        light.setFile(
          uri,
          texts[i]!,
          'disk',
          0,
          structuredClone(summarizeFile(uri, texts[i]!, [])),
        ),
      );
      const expected = answers(parsed, uris, texts);
      assert.deepEqual(answers(light, uris, texts), expected, `seed ${seed}`);
      // Trees dropped (as the resident pool does) are built again with the same answers.
      for (const file of light.workspace.allFiles())
        for (const placed of file.chunks) placed.chunk.release();
      assert.deepEqual(answers(light, uris, texts), expected, `seed ${seed}, trees dropped`);
    }
  });

  it('keeps the trees of open files and bounds the others', () => {
    const limit = 64 * 1024;
    const previous = setResidentTextLimit(limit);
    try {
      const service = getLanguageService();
      const text = claim('orders', 'fast', 'ReadWriteOnce');
      service.setFile('file:///open.yaml', text, 'editor', 1);
      const open = service.workspace.getFile('file:///open.yaml')!.chunks[0]!.chunk;
      // More text than the pool holds, read from disk: the oldest trees are dropped.
      const big = (claim('x', 'fast', 'ReadWriteOnce') + '---\n').repeat(40);
      const files = Math.ceil(limit / big.length) + 1;
      for (let i = 0; i < files; i++) service.setFile(`file:///disk-${i}.yaml`, big, 'disk');
      const first = service.workspace.getFile('file:///disk-0.yaml')!.chunks[0]!.chunk;
      const last = service.workspace.getFile(`file:///disk-${files - 1}.yaml`)!.chunks[0]!.chunk;
      assert.equal(first.holdsTrees, false);
      assert.equal(last.holdsTrees, true);
      assert.equal(open.holdsTrees, true);
      assert.ok(open instanceof ParsedChunk);
      // Closed, the file's trees may go like the others.
      service.closeFile('file:///open.yaml');
      for (let i = 0; i < files; i++) service.setFile(`file:///again-${i}.yaml`, big, 'disk');
      assert.equal(open.holdsTrees, false);
      // A dropped tree comes back when something reads it.
      assert.equal(first.docs[0]!.doc.contents !== null, true);
      assert.equal(first.holdsTrees, true);
    } finally {
      setResidentTextLimit(previous);
    }
  });
});
