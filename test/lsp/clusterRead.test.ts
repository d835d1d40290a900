/**
 * `kubeStorage/clusterSnapshot` over stdio against the built server: the snapshot read with
 * kubectl ("Read Storage From Cluster") is kept in memory under a `kube-storage-cluster:` URI; its
 * objects satisfy links and feed the binding preview, it has no problems, a new one replaces the
 * old, and forgetting it brings the broken link back.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, describe, it } from 'node:test';
import {
  BindingsRequest,
  ClusterSnapshotRequest,
  type ClusterSnapshotResult,
} from '../../server/src/protocol';
import { readList, snapshotText } from '../../server/src/service/clusterRead/output';
import { CLUSTER_RESOURCES } from '../../server/src/service/clusterRead/resources';
import { printedList } from '../fixtures/clusterRead/printed';
import { TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

const app = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: db-backup
  namespace: shop
spec:
  selector:
    matchLabels: {app: db-backup}
  template:
    metadata:
      labels: {app: db-backup}
    spec:
      containers:
        - name: backup
          image: postgres:16.4
          command: [pg_dump, --file=/data/shop.sql]
          volumeMounts:
            - name: data
              mountPath: /data
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: data-postgres-0
---
apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: exports
  namespace: shop
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;

/** The snapshot the client builds from kubectl's output (node/kubectl/readCluster.ts). */
function snapshot(context: string): string {
  const lists = CLUSTER_RESOURCES.map((resource) => {
    const read = readList(
      resource,
      printedList(resource.plural as Parameters<typeof printedList>[0]),
    );
    assert.ok(read.ok);
    return read.list;
  });
  return snapshotText({ context, readAt: '2026-12-06T12:00:00.000Z', notRead: [] }, lists);
}

const codes = (ds: { code?: string | number }[]): string[] => ds.map((d) => String(d.code));

describe('LSP: the cluster snapshot read with kubectl', () => {
  let client: TestClient;
  let root: string;
  const appUri = (): string => pathToFileURL(join(root, 'app.yaml')).href;
  const send = (params: unknown) =>
    // Untyped on purpose: some tests send what a broken client might.
    client.connection.sendRequest<ClusterSnapshotResult>(ClusterSnapshotRequest.method, params);
  const bindings = async () => {
    const result = await client.connection.sendRequest(BindingsRequest, {
      scope: { uri: appUri() },
    });
    assert.ok(result.ok);
    return result.data;
  };

  before(async () => {
    root = makeTempDir('kube-storage-lsp-cluster-read-');
    writeFileSync(join(root, 'app.yaml'), app);
    client = await TestClient.start({ rootPath: root });
    await client.open(appUri(), app);
  });

  after(async () => {
    await client.stop();
  });

  it('without a snapshot, the claim the Deployment mounts is not found', async () => {
    const ds = await client.waitForDiagnostics(appUri(), (d) =>
      codes(d).includes('claim-not-found'),
    );
    assert.ok(codes(ds).includes('claim-not-found'), codes(ds).join());
  });

  it('the snapshot satisfies the link and feeds the preview; it has no problems', async () => {
    const uri = 'kube-storage-cluster:/prod-eu.yaml';
    const result = await send({ snapshot: { uri, context: 'prod-eu', text: snapshot('prod-eu') } });
    assert.deepEqual(result, { ok: true, objects: 10 });
    const ds = await client.waitForDiagnostics(
      appUri(),
      (d) => !codes(d).includes('claim-not-found'),
    );
    assert.ok(!codes(ds).includes('claim-not-found'));
    const data = await bindings();
    const existing = data.claims.find((c) => c.name === 'data-postgres-0');
    assert.equal(existing?.phase, 'Bound');
    assert.equal(existing?.source?.uri, uri);
    assert.equal(existing?.source?.inCluster, true);
    const exports = data.claims.find((c) => c.name === 'exports');
    assert.equal(exports?.storageClass, 'gp3', "the cluster's default class");
    assert.ok(data.volumes.some((v) => v.name === 'reports-archive' && v.phase === 'Released'));
  });

  it('a snapshot of another context replaces the first', async () => {
    const uri = 'kube-storage-cluster:/staging.yaml';
    const text = snapshot('staging').replace(/name: gp3$/m, 'name: standard');
    assert.ok((await send({ snapshot: { uri, context: 'staging', text } })).ok);
    const data = await bindings();
    assert.deepEqual(
      data.claims.filter((c) => c.name === 'data-postgres-0').map((c) => c.source?.uri),
      [uri],
      'one copy, from the new snapshot',
    );
    assert.ok(data.storageClasses.some((c) => c.name === 'standard'));
    assert.ok(!data.storageClasses.some((c) => c.name === 'gp3'));
  });

  it('only kube-storage-cluster: URIs are taken', async () => {
    const text = snapshot('x');
    for (const params of [
      { snapshot: { uri: pathToFileURL(join(root, 'app.yaml')).href, context: 'x', text } },
      { snapshot: { uri: 'kube-storage-cluster:/x.yaml', context: 'x', text: 42 } },
      {},
      null,
    ]) {
      const result = await send(params);
      assert.equal(result.ok, false, JSON.stringify(params).slice(0, 80));
      assert.ok(!result.ok && result.error.ru.length > 0);
    }
    // The file of the workspace was not replaced by the snapshot.
    assert.ok((await bindings()).claims.some((c) => c.name === 'exports'));
  });

  it('forgetting the snapshot brings the broken link back', async () => {
    assert.deepEqual(await send({ snapshot: null }), { ok: true, objects: 0 });
    const ds = await client.waitForDiagnostics(appUri(), (d) =>
      codes(d).includes('claim-not-found'),
    );
    assert.ok(codes(ds).includes('claim-not-found'));
    assert.ok(!(await bindings()).claims.some((c) => c.name === 'data-postgres-0'));
  });
});
