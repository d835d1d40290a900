/**
 * Ephemeral storage: `emptyDir` volumes that nothing bounds, memory-backed `emptyDir` and memory
 * limits, and local storage that keeps the cluster autoscaler from removing a node.
 */
import type { Volume } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import { describeBytes, parseQuantity } from '../quantity';
import type { YamlPath } from '../parse/nodes';
import type { Rule } from './types';
import {
  containersOf,
  get,
  isRecord,
  mountsOf,
  podSpecOf,
  str,
  strings,
  volumesOf,
  workloadKinds,
  type ContainerAt,
  type PodSpecAt,
} from './util';
import {
  containerLimit,
  containerName,
  hasPodEphemeralStorageLimit,
  isDiskEmptyDir,
  isMemoryEmptyDir,
  podLevelLimit,
  writersOf,
} from './podStorage';
import { setValueFix } from './fixes/storageFixes';

/** A Windows path, `C:\csi` or `c:/csi`: Windows nodes mount and name paths so. */
const WINDOWS_PATH = /^[A-Za-z]:[\\/]/;

/**
 * `/csi/` -> `/csi`; `unix:///csi/csi.sock` and `unix:/csi/csi.sock` -> `/csi/csi.sock`; a Windows
 * path with forward slashes and in lower case (its file system ignores case):
 * `C:\csi\csi.sock` -> `c:/csi/csi.sock`.
 */
function plainPath(p: string): string {
  let path = p.replace(/^unix:(\/\/)?/, '');
  if (WINDOWS_PATH.test(path)) path = path.replace(/\\/g, '/').toLowerCase();
  return path.replace(/\/{2,}/g, '/').replace(/(.)\/+$/, '$1');
}

/** The folder a path lies in directly: `/csi/csi.sock` -> `/csi`. */
function folderOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i > 0 ? path.slice(0, i) : '/';
}

/**
 * What a container hands its process, as the kubelet expands it: the words of `command` and
 * `args`, then its `env` values; `$(NAME)` becomes the value of an earlier literal `env` entry.
 */
function processWords(c: ContainerAt): { words: string[]; values: string[] } {
  const env = new Map<string, string>();
  const values: string[] = [];
  const expand = (text: string): string =>
    text.replace(/\$\(([A-Za-z_][\w.-]*)\)/g, (all, name: string) => env.get(name) ?? all);
  const entries = Array.isArray(c.container.env) ? c.container.env : [];
  for (const e of entries) {
    if (!isRecord(e)) continue;
    const name = str(e.name);
    const value = str(e.value);
    if (value === undefined) continue;
    const expanded = expand(value);
    if (name) env.set(name, expanded);
    values.push(expanded);
  }
  const words = [...strings(c.container.command), ...strings(c.container.args)]
    .map(expand)
    .flatMap((w) => w.split(/[\s'"]+/))
    .filter(Boolean);
  return { words, values };
}

/** A socket a word names (`unix://…`, or an absolute path ending in `.sock`), after any `--flag=`. */
function socketOf(word: string): string | undefined {
  const value = /^-{1,2}[\w.-]+=/.test(word) ? word.slice(word.indexOf('=') + 1) : word;
  if (value.startsWith('unix:')) return plainPath(value);
  const absolute = value.startsWith('/') || WINDOWS_PATH.test(value);
  return absolute && value.endsWith('.sock') ? plainPath(value) : undefined;
}

/**
 * The sockets a Kubernetes CSI sidecar is told of, whose folder holds nothing else it writes:
 * `--csi-address` (or `-csi-address`), the driver's socket; and the node-driver-registrar's
 * `--kubelet-registration-path`, the driver's socket as the kubelet sees it, beside which the
 * registrar writes only an empty `registration` file, the mark its `kubelet-registration-probe`
 * mode looks for (node-driver-registrar, cmd/csi-node-driver-registrar/main.go).
 */
function csiAddressesOf(words: readonly string[]): string[] {
  const out: string[] = [];
  words.forEach((w, i) => {
    const m = /^-{1,2}(?:csi-address|kubelet-registration-path)(?:=(.*))?$/.exec(w);
    const value = m ? (m[1] ?? words[i + 1]) : undefined;
    if (value) out.push(plainPath(value));
  });
  return out;
}

/**
 * A CSI socket folder: an `emptyDir` in which every container mounting it writable names a socket
 * file directly (`unix:///csi/csi.sock`, `/csi/csi.sock`, in its command, arguments or
 * environment), and which a container passes to its process as `--csi-address`, the flag of the
 * Kubernetes CSI sidecars (provisioner, attacher, resizer, snapshotter, livenessprobe…), or as the
 * node-driver-registrar's `--kubelet-registration-path`. That is how a CSI driver and its sidecars
 * share the driver's socket, and where the registrar leaves its empty probe file; they keep
 * nothing else there. The flag is what tells such a folder from a folder of data that also holds
 * a socket (MySQL's `mysql.sock` beside its files).
 */
function isCsiSocketFolder(at: PodSpecAt, name: string): boolean {
  let sidecar = false;
  for (const c of containersOf(at)) {
    const mounts = mountsOf(c).filter((m) => m.field === 'volumeMounts' && m.mount.name === name);
    if (!mounts.length) continue;
    const { words, values } = processWords(c);
    const sockets = [...words, ...values].flatMap((w) => socketOf(w) ?? []);
    const addresses = csiAddressesOf(words);
    for (const m of mounts) {
      const dir = str(m.mount.mountPath);
      if (!dir || m.mount.subPath || m.mount.subPathExpr) return false;
      const inDir = (p: string) => folderOf(p) === plainPath(dir);
      if (addresses.some(inDir)) sidecar = true;
      else if (m.mount.readOnly !== true && !sockets.some(inDir)) return false;
    }
  }
  return sidecar;
}

export const emptyDirWithoutSizeLimit: Rule = {
  id: 'emptydir-without-size-limit',
  family: 'ephemeral',
  severity: 'information',
  kinds: workloadKinds,
  title: {
    en: 'A writable `emptyDir` that no size limit bounds',
    ru: 'Том `emptyDir` для записи без ограничения размера',
  },
  docs: {
    en: "A disk-backed `emptyDir` lives in the kubelet's directory on the node's disk. Without `sizeLimit`, and with no `ephemeral-storage` limit on any container of the pod, nothing stops a runaway log, cache or upload from filling that disk: the node gets `DiskPressure` and the kubelet evicts pods, other applications' pods included. Set `emptyDir.sizeLimit` (the pod is evicted when the volume grows past it) or `resources.limits.ephemeral-storage` on the containers (the kubelet then limits the pod's container layers, logs and `emptyDir` volumes together). A `LimitRange` in the namespace may add such limits; then turn this rule off. Not reported for a CSI socket folder: an `emptyDir` in which every container mounting it writable names a socket (`unix:///csi/csi.sock`, `/csi/csi.sock`: in its command, arguments or environment, `$(VAR)` expanded), and which a container passes as `--csi-address`, the flag of the Kubernetes CSI sidecars, or as `--kubelet-registration-path`, the flag of the node-driver-registrar. That is how a CSI driver and its sidecars share the driver's socket, and where the registrar leaves an empty `registration` file for its probe: a socket and an empty file take no disk space. Without such a flag the folder is reported all the same: a socket may sit beside data (MySQL's `mysql.sock` in its data folder).",
    ru: 'Том `emptyDir` на диске лежит в каталоге kubelet на диске узла. Без `sizeLimit` и без лимита `ephemeral-storage` хотя бы у одного контейнера пода ничто не помешает разросшемуся журналу, кэшу или загрузкам заполнить этот диск: узел получит `DiskPressure`, и kubelet начнёт вытеснять поды, в том числе чужие. Задайте `emptyDir.sizeLimit` (под вытеснят, когда том его превысит) или `resources.limits.ephemeral-storage` у контейнеров (тогда kubelet ограничит слои контейнеров, журналы и тома `emptyDir` пода вместе). Если такие лимиты добавляет `LimitRange` пространства имён, отключите это правило. Не отмечается каталог сокета CSI: том `emptyDir`, в котором каждый контейнер, монтирующий его с правом записи, называет сокет (`unix:///csi/csi.sock`, `/csi/csi.sock` — в команде, аргументах или переменных окружения, с подстановкой `$(VAR)`), а какой-то контейнер передаёт его как `--csi-address` (флаг sidecar-контейнеров CSI из Kubernetes) или как `--kubelet-registration-path` (флаг node-driver-registrar). Так CSI-драйвер и его sidecar-контейнеры делят сокет драйвера, а node-driver-registrar оставляет там пустой файл `registration` для своей проверки: ни сокет, ни пустой файл места на диске не занимают. Без такого флага каталог отмечается как обычно: сокет может лежать рядом с данными (`mysql.sock` MySQL в каталоге его данных).',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at || hasPodEphemeralStorageLimit(at)) return;
    for (const v of volumesOf(at)) {
      if (!isDiskEmptyDir(v.volume) || get(v.volume, ['emptyDir', 'sizeLimit']) !== undefined)
        continue;
      const writers = writersOf(at, v.volume.name);
      if (!writers.length || isCsiSocketFolder(at, v.volume.name)) continue;
      ctx.report(
        [...v.path, 'emptyDir'],
        localize(
          {
            en: "`emptyDir` volume `{name}` has no `sizeLimit`, and no container of the pod has an `ephemeral-storage` limit: what the containers write there ({containers}) can fill the node's disk, and the kubelet then evicts pods. Set `sizeLimit` or `resources.limits.ephemeral-storage`.",
            ru: 'У тома emptyDir `{name}` нет `sizeLimit`, а ни у одного контейнера пода нет лимита `ephemeral-storage`: записанное туда контейнерами ({containers}) может заполнить диск узла, и тогда kubelet начнёт вытеснять поды. Задайте `sizeLimit` или `resources.limits.ephemeral-storage`.',
          },
          {
            name: v.volume.name,
            containers: writers.map((c) => '`' + containerName(c) + '`').join(', '),
          },
        ),
        { onKey: true },
      );
    }
  },
};

export const memoryEmptyDirLimits: Rule = {
  id: 'memory-emptydir-without-limit',
  family: 'ephemeral',
  severity: 'hint',
  kinds: workloadKinds,
  title: {
    en: 'A `medium: Memory` emptyDir that no memory limit bounds, or sized above the limit',
    ru: 'Том `emptyDir` в памяти (`medium: Memory`) ничем не ограничен или больше лимита памяти',
  },
  docs: {
    en: "`medium: Memory` makes the `emptyDir` a tmpfs: its files live in RAM and count against the memory limit of the container that writes them. Without `sizeLimit` the tmpfs may grow to the pod's memory limit, and, when not every container has one, to the node's allocatable memory: a writer without a memory limit can then take the node's memory. A `sizeLimit` above the writer's memory limit never applies: the container is OOM-killed first. Give the writing containers a memory limit that leaves room for the files, and a `sizeLimit` below it.",
    ru: '`medium: Memory` превращает `emptyDir` в tmpfs: файлы лежат в оперативной памяти и учитываются в лимите памяти контейнера, который их пишет. Без `sizeLimit` tmpfs может вырасти до лимита памяти пода, а если лимит задан не у всех контейнеров — до всей выделяемой памяти узла: контейнер без лимита памяти может тогда занять память узла. `sizeLimit` больше лимита памяти пишущего контейнера не сработает никогда: контейнер раньше завершится по OOM. Задайте пишущим контейнерам лимит памяти с запасом под файлы, а `sizeLimit` — меньше него.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const podLimit = podLevelLimit(at, 'memory');
    for (const v of volumesOf(at)) {
      if (!isMemoryEmptyDir(v.volume)) continue;
      const sizeLimit = parseQuantity(get(v.volume, ['emptyDir', 'sizeLimit']));
      const writers = writersOf(at, v.volume.name).map((c) => ({
        name: containerName(c),
        limit: containerLimit(c, 'memory') ?? podLimit,
      }));
      const unbounded = writers.filter((w) => w.limit === undefined);
      if (sizeLimit === undefined && unbounded.length) {
        const containers = unbounded.map((w) => '`' + w.name + '`').join(', ');
        ctx.report(
          [...v.path, 'emptyDir', 'medium'],
          localize(
            {
              en: "Volume `{name}` keeps its files in RAM, has no `sizeLimit`, and containers with no memory limit write to it ({containers}): the files can take the node's memory. Set a memory limit on the writers and a `sizeLimit` below it.",
              ru: 'Том `{name}` хранит файлы в оперативной памяти, `sizeLimit` у него нет, а пишут в него контейнеры без лимита памяти ({containers}): файлы могут занять память узла. Задайте пишущим контейнерам лимит памяти, а `sizeLimit` — меньше него.',
            },
            { name: v.volume.name, containers },
          ),
        );
        continue;
      }
      if (sizeLimit === undefined) continue;
      for (const w of writers) {
        if (w.limit === undefined || sizeLimit <= w.limit) continue;
        ctx.report(
          [...v.path, 'emptyDir', 'sizeLimit'],
          localize(
            {
              en: '`sizeLimit` {size} of volume `{name}` is above the memory limit of `{container}` ({limit}). Its files count against that limit, so the container is OOM-killed before the volume is full. Lower `sizeLimit` or raise the memory limit.',
              ru: '`sizeLimit` тома `{name}` ({size}) больше лимита памяти `{container}` ({limit}). Файлы тома учитываются в этом лимите, поэтому контейнер завершится по OOM раньше, чем том заполнится. Уменьшите `sizeLimit` или увеличьте лимит памяти.',
            },
            {
              name: v.volume.name,
              container: w.name,
              size: describeBytes(sizeLimit).binary,
              limit: describeBytes(w.limit).binary,
            },
          ),
        );
      }
    }
  },
};

const SAFE_TO_EVICT = 'cluster-autoscaler.kubernetes.io/safe-to-evict';
const SAFE_TO_EVICT_LOCAL_VOLUMES = 'cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes';

/** The cluster autoscaler's "local storage": hostPath, and emptyDir not backed by memory. */
function isAutoscalerLocalVolume(volume: Volume): boolean {
  return isRecord(volume.hostPath) || (isRecord(volume.emptyDir) && !isMemoryEmptyDir(volume));
}

export const localStorageBlocksScaleDown: Rule = {
  id: 'local-storage-blocks-scale-down',
  family: 'ephemeral',
  severity: 'hint',
  offByDefault: true,
  // DaemonSet pods never block scale-down; a bare Pod blocks it anyway (no controller).
  kinds: ['Deployment', 'ReplicaSet', 'ReplicationController', 'StatefulSet', 'Job', 'CronJob'],
  fixable: true,
  title: {
    en: 'Pods with local storage keep the cluster autoscaler from removing their node',
    ru: 'Поды с локальным хранилищем не дают автоскейлеру кластера удалить их узел',
  },
  docs: {
    en: 'The cluster autoscaler (with its default `--skip-nodes-with-local-storage=true`) does not remove a node that runs a pod with a `hostPath` volume or a disk-backed `emptyDir` (`medium: Memory` does not count), because evicting the pod loses that data: underused nodes stay and keep costing. If the data is scratch space, say so on the pod template: `cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes: "<volume>,<volume>"` listing every such volume (the quick fix adds it), or `cluster-autoscaler.kubernetes.io/safe-to-evict: "true"`. Only useful in clusters that run the cluster autoscaler, so it is off by default: turn it on with `"kubeStorage.rules.severity": { "local-storage-blocks-scale-down": "hint" }`.',
    ru: 'Автоскейлер кластера (с параметром по умолчанию `--skip-nodes-with-local-storage=true`) не удаляет узел, на котором работает под с томом `hostPath` или `emptyDir` на диске (`medium: Memory` не в счёт): при вытеснении пода эти данные пропадут. Недогруженные узлы остаются и продолжают стоить денег. Если там лишь временные файлы, скажите это в шаблоне пода: `cluster-autoscaler.kubernetes.io/safe-to-evict-local-volumes: "<том>,<том>"` со всеми такими томами (это сделает быстрое исправление) или `cluster-autoscaler.kubernetes.io/safe-to-evict: "true"`. Полезно только в кластерах с автоскейлером, поэтому по умолчанию правило выключено. Включается оно так: `"kubeStorage.rules.severity": { "local-storage-blocks-scale-down": "hint" }`.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const metadataPath: YamlPath = [...at.path.slice(0, -1), 'metadata'];
    const annotations = get(data, [...metadataPath, 'annotations']);
    // `"true"` allows the eviction; `"false"` blocks scale-down on purpose.
    if (str(get(annotations, [SAFE_TO_EVICT])) !== undefined) return;
    const listed = new Set(
      (str(get(annotations, [SAFE_TO_EVICT_LOCAL_VOLUMES])) ?? '').split(',').filter(Boolean),
    );
    const local = volumesOf(at).filter((v) => isAutoscalerLocalVolume(v.volume));
    const blocking = local.filter((v) => !listed.has(v.volume.name));
    if (!blocking.length) return;
    const names = local.map((v) => v.volume.name).join(',');
    ctx.report(
      [...blocking[0]!.path, 'name'],
      localize(
        {
          en: 'Local volume(s) {volumes} keep the cluster autoscaler from removing the node this pod runs on. If their data may be lost, annotate the pod template with `{annotation}: "{names}"`.',
          ru: 'Локальные тома {volumes} не дают автоскейлеру кластера удалить узел, на котором работает этот под. Если их данные можно потерять, добавьте в шаблон пода аннотацию `{annotation}: "{names}"`.',
        },
        {
          volumes: blocking.map((v) => '`' + v.volume.name + '`').join(', '),
          annotation: SAFE_TO_EVICT_LOCAL_VOLUMES,
          names,
        },
      ),
      {
        fix: setValueFix(
          object,
          [...metadataPath, 'annotations'],
          SAFE_TO_EVICT_LOCAL_VOLUMES,
          names,
          {
            en: 'Mark the local volumes safe to evict',
            ru: 'Разрешить вытеснять под, несмотря на локальные тома',
          },
        ),
      },
    );
  },
};

export const ephemeralRules: Rule[] = [
  emptyDirWithoutSizeLimit,
  memoryEmptyDirLimits,
  localStorageBlocksScaleDown,
];
