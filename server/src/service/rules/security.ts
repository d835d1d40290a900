/**
 * Writing and owning files: a read-only root filesystem and the volumes an app needs for its
 * writes, and the root group (gid 0) on the files of a pod's volumes.
 */
import { localize } from '../i18n/format';
import type { IndexedObject } from '../workspace/file';
import type { QuickFix, Rule } from './types';
import {
  codeList,
  containersOf,
  isAtOrBelow,
  podSpecOf,
  str,
  volumesOf,
  workloadKinds,
  type ContainerAt,
  type PodSpecAt,
} from './util';
import { declaredTempPaths, imageDeclaredVolumes, knownWritePaths } from './imageWritePaths';
import { containerName, isReadOnlySource, writableMountsOf } from './podStorage';
import { normalizeHostPath } from './nodePlumbing';
import {
  containerSecurityContext,
  isPrivileged,
  podSecurityContext,
  runsAsNonRootUser,
} from '../kubernetes/securityContext';
import { setValueFix } from './fixes/storageFixes';
import { insertInSeq } from './fixes/edits';

function securityContextOf(c: ContainerAt) {
  return containerSecurityContext(c.container);
}

/** `/var/run` is a link to `/run` in the images we know: both spellings are one directory. */
function canonical(path: string): string {
  const p = normalizeHostPath(path);
  return p === '/var/run' || p.startsWith('/var/run/') ? p.slice('/var'.length) : p;
}

/** Mount paths where the container can write: writable mounts of volumes that accept writes. */
function writableMountPaths(at: PodSpecAt, c: ContainerAt): string[] {
  const readOnlyVolumes = new Set(
    volumesOf(at)
      .filter((v) => isReadOnlySource(v.volume))
      .map((v) => v.volume.name),
  );
  return writableMountsOf(c)
    .filter((m) => !readOnlyVolumes.has(m.mount.name))
    .map((m) => str(m.mount.mountPath))
    .filter((p): p is string => !!p && p.startsWith('/'))
    .map(canonical);
}

function isCovered(path: string, mounts: readonly string[]): boolean {
  const p = canonical(path);
  return mounts.some((m) => isAtOrBelow(p, m));
}

/** The write paths of a container we know about: its image's, and `TMPDIR`. */
function writePathsOf(c: ContainerAt): string[] | undefined {
  const known = knownWritePaths(c.container);
  const temp = declaredTempPaths(c.container);
  if (!known && !temp.length) return undefined;
  return [...new Set([...(known ?? []), ...temp])];
}

/** A volume name for `path` (`/var/cache/nginx` -> `var-cache-nginx`) not yet used in the pod. */
function volumeNameFor(at: PodSpecAt, path: string): string {
  const base =
    path
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 50) || 'writable';
  const used = new Set(volumesOf(at).map((v) => v.volume.name));
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  return name;
}

function addEmptyDirFix(
  object: IndexedObject,
  at: PodSpecAt,
  c: ContainerAt,
  path: string,
): () => QuickFix | undefined {
  return () => {
    const name = volumeNameFor(at, path);
    const volume = insertInSeq(object, [...at.path, 'volumes'], { name, emptyDir: {} });
    const mount = insertInSeq(object, [...c.path, 'volumeMounts'], { name, mountPath: path });
    if (!volume || !mount) return undefined;
    return {
      title: localize(
        {
          en: 'Mount an `emptyDir` at `{path}`',
          ru: 'Смонтировать `emptyDir` в `{path}`',
        },
        { path },
      ),
      edits: [volume, mount],
    };
  };
}

/** No volume where the container writes: the read-only root filesystem refuses the writes. */
const WRITES_FAIL = {
  en: 'Container `{container}` ({image}) writes to `{path}`, but its root filesystem is read-only and no writable volume is mounted there: those writes fail with "Read-only file system". Mount an `emptyDir` (or another writable volume) at `{path}`.',
  ru: 'Контейнер `{container}` ({image}) пишет в `{path}`, но его корневая файловая система только для чтения, а тома для записи там нет: запись закончится ошибкой «Read-only file system». Смонтируйте в `{path}` том `emptyDir` (или другой том для записи).',
};

/** The image declares the directory a `VOLUME`: containerd mounts an anonymous volume there. */
const WRITES_TO_IMAGE_VOLUME = {
  en: 'Container `{container}` ({image}) writes to `{path}`, and its root filesystem is read-only. The image declares `{volume}` a `VOLUME`, so containerd mounts an anonymous volume of the container there and the writes succeed, but that data is lost whenever the container is re-created (and on CRI-O, which does not mount image volumes writable by default, the writes fail). Mount a volume at `{path}`: an `emptyDir`, or a PersistentVolumeClaim for data to keep.',
  ru: 'Контейнер `{container}` ({image}) пишет в `{path}`, а его корневая файловая система только для чтения. Образ объявляет `{volume}` как `VOLUME`, поэтому containerd монтирует туда анонимный том контейнера и запись проходит, но эти данные пропадут при каждом пересоздании контейнера (а в CRI-O, который по умолчанию не монтирует тома образа для записи, запись закончится ошибкой). Смонтируйте в `{path}` том: `emptyDir` или, для данных, которые нужно сохранить, заявку на том.',
};

export const readOnlyRootWithoutWritablePath: Rule = {
  id: 'read-only-root-without-writable-path',
  family: 'security',
  severity: 'information',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A read-only root filesystem, and no writable volume where the app writes',
    ru: 'Корневая файловая система только для чтения, а там, куда пишет приложение, тома нет',
  },
  docs: {
    en: 'With `readOnlyRootFilesystem: true` every write outside a mounted volume fails with "Read-only file system", and many images write at start-up: nginx to `/var/cache/nginx` and `/var/run`, the unprivileged nginx to `/tmp`, PostgreSQL to `/var/run/postgresql`, MySQL and MongoDB to `/tmp`, Redis, Prometheus and Alertmanager to their data directory. The rule knows the documented write paths of such official images (taking `PGDATA`, `GF_PATHS_DATA`, `--storage.tsdb.path` and similar settings into account) and any `TMPDIR` the container sets; it never guesses for other images. Mount a writable volume there, usually an `emptyDir` (the quick fix adds one). Where the image declares the directory a `VOLUME` (the data directories of Redis, MongoDB, MySQL, MariaDB, PostgreSQL, RabbitMQ, Prometheus and Alertmanager), containerd, the default runtime of most clusters, mounts an anonymous volume of the container there: the writes succeed, but the data is lost when the container is re-created, and on CRI-O the writes fail; the finding says so. If your own configuration moves these paths, suppress the finding.',
    ru: 'С `readOnlyRootFilesystem: true` любая запись мимо смонтированных томов заканчивается ошибкой «Read-only file system», а многие образы пишут уже при запуске: nginx — в `/var/cache/nginx` и `/var/run`, непривилегированный nginx — в `/tmp`, PostgreSQL — в `/var/run/postgresql`, MySQL и MongoDB — в `/tmp`, Redis, Prometheus и Alertmanager — в каталог данных. Правило знает задокументированные пути записи таких официальных образов (с учётом `PGDATA`, `GF_PATHS_DATA`, `--storage.tsdb.path` и подобных настроек) и `TMPDIR`, если контейнер его задаёт; про другие образы оно не гадает. Смонтируйте туда том для записи, обычно `emptyDir` (это сделает быстрое исправление). Если образ объявляет каталог как `VOLUME` (каталоги данных Redis, MongoDB, MySQL, MariaDB, PostgreSQL, RabbitMQ, Prometheus и Alertmanager), containerd — среда выполнения контейнеров по умолчанию в большинстве кластеров — монтирует туда анонимный том контейнера: запись проходит, но данные пропадут при пересоздании контейнера, а в CRI-O запись закончится ошибкой; сообщение об этом скажет. Если ваша конфигурация переносит эти пути, подавите сообщение.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const c of containersOf(at)) {
      if (c.group !== 'containers' || securityContextOf(c).readOnlyRootFilesystem !== true)
        continue;
      const paths = writePathsOf(c);
      if (!paths) continue;
      const mounts = writableMountPaths(at, c);
      const imageVolumes = imageDeclaredVolumes(c.container).map(canonical);
      for (const path of paths) {
        if (isCovered(path, mounts)) continue;
        const imageVolume = imageVolumes.find((v) => isCovered(path, [v]));
        ctx.report(
          [...c.path, 'securityContext', 'readOnlyRootFilesystem'],
          localize(imageVolume === undefined ? WRITES_FAIL : WRITES_TO_IMAGE_VOLUME, {
            container: containerName(c),
            image: '`' + (str(c.container.image) ?? '?') + '`',
            path,
            volume: imageVolume ?? '',
          }),
          { fix: addEmptyDirFix(object, at, c, path) },
        );
      }
    }
  },
};

export const readOnlyRootFilesystemPossible: Rule = {
  id: 'read-only-root-filesystem-possible',
  family: 'security',
  severity: 'hint',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'Every known write already goes to a volume: the root filesystem could be read-only',
    ru: 'Все известные записи уже идут в тома: корневую файловую систему можно сделать только для чтения',
  },
  docs: {
    en: "When every path a container is known to write to (the documented write paths of its official image, see `read-only-root-without-writable-path`) is on a writable volume, `securityContext.readOnlyRootFilesystem: true` costs nothing and stops an intruder or a bug from changing the image's files. The quick fix sets it. Only containers of images the rule knows are hinted, and never one that sets `readOnlyRootFilesystem: false` explicitly.",
    ru: 'Если все известные пути, куда пишет контейнер (задокументированные пути записи его официального образа, см. `read-only-root-without-writable-path`), лежат на томах для записи, `securityContext.readOnlyRootFilesystem: true` ничего не стоит и не даст злоумышленнику или ошибке изменить файлы образа. Быстрое исправление включит этот параметр. Подсказка появляется только для образов, которые правило знает, и никогда — если `readOnlyRootFilesystem: false` задано явно.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const c of containersOf(at)) {
      if (c.group !== 'containers') continue;
      const sc = securityContextOf(c);
      if (sc.readOnlyRootFilesystem !== undefined || sc.privileged === true) continue;
      const paths = knownWritePaths(c.container);
      if (!paths?.length) continue;
      const mounts = writableMountPaths(at, c);
      if (!paths.every((p) => isCovered(p, mounts))) continue;
      ctx.report(
        [...c.path, 'name'],
        localize(
          {
            en: 'Everything that container `{container}` ({image}) is known to write goes to volumes ({paths}). Consider `securityContext.readOnlyRootFilesystem: true`.',
            ru: 'Всё, что контейнер `{container}` ({image}) пишет по известным путям, попадает в тома ({paths}). Можно включить `securityContext.readOnlyRootFilesystem: true`.',
          },
          {
            container: containerName(c),
            image: '`' + (str(c.container.image) ?? '?') + '`',
            paths: codeList(paths),
          },
        ),
        {
          fix: setValueFix(object, [...c.path, 'securityContext'], 'readOnlyRootFilesystem', true, {
            en: 'Set `readOnlyRootFilesystem: true`',
            ru: 'Задать `readOnlyRootFilesystem: true`',
          }),
        },
      );
    }
  },
};

/** Volumes whose files the pod's processes may create or change (not configMap, secret…). */
function writableVolumeNames(at: PodSpecAt): Set<string> {
  return new Set(
    volumesOf(at)
      .filter((v) => !isReadOnlySource(v.volume))
      .map((v) => v.volume.name),
  );
}

/** A process that is not root: the group it runs with decides what it may touch. */
function runsAsNonRoot(c: ContainerAt, at: PodSpecAt): boolean {
  return !isPrivileged(c.container) && runsAsNonRootUser(c.container, at.spec);
}

export const rootGroupOnVolumes: Rule = {
  id: 'root-group-on-volumes',
  family: 'security',
  severity: 'information',
  kinds: workloadKinds,
  title: {
    en: 'A non-root process writes to volumes with group root (`fsGroup: 0` or `runAsGroup: 0`)',
    ru: 'Процесс не от root пишет в тома с группой root (`fsGroup: 0` или `runAsGroup: 0`)',
  },
  docs: {
    en: "Group 0 is root's group. `fsGroup: 0` makes the kubelet give the pod's volumes to group root and adds that group to every container's processes; `runAsGroup: 0` runs the process with root as its primary group, so every file it creates on a volume belongs to root's group. Either way the processes can read and change whatever root's group may on the volume (on a shared claim, other workloads' files too), and files they leave behind belong to root's group for the next pod. Only non-root processes are reported: root has these rights anyway. Use a dedicated non-zero group (`fsGroup: 1000`, `runAsGroup: 1000`). Images built for OpenShift's arbitrary user IDs expect group 0 on purpose: suppress the finding for them.",
    ru: 'Группа 0 — это группа root. `fsGroup: 0` заставляет kubelet отдать тома пода группе root и добавляет эту группу процессам всех контейнеров; `runAsGroup: 0` запускает процесс с root в качестве основной группы, и каждый созданный им на томе файл принадлежит группе root. В обоих случаях процессы могут читать и менять на томе всё, что доступно группе root (на общей заявке — и файлы других нагрузок), а оставленные файлы достанутся следующему поду с группой-владельцем root. Сообщается только о процессах не от root: у root эти права есть и так. Используйте отдельную ненулевую группу (`fsGroup: 1000`, `runAsGroup: 1000`). Образы для произвольных UID в OpenShift рассчитывают на группу 0 намеренно — для них подавите сообщение.',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const writable = writableVolumeNames(at);
    if (!writable.size) return;
    const podSc = podSecurityContext(at.spec);
    // Group 0 gives a root process nothing it does not have: only non-root writers count.
    const writers = containersOf(at).filter(
      (c) => runsAsNonRoot(c, at) && writableMountsOf(c).some((m) => writable.has(m.mount.name)),
    );
    if (!writers.length) return;
    const scPath = [...at.path, 'securityContext'];
    if (podSc.fsGroup === 0) {
      ctx.report([...scPath, 'fsGroup'], {
        en: "`fsGroup: 0` gives the pod's volumes to root's group and adds it to every container. Use a dedicated non-zero group.",
        ru: '`fsGroup: 0` отдаёт тома пода группе root и добавляет её всем контейнерам. Используйте отдельную ненулевую группу.',
      });
    }
    const podRootGroup: string[] = [];
    for (const c of writers) {
      const own = securityContextOf(c).runAsGroup;
      if (own === 0) {
        ctx.report(
          [...c.path, 'securityContext', 'runAsGroup'],
          localize(
            {
              en: "Container `{container}` runs with group root (`runAsGroup: 0`) and writes to volumes: its files there belong to root's group. Use a dedicated non-zero group.",
              ru: 'Контейнер `{container}` работает с группой root (`runAsGroup: 0`) и пишет в тома: его файлы там принадлежат группе root. Используйте отдельную ненулевую группу.',
            },
            { container: containerName(c) },
          ),
        );
      } else if (own === undefined && podSc.runAsGroup === 0) podRootGroup.push(containerName(c));
    }
    if (podRootGroup.length) {
      ctx.report(
        [...scPath, 'runAsGroup'],
        localize(
          {
            en: "`runAsGroup: 0` runs {containers} with group root, and they write to volumes: their files there belong to root's group. Use a dedicated non-zero group.",
            ru: '`runAsGroup: 0` запускает {containers} с группой root, а они пишут в тома: их файлы там принадлежат группе root. Используйте отдельную ненулевую группу.',
          },
          { containers: codeList(podRootGroup) },
        ),
      );
    }
  },
};

export const securityRules: Rule[] = [
  readOnlyRootWithoutWritablePath,
  readOnlyRootFilesystemPossible,
  rootGroupOnVolumes,
];
