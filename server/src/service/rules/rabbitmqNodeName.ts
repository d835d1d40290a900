/**
 * RabbitMQ names its data directory after its node name: the message store is
 * `$RABBITMQ_MNESIA_BASE/<node name>` (`/var/lib/rabbitmq/mnesia/rabbit@<hostname>` in the official
 * image), and the node name is `rabbit@<hostname>` unless `RABBITMQ_NODENAME` sets it. A pod's
 * hostname is its name unless `spec.hostname` sets it, and each new pod of a Deployment, ReplicaSet,
 * ReplicationController or DaemonSet gets a new name. Such a RabbitMQ starts every new pod with an
 * empty store next to the old ones on its volume: queues, messages, users and vhosts seem gone. A
 * StatefulSet's pods keep their names.
 */
import type { EnvVar } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { knownDataDirs, parseImage, runsDatabaseServer } from './imageWritePaths';
import { normalizeHostPath } from './nodePlumbing';
import { fix } from './fixes/quickFix';
import { setKey } from './fixes/edits';
import type { Rule } from './types';
import {
  containersOf,
  isAtOrBelow,
  mountsOf,
  podSpecOf,
  replicasOf,
  str,
  volumesOf,
  type ContainerAt,
  type MountAt,
  type PodSpecAt,
} from './util';

/** Kinds whose pods get a new name, and so a new hostname, each time one is created. */
const RANDOM_HOSTNAME_KINDS = ['Deployment', 'ReplicaSet', 'ReplicationController', 'DaemonSet'];

/**
 * The official RabbitMQ image, in a pod of a kind whose pods get new names, with nothing that fixes
 * its node name: neither `hostNetwork` (the pod then has the node's hostname) nor a non-empty
 * `hostname` of the pod (an empty one gives the pod's name), nor a `RABBITMQ_NODENAME` of its own
 * that stays the same (one read from a field, or built from a variable that is, changes with the
 * pod; `envFrom` may set one we cannot read).
 */
export function rabbitNodeNameChanges(kind: string, at: PodSpecAt, c: ContainerAt): boolean {
  if (!RANDOM_HOSTNAME_KINDS.includes(kind) || at.spec.hostNetwork === true) return false;
  if (str(at.spec.hostname)) return false;
  if (parseImage(str(c.container.image) ?? '').repository !== 'rabbitmq') return false;
  if (Array.isArray(c.container.envFrom) && c.container.envFrom.length) return false;
  const env = Array.isArray(c.container.env) ? c.container.env : [];
  return !env.some((e) => e.name === 'RABBITMQ_NODENAME' && fixedValue(env, e));
}

/** Pod fields that differ from one pod of a workload to the next (`fieldRef.fieldPath`). */
const PER_POD_FIELDS = new Set([
  'metadata.name',
  'metadata.uid',
  'spec.nodeName',
  'status.podIP',
  'status.podIPs',
  'status.hostIP',
  'status.hostIPs',
]);

/**
 * An environment variable whose value is the same in every pod of the workload: a plain value,
 * or one from a ConfigMap, a Secret, a resource or a pod field that all pods share (the
 * namespace, a label), with any `$(VAR)` it names fixed too. Kubernetes expands only variables
 * defined earlier in the list; a reference to any other stays as it is written, a fixed text.
 */
function fixedValue(env: readonly EnvVar[], variable: EnvVar, depth = 0): boolean {
  const field = variable.valueFrom?.fieldRef?.fieldPath;
  if (field !== undefined) return !PER_POD_FIELDS.has(field);
  if (variable.valueFrom !== undefined) return true;
  if (typeof variable.value !== 'string') return true;
  if (depth > 8) return false;
  const earlier = env.slice(0, env.indexOf(variable));
  return [...variable.value.matchAll(/\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g)].every((m) => {
    const named = earlier.find((e) => e.name === m[1]);
    return named === undefined || fixedValue(env, named, depth + 1);
  });
}

/** What `database-data-not-on-volume` adds for such a RabbitMQ: the volume is not enough. */
export function nodeNameAdvice(kind: string): LocalizedText {
  return localize(
    {
      en: "RabbitMQ also names its data directory after its node name (`rabbit@<hostname>`), and each new pod of a {kind} gets a new hostname: with the volume, set the pod's `hostname` or `RABBITMQ_NODENAME` too, or run RabbitMQ as a StatefulSet.",
      ru: 'Кроме того, RabbitMQ называет каталог данных по имени своего узла (`rabbit@<имя хоста>`), а каждый новый под {kind} получает новое имя хоста: вместе с томом задайте поду `hostname` или переменную `RABBITMQ_NODENAME` либо запустите RabbitMQ как StatefulSet.',
    },
    { kind },
  );
}

/** Volume sources whose files outlive the pod (a claim, a node's directory, a network share). */
const LASTING_SOURCES = ['persistentVolumeClaim', 'hostPath', 'nfs', 'cephfs', 'iscsi'] as const;

/** The container's writable mount of a lasting volume that holds its data directory. */
function lastingDataMount(at: PodSpecAt, c: ContainerAt): MountAt | undefined {
  const dir = knownDataDirs(c.container)?.find((d) => d.startsWith('/'));
  if (!dir) return undefined;
  const lasting = new Set(
    volumesOf(at)
      .filter((v) => LASTING_SOURCES.some((k) => v.volume[k] !== undefined))
      .map((v) => v.volume.name),
  );
  return mountsOf(c).find((m) => {
    const path = str(m.mount.mountPath);
    return (
      m.field === 'volumeMounts' &&
      m.mount.readOnly !== true &&
      lasting.has(m.mount.name) &&
      !!path &&
      isAtOrBelow(normalizeHostPath(dir), normalizeHostPath(path))
    );
  });
}

/** A hostname for the pods: the workload's name, cut to a DNS label (at most 63 characters). */
function stableHostname(name: string | undefined): string | undefined {
  const label = (name ?? '')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-')
    .slice(0, 63)
    .replace(/^-+|-+$/g, '');
  return label || undefined;
}

export const rabbitmqNodeNameChanges: Rule = {
  id: 'rabbitmq-node-name-changes',
  family: 'workloads',
  severity: 'warning',
  kinds: RANDOM_HOSTNAME_KINDS,
  fixable: true,
  title: {
    en: 'RabbitMQ keeps its data on a volume but gets a new node name with every pod',
    ru: 'RabbitMQ хранит данные на томе, но с каждым новым подом получает новое имя узла',
  },
  docs: {
    en: "RabbitMQ keeps its message store in a directory named after its node name (`/var/lib/rabbitmq/mnesia/rabbit@<hostname>` in the official image), and the node name is `rabbit@<hostname>` unless `RABBITMQ_NODENAME` sets it. A pod's hostname is its name, and every new pod of a Deployment, ReplicaSet or DaemonSet has a new one: after each update, eviction or restart of the pod, RabbitMQ starts with an empty store beside the old ones on the volume, and queues, messages, users and vhosts seem to be gone. Set the pod's `hostname` (the fix uses the workload's name), set `RABBITMQ_NODENAME`, or run RabbitMQ as a StatefulSet, whose pods keep their names. Not reported: a pod with `hostNetwork` (it has the node's hostname), a container with `envFrom` (it may set the node name), images other than the official `rabbitmq`; a `RABBITMQ_NODENAME` read from a field (the pod's name) or built from one changes with the pod and is reported.",
    ru: 'RabbitMQ хранит сообщения в каталоге, названном по имени узла (`/var/lib/rabbitmq/mnesia/rabbit@<имя хоста>` в официальном образе), а имя узла — `rabbit@<имя хоста>`, если его не задаёт `RABBITMQ_NODENAME`. Имя хоста пода — это имя пода, и у каждого нового пода Deployment, ReplicaSet или DaemonSet оно новое: после каждого обновления, вытеснения или перезапуска пода RabbitMQ начинает с пустым хранилищем рядом со старыми на томе, и очереди, сообщения, пользователи и виртуальные хосты как будто пропадают. Задайте поду `hostname` (исправление берёт имя рабочей нагрузки), задайте `RABBITMQ_NODENAME` или запустите RabbitMQ как StatefulSet: его поды сохраняют имена. Не отмечаются: под с `hostNetwork` (у него имя хоста узла), контейнер с `envFrom` (там может быть задано имя узла) и образы, кроме официального `rabbitmq`; а переменная `RABBITMQ_NODENAME`, прочитанная из поля (имени пода) или собранная из него, меняется вместе с подом, и такой под отмечается.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const c of containersOf(at)) {
      if (c.group !== 'containers' || !runsDatabaseServer(c.container)) continue;
      if (!rabbitNodeNameChanges(object.kind, at, c)) continue;
      const mount = lastingDataMount(at, c);
      if (!mount) continue;
      // One hostname for several pods at once would share one store: no fix then.
      const single = object.kind !== 'DaemonSet' && replicasOf(data) <= 1;
      const hostname = single ? stableHostname(object.name) : undefined;
      ctx.report(
        [...mount.path, 'mountPath'],
        localize(
          {
            en: "Volume `{volume}` keeps RabbitMQ's data, but its store is named after the node name `rabbit@<hostname>`, and each new pod of this {kind} has a new hostname: after an update or a restart of the pod, RabbitMQ starts empty beside the old store. Set the pod's `hostname` or `RABBITMQ_NODENAME`, or use a StatefulSet.",
            ru: 'Том `{volume}` хранит данные RabbitMQ, но их каталог назван по имени узла `rabbit@<имя хоста>`, а у каждого нового пода этого {kind} новое имя хоста: после обновления или перезапуска пода RabbitMQ начнёт с пустым хранилищем рядом со старым. Задайте поду `hostname` или `RABBITMQ_NODENAME` либо используйте StatefulSet.',
          },
          { volume: mount.mount.name, kind: object.kind },
        ),
        {
          fix: () =>
            hostname === undefined
              ? undefined
              : fix(
                  localize(
                    {
                      en: 'Give the pods a fixed hostname `{name}` (node name `rabbit@{name}`)',
                      ru: 'Задать подам постоянное имя хоста `{name}` (имя узла `rabbit@{name}`)',
                    },
                    { name: hostname },
                  ),
                  setKey(object, at.path, 'hostname', hostname),
                ),
        },
      );
    }
  },
};
