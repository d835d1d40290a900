/**
 * "Read Storage From Cluster": the contexts of the user's kubeconfig, and the storage of one
 * context read with kubectl into a cluster snapshot (service/clusterRead). Each kind is read on
 * its own: a kind RBAC forbids, or one the cluster does not serve (no snapshot CRDs), is left out
 * and named; a claim list forbidden across namespaces is read in the context's namespace. Any
 * other problem (no kubectl, no context, credentials, certificates, unreachable, timeout) ends
 * the read at once with a message in both languages.
 */
import {
  classifyKubectlStderr,
  isPerResource,
  type KubectlProblem,
} from '../../service/clusterRead/errors';
import {
  clusterReadMessages,
  kubectlProblemMessage,
  processTimeoutMessage,
} from '../../service/clusterRead/kubectlMessages';
import {
  parseContextNames,
  readList,
  snapshotText,
  type ReadList,
} from '../../service/clusterRead/output';
import { CLUSTER_RESOURCES, type ClusterResource } from '../../service/clusterRead/resources';
import { localize } from '../../service/i18n/format';
import type { LocalizedText } from '../../service/types';
import {
  DEFAULT_KUBECTL_TIMEOUT_MS,
  runKubectl,
  ToolProcessError,
  type KubectlOptions,
} from './process';

export class ClusterReadError extends Error {
  constructor(
    readonly problem: KubectlProblem,
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'ClusterReadError';
  }
}

/** A kind that is not in the snapshot, and why. */
export interface ResourceNotRead {
  resource: ClusterResource;
  problem: KubectlProblem;
  text: LocalizedText;
}

export interface ClusterRead {
  context: string;
  /** ISO time the read started. */
  readAt: string;
  /** The snapshot: what kubectl printed, one `kind: List` document per kind. */
  text: string;
  /** Objects read per kind (`StorageClass`: 3…); a kind not read is absent. */
  counts: Record<string, number>;
  notRead: ResourceNotRead[];
  /** Kinds read in one namespace only (RBAC forbade every namespace). */
  namespaceOnly: { resource: ClusterResource; namespace: string }[];
}

/** The problem a failed kubectl run describes. */
export function problemOf(error: unknown, options: KubectlOptions): KubectlProblem {
  if (error instanceof ToolProcessError) {
    switch (error.reason) {
      case 'untrusted':
        return { kind: 'untrusted', detail: '' };
      case 'missing':
        return { kind: 'missing', detail: error.detail };
      case 'timeout':
        return { kind: 'timeout', detail: String(options.timeoutMs ?? DEFAULT_KUBECTL_TIMEOUT_MS) };
      case 'tooLarge':
        return { kind: 'tooLarge', detail: error.detail };
      case 'failed':
        return classifyKubectlStderr(error.detail);
    }
  }
  return { kind: 'failed', detail: error instanceof Error ? error.message : String(error) };
}

function readError(
  error: unknown,
  options: KubectlOptions,
  where: { context?: string; resource?: string },
): ClusterReadError {
  const problem = problemOf(error, options);
  const processTimeout = error instanceof ToolProcessError && error.reason === 'timeout';
  const text = processTimeout
    ? processTimeoutMessage(options.timeoutMs ?? DEFAULT_KUBECTL_TIMEOUT_MS)
    : kubectlProblemMessage(problem, where);
  return new ClusterReadError(problem, text);
}

/** The kubeconfig's contexts, and the current one when it is set and among them. */
export async function listContexts(
  options: KubectlOptions,
): Promise<{ contexts: string[]; current?: string }> {
  let contexts: string[];
  try {
    contexts = parseContextNames(await runKubectl({ verb: 'contexts' }, options));
  } catch (e) {
    throw readError(e, options, {});
  }
  if (!contexts.length)
    throw new ClusterReadError(
      { kind: 'noContexts', detail: '' },
      kubectlProblemMessage({ kind: 'noContexts', detail: '' }),
    );
  // `current-context is not set` is no error here: the user picks one.
  const current = await runKubectl({ verb: 'currentContext' }, options).then(
    (out) => out.trim(),
    () => undefined,
  );
  return { contexts, ...(current && contexts.includes(current) ? { current } : {}) };
}

/** The namespace kubectl uses for the context (`default` when the context names none). */
async function contextNamespace(options: KubectlOptions): Promise<string> {
  const out = await runKubectl({ verb: 'contextNamespace' }, options).catch(() => '');
  return out.trim() || 'default';
}

async function readResource(
  resource: ClusterResource,
  options: KubectlOptions & { context: string },
): Promise<{ list: ReadList } | { notRead: ResourceNotRead }> {
  const where = { context: options.context, resource: resource.plural };
  const attempt = async (allNamespaces: boolean) =>
    runKubectl({ verb: 'get', resource: resource.plural, allNamespaces }, options);
  let stdout: string;
  let namespace: string | undefined;
  try {
    stdout = await attempt(resource.namespaced);
  } catch (e) {
    const problem = problemOf(e, options);
    if (!isPerResource(problem)) throw readError(e, options, where);
    if (!(resource.namespaced && problem.kind === 'forbidden'))
      return { notRead: { resource, problem, text: kubectlProblemMessage(problem, where) } };
    // Listing every namespace is forbidden: the context's own namespace may be allowed.
    try {
      stdout = await attempt(false);
      namespace = await contextNamespace(options);
    } catch (again) {
      const second = problemOf(again, options);
      if (!isPerResource(second)) throw readError(again, options, where);
      return { notRead: { resource, problem, text: kubectlProblemMessage(problem, where) } };
    }
  }
  const read = readList(resource, stdout, namespace);
  if (!read.ok) {
    const problem: KubectlProblem = { kind: 'badOutput', detail: read.reason };
    throw new ClusterReadError(problem, kubectlProblemMessage(problem, where));
  }
  return { list: read.list };
}

/** Reads the storage of `options.context` into a snapshot. */
export async function readClusterStorage(
  options: KubectlOptions & { context: string },
  resources: readonly ClusterResource[] = CLUSTER_RESOURCES,
): Promise<ClusterRead> {
  const readAt = new Date().toISOString();
  const lists: ReadList[] = [];
  const notRead: ResourceNotRead[] = [];
  // One after another: the first unreachable or unauthorized answer ends the read.
  for (const resource of resources) {
    const result = await readResource(resource, options);
    if ('list' in result) lists.push(result.list);
    else notRead.push(result.notRead);
  }
  if (!lists.some((l) => l.resource.kind !== 'Node')) {
    const first = notRead[0];
    const intro = localize(clusterReadMessages.nothingRead, { context: options.context });
    const texts = [intro, ...notRead.map((n) => n.text)];
    throw new ClusterReadError(first?.problem ?? { kind: 'failed', detail: '' }, {
      en: texts.map((t) => t.en).join(' '),
      ru: texts.map((t) => t.ru).join(' '),
    });
  }
  const counts: Record<string, number> = {};
  for (const list of lists) counts[list.resource.kind] = list.count;
  const header = {
    context: options.context,
    readAt,
    notRead: notRead.map((n) => `${n.resource.plural}: ${n.problem.kind} (${n.problem.detail})`),
  };
  return {
    context: options.context,
    readAt,
    text: snapshotText(header, lists),
    counts,
    notRead,
    namespaceOnly: lists
      .filter((l) => l.namespace)
      .map((l) => ({ resource: l.resource, namespace: l.namespace! })),
  };
}
