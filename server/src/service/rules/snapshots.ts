/**
 * Volume snapshots, restores and clones: a claim's `dataSource` / `dataSourceRef` and the
 * VolumeSnapshot, VolumeSnapshotClass and VolumeSnapshotContent it leads to. What the API server
 * does with a data source follows kubernetes/kubernetes `pkg/api/persistentvolumeclaim/util.go`
 * and `ValidatePersistentVolumeClaimSpec`; what makes provisioning from a source fail follows the
 * CSI external-provisioner (size, driver, class and volume mode of the source).
 */
import { localize } from '../i18n/format';
import {
  ALLOW_VOLUME_MODE_CHANGE_ANNOTATION,
  REFERENCE_GRANT_GROUP,
  SNAPSHOT_GROUP,
  grantAllows,
  keptInDataSource,
  type VolumeSnapshotClass,
} from '../kubernetes/snapshots';
import { describeBytes, parseQuantity } from '../quantity';
import { closestMatch } from '../text/similarity';
import type { IndexedObject } from '../workspace/file';
import type { YamlPath } from '../parse/nodes';
import { appendDocument } from './fixes/edits';
import { knownIn } from './lookups';
import {
  claimSpecsOf,
  classOf,
  requestOf,
  resolveSource,
  snapshotDriver,
  sourceSize,
  sourceVolumeMode,
  writtenSource,
  type ClaimSpecAt,
  type WrittenSource,
} from './snapshotSources';
import type { QuickFix, Rule } from './types';
import { get, namespaceOf, str } from './util';
import { setKey } from './fixes/edits';
import { removeFieldFix, replaceScalarFix } from './fixes/quickFix';

const CLAIM_KINDS = ['PersistentVolumeClaim', 'StatefulSet'];

/** `Use `name`` fixes for the nearest existing names, nearest first (at most three). */
function useNameFixes(
  object: IndexedObject,
  path: YamlPath,
  missing: string,
  names: Iterable<string>,
): QuickFix[] {
  const all = [...new Set(names)].filter((n) => n && n !== missing);
  const nearest = closestMatch(missing, all);
  const ordered = nearest ? [nearest, ...all.filter((n) => n !== nearest)] : all;
  return ordered
    .slice(0, 3)
    .map((name) =>
      replaceScalarFix(
        object,
        path,
        name,
        localize({ en: 'Use `{name}`', ru: 'Указать `{name}`' }, { name }),
      ),
    )
    .filter((f): f is QuickFix => f !== undefined);
}

function fixOf(title: QuickFix['title'], edit: ReturnType<typeof setKey>): QuickFix | undefined {
  return edit ? { title, edits: [edit] } : undefined;
}

/** Names of an index keyed `namespace/name`, in one namespace. */
function namesIn<T>(map: Map<string, T>, namespace: string): string[] {
  const prefix = `${namespace}/`;
  return [...map.keys()].filter((k) => k.startsWith(prefix)).map((k) => k.slice(prefix.length));
}

export const restoreSourceNotFound: Rule = {
  id: 'restore-source-not-found',
  family: 'snapshots',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  fixable: true,
  title: {
    en: 'A restore or clone names a snapshot or claim that does not exist',
    ru: 'Восстановление или клон ссылается на несуществующий снимок или заявку',
  },
  docs: {
    en: "A claim with `dataSource` / `dataSourceRef` of `kind: VolumeSnapshot` (a restore) or `kind: PersistentVolumeClaim` (a clone) is provisioned only once that source exists in its namespace (the claim's own, or `dataSourceRef.namespace`). Until then it stays `Pending`; if the source never appears, the data is never restored. Fix the name (the quick fix offers the nearest ones), create the snapshot or claim, or load the cluster's objects with `kubeStorage.cluster.snapshots`. Claims listed in `kubeStorage.rules.knownObjects.persistentVolumeClaims` count as existing.",
    ru: 'Заявка с `dataSource` / `dataSourceRef` вида `kind: VolumeSnapshot` (восстановление) или `kind: PersistentVolumeClaim` (клон) получит том, только когда источник есть в её пространстве имён (своём или указанном в `dataSourceRef.namespace`). До тех пор она остаётся в `Pending`, а если источник так и не появится, данные не восстановятся. Исправьте имя (быстрое исправление предложит ближайшие), создайте снимок или заявку либо загрузите объекты кластера через `kubeStorage.cluster.snapshots`. Заявки из `kubeStorage.rules.knownObjects.persistentVolumeClaims` считаются существующими.',
  },
  check(object, data, ctx) {
    const ns = namespaceOf(object);
    for (const at of claimSpecsOf(object.kind, data)) {
      const source = resolveSource(at, ns, ctx.lookups);
      if (!source || source.type === 'other') continue;
      const path = [...source.written.path, 'name'];
      if (source.type === 'restore' && !source.snapshot) {
        ctx.report(
          path,
          localize(
            {
              en: 'No VolumeSnapshot `{name}` in namespace `{ns}`. The claim stays `Pending` until the snapshot exists, and the data is not restored. Fix the name or create the snapshot.',
              ru: 'В пространстве имён `{ns}` нет снимка тома `{name}`. Заявка останется в `Pending`, пока снимка нет, и данные не восстановятся. Исправьте имя или создайте снимок.',
            },
            { name: source.name, ns: source.namespace },
          ),
          {
            data: { kind: 'VolumeSnapshot', name: source.name },
            fix: () =>
              useNameFixes(
                object,
                path,
                source.name,
                namesIn(ctx.lookups.snapshots, source.namespace),
              ),
          },
        );
      }
      if (source.type === 'clone' && !source.claim) {
        if (
          knownIn(ctx.settings.knownObjects.persistentVolumeClaims, source.name, source.namespace)
        )
          continue;
        ctx.report(
          path,
          localize(
            {
              en: 'No PersistentVolumeClaim `{name}` in namespace `{ns}` to clone. The claim stays `Pending` until the source claim exists. Fix the name or create the claim.',
              ru: 'В пространстве имён `{ns}` нет заявки `{name}`, которую нужно клонировать. Заявка останется в `Pending`, пока исходной заявки нет. Исправьте имя или создайте заявку.',
            },
            { name: source.name, ns: source.namespace },
          ),
          {
            data: { kind: 'PersistentVolumeClaim', name: source.name },
            fix: () =>
              useNameFixes(
                object,
                path,
                source.name,
                namesIn(ctx.lookups.claims, source.namespace),
              ),
          },
        );
      }
    }
  },
};

export const snapshotClaimNotFound: Rule = {
  id: 'snapshot-claim-not-found',
  family: 'snapshots',
  severity: 'warning',
  kinds: ['VolumeSnapshot'],
  fixable: true,
  title: {
    en: 'A VolumeSnapshot names a claim that does not exist',
    ru: 'Снимок тома ссылается на несуществующую заявку',
  },
  docs: {
    en: "`spec.source.persistentVolumeClaimName` must name a claim in the snapshot's namespace. Without it the snapshot controller reports an error and the snapshot never becomes `readyToUse`: there is no backup, and every restore from it waits. Fix the name, create the claim, or list it in `kubeStorage.rules.knownObjects.persistentVolumeClaims`.",
    ru: '`spec.source.persistentVolumeClaimName` должен называть заявку в пространстве имён снимка. Без неё контроллер снимков сообщит об ошибке, и снимок так и не станет `readyToUse`: резервной копии нет, а все восстановления из неё ждут. Исправьте имя, создайте заявку или добавьте её в `kubeStorage.rules.knownObjects.persistentVolumeClaims`.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'source', 'persistentVolumeClaimName']));
    const ns = namespaceOf(object);
    if (!name || ctx.lookups.claim(ns, name)) return;
    if (knownIn(ctx.settings.knownObjects.persistentVolumeClaims, name, ns)) return;
    const path = ['spec', 'source', 'persistentVolumeClaimName'];
    ctx.report(
      path,
      localize(
        {
          en: 'No PersistentVolumeClaim `{name}` in namespace `{ns}`. The snapshot is never taken, so there is nothing to restore. Fix the name or create the claim.',
          ru: 'В пространстве имён `{ns}` нет заявки `{name}`. Снимок не будет сделан, и восстанавливать будет нечего. Исправьте имя или создайте заявку.',
        },
        { name, ns },
      ),
      {
        data: { claimName: name },
        fix: () => useNameFixes(object, path, name, namesIn(ctx.lookups.claims, ns)),
      },
    );
  },
};

export const snapshotClassNotFound: Rule = {
  id: 'snapshot-class-not-found',
  family: 'snapshots',
  severity: 'warning',
  kinds: ['VolumeSnapshot'],
  fixable: true,
  title: {
    en: 'A VolumeSnapshot names a VolumeSnapshotClass that does not exist',
    ru: 'Снимок тома ссылается на несуществующий класс снимков',
  },
  docs: {
    en: "A snapshot with `volumeSnapshotClassName` is taken only through that class. If no VolumeSnapshotClass of that name exists, the snapshot controller reports an error and the snapshot is never taken. Fix the name (the quick fix offers the workspace's classes), create the class, or leave the field out to use the default snapshot class of the volume's driver.",
    ru: 'Снимок с `volumeSnapshotClassName` делается только через этот класс. Если класса снимков с таким именем нет, контроллер снимков сообщит об ошибке, и снимок не будет сделан. Исправьте имя (быстрое исправление предложит классы из рабочей области), создайте класс или уберите поле, чтобы взять класс снимков по умолчанию для драйвера тома.',
  },
  check(object, data, ctx) {
    const name = str(get(data, ['spec', 'volumeSnapshotClassName']));
    if (!name || ctx.lookups.snapshotClasses.has(name)) return;
    const path = ['spec', 'volumeSnapshotClassName'];
    ctx.report(
      path,
      localize(
        {
          en: 'No VolumeSnapshotClass `{name}` in the workspace. The snapshot is never taken. Fix the name, create the class, or remove the field to use the default snapshot class of the driver.',
          ru: 'Класса снимков `{name}` в рабочей области нет. Снимок не будет сделан. Исправьте имя, создайте класс или уберите поле, чтобы взять класс снимков драйвера по умолчанию.',
        },
        { name },
      ),
      {
        data: { className: name },
        fix: () => {
          const fixes = useNameFixes(object, path, name, ctx.lookups.snapshotClasses.keys());
          const remove = removeFieldFix(object, path, {
            en: 'Remove `volumeSnapshotClassName` (use the default snapshot class)',
            ru: 'Убрать `volumeSnapshotClassName` (взять класс снимков по умолчанию)',
          });
          return remove ? [...fixes, remove] : fixes;
        },
      },
    );
  },
};

export const restoreSmallerThanSource: Rule = {
  id: 'restore-smaller-than-source',
  family: 'snapshots',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  fixable: true,
  title: {
    en: 'A restore or clone asks for less storage than its source',
    ru: 'Восстановление или клон просит меньше места, чем у источника',
  },
  docs: {
    en: "A volume made from a snapshot must be at least the snapshot's `restoreSize`; a clone at least the size of the claim it clones. The CSI provisioner refuses a smaller request and the claim stays `Pending` with a provisioning error. The size of the source is the snapshot's `status.restoreSize` (or its content's), else the request of the claim the snapshot was taken from. Ask for at least that much (the quick fix sets it); the volume can be expanded later, never shrunk.",
    ru: 'Том из снимка должен быть не меньше `restoreSize` снимка, а клон — не меньше клонируемой заявки. CSI-провижинер откажет в меньшем запросе, и заявка останется в `Pending` с ошибкой выделения. Размер источника — это `status.restoreSize` снимка (или его содержимого), а если его нет — запрос заявки, с которой снят снимок. Просите не меньше (быстрое исправление так и сделает); том потом можно расширить, но не уменьшить.',
  },
  check(object, data, ctx) {
    const ns = namespaceOf(object);
    for (const at of claimSpecsOf(object.kind, data)) {
      const source = resolveSource(at, ns, ctx.lookups);
      if (!source || source.type === 'other') continue;
      const size = sourceSize(source);
      const request = requestOf(at.spec);
      const bytes = parseQuantity(request);
      if (!size || bytes === undefined || bytes >= size.bytes) continue;
      const wanted = /^\d+$/.test(size.text) ? describeBytes(size.bytes).binary : size.text;
      const path = [...at.path, 'resources', 'requests', 'storage'];
      ctx.report(
        path,
        localize(
          {
            en: '{what} `{name}` needs at least `{size}` ({from}), but the claim asks for `{request}`. The CSI provisioner refuses a smaller volume and the claim stays `Pending`. Ask for `{size}` or more.',
            ru: '{whatRu} `{name}` нужно не меньше `{size}` ({fromRu}), а заявка просит `{request}`. CSI-провижинер откажет в меньшем томе, и заявка останется в `Pending`. Попросите `{size}` или больше.',
          },
          {
            name: source.name,
            size: wanted,
            request: String(request),
            what: source.type === 'restore' ? 'Restoring snapshot' : 'Cloning claim',
            whatRu: source.type === 'restore' ? 'Для восстановления снимка' : 'Для клона заявки',
            from: size.from === 'restoreSize' ? 'its restore size' : 'the size of its source claim',
            fromRu:
              size.from === 'restoreSize' ? 'размер для восстановления' : 'размер исходной заявки',
          },
        ),
        {
          data: { size: wanted },
          fix: () =>
            replaceScalarFix(
              object,
              path,
              wanted,
              localize({ en: 'Ask for `{size}`', ru: 'Запросить `{size}`' }, { size: wanted }),
            ),
        },
      );
    }
  },
};

export const restoreDriverMismatch: Rule = {
  id: 'restore-driver-mismatch',
  family: 'snapshots',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  fixable: true,
  title: {
    en: "A restore or clone is provisioned by another driver than its source's",
    ru: 'Восстановление или клон выделяет не тот драйвер, что хранит источник',
  },
  docs: {
    en: "Only the CSI driver that holds a snapshot can restore it: the restoring claim's StorageClass must have that driver as its `provisioner` (the driver of the snapshot's VolumeSnapshotClass). A clone must even use the same StorageClass as the claim it clones. Otherwise the provisioner ignores the claim or refuses it, and it stays `Pending`. Use a StorageClass of the source's driver (the quick fix picks one from the workspace).",
    ru: 'Восстановить снимок может только тот CSI-драйвер, который его хранит: у класса хранилища восстанавливающей заявки `provisioner` должен быть этим драйвером (драйвером класса снимков). Клон и вовсе должен быть того же класса хранилища, что и клонируемая заявка. Иначе провижинер проигнорирует заявку или откажет, и она останется в `Pending`. Возьмите класс хранилища драйвера источника (быстрое исправление подберёт его из рабочей области).',
  },
  check(object, data, ctx) {
    const ns = namespaceOf(object);
    for (const at of claimSpecsOf(object.kind, data)) {
      const source = resolveSource(at, ns, ctx.lookups);
      if (!source || source.type === 'other') continue;
      const target = classOf(at.spec, ctx.lookups);
      const provisioner = str(target?.data.provisioner);
      if (!target || !provisioner) continue;
      const classPath = [...at.path, 'storageClassName'];
      if (source.type === 'clone' && source.claim) {
        const sourceClass = classOf(source.claim.spec, ctx.lookups);
        const sourceName = sourceClass?.object.name;
        if (!sourceName || sourceName === target.object.name) continue;
        ctx.report(
          at.spec.storageClassName !== undefined ? classPath : [...source.written.path, 'name'],
          localize(
            {
              en: 'Claim `{name}` is of StorageClass `{source}`, this clone of `{target}`. CSI clones only within one StorageClass, so the clone stays `Pending`. Use `storageClassName: {source}`.',
              ru: 'Заявка `{name}` относится к классу хранилища `{source}`, а этот клон — к `{target}`. CSI клонирует только в пределах одного класса хранилища, поэтому клон останется в `Pending`. Укажите `storageClassName: {source}`.',
            },
            { name: source.name, source: sourceName, target: target.object.name ?? '' },
          ),
          { fix: () => classFix(object, at, sourceName) },
        );
        continue;
      }
      if (source.type !== 'restore') continue;
      const driver = snapshotDriver(source, ctx.lookups);
      if (!driver || driver === provisioner) continue;
      const fitting = [...ctx.lookups.storageClasses.values()].find(
        (c) => c.data.provisioner === driver,
      )?.object.name;
      ctx.report(
        at.spec.storageClassName !== undefined ? classPath : [...source.written.path, 'name'],
        localize(
          {
            en: 'Snapshot `{name}` is held by driver `{driver}`, but StorageClass `{target}` is provisioned by `{provisioner}`. Only `{driver}` can restore it, so the claim stays `Pending`. Use a StorageClass of `{driver}`.',
            ru: 'Снимок `{name}` хранит драйвер `{driver}`, а класс хранилища `{target}` выделяет `{provisioner}`. Восстановить снимок может только `{driver}`, поэтому заявка останется в `Pending`. Возьмите класс хранилища драйвера `{driver}`.',
          },
          { name: source.name, driver, target: target.object.name ?? '', provisioner },
        ),
        { data: { driver }, fix: fitting ? () => classFix(object, at, fitting) : undefined },
      );
    }
  },
};

function classFix(object: IndexedObject, at: ClaimSpecAt, name: string): QuickFix | undefined {
  return fixOf(
    localize(
      { en: 'Use `storageClassName: {name}`', ru: 'Указать `storageClassName: {name}`' },
      { name },
    ),
    setKey(object, at.path, 'storageClassName', name),
  );
}

/** Words that say snapshots are kept as backups, in names, labels and annotations. */
const BACKUP_WORDS = /backup|velero|kasten|k10|archive|disaster|retention/i;

function mentionsBackup(
  object: IndexedObject,
  data: { metadata?: { annotations?: unknown } },
): boolean {
  const annotations = data.metadata?.annotations;
  const texts = [
    object.name ?? '',
    ...Object.entries(object.labels).flat(),
    ...(annotations && typeof annotations === 'object' ? Object.keys(annotations) : []),
  ];
  return texts.some((t) => BACKUP_WORDS.test(t));
}

export const snapshotClassDeletesBackups: Rule = {
  id: 'snapshot-class-deletes-backups',
  family: 'snapshots',
  severity: 'hint',
  kinds: ['VolumeSnapshotClass'],
  fixable: true,
  title: {
    en: 'Backup snapshots are deleted with their VolumeSnapshot (`deletionPolicy: Delete`)',
    ru: 'Снимки-резервные копии удаляются вместе с VolumeSnapshot (`deletionPolicy: Delete`)',
  },
  docs: {
    en: 'With `deletionPolicy: Delete`, deleting a VolumeSnapshot — by hand, by a cleanup job, or with its namespace — deletes the snapshot in the storage system too. For snapshots kept as backups that is the moment the backup is lost. Reported for a class whose name, labels or annotations say it is for backups (`backup`, `velero`, `archive`…), or that a snapshot named so uses. Use `Retain` (the quick fix sets it) and clean up old snapshot contents deliberately.',
    ru: 'При `deletionPolicy: Delete` удаление VolumeSnapshot — вручную, задачей очистки или вместе с пространством имён — удаляет и снимок в хранилище. Для снимков, которые хранят как резервные копии, это и есть момент потери копии. Отмечается для класса, чьё имя, метки или аннотации говорят о резервном копировании (`backup`, `velero`, `archive`…), или которым пользуется снимок с таким именем. Укажите `Retain` (быстрое исправление так и сделает) и удаляйте старое содержимое снимков осознанно.',
  },
  check(object, data, ctx) {
    const cls = data as VolumeSnapshotClass;
    if (cls.deletionPolicy !== 'Delete') return;
    let backup = mentionsBackup(object, cls);
    if (!backup && object.name) {
      for (const snapshot of ctx.lookups.snapshots.values()) {
        if (snapshot.data.spec?.volumeSnapshotClassName !== object.name) continue;
        if (mentionsBackup(snapshot.object, snapshot.data)) backup = true;
      }
    }
    if (!backup) return;
    ctx.report(
      ['deletionPolicy'],
      {
        en: 'This class looks like it takes backups, yet `deletionPolicy: Delete` destroys the stored snapshot as soon as its VolumeSnapshot is deleted (or its namespace). Use `Retain` to keep backups beyond their VolumeSnapshot.',
        ru: 'Похоже, этим классом делают резервные копии, но `deletionPolicy: Delete` уничтожит снимок в хранилище, как только удалят его VolumeSnapshot (или пространство имён). Укажите `Retain`, чтобы резервные копии переживали VolumeSnapshot.',
      },
      {
        fix: () =>
          replaceScalarFix(object, ['deletionPolicy'], 'Retain', {
            en: 'Use `deletionPolicy: Retain`',
            ru: 'Указать `deletionPolicy: Retain`',
          }),
      },
    );
  },
};

/** `apiGroup: snapshot.storage.k8s.io` set on a VolumeSnapshot source, or a claim's group removed. */
function groupFix(object: IndexedObject, written: WrittenSource): QuickFix | undefined {
  if (written.ref.kind === 'VolumeSnapshot') {
    return fixOf(
      localize(
        { en: 'Set `apiGroup: {group}`', ru: 'Указать `apiGroup: {group}`' },
        { group: SNAPSHOT_GROUP },
      ),
      setKey(object, written.path, 'apiGroup', SNAPSHOT_GROUP),
    );
  }
  if (written.ref.kind === 'PersistentVolumeClaim' && written.ref.apiGroup !== undefined) {
    return removeFieldFix(object, [...written.path, 'apiGroup'], {
      en: 'Remove `apiGroup` (a claim is in the core group)',
      ru: 'Убрать `apiGroup` (заявка — из основной группы API)',
    });
  }
  return undefined;
}

export const dataSourceIgnored: Rule = {
  id: 'data-source-ignored',
  family: 'snapshots',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  fixable: true,
  title: {
    en: 'A `dataSource` the API server silently drops',
    ru: '`dataSource`, который API-сервер молча отбрасывает',
  },
  docs: {
    en: "In `dataSource` (without `dataSourceRef`) the API server keeps only a `PersistentVolumeClaim` (no `apiGroup`) or a `VolumeSnapshot` with `apiGroup: snapshot.storage.k8s.io`; anything else is dropped without an error, and the claim gets an **empty** volume. Typical slips: a VolumeSnapshot without `apiGroup`, a claim with `apiGroup: v1` or `core`, a populator's kind in `dataSource`. Fix the group (the quick fix does), or use `dataSourceRef` for other kinds: it reports mistakes instead of dropping them.",
    ru: 'В `dataSource` (без `dataSourceRef`) API-сервер сохраняет только `PersistentVolumeClaim` (без `apiGroup`) или `VolumeSnapshot` с `apiGroup: snapshot.storage.k8s.io`; всё остальное молча отбрасывается, и заявка получает **пустой** том. Типичные промахи: VolumeSnapshot без `apiGroup`, заявка с `apiGroup: v1` или `core`, вид объекта заполнителя томов в `dataSource`. Исправьте группу (быстрое исправление так и сделает) или используйте `dataSourceRef` для других видов: там ошибки сообщаются, а не теряются.',
  },
  check(object, data, ctx) {
    for (const at of claimSpecsOf(object.kind, data)) {
      if (writtenSource(at, 'dataSourceRef')) continue;
      const written = writtenSource(at, 'dataSource');
      if (!written?.ref.kind || keptInDataSource(written.ref)) continue;
      const group = written.ref.apiGroup ?? '';
      ctx.report(
        written.path,
        localize(
          {
            en: 'The API server drops this `dataSource` ({kind} in group `{group}`) without an error: only a PersistentVolumeClaim (no group) or a VolumeSnapshot (`{snapshots}`) is kept here. The claim would get an empty volume. {hint}',
            ru: 'API-сервер молча отбросит этот `dataSource` ({kind} в группе `{group}`): здесь сохраняются только PersistentVolumeClaim (без группы) и VolumeSnapshot (`{snapshots}`). Заявка получит пустой том. {hintRu}',
          },
          {
            kind: written.ref.kind,
            group: group || '""',
            snapshots: SNAPSHOT_GROUP,
            hint:
              written.ref.kind === 'VolumeSnapshot'
                ? `Set \`apiGroup: ${SNAPSHOT_GROUP}\`.`
                : written.ref.kind === 'PersistentVolumeClaim'
                  ? 'Remove `apiGroup`.'
                  : 'For a volume populator, use `dataSourceRef`.',
            hintRu:
              written.ref.kind === 'VolumeSnapshot'
                ? `Укажите \`apiGroup: ${SNAPSHOT_GROUP}\`.`
                : written.ref.kind === 'PersistentVolumeClaim'
                  ? 'Уберите `apiGroup`.'
                  : 'Для заполнителя томов используйте `dataSourceRef`.',
          },
        ),
        { onKey: true, fix: () => groupFix(object, written) },
      );
    }
  },
};

export const dataSourceRejected: Rule = {
  id: 'data-source-rejected',
  family: 'snapshots',
  severity: 'error',
  kinds: CLAIM_KINDS,
  fixable: true,
  title: {
    en: '`dataSource` and `dataSourceRef` the API server rejects',
    ru: '`dataSource` и `dataSourceRef`, которые API-сервер не примет',
  },
  docs: {
    en: 'The API server refuses a claim whose data source names a kind other than `PersistentVolumeClaim` without an `apiGroup` (in `dataSourceRef`, or in `dataSource` beside it), whose `dataSource` and `dataSourceRef` differ, or that sets `dataSource` together with a `dataSourceRef.namespace`. Kubernetes copies one field into the other: write one of them (prefer `dataSourceRef`), with the group of the kind.',
    ru: 'API-сервер не примет заявку, у которой источник данных называет вид, отличный от `PersistentVolumeClaim`, без `apiGroup` (в `dataSourceRef` или в `dataSource` рядом с ним), у которой `dataSource` и `dataSourceRef` различаются или которая задаёт `dataSource` вместе с `dataSourceRef.namespace`. Kubernetes сам копирует одно поле в другое: пишите одно из них (лучше `dataSourceRef`) и с группой API вида.',
  },
  check(object, data, ctx) {
    for (const at of claimSpecsOf(object.kind, data)) {
      const ref = writtenSource(at, 'dataSourceRef');
      if (!ref) continue;
      const source = writtenSource(at, 'dataSource');
      for (const written of source ? [ref, source] : [ref]) {
        const { kind, apiGroup } = written.ref;
        if (!kind || kind === 'PersistentVolumeClaim' || apiGroup) continue;
        ctx.report(
          [...written.path, 'kind'],
          localize(
            {
              en: '`{field}` names a `{kind}` without `apiGroup`; the API server rejects the claim: only a PersistentVolumeClaim is in the core group.{hint}',
              ru: '`{field}` называет `{kind}` без `apiGroup`, и API-сервер не примет заявку: в основной группе API только PersistentVolumeClaim.{hintRu}',
            },
            {
              field: written.field,
              kind,
              hint: kind === 'VolumeSnapshot' ? ` Set \`apiGroup: ${SNAPSHOT_GROUP}\`.` : '',
              hintRu: kind === 'VolumeSnapshot' ? ` Укажите \`apiGroup: ${SNAPSHOT_GROUP}\`.` : '',
            },
          ),
          { fix: () => groupFix(object, written) },
        );
      }
      if (!source) continue;
      const removeSource = (): QuickFix | undefined =>
        removeFieldFix(object, source.path, {
          en: 'Remove `dataSource` (keep `dataSourceRef`)',
          ru: 'Убрать `dataSource` (оставить `dataSourceRef`)',
        });
      if (ref.ref.namespace) {
        ctx.report(
          source.path,
          {
            en: '`dataSource` may not be set together with `dataSourceRef.namespace`; the API server rejects the claim. Remove `dataSource`.',
            ru: '`dataSource` нельзя задавать вместе с `dataSourceRef.namespace`: API-сервер не примет заявку. Уберите `dataSource`.',
          },
          { onKey: true, fix: removeSource },
        );
        continue;
      }
      const same =
        (source.ref.apiGroup ?? undefined) === (ref.ref.apiGroup ?? undefined) &&
        source.ref.kind === ref.ref.kind &&
        source.ref.name === ref.ref.name;
      if (same) continue;
      ctx.report(
        source.path,
        {
          en: '`dataSource` and `dataSourceRef` differ; the API server rejects the claim (it keeps the two equal itself). Write only `dataSourceRef`.',
          ru: '`dataSource` и `dataSourceRef` различаются, и API-сервер не примет заявку (он сам держит их равными). Оставьте только `dataSourceRef`.',
        },
        { onKey: true, fix: removeSource },
      );
    }
  },
};

export const dataSourceCrossNamespace: Rule = {
  id: 'data-source-cross-namespace',
  family: 'snapshots',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  fixable: true,
  title: {
    en: 'A data source in another namespace without a ReferenceGrant',
    ru: 'Источник данных из другого пространства имён без ReferenceGrant',
  },
  docs: {
    en: "`dataSourceRef.namespace` restores or clones from another namespace. It needs the feature gate `CrossNamespaceVolumeDataSource` (alpha, off by default: without it the API server drops the whole `dataSourceRef` and the volume is created empty) and, in the source's namespace, a ReferenceGrant (`gateway.networking.k8s.io`) that lets PersistentVolumeClaims of the claim's namespace refer to that kind. Without the grant the claim stays `Pending`. Create the ReferenceGrant (the quick fix adds one) or copy the data into the claim's namespace.",
    ru: '`dataSourceRef.namespace` восстанавливает или клонирует из другого пространства имён. Для этого нужен feature gate `CrossNamespaceVolumeDataSource` (альфа, по умолчанию выключен: без него API-сервер отбросит весь `dataSourceRef`, и том создастся пустым), а в пространстве имён источника — ReferenceGrant (`gateway.networking.k8s.io`), который разрешает заявкам из пространства имён заявки ссылаться на этот вид объектов. Без разрешения заявка останется в `Pending`. Создайте ReferenceGrant (быстрое исправление добавит его) или скопируйте данные в пространство имён заявки.',
  },
  check(object, data, ctx) {
    const ns = namespaceOf(object);
    for (const at of claimSpecsOf(object.kind, data)) {
      const ref = writtenSource(at, 'dataSourceRef');
      const target = ref?.ref.namespace;
      if (!ref || !target || target === ns || !ref.ref.kind) continue;
      const granted = ctx.lookups.referenceGrants.some(
        (g) => namespaceOf(g.object) === target && grantAllows(g.data, ns, ref.ref),
      );
      if (granted) continue;
      ctx.report(
        [...ref.path, 'namespace'],
        localize(
          {
            en: 'No ReferenceGrant in namespace `{target}` lets claims of `{ns}` use its {kind} `{name}`. The claim stays `Pending` (and without the alpha feature gate `CrossNamespaceVolumeDataSource` the API server drops `dataSourceRef`, leaving the volume empty). Create the ReferenceGrant in `{target}`.',
            ru: 'В пространстве имён `{target}` нет ReferenceGrant, который разрешает заявкам из `{ns}` брать {kind} `{name}`. Заявка останется в `Pending` (а без альфа-версии feature gate `CrossNamespaceVolumeDataSource` API-сервер отбросит `dataSourceRef`, и том будет пустым). Создайте ReferenceGrant в `{target}`.',
          },
          { target, ns, kind: ref.ref.kind, name: ref.ref.name ?? '' },
        ),
        { fix: () => referenceGrantFix(object, ns, target, ref) },
      );
    }
  },
};

function referenceGrantFix(
  object: IndexedObject,
  ns: string,
  target: string,
  ref: WrittenSource,
): QuickFix {
  const name = `${ns}-claims-to-${(ref.ref.kind ?? 'source').toLowerCase()}s`.slice(0, 63);
  const grant = {
    apiVersion: `${REFERENCE_GRANT_GROUP}/v1beta1`,
    kind: 'ReferenceGrant',
    metadata: { name, namespace: target },
    spec: {
      from: [{ group: '', kind: 'PersistentVolumeClaim', namespace: ns }],
      to: [{ group: ref.ref.apiGroup ?? '', kind: ref.ref.kind ?? '' }],
    },
  };
  return {
    title: localize(
      {
        en: 'Create ReferenceGrant `{name}` in `{target}`',
        ru: 'Создать ReferenceGrant `{name}` в `{target}`',
      },
      { name, target },
    ),
    edits: [appendDocument(object, grant)],
  };
}

export const restoreVolumeModeMismatch: Rule = {
  id: 'restore-volume-mode-mismatch',
  family: 'snapshots',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  fixable: true,
  title: {
    en: 'A restore or clone has another `volumeMode` than its source',
    ru: 'У восстановления или клона другой `volumeMode`, чем у источника',
  },
  docs: {
    en: "A clone must have the `volumeMode` of the claim it clones, and a restore that of the volume the snapshot was taken from (its content's `sourceVolumeMode`, else the source claim's mode; unset is `Filesystem`). The CSI provisioner refuses a conversion — it could expose a raw disk as a filesystem or the reverse — unless the VolumeSnapshotContent carries `snapshot.storage.kubernetes.io/allow-volume-mode-change: \"true\"`. The claim stays `Pending`. Use the source's mode (the quick fix sets it).",
    ru: 'У клона должен быть тот же `volumeMode`, что у клонируемой заявки, а у восстановления — как у тома, с которого снят снимок (`sourceVolumeMode` содержимого снимка, иначе режим исходной заявки; не задан — `Filesystem`). CSI-провижинер откажется менять режим — так можно выдать «сырой» диск за файловую систему или наоборот, — если у VolumeSnapshotContent нет аннотации `snapshot.storage.kubernetes.io/allow-volume-mode-change: "true"`. Заявка останется в `Pending`. Укажите режим источника (быстрое исправление так и сделает).',
  },
  check(object, data, ctx) {
    const ns = namespaceOf(object);
    for (const at of claimSpecsOf(object.kind, data)) {
      const source = resolveSource(at, ns, ctx.lookups);
      if (!source || source.type === 'other') continue;
      const annotations = source.content?.data.metadata?.annotations;
      if (
        source.type === 'restore' &&
        annotations?.[ALLOW_VOLUME_MODE_CHANGE_ANNOTATION] === 'true'
      )
        continue;
      const wanted = sourceVolumeMode(source);
      const mode = str(at.spec.volumeMode) ?? 'Filesystem';
      if (!wanted || wanted === mode) continue;
      const path =
        at.spec.volumeMode !== undefined
          ? [...at.path, 'volumeMode']
          : [...source.written.path, 'name'];
      ctx.report(
        path,
        localize(
          {
            en: '{what} `{name}` has `volumeMode: {wanted}`, this claim `{mode}`. The CSI provisioner refuses to change the mode, so the claim stays `Pending`. Use `volumeMode: {wanted}`.',
            ru: '{whatRu} `{name}` — `volumeMode: {wanted}`, а у этой заявки — `{mode}`. CSI-провижинер не меняет режим тома, поэтому заявка останется в `Pending`. Укажите `volumeMode: {wanted}`.',
          },
          {
            name: source.name,
            wanted,
            mode,
            what: source.type === 'restore' ? 'The volume of snapshot' : 'Claim',
            whatRu: source.type === 'restore' ? 'У тома снимка' : 'У заявки',
          },
        ),
        {
          data: { volumeMode: wanted },
          fix: () =>
            fixOf(
              localize(
                { en: 'Use `volumeMode: {mode}`', ru: 'Указать `volumeMode: {mode}`' },
                { mode: wanted },
              ),
              setKey(object, at.path, 'volumeMode', wanted),
            ),
        },
      );
    }
  },
};

export const snapshotRules: Rule[] = [
  restoreSourceNotFound,
  snapshotClaimNotFound,
  snapshotClassNotFound,
  restoreSmallerThanSource,
  restoreDriverMismatch,
  restoreVolumeModeMismatch,
  dataSourceIgnored,
  dataSourceRejected,
  dataSourceCrossNamespace,
  snapshotClassDeletesBackups,
];
