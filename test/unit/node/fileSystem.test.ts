/** NodeFileSystem.findManifestFiles: the YAML files of a folder, depth first, excludes and a limit. */
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { NodeFileSystem } from '../../../server/src/node/fileSystem';
import { makeTempDir } from '../../support/tempDir';

const root = makeTempDir('kube-storage-fs-');

const files = [
  'top.yaml',
  'README.md',
  'apps/billing/prod/claim.yaml',
  'apps/billing/prod/notes.txt',
  'apps/billing/staging/Claim.YML',
  'apps/search/volume.yml',
  'node_modules/chart/values.yaml',
  'apps/search/node_modules/x.yaml',
  '.git/config.yaml',
];
for (const file of files) {
  mkdirSync(join(root, file, '..'), { recursive: true });
  writeFileSync(join(root, file), 'kind: ConfigMap\n');
}
// Many folders, so the walk gives the event loop back at least once on a slow machine too.
for (let i = 0; i < 300; i++) {
  mkdirSync(join(root, 'many', `app-${i}`), { recursive: true });
  writeFileSync(join(root, 'many', `app-${i}`, 'workload.yaml'), 'kind: Deployment\n');
}

/** The same walk written the plain recursive way: what the order must be. */
function expected(dir: string, rel: string, skip: (rel: string) => boolean): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (skip(path)) continue;
    if (entry.isDirectory()) out.push(...expected(join(dir, entry.name), path, skip));
    else if (/\.ya?ml$/i.test(entry.name)) out.push(pathToFileURL(join(dir, entry.name)).href);
  }
  return out;
}

const exclude = ['**/node_modules/**', '**/.git/**'];
const excluded = (rel: string): boolean => /(^|\/)(node_modules|\.git)(\/|$)/.test(rel);

void describe('NodeFileSystem.findManifestFiles', () => {
  void it('lists .yaml and .yml files depth first, in the order folders list them', async () => {
    const found = await new NodeFileSystem().findManifestFiles(
      pathToFileURL(root).href,
      exclude,
      1e6,
    );
    assert.deepEqual(found, expected(root, '', excluded));
    assert.equal(found.length, 4 + 300);
    assert.ok(found.some((uri) => uri.endsWith('/apps/billing/staging/Claim.YML')));
    assert.ok(!found.some((uri) => uri.includes('node_modules') || uri.includes('.git')));
  });

  void it('stops at the limit, keeping the first files of the walk', async () => {
    const all = expected(root, '', excluded);
    const found = await new NodeFileSystem().findManifestFiles(
      pathToFileURL(root).href,
      exclude,
      3,
    );
    assert.deepEqual(found, all.slice(0, 3));
  });

  void it('finds nothing in a folder that does not exist or is not a file: URI', async () => {
    const fileSystem = new NodeFileSystem();
    assert.deepEqual(
      await fileSystem.findManifestFiles(pathToFileURL(join(root, 'missing')).href, [], 10),
      [],
    );
    assert.deepEqual(await fileSystem.findManifestFiles('untitled:Untitled-1', [], 10), []);
  });
});

void describe('NodeFileSystem.findManifestFiles: JSON', () => {
  const dir = makeTempDir('kube-storage-fs-json-');
  const claim = '{"apiVersion": "v1", "kind": "PersistentVolumeClaim", "metadata": {"name": "c"}}';
  const put = (file: string, text: string): void => {
    mkdirSync(join(dir, file, '..'), { recursive: true });
    writeFileSync(join(dir, file), text);
  };
  put('apps/claim.json', claim);
  put('apps/list.JSON', '{"apiVersion": "v1", "kind": "List", "items": []}');
  put('apps/pod.yaml', 'kind: Pod\n');
  put('package.json', '{"name": "x", "version": "1.0.0"}');
  put('tsconfig.json', '// comments\n{"compilerOptions": {}}');
  put('broken.json', '{"apiVersion": "v1", "kind": ');
  put('.vscode/pod.json', claim);
  put('vendor/node_modules/pod.json', claim);
  put('skipped/pod.json', claim);

  void it('takes JSON files that hold a Kubernetes object or list, and only those', async () => {
    // node_modules is not in the excludes: JSON under it is left out all the same.
    const found = await new NodeFileSystem().findManifestFiles(
      pathToFileURL(dir).href,
      ['skipped/**'],
      100,
    );
    const rel = found.map((uri) => uri.slice(pathToFileURL(dir).href.length + 1)).sort();
    assert.deepEqual(rel, ['apps/claim.json', 'apps/list.JSON', 'apps/pod.yaml']);
  });
});
