/**
 * Binding to a named volume: a claim that names its volume (`spec.volumeName`) binds only if the
 * volume satisfies it — size, access modes, volume mode, class, reservation. The checks are the binding engine's
 * (binding/match.ts, after the PV controller's `checkVolumeSatisfyClaim`), on the engine's view
 * of both objects (binding/build.ts); the rules only say where and how to fix it. A claim and a
 * volume that name each other (`volumeName` and `claimRef`) are bound without those checks
 * (`syncUnboundClaim`, `IsVolumeBoundToClaim` branch): the rules then say what the claim gets.
 */
import type {
  PersistentVolume,
  PersistentVolumeClaim,
  PersistentVolumeClaimSpec,
} from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import { claimState, volumeState } from '../binding/build';
import {
  checkAccessModes,
  checkVolumeSatisfiesClaim,
  isVolumeBoundToClaim,
  requestExceedsCapacity,
  volumeModeMismatch as modesDiffer,
} from '../binding/match';
import type { ClaimState, VolumeState } from '../binding/state';
import { describeBytes, parseQuantity } from '../quantity';
import type { IndexedObject } from '../workspace/file';
import type { Found } from './lookups';
import type { Rule, RuleContext } from './types';
import { codeList, isRecord, namespaceOf, str, strings } from './util';
import type { YamlPath } from '../parse/nodes';
import { replaceFix, setValueFix } from './fixes/storageFixes';
import { scalarText } from './fixes/edits';
import { offeredModesFix, reserveVolumeFix } from './fixes/volumeFixes';
import { requestExceedsReservedVolume, reservedVolume } from './volumeReservations';

interface NamedVolume {
  spec: PersistentVolumeClaimSpec;
  pv: Found<PersistentVolume>;
  /** The binding engine's view of the claim and the volume. */
  claim: ClaimState;
  volume: VolumeState;
}

/** The PV a claim names with `volumeName`, if it is in the workspace. */
export function namedVolume(
  object: IndexedObject,
  data: Record<string, unknown>,
  ctx: RuleContext,
): NamedVolume | undefined {
  const spec = data.spec;
  if (!isRecord(spec)) return undefined;
  const name = str(spec.volumeName);
  // Of copies of the volume in one folder, the one this claim could bind is the one meant.
  const fits = (copy: Found<PersistentVolume>) => {
    const views = engineViews(object, data, copy);
    return !!views && checkVolumeSatisfiesClaim(views.volume, views.claim) === undefined;
  };
  const pv = name ? ctx.lookups.volume(name, object.uri, fits) : undefined;
  const views = pv && engineViews(object, data, pv);
  return views && { spec: spec as PersistentVolumeClaimSpec, pv, ...views };
}

function engineViews(
  object: IndexedObject,
  data: Record<string, unknown>,
  pv: Found<PersistentVolume>,
): { claim: ClaimState; volume: VolumeState } | undefined {
  const claim = claimState(data as PersistentVolumeClaim, namespaceOf(object), undefined, null);
  const volume = volumeState(pv.data, 0, undefined);
  return claim && volume ? { claim, volume } : undefined;
}

/** The claim and its volume name each other: the PV controller binds them without checks. */
export function namesEachOther(found: NamedVolume): boolean {
  return isVolumeBoundToClaim(found.volume, found.claim);
}

const BOUND_ANYWAY = {
  en: 'Volume `{pv}` and this claim name each other (`claimRef` and `volumeName`), so the PV controller binds them without checking',
  ru: 'Том `{pv}` и эта заявка указывают друг на друга (`claimRef` и `volumeName`), поэтому контроллер PV привяжет их, не проверяя',
};

function size(bytes: number): string {
  return describeBytes(bytes).binary;
}

export const claimLargerThanVolume: Rule = {
  id: 'claim-larger-than-volume',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A claim requests more storage than the volume it names or that reserves it',
    ru: 'Заявка запрашивает больше ёмкости указанного или зарезервированного за ней тома',
  },
  docs: {
    en: "A volume binds to a claim only if its `capacity.storage` is at least the claim's `resources.requests.storage`. A claim whose `volumeName` points at a smaller free volume, or that a smaller volume reserves with its `claimRef` alone, stays `Pending`: the PV controller checks the size before it honours either. When both point at each other (`volumeName` on the claim, `claimRef` naming the claim on the volume), the controller binds them without checking anything, and the claim gets the volume's smaller capacity: the rule then says so. Lower the request or pick (or grow) a bigger volume.",
    ru: 'Том привяжется к заявке, только если его `capacity.storage` не меньше запроса `resources.requests.storage`. Заявка, у которой `volumeName` указывает на свободный том меньшего размера или за которой такой том зарезервирован одним лишь `claimRef`, останется в `Pending`: контроллер PV проверяет размер раньше, чем учитывает любую из этих привязок. Если же они указывают друг на друга (`volumeName` у заявки и `claimRef` с этой заявкой у тома), контроллер привязывает их без всяких проверок, и заявка получает меньшую ёмкость тома — об этом правило и сообщит. Уменьшите запрос или выберите (увеличьте) том побольше.',
  },
  check(object, data, ctx) {
    const found = namedVolume(object, data, ctx);
    if (!found) {
      checkReservedVolume(object, data, ctx);
      return;
    }
    if (!requestExceedsCapacity(found.claim, found.volume)) return;
    const request = parseQuantity(found.spec.resources?.requests?.storage);
    const capacity = parseQuantity(found.pv.data.spec?.capacity?.storage);
    if (request === undefined || capacity === undefined) return;
    ctx.report(
      REQUEST_PATH,
      localize(
        namesEachOther(found)
          ? {
              en: `${BOUND_ANYWAY.en} the size: the claim gets {capacity}, not the {request} it requests. Request {capacity}, or grow the volume.`,
              ru: `${BOUND_ANYWAY.ru} размер: заявка получит {capacity}, а не запрошенные {request}. Запросите {capacity} или увеличьте том.`,
            }
          : {
              en: 'The claim requests {request}, but volume `{pv}` has only {capacity}. The volume will not bind and the claim stays `Pending`. Lower the request or use a bigger volume.',
              ru: 'Заявка запрашивает {request}, а у тома `{pv}` ёмкость всего {capacity}. Том не привяжется, заявка останется в `Pending`. Уменьшите запрос или возьмите том побольше.',
            },
        { request: size(request), capacity: size(capacity), pv: found.pv.object.name ?? '?' },
      ),
      { fix: requestCapacityFix(object, found.pv) },
    );
  },
};

const REQUEST_PATH: YamlPath = ['spec', 'resources', 'requests', 'storage'];

function requestCapacityFix(object: IndexedObject, pv: Found<PersistentVolume>) {
  return replaceFix(
    object,
    REQUEST_PATH,
    scalarText(pv.data.spec?.capacity?.storage),
    localize(
      {
        en: "Request `{size}` (the volume's capacity)",
        ru: 'Запросить `{size}` (ёмкость тома)',
      },
      { size: String(pv.data.spec?.capacity?.storage) },
    ),
  );
}

/** A claim without `volumeName` that a volume reserves with `claimRef`, but that is too big for it. */
function checkReservedVolume(
  object: IndexedObject,
  data: Record<string, unknown>,
  ctx: RuleContext,
): void {
  if (!object.name || !isRecord(data.spec) || str(data.spec.volumeName)) return;
  const ns = namespaceOf(object);
  const pv = reservedVolume(ctx.lookups, ns, object.name);
  // A `claimRef` without a namespace reserves the volume for no claim (claim-ref-not-found).
  if (pv && str(pv.data.spec?.claimRef?.namespace) !== ns) return;
  const tooBig = pv && requestExceedsReservedVolume(data.spec, pv);
  if (!pv || !tooBig) return;
  ctx.report(
    REQUEST_PATH,
    localize(
      {
        en: 'Volume `{pv}` is reserved for this claim by its `claimRef`, but its capacity is {capacity} and the claim requests {request}. The PV controller skips a volume smaller than the request, so the reservation is never used and the claim stays `Pending`. Request at most {capacity}, or grow the volume.',
        ru: 'Том `{pv}` зарезервирован за этой заявкой через `claimRef`, но его ёмкость {capacity}, а заявка запрашивает {request}. Контроллер PV пропускает тома меньше запроса, так что резерв не сработает и заявка останется в `Pending`. Запросите не больше {capacity} или увеличьте том.',
      },
      {
        pv: pv.object.name ?? '?',
        capacity: size(tooBig.capacity),
        request: size(tooBig.request),
      },
    ),
    { fix: requestCapacityFix(object, pv) },
  );
}

export const accessModesNotOffered: Rule = {
  id: 'access-modes-not-offered',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A claim asks for access modes the named volume does not offer',
    ru: 'Заявка требует режимы доступа, которых у указанного тома нет',
  },
  docs: {
    en: "A volume satisfies a claim only if the volume's `accessModes` include every mode the claim asks for. Otherwise the claim stays `Pending`. A claim and a volume that name each other (`volumeName` and `claimRef`) are bound without that check, and the claim gets the volume's modes: the rule then says so. Ask only for modes the volume offers, or add the mode to the volume if its storage really supports it.",
    ru: 'Том подходит заявке, только если его `accessModes` содержат все режимы доступа, которые просит заявка. Иначе заявка останется в `Pending`. Заявку и том, которые указывают друг на друга (`volumeName` и `claimRef`), контроллер привязывает без этой проверки, и заявка получает режимы тома — об этом правило и сообщит. Запросите только те режимы, что есть у тома, или добавьте режим тому, если его хранилище действительно это умеет.',
  },
  check(object, data, ctx) {
    const found = namedVolume(object, data, ctx);
    if (!found || checkAccessModes(found.claim, found.volume)) return;
    const offered = new Set(found.volume.modes);
    const missing = found.claim.modes.filter((m) => !offered.has(m));
    ctx.report(
      ['spec', 'accessModes'],
      localize(
        namesEachOther(found)
          ? {
              en: `${BOUND_ANYWAY.en} access modes: the claim gets the volume's modes, {offered}, and not {missing}. Request only modes the volume offers.`,
              ru: `${BOUND_ANYWAY.ru} режимы доступа: заявка получит режимы тома — {offered}, а не {missing}. Запросите только режимы, которые есть у тома.`,
            }
          : {
              en: 'Volume `{pv}` does not offer {missing} (it offers {offered}). The claim will not bind and stays `Pending`. Request only modes the volume offers.',
              ru: 'У тома `{pv}` нет режима {missing} (есть {offered}). Заявка не привяжется и останется в `Pending`. Запросите только режимы, которые есть у тома.',
            },
        {
          pv: found.pv.object.name ?? '?',
          missing: codeList(missing),
          offered: codeList(offered) || '—',
        },
      ),
      {
        fix: () =>
          offeredModesFix(object, strings(found.spec.accessModes), [
            ...strings(found.pv.data.spec?.accessModes),
          ]),
      },
    );
  },
};

export const volumeModeMismatch: Rule = {
  id: 'volume-mode-mismatch',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A claim and the volume it names have different volume modes',
    ru: 'У заявки и указанного тома разный `volumeMode`',
  },
  docs: {
    en: "`volumeMode` (`Filesystem`, the default, or `Block`) must be the same on the claim and the volume. A raw block volume never binds to a filesystem claim or the other way round, so the claim stays `Pending`. A claim and a volume that name each other (`volumeName` and `claimRef`) are bound all the same, but the kubelet uses the volume's mode: a pod that uses the claim in the claim's mode (`volumeMounts` for `Filesystem`, `volumeDevices` for `Block`) does not start. Make both the same.",
    ru: '`volumeMode` (`Filesystem` по умолчанию или `Block`) у заявки и тома должен совпадать. Блочное устройство не привяжется к заявке на файловую систему и наоборот — заявка останется в `Pending`. Заявку и том, которые указывают друг на друга (`volumeName` и `claimRef`), контроллер всё равно привяжет, но kubelet берёт режим тома: под, который подключает заявку в её режиме (`volumeMounts` для `Filesystem`, `volumeDevices` для `Block`), не запустится. Сделайте режимы одинаковыми.',
  },
  check(object, data, ctx) {
    const found = namedVolume(object, data, ctx);
    if (!found || !modesDiffer(found.claim, found.volume)) return;
    const claimMode = found.claim.volumeMode;
    const volumeMode = found.volume.volumeMode;
    ctx.report(
      found.spec.volumeMode ? ['spec', 'volumeMode'] : ['spec', 'volumeName'],
      localize(
        namesEachOther(found)
          ? {
              en: "The claim wants `volumeMode: {claim}`, volume `{pv}` has `{volume}`. They name each other (`claimRef` and `volumeName`), so the PV controller binds them anyway, but the kubelet uses the volume's mode: a pod that uses the claim through {how} does not start. Use the same mode on both.",
              ru: 'Заявке нужен `volumeMode: {claim}`, а у тома `{pv}` — `{volume}`. Они указывают друг на друга (`claimRef` и `volumeName`), поэтому контроллер PV их всё равно привяжет, но kubelet берёт режим тома: под, который подключает заявку через {how}, не запустится. Укажите одинаковый режим.',
            }
          : {
              en: 'The claim wants `volumeMode: {claim}`, volume `{pv}` has `{volume}`. They will not bind. Use the same mode on both.',
              ru: 'Заявке нужен `volumeMode: {claim}`, а у тома `{pv}` — `{volume}`. Привязки не будет. Укажите одинаковый режим.',
            },
        {
          claim: claimMode,
          volume: volumeMode,
          pv: found.pv.object.name ?? '?',
          how: claimMode === 'Block' ? '`volumeDevices`' : '`volumeMounts`',
        },
      ),
      {
        fix: setValueFix(
          object,
          ['spec'],
          'volumeMode',
          volumeMode,
          localize(
            {
              en: 'Use `volumeMode: {mode}` like the volume',
              ru: 'Указать `volumeMode: {mode}`, как у тома',
            },
            { mode: volumeMode },
          ),
        ),
      },
    );
  },
};

export const volumeReservedForOtherClaim: Rule = {
  id: 'volume-reserved-for-other-claim',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A claim names a volume reserved for another claim',
    ru: 'Заявка указывает том, зарезервированный за другой заявкой',
  },
  docs: {
    en: 'A volume with `spec.claimRef` binds only to that claim. Another claim that names it in `volumeName` stays `Pending`. Point `claimRef` at this claim, or use another volume.',
    ru: 'Том с `spec.claimRef` привязывается только к указанной там заявке. Другая заявка, которая называет его в `volumeName`, останется в `Pending`. Направьте `claimRef` на эту заявку или возьмите другой том.',
  },
  check(object, data, ctx) {
    const found = namedVolume(object, data, ctx);
    const ref = found?.pv.data.spec?.claimRef;
    if (!found || !isRecord(ref) || typeof ref.name !== 'string') return;
    const refNs = str(ref.namespace) ?? '';
    if (ref.name === found.claim.name && refNs === found.claim.namespace) return;
    if (ref.name === found.claim.name && !refNs) {
      reportRefWithoutNamespace(found, ctx);
      return;
    }
    ctx.report(
      ['spec', 'volumeName'],
      localize(
        {
          en: "Volume `{pv}` is reserved for claim `{ns}/{claim}` by its `claimRef`. This claim will stay `Pending`. Change the volume's `claimRef` or use another volume.",
          ru: 'Том `{pv}` зарезервирован за заявкой `{ns}/{claim}` через `claimRef`. Эта заявка останется в `Pending`. Измените `claimRef` тома или возьмите другой том.',
        },
        { pv: found.pv.object.name ?? '?', ns: refNs, claim: ref.name },
      ),
      { fix: () => reserveVolumeFix(object, found.pv) },
    );
  },
};

/** The volume's `claimRef` names this claim but no namespace: it reserves the volume for no claim. */
function reportRefWithoutNamespace(found: NamedVolume, ctx: RuleContext): void {
  const ns = found.claim.namespace;
  ctx.report(
    ['spec', 'volumeName'],
    localize(
      {
        en: "Volume `{pv}` is reserved by its `claimRef` for `{claim}` without a `namespace`. The PV controller compares namespaces exactly and nothing fills one in, so the reservation is not for this claim (namespace `{ns}`) and it stays `Pending`. Add `namespace: {ns}` to the volume's `claimRef`.",
        ru: 'Том `{pv}` зарезервирован через `claimRef` за `{claim}` без `namespace`. Контроллер PV сравнивает пространства имён точно, а само оно не подставляется, так что резерв не для этой заявки (пространство имён `{ns}`), и она останется в `Pending`. Добавьте `namespace: {ns}` в `claimRef` тома.',
      },
      { pv: found.pv.object.name ?? '?', claim: found.claim.name, ns },
    ),
    {
      fix: setValueFix(
        found.pv.object,
        ['spec', 'claimRef'],
        'namespace',
        ns,
        localize(
          {
            en: "Add `namespace: {ns}` to the volume's `claimRef`",
            ru: 'Добавить `namespace: {ns}` в `claimRef` тома',
          },
          { ns },
        ),
      ),
    },
  );
}
