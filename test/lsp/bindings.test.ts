/**
 * `kubeStorage/bindings` over stdio against the built server: open documents feed the
 * simulation, an edit changes the answer, the scope narrows it, and bad params get a fallback.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BindingsRequest, type BindingsResult } from '../../server/src/protocol';
import { TestClient } from './support/client';

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
