/**
 * `lint --jobs`: the files' checks shared out to worker threads give exactly what one thread
 * gives, in the same order — over random small workspaces with links across files, some broken.
 * Each worker reads the files, parses its own and takes the others' from the other workers' summaries.
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';
import { fileUri } from '../../../server/src/cli/files';
import { checkShare, lintInWorkers } from '../../../server/src/cli/lintWorkers';
import { claimsFrom } from '../../../server/src/node/claims';
import { getLanguageService } from '../../../server/src/service';
import { defaultDiagnosticSettings } from '../../../server/src/service/diagnostics/fileDiagnostics';
import { DEFAULT_MAX_FILE_SIZE } from '../../../server/src/service/largeFile';
import { prng } from '../../../bench/generate';
import { makeTempDir } from '../../support/tempDir';

const claim = (name: string, className: string, mode: string): string =>
  `apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  storageClassName: ${className}\n  accessModes: [${mode}]\n  resources:\n    requests:\n      storage: 5Gi\n`;

const storageClass = (name: string): string =>
  `apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: ${name}\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\n`;

const pod = (name: string, claimName: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: ${name}\n  namespace: shop\nspec:\n  containers:\n    - name: main\n      image: busybox:1.37\n      volumeMounts:\n        - { name: data, mountPath: /data }\n  volumes:\n    - name: data\n      persistentVolumeClaim:\n        claimName: ${claimName}\n`;

/**
 * A workspace of 4-12 files, 1-4 documents each: classes, claims and pods that name them, written
 * under `dir`.
 */
function randomWorkspace(
  seed: number,
  dir: string,
): { paths: string[]; uris: string[]; texts: string[] } {
  const random = prng(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)]!;
  const classes = ['fast', 'slow', 'archive'];
  const claims = ['orders', 'invoices', 'search', 'cache', 'logs'];
  const files = 4 + Math.floor(random() * 9);
  const paths: string[] = [];
  const texts: string[] = [];
  for (let f = 0; f < files; f++) {
    const documents: string[] = [];
    const count = 1 + Math.floor(random() * 4);
    for (let d = 0; d < count; d++) {
      const roll = random();
      if (roll < 0.2) documents.push(storageClass(pick(classes)));
      else if (roll < 0.6)
        documents.push(
          claim(
            pick(claims),
            pick([...classes, 'missing-class']),
            pick(['ReadWriteOnce', 'ReadWriteMany', 'ReadWriteOnse']),
          ),
        );
      else documents.push(pod(`worker-${f}-${d}`, pick([...claims, 'nobody'])));
    }
    const path = join(dir, `app-${f % 3}`, `file-${String(f).padStart(2, '0')}.yaml`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, documents.join('---\n'));
    paths.push(path);
    texts.push(documents.join('---\n'));
  }
  return { paths, uris: paths.map(fileUri), texts };
}

describe('lint workers', () => {
  it('give the single-thread results, in order, over random workspaces', async () => {
    for (let seed = 1; seed <= 4; seed++) {
      const dir = makeTempDir('lint-workers-');
      const { paths, uris, texts } = randomWorkspace(seed, dir);
      const settings = defaultDiagnosticSettings;
      // One thread as `lint` without --jobs: every file set, then every file checked.
      const service = getLanguageService();
      uris.forEach((uri, i) => service.setFile(uri, texts[i]!, 'disk'));
      const single = uris.map((uri) => service.getDiagnostics(uri, settings));
      const claim = claimsFrom(new Int32Array(1), uris.length);
      const oneThread = checkShare({ uris, texts, settings, claim });
      assert.deepEqual(
        oneThread.map(([index]) => index),
        uris.map((_, i) => i),
      );
      assert.deepEqual(
        oneThread.map(([, diagnostics]) => diagnostics),
        single,
      );
      const workers = 2 + (seed % 2);
      const shared = await lintInWorkers(paths, uris, settings, workers);
      assert.deepEqual(shared, single, `seed ${seed}, ${workers} workers`);
      assert.ok(
        single.some((d) => d.length),
        `seed ${seed}: the workspace has findings to compare`,
      );
    }
  });

  it("give the same cross-file findings once a file's trees were let go after its precheck", () => {
    // A claim naming a class no file defines: the finding depends on the other files, so it is
    // worked out after every file is indexed, once this file's trees were let go.
    const uris = ['file:///w/a.yaml', 'file:///w/b.yaml'];
    const texts = [claim('orders', 'missing-class', 'ReadWriteOnce'), storageClass('fast')];
    const settings = defaultDiagnosticSettings;
    const service = getLanguageService();
    uris.forEach((uri, i) => service.setFile(uri, texts[i]!, 'disk'));
    const single = uris.map((uri) => service.getDiagnostics(uri, settings));
    assert.ok(single[0]!.length, 'the claim has a cross-file finding');
    const checked = checkShare({ uris, texts, settings, claim: claimsFrom(new Int32Array(1), 2) });
    assert.deepEqual(
      checked.map(([, diagnostics]) => diagnostics),
      single,
    );
  });

  it('leave a file above the size limit unparsed and unindexed, as one thread does', () => {
    const big = Array.from(
      { length: 9000 },
      (_, i) =>
        `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cm-${i}\ndata:\n  k: "${'x'.repeat(200)}"\n`,
    ).join('---\n');
    assert.ok(big.length > DEFAULT_MAX_FILE_SIZE, 'the text is above the limit');
    const uris = ['file:///w/big.yaml', 'file:///w/claim.yaml'];
    const texts = [big, claim('orders', 'missing-class', 'ReadWriteOnce')];
    const settings = defaultDiagnosticSettings;
    const service = getLanguageService();
    uris.forEach((uri, i) => service.setFile(uri, texts[i]!, 'disk'));
    const single = uris.map((uri) => service.getDiagnostics(uri, settings));
    const threaded = getLanguageService();
    const checked = checkShare(
      { uris, texts, settings, claim: claimsFrom(new Int32Array(1), 2) },
      threaded,
    );
    assert.deepEqual(
      checked.map(([, diagnostics]) => diagnostics),
      single,
    );
    assert.equal(threaded.objectCount(uris[0]!), undefined, 'the large file is not indexed');
  });
});
