/**
 * `kubeStorage/bindings` over stdio against the built server: open documents feed the
 * simulation, an edit changes the answer, the scope narrows it, and bad params get a fallback.
 */
import assert from 'node:assert/strict';
import { cpSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import {
  BindingsRequest,
  HelmRenderedNotification,
  HelmRenderedRequest,
  WorkspaceTrustNotification,
  type BindingsResult,
} from '../../server/src/protocol';
import { realTool } from '../support/tools';
import { TestClient } from './support/client';
import { makeTempDir } from '../support/tempDir';

const DIR = 'file:///tmp/kube-storage-bindings-test/';
const PV = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-small
spec:
  capacity:
    storage: 1Gi
  accessModes: [ReadWriteOnce]
  hostPath:
    path: /data/small
`;
const claim = (size: string) => `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  storageClassName: ""
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: ${size}
`;

void describe('kubeStorage/bindings over LSP', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ locale: 'ru' });
    await client.open(`${DIR}pv.yaml`, PV);
    await client.open(`${DIR}pvc.yaml`, claim('1Gi'));
  });

  after(async () => {
    await client.stop();
  });

  // Untyped on purpose: some tests send what a broken client might.
  const ask = (params: unknown) =>
    client.connection.sendRequest<BindingsResult>(BindingsRequest.method, params);

  void it('binds the claim to the volume, with the display language', async () => {
    const result = await ask({ scope: 'workspace' });
    assert.ok(result.ok);
    assert.equal(result.lang, 'ru');
    const data = result.data.claims.find((c) => c.name === 'data');
    assert.equal(data?.volume, 'pv-small');
    assert.equal(data?.source?.uri, `${DIR}pvc.yaml`);
  });

  void it('follows an edit: a bigger request stays Pending with the reason', async () => {
    await client.replace(`${DIR}pvc.yaml`, claim('5Gi'));
    const result = await ask({ scope: 'workspace', lang: 'en' });
    assert.ok(result.ok);
    const data = result.data.claims.find((c) => c.name === 'data')!;
    assert.equal(data.outcome, 'pending');
    assert.equal(data.rejected[0]?.code, 'too-small');
    await client.replace(`${DIR}pvc.yaml`, claim('1Gi'));
  });

  void it('narrows to one file', async () => {
    const result = await ask({ scope: { uri: `${DIR}pvc.yaml` } });
    assert.ok(result.ok);
    assert.equal(result.data.volumes.length, 0);
    assert.equal(result.data.claims[0]?.outcome, 'pending');
  });

  void it('treats malformed params as the workspace', async () => {
    const result = await ask({ scope: 42, nodeLabels: 'x' });
    assert.ok(result.ok);
    assert.ok(result.data.claims.length >= 1);
  });
});

const helm = realTool('helm');

describe(
  "a rendered chart's objects in the bindings, marked with their chart",
  { skip: helm.missing },
  () => {
    let dir: string;
    let client: TestClient;
    let uri: string;
    const values =
      'auth:\n  password: s3cret\nreplicaCount: 2\npersistence:\n  storageClass: manual\n  size: 30Gi\nwal:\n  enabled: false\n';
    const volume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-ledger
spec:
  capacity:
    storage: 40Gi
  accessModes: [ReadWriteOnce]
  storageClassName: manual
  hostPath:
    path: /srv/ledger
`;

    before(async () => {
      dir = makeTempDir('ks-bindings-chart-');
      cpSync(resolve(__dirname, '../fixtures/helm-render/ledger'), join(dir, 'ledger'), {
        recursive: true,
      });
      writeFileSync(join(dir, 'my-values.yaml'), values);
      writeFileSync(join(dir, 'pv.yaml'), volume);
      uri = pathToFileURL(join(dir, 'my-values.yaml')).href;
      client = await TestClient.start({
        rootPath: dir,
        settings: { helm: { path: helm.path, namespace: 'accounting', release: 'books' } },
      });
      await client.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
      const rendered = new Promise<void>((done) =>
        client.connection.onNotification(HelmRenderedNotification, () => done()),
      );
      await client.open(pathToFileURL(join(dir, 'pv.yaml')).href, volume);
      await client.open(uri, values);
      await rendered;
    });
    after(async () => {
      await client.stop();
    });

    const ask = async (params: object = {}) => {
      const result = await client.request(BindingsRequest, { scope: 'workspace', ...params });
      assert.ok(result.ok);
      return result.data;
    };

    it("binds the chart's claim to the workspace's volume and says where it comes from", async () => {
      const data = await ask();
      const first = data.claims.find((c) => c.name === 'data-books-ledger-0');
      const second = data.claims.find((c) => c.name === 'data-books-ledger-1');
      assert.equal(first?.volume, 'pv-ledger');
      assert.equal(second?.phase, 'Pending');
      assert.equal(first?.source?.rendered?.chart, uri);
      // The claim template's name: line 52 of the template.
      assert.deepEqual(first?.source?.rendered?.template, {
        file: 'templates/statefulset.yaml',
        line: 51,
        uri: pathToFileURL(join(dir, 'ledger')).href + '/templates/statefulset.yaml',
      });
      const sts = data.workloads.find((w) => w.name === 'books-ledger');
      assert.equal(sts?.source?.rendered?.template?.file, 'templates/statefulset.yaml');
      assert.equal(data.volumes.find((v) => v.name === 'pv-ledger')?.source?.rendered, undefined);
      assert.deepEqual(
        data.charts?.map((c) => [c.id, c.name, c.release, c.valuesFiles, c.valuesUri]),
        [[uri, 'ledger', 'books', ['ledger/values.yaml', 'my-values.yaml'], uri]],
      );
      assert.ok((data.charts?.[0]?.objects ?? 0) >= 3, 'two claims and the StatefulSet at least');
    });

    it('names the values behind the size once they are traced (as the inspector asks)', async () => {
      await client.request(HelmRenderedRequest, { valuesUri: uri });
      const data = await ask();
      const first = data.claims.find((c) => c.name === 'data-books-ledger-0');
      const size = first?.source?.rendered?.values.find(
        (v) => v.field === 'resources.requests.storage',
      );
      assert.deepEqual(size, {
        field: 'resources.requests.storage',
        path: 'persistence.size',
        label: 'my-values.yaml',
        uri,
        line: 5,
      });
    });

    it('without rendered charts: the workspace alone, the chart still listed', async () => {
      const data = await ask({ renderedCharts: false });
      assert.ok(!data.claims.some((c) => c.name.startsWith('data-books-ledger')));
      assert.equal(data.volumes.find((v) => v.name === 'pv-ledger')?.phase, 'Available');
      assert.equal(data.charts?.[0]?.objects, 0);
    });
  },
);
