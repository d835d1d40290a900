/**
 * Restores and clones that cannot be provisioned from their source: a claim smaller than the
 * source, a class of another driver, another volume mode.
 * What the API server does with a data source follows kubernetes/kubernetes
 * `pkg/api/persistentvolumeclaim/util.go` and `ValidatePersistentVolumeClaimSpec`; what makes
 * provisioning from a source fail follows the CSI external-provisioner `getPVCSource` and
 * `getSnapshotSource` (size, driver and volume mode of the source; a clone may change class).
 */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { joinTexts, localize } from '../i18n/format';
import { ALLOW_VOLUME_MODE_CHANGE_ANNOTATION } from '../kubernetes/snapshots';
import { describeBytes, parseQuantity } from '../quantity';
import type { IndexedObject } from '../workspace/file';
import {
  claimSpecsOf,
  classOf,
  requestOf,
  resolveSource,
  snapshotDriver,
  sourceSize,
  sourceVolumeMode,
  SNAPSHOT_CLAIM_KINDS,
  type ClaimSpecAt,
} from './snapshotSources';
import type { ClaimEntry } from './lookups';
import type { QuickFix, Rule, RuleContext } from './types';
import { namespaceOf, str } from './util';
import { setKey } from './fixes/edits';
import { fix, replaceScalarFix } from './fixes/quickFix';

export const restoreSmallerThanSource: Rule = {
  id: 'restore-smaller-than-source',
  family: 'snapshots',
  severity: 'warning',
  kinds: SNAPSHOT_CLAIM_KINDS,
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
      const source = resolveSource(at, ns, ctx, object.uri);
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
  kinds: SNAPSHOT_CLAIM_KINDS,
  fixable: true,
  title: {
    en: "A restore or clone is provisioned by another driver than its source's",
    ru: 'Восстановление или клон выделяет не тот драйвер, что хранит источник',
  },
  docs: {
    en: "Only the CSI driver that holds a snapshot can restore it: the restoring claim's StorageClass must have that driver as its `provisioner` (the driver of the snapshot's VolumeSnapshotClass). A clone needs a class of the driver that holds the volume it clones; the class itself may differ (the provisioner compares drivers, not classes). Otherwise the provisioner ignores the claim or refuses it, and it stays `Pending`. Use a StorageClass of the source's driver (the quick fix picks one from the workspace).",
    ru: 'Восстановить снимок может только тот CSI-драйвер, который его хранит: у класса хранилища восстанавливающей заявки `provisioner` должен быть этим драйвером (драйвером класса снимков). Клону нужен класс хранилища того драйвера, который хранит клонируемый том; сам класс может быть другим (провижинер сравнивает драйверы, а не классы). Иначе провижинер проигнорирует заявку или откажет, и она останется в `Pending`. Возьмите класс хранилища драйвера источника (быстрое исправление подберёт его из рабочей области).',
  },
  check(object, data, ctx) {
    const ns = namespaceOf(object);
    for (const at of claimSpecsOf(object.kind, data)) {
      const source = resolveSource(at, ns, ctx, object.uri);
      if (!source || source.type === 'other') continue;
      const target = classOf(at.spec, ctx.lookups, object.uri);
      const provisioner = str(target?.data.provisioner);
      if (!target || !provisioner) continue;
      const classPath = [...at.path, 'storageClassName'];
      if (source.type === 'clone' && source.claim) {
        // external-provisioner `getPVCSource` compares the source volume's CSI driver with the
        // clone's class provisioner, not the classes: a clone may use another class of the driver.
        const sourceClass = classOf(source.claim.spec, ctx.lookups, source.claim.object.uri);
        const driver = cloneSourceDriver(source.claim, sourceClass?.data, ctx);
        if (!driver || driver === provisioner) continue;
        const fitting =
          str(sourceClass?.data.provisioner) === driver
            ? sourceClass?.object.name
            : classOfDriver(driver, ctx);
        ctx.report(
          at.spec.storageClassName !== undefined ? classPath : [...source.written.path, 'name'],
          localize(
            {
              en: 'The volume of claim `{name}` is held by driver `{driver}`, but StorageClass `{target}` is provisioned by `{provisioner}`. Only `{driver}` can clone it, so the clone stays `Pending`. Use a StorageClass of `{driver}`.',
              ru: 'Том заявки `{name}` хранит драйвер `{driver}`, а класс хранилища `{target}` выделяет `{provisioner}`. Клонировать его может только `{driver}`, поэтому клон останется в `Pending`. Возьмите класс хранилища драйвера `{driver}`.',
            },
            { name: source.name, driver, target: target.object.name ?? '', provisioner },
          ),
          { data: { driver }, fix: fitting ? () => classFix(object, at, fitting) : undefined },
        );
        continue;
      }
      if (source.type !== 'restore') continue;
      const driver = snapshotDriver(source, ctx.lookups);
      if (!driver || driver === provisioner) continue;
      const fitting = classOfDriver(driver, ctx);
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

/** The first StorageClass of the workspace provisioned by `driver`. */
function classOfDriver(driver: string, ctx: RuleContext): string | undefined {
  return [...ctx.lookups.storageClasses.values()].find((c) => c.data.provisioner === driver)?.object
    .name;
}

/**
 * The CSI driver holding the volume of a cloned claim: that of the volume it names, when the
 * workspace has it, else its StorageClass's provisioner (which made the volume).
 */
function cloneSourceDriver(
  claim: ClaimEntry,
  sourceClass: StorageClass | undefined,
  ctx: RuleContext,
): string | undefined {
  const volumeName = str(claim.spec.volumeName);
  const volume = volumeName ? ctx.lookups.volume(volumeName, claim.object.uri) : undefined;
  const csi = volume?.data.spec?.csi;
  return str(csi?.driver) ?? str(sourceClass?.provisioner);
}

/** Only a restore may change the mode, and only when an admin allows it on the content. */
const RESTORE_MODE_CHANGE = {
  en: 'Or, if the change is meant, annotate the VolumeSnapshotContent with `snapshot.storage.kubernetes.io/allow-volume-mode-change: "true"` (an administrator\'s step: it lets the claim see the snapshot\'s raw data through another mode).',
  ru: 'Если смена режима задумана, добавьте VolumeSnapshotContent аннотацию `snapshot.storage.kubernetes.io/allow-volume-mode-change: "true"` (это шаг администратора: заявка увидит данные снимка через другой режим).',
};

function classFix(object: IndexedObject, at: ClaimSpecAt, name: string): QuickFix | undefined {
  return fix(
    localize(
      { en: 'Use `storageClassName: {name}`', ru: 'Указать `storageClassName: {name}`' },
      { name },
    ),
    setKey(object, at.path, 'storageClassName', name),
  );
}

export const restoreVolumeModeMismatch: Rule = {
  id: 'restore-volume-mode-mismatch',
  family: 'snapshots',
  severity: 'warning',
  kinds: SNAPSHOT_CLAIM_KINDS,
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
      const source = resolveSource(at, ns, ctx, object.uri);
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
      const text = {
        en: '{what} `{name}` has `volumeMode: {wanted}`, this claim `{mode}`. The CSI provisioner refuses to change the mode, so the claim stays `Pending`. Use `volumeMode: {wanted}`.',
        ru: '{whatRu} `{name}` — `volumeMode: {wanted}`, а у этой заявки — `{mode}`. CSI-провижинер не меняет режим тома, поэтому заявка останется в `Pending`. Укажите `volumeMode: {wanted}`.',
      };
      ctx.report(
        path,
        localize(source.type === 'restore' ? joinTexts(text, RESTORE_MODE_CHANGE) : text, {
          name: source.name,
          wanted,
          mode,
          what: source.type === 'restore' ? 'The volume of snapshot' : 'Claim',
          whatRu: source.type === 'restore' ? 'У тома снимка' : 'У заявки',
        }),
        {
          data: { volumeMode: wanted },
          fix: () =>
            fix(
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

export const restoreRules: Rule[] = [
  restoreSmallerThanSource,
  restoreDriverMismatch,
  restoreVolumeModeMismatch,
];
