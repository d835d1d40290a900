/**
 * `kubeStorage.cluster.*` over stdio against the built server: a snapshot named by a glob
 * satisfies links, feeds the binding preview as existing state and is never checked; the default
 * class setting decides claims without a class; changing the settings re-checks at once.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { BindingsRequest } from '../../server/src/protocol';
import { TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

const job = `apiVersion: batch/v1
kind: Job
metadata:
  name: vacuum
  namespace: shop
spec:
  template:
    spec:
      restartPolicy: Never
      containers:
        - name: vacuum
          image: postgres:16.4
          volumeMounts:
            - name: data
              mountPath: /var/lib/postgresql/data
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data-postgres-0
---
# A claim for later jobs: nothing mounts it yet.
# kube-storage-disable claim-used-by-no-pod
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: exports
  namespace: jobs
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

const codes = (ds: { code?: string | number }[]): string[] => ds.map((d) => String(d.code));

describe('LSP: cluster snapshots and the default class', () => {
  let client: TestClient;
  let root: string;
  const uri = (name: string): string => pathToFileURL(join(root, name)).href;

  before(async () => {
    root = makeTempDir('kube-storage-lsp-cluster-');
    mkdirSync(join(root, 'cluster'));
    copyFileSync(
      join(__dirname, '..', 'fixtures', 'cluster', 'snapshot.yaml'),
      join(root, 'cluster', 'prod.yaml'),
    );
    writeFileSync(join(root, 'jobs.yaml'), job);
    client = await TestClient.start({
      rootPath: root,
      settings: { cluster: { snapshots: ['cluster/*.yaml'] } },
    });
  });

  after(async () => {
    await client.stop();
  });

  it('a claim that exists in the snapshot is no broken link; the snapshot has no problems', async () => {
    await client.open(uri('jobs.yaml'), job);
    const ds = await client.waitForDiagnostics(uri('jobs.yaml'));
    assert.deepEqual(codes(ds), []);
    const text = readFileSync(join(root, 'cluster', 'prod.yaml'), 'utf8');
    await client.open(uri('cluster/prod.yaml'), text);
    assert.deepEqual(codes(await client.waitForDiagnostics(uri('cluster/prod.yaml'))), []);
  });

  it('the preview sees the cluster: existing claims and volumes, the default class', async () => {
    const result = await client.connection.sendRequest(BindingsRequest, {
      scope: { uri: uri('jobs.yaml') },
    });
    assert.ok(result.ok);
    const existing = result.data.claims.find((c) => c.name === 'data-postgres-0');
    assert.equal(existing?.phase, 'Bound');
    assert.equal(existing?.source?.inCluster, true);
    const exports = result.data.claims.find((c) => c.name === 'exports');
    assert.equal(exports?.storageClass, 'standard', "the snapshot's default class");
    assert.equal(exports?.outcome, 'provision');
  });

  it('without the snapshot setting, the same file is a manifest to check and the link breaks', async () => {
    await client.changeSettings({ cluster: { snapshots: [] } });
    const snapshot = await client.waitForDiagnostics(uri('cluster/prod.yaml'), (d) => d.length > 0);
    assert.ok(codes(snapshot).includes('claim-ref-not-found'), codes(snapshot).join());
    // Indexed as a manifest, its claim still exists: the Job's link holds.
    assert.deepEqual(codes(await client.waitForDiagnostics(uri('jobs.yaml'))), []);
  });

  it('defaultStorageClass none: a default class in the snapshot still decides; without one, Pending', async () => {
    await client.close(uri('cluster/prod.yaml'));
    await client.changeSettings({
      cluster: { snapshots: ['cluster/*.yaml'], defaultStorageClass: 'none' },
    });
    await client.waitForDiagnostics(uri('jobs.yaml'));
    const ask = () => client.connection.sendRequest(BindingsRequest, { scope: 'workspace' });
    const withDefault = await ask();
    assert.ok(withDefault.ok);
    const exports = withDefault.data.claims.find((c) => c.name === 'exports');
    assert.equal(exports?.storageClass, 'standard');

    // The cluster is read again and holds nothing: no class, no claim.
    writeFileSync(join(root, 'cluster', 'prod.yaml'), 'apiVersion: v1\nkind: List\nitems: []\n');
    await client.filesChanged([{ uri: uri('cluster/prod.yaml'), type: 2 }]);
    const ds = await client.waitForDiagnostics(uri('jobs.yaml'), (d) =>
      codes(d).includes('claim-will-stay-pending'),
    );
    assert.deepEqual(codes(ds), ['claim-not-found', 'claim-will-stay-pending']);
  });
});
