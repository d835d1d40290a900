/**
 * Snapshot references by name: a restore's or clone's source, a VolumeSnapshot's claim and class
 * must exist (or be listed in `kubeStorage.rules.knownObjects`).
 */
import { localize } from '../i18n/format';
import { closestMatch } from '../text/similarity';
import type { IndexedObject } from '../workspace/file';
import type { YamlPath } from '../parse/nodes';
import { assumedToExist } from './lookups';
import { claimSpecsOf, resolveSource, SNAPSHOT_CLAIM_KINDS } from './snapshotSources';
import type { QuickFix, Rule } from './types';
import { get, namespaceOf, str } from './util';
import { useNameFixes } from './fixes/nameFixes';
import { removeFieldFix } from './fixes/quickFix';

/** `Use `name`` fixes for the nearest existing names, nearest first (at most three). */
function nearestNameFixes(
  object: IndexedObject,
  path: YamlPath,
  missing: string,
  names: Iterable<string>,
): QuickFix[] {
  const all = [...new Set(names)].filter((n) => n && n !== missing);
  const nearest = closestMatch(missing, all);
  const ordered = nearest ? [nearest, ...all.filter((n) => n !== nearest)] : all;
  return useNameFixes(object, path, ordered.slice(0, 3));
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
  kinds: SNAPSHOT_CLAIM_KINDS,
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
      const source = resolveSource(at, ns, ctx, object.uri);
      if (!source || source.type === 'other') continue;
      const path = [...source.written.path, 'name'];
      if (source.type === 'restore' && !source.snapshot) {
        // No setting lists the cluster's snapshots: they come with its snapshot file.
        if (assumedToExist([], source.name, source.namespace, data)) continue;
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
              nearestNameFixes(
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
          assumedToExist(
            ctx.settings.knownObjects.persistentVolumeClaims,
            source.name,
            source.namespace,
            data,
          )
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
              nearestNameFixes(
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
    if (assumedToExist(ctx.settings.knownObjects.persistentVolumeClaims, name, ns, data)) return;
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
        fix: () => nearestNameFixes(object, path, name, namesIn(ctx.lookups.claims, ns)),
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
    if (!name || ctx.lookups.snapshotClasses.has(name) || assumedToExist([], name, undefined, data))
      return;
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
          const fixes = nearestNameFixes(object, path, name, ctx.lookups.snapshotClasses.keys());
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

export const snapshotReferenceRules: Rule[] = [
  restoreSourceNotFound,
  snapshotClaimNotFound,
  snapshotClassNotFound,
];
