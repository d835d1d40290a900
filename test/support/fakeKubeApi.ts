/**
 * A small Kubernetes API server for tests of the real kubectl (there is none on these machines):
 * node:http on 127.0.0.1, answering the legacy discovery paths (`/api`, `/apis`, `/api/v1`,
 * `/apis/<group>/<version>`) and the list paths of the storage kinds and nodes with responses in
 * the shape the API server sends (lists whose items carry no kind, `Status` objects for errors).
 * A kubeconfig pointing at it is written to a temp dir.
 */
import { rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { makeTempDir } from './tempDir';

/** One resource the fake server serves: where it lives and what its list holds. */
interface FakeResource {
  group: string;
  version: string;
  plural: string;
  kind: string;
  namespaced: boolean;
  shortNames?: string[];
}

export const FAKE_RESOURCES: FakeResource[] = [
  {
    group: '',
    version: 'v1',
    plural: 'persistentvolumes',
    kind: 'PersistentVolume',
    namespaced: false,
    shortNames: ['pv'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'persistentvolumeclaims',
    kind: 'PersistentVolumeClaim',
    namespaced: true,
    shortNames: ['pvc'],
  },
  {
    group: '',
    version: 'v1',
    plural: 'nodes',
    kind: 'Node',
    namespaced: false,
    shortNames: ['no'],
  },
  {
    group: 'storage.k8s.io',
    version: 'v1',
    plural: 'storageclasses',
    kind: 'StorageClass',
    namespaced: false,
    shortNames: ['sc'],
  },
  {
    group: 'storage.k8s.io',
    version: 'v1',
    plural: 'volumeattributesclasses',
    kind: 'VolumeAttributesClass',
    namespaced: false,
    shortNames: ['vac'],
  },
  {
    group: 'snapshot.storage.k8s.io',
    version: 'v1',
    plural: 'volumesnapshotclasses',
    kind: 'VolumeSnapshotClass',
    namespaced: false,
    shortNames: ['vsclass', 'vsclasses'],
  },
];

export interface FakeKubeApiOptions {
  /** Items per plural (`storageclasses`: [...]); a plural not given lists nothing. */
  items?: Partial<Record<string, object[]>>;
  /** Plurals whose list answers 403 Forbidden, as RBAC does. */
  forbidden?: string[];
  /** Namespaced plurals the user may list in one namespace only (403 across all namespaces). */
  forbiddenAllNamespaces?: string[];
  /** Groups not installed (e.g. `snapshot.storage.k8s.io` without the CRDs): absent from discovery. */
  missingGroups?: string[];
  /** Every request answers 401 (an expired token). */
  unauthorized?: boolean;
  /** List requests wait this long before answering (a slow API server). */
  listDelayMs?: number;
  /** The user name in RBAC messages. */
  user?: string;
}

export interface FakeKubeApi {
  url: string;
  /** A kubeconfig with contexts `fake` (current) and `other` (same server), in a temp dir. */
  kubeconfig: string;
  /** A temp dir for kubectl's discovery cache (kept out of the user's home). */
  cacheDir: string;
  /** Method and path of every request, in order. */
  requests: string[];
  close(): Promise<void>;
}

function send(res: ServerResponse, code: number, body: unknown): void {
  res.writeHead(code, { 'content-type': 'application/json' });
  res.end(JSON.stringify(body));
}

function status(code: number, reason: string, message: string, details?: object): object {
  return {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message,
    reason,
    ...(details ? { details } : {}),
    code,
  };
}

function groupVersion(r: FakeResource): string {
  return r.group ? `${r.group}/${r.version}` : r.version;
}

function resourceList(gv: string, resources: FakeResource[]): object {
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: gv,
    resources: resources.map((r) => ({
      name: r.plural,
      singularName: r.kind.toLowerCase(),
      namespaced: r.namespaced,
      kind: r.kind,
      ...(r.shortNames ? { shortNames: r.shortNames } : {}),
      verbs: ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'],
    })),
  };
}

export async function startFakeKubeApi(options: FakeKubeApiOptions = {}): Promise<FakeKubeApi> {
  const requests: string[] = [];
  const served = FAKE_RESOURCES.filter((r) => !options.missingGroups?.includes(r.group));
  const groups = [...new Set(served.map((r) => r.group).filter(Boolean))];
  const user = options.user ?? 'jane@example.com';

  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    requests.push(`${req.method} ${url.pathname}`);
    if (options.unauthorized) return send(res, 401, status(401, 'Unauthorized', 'Unauthorized'));
    const path = url.pathname.replace(/\/$/, '');
    if (path === '/api')
      return send(res, 200, {
        kind: 'APIVersions',
        versions: ['v1'],
        serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.1:6443' }],
      });
    if (path === '/apis')
      return send(res, 200, {
        kind: 'APIGroupList',
        apiVersion: 'v1',
        groups: groups.map((name) => {
          const gv = { groupVersion: `${name}/v1`, version: 'v1' };
          return { name, versions: [gv], preferredVersion: gv };
        }),
      });
    if (path === '/api/v1')
      return send(
        res,
        200,
        resourceList(
          'v1',
          served.filter((r) => !r.group),
        ),
      );
    for (const group of groups) {
      if (path === `/apis/${group}/v1`)
        return send(
          res,
          200,
          resourceList(
            `${group}/v1`,
            served.filter((r) => r.group === group),
          ),
        );
    }
    const match = /^\/(?:api\/v1|apis\/([^/]+)\/v1)(?:\/namespaces\/([^/]+))?\/([^/]+)$/.exec(path);
    const resource = match
      ? served.find((r) => r.group === (match[1] ?? '') && r.plural === match[3])
      : undefined;
    if (!resource || req.method !== 'GET' || (match?.[2] && !resource.namespaced))
      return send(
        res,
        404,
        status(404, 'NotFound', 'the server could not find the requested resource'),
      );
    const namespace = match?.[2];
    const forbidden =
      options.forbidden?.includes(resource.plural) ||
      (!namespace && options.forbiddenAllNamespaces?.includes(resource.plural));
    if (forbidden) {
      const scope = namespace ? `in the namespace "${namespace}"` : 'at the cluster scope';
      return send(
        res,
        403,
        status(
          403,
          'Forbidden',
          `${resource.plural}${resource.group ? `.${resource.group}` : ''} is forbidden: User "${user}" cannot list resource "${resource.plural}" in API group "${resource.group}" ${scope}`,
          { kind: resource.plural, ...(resource.group ? { group: resource.group } : {}) },
        ),
      );
    }
    const items = (options.items?.[resource.plural] ?? []).filter(
      (item) =>
        !namespace ||
        (item as { metadata?: { namespace?: string } }).metadata?.namespace === namespace,
    );
    const answer = () =>
      send(res, 200, {
        kind: `${resource.kind}List`,
        apiVersion: groupVersion(resource),
        metadata: { resourceVersion: '48213' },
        items,
      });
    if (options.listDelayMs) setTimeout(answer, options.listDelayMs);
    else answer();
  };

  const server: Server = createServer(handle);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const dir = makeTempDir('ks-kubectl-');
  const kubeconfig = join(dir, 'config');
  writeFileSync(kubeconfig, kubeconfigText(url));
  const cacheDir = join(dir, 'cache');
  return {
    url,
    kubeconfig,
    cacheDir,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A kubeconfig with two contexts on `server`, `fake` being the current one. */
export function kubeconfigText(server: string, current = 'fake'): string {
  return [
    'apiVersion: v1',
    'kind: Config',
    'clusters:',
    '- name: fake-cluster',
    '  cluster:',
    `    server: ${server}`,
    'users:',
    '- name: jane',
    '  user:',
    '    token: not-a-secret',
    'contexts:',
    '- name: fake',
    '  context:',
    '    cluster: fake-cluster',
    '    user: jane',
    '- name: other',
    '  context:',
    '    cluster: fake-cluster',
    '    user: jane',
    '    namespace: team-a',
    `current-context: ${current}`,
    '',
  ].join('\n');
}
