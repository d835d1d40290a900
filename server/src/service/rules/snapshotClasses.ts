/** VolumeSnapshotClasses: backups deleted with their VolumeSnapshot. */
import type { VolumeSnapshotClass } from '../kubernetes/snapshots';
import type { IndexedObject } from '../workspace/file';
import type { Rule } from './types';
import { replaceScalarFix } from './fixes/quickFix';

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

export const snapshotClassRules: Rule[] = [snapshotClassDeletesBackups];
