/**
 * What a CSIDriver object allows its volumes: `volumeLifecycleModes` says whether the driver
 * serves persistent volumes (PersistentVolumes with `csi`), inline volumes (a pod's
 * `volumes[].csi`), or both; left out, it is `[Persistent]` (SetDefaults_CSIDriver). The API
 * server accepts a volume of either kind for any driver; the kubelet checks the mode when it
 * mounts the volume (csi_plugin.go `supportsVolumeLifecycleMode`) and fails the mount with
 * `volume mode "Ephemeral" not supported by driver …`, so the pod never starts.
 */
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { isSeq } from 'yaml';
import { nodesAtPath } from '../parse/nodes';
import type { Found } from './lookups';
import type { QuickFix, Rule, RuleContext } from './types';
import { insertInMap, insertInSeq, replaceValue } from './fixes/edits';
import { fix } from './fixes/quickFix';
import { isRecord, podSpecOf, str, volumesOf, workloadKinds } from './util';

type LifecycleMode = 'Persistent' | 'Ephemeral';

/** The modes a CSIDriver object allows (`[Persistent]` when it lists none). */
export function lifecycleModesOf(data: Record<string, unknown>): string[] {
  const spec = isRecord(data.spec) ? data.spec : {};
  const modes = Array.isArray(spec.volumeLifecycleModes)
    ? spec.volumeLifecycleModes.filter((m): m is string => typeof m === 'string')
    : [];
  return modes.length ? modes : ['Persistent'];
}

/**
 * True when the CSIDriver surely refuses `mode`: not a Helm template (whose list may be a masked
 * value) and a list that is left out or written out in full.
 */
function refuses(found: Found<Record<string, unknown>>, mode: LifecycleMode): boolean {
  if (found.object.template) return false;
  const spec = isRecord(found.data.spec) ? found.data.spec : {};
  const list = spec.volumeLifecycleModes;
  if (list !== undefined && list !== null) {
    if (!Array.isArray(list) || list.some((m) => typeof m !== 'string')) return false;
  }
  return !lifecycleModesOf(found.data).includes(mode);
}

/**
 * The CSIDriver objects of `driver` when every one of them refuses `mode` (several manifests of one
 * driver, as in a folder of examples: one that allows the mode is enough to say nothing).
 */
function refusingDrivers(
  ctx: RuleContext,
  driver: string,
  mode: LifecycleMode,
): Found<Record<string, unknown>>[] | undefined {
  const copies = ctx.lookups.csiDrivers.get(driver);
  if (!copies?.length) return undefined;
  return copies.every((c) => refuses(c, mode)) ? copies : undefined;
}

function modeList(found: Found<Record<string, unknown>>): LocalizedText {
  const spec = isRecord(found.data.spec) ? found.data.spec : {};
  if (!Array.isArray(spec.volumeLifecycleModes) || !spec.volumeLifecycleModes.length) {
    return {
      en: 'it lists none, which means `[Persistent]`',
      ru: 'там ничего не указано, а это значит `[Persistent]`',
    };
  }
  const list = `\`[${lifecycleModesOf(found.data).join(', ')}]\``;
  return { en: `it lists ${list}`, ru: `там указано ${list}` };
}

/**
 * `mode` added to the CSIDriver's `volumeLifecycleModes` (the list written out when it was left
 * to its `[Persistent]` default), for a driver that serves it: the other fix, a claim instead of an
 * inline volume, is a choice of storage left to the user.
 */
function allowModeFix(
  found: Found<Record<string, unknown>>,
  mode: LifecycleMode,
  driver: string,
): QuickFix | undefined {
  const path = ['spec', 'volumeLifecycleModes'];
  const list = nodesAtPath(found.object.document.doc, path)?.value;
  const modes = [...lifecycleModesOf(found.data), mode];
  const edit = !isSeq(list)
    ? insertInMap(found.object, ['spec'], 'volumeLifecycleModes', modes)
    : list.flow
      ? replaceValue(found.object, path, `[${modes.join(', ')}]`)
      : insertInSeq(found.object, path, mode);
  return fix(
    localize(
      {
        en: 'Allow `{mode}` in CSIDriver `{driver}` (`volumeLifecycleModes`)',
        ru: 'Разрешить `{mode}` в CSIDriver `{driver}` (`volumeLifecycleModes`)',
      },
      { mode, driver },
    ),
    edit,
  );
}

const INLINE: LocalizedText = {
  en: 'CSIDriver `{driver}` does not allow inline volumes ({modes}): the API server accepts this `csi` volume, but the kubelet refuses to mount it (`volume mode "Ephemeral" not supported by driver`) and the pod stays in `ContainerCreating`. If the driver serves inline volumes, add `Ephemeral` to its `volumeLifecycleModes`; if not, use a PersistentVolumeClaim or a generic ephemeral volume (`ephemeral.volumeClaimTemplate`).',
  ru: 'CSIDriver `{driver}` не допускает встроенных CSI-томов ({modes}): API-сервер примет этот том `csi`, но kubelet откажется его монтировать (`volume mode "Ephemeral" not supported by driver`), и под останется в `ContainerCreating`. Если драйвер умеет работать со встроенными томами, добавьте `Ephemeral` в его `volumeLifecycleModes`; если нет, используйте заявку на том (PVC) или универсальный эфемерный том (`ephemeral.volumeClaimTemplate`).',
};

const PERSISTENT: LocalizedText = {
  en: 'CSIDriver `{driver}` does not allow persistent volumes ({modes}): the API server accepts this PersistentVolume, but the kubelet refuses to mount it (`volume mode "Persistent" not supported by driver`) and pods using it stay in `ContainerCreating`. Mount the driver as an inline `csi` volume in the pod, or add `Persistent` to its `volumeLifecycleModes` if it serves persistent volumes.',
  ru: 'CSIDriver `{driver}` не допускает постоянных томов ({modes}): API-сервер примет этот PersistentVolume, но kubelet откажется его монтировать (`volume mode "Persistent" not supported by driver`), и поды с ним останутся в `ContainerCreating`. Монтируйте драйвер как встроенный том `csi` прямо в поде или, если он умеет работать с постоянными томами, добавьте `Persistent` в его `volumeLifecycleModes`.',
};

export const csiLifecycleModeNotAllowed: Rule = {
  id: 'csi-lifecycle-mode-not-allowed',
  family: 'links',
  severity: 'warning',
  kinds: [...workloadKinds, 'PersistentVolume'],
  fixable: true,
  title: {
    en: "A CSI volume of a kind its CSIDriver's `volumeLifecycleModes` does not allow",
    ru: 'CSI-том того вида, который не допускают `volumeLifecycleModes` его CSIDriver',
  },
  docs: {
    en: "A CSIDriver object says in `volumeLifecycleModes` which volumes its driver serves: `Persistent` (PersistentVolumes with `csi`, provisioned or written by hand), `Ephemeral` (CSI inline volumes, a pod's `volumes[].csi`), or both; left out, it is `[Persistent]`. The API server accepts a volume of either kind for any driver, but the kubelet checks the mode when it mounts the volume and refuses it, so the pod stays in `ContainerCreating`. Reported for an inline volume whose driver's CSIDriver in the workspace lacks `Ephemeral` (a Secrets Store or cert-manager CSI driver installed without it, a typo in the list) and for a PersistentVolume whose driver's CSIDriver lists only `Ephemeral`. Drivers without a CSIDriver object in the workspace are not judged (the kubelet then allows persistent volumes only, but the object may be in the cluster); of several manifests of one driver, one that allows the mode is enough. Generic ephemeral volumes (`ephemeral.volumeClaimTemplate`) are persistent volumes to the driver and are not concerned.",
    ru: 'Объект CSIDriver указывает в `volumeLifecycleModes`, какие тома обслуживает драйвер: `Persistent` (постоянные тома с `csi`, созданные провижинером или вручную), `Ephemeral` (встроенные CSI-тома, `volumes[].csi` пода) или оба; если поле не задано, это `[Persistent]`. API-сервер примет том любого вида для любого драйвера, но kubelet проверяет вид при монтировании и отказывает, так что под остаётся в `ContainerCreating`. Отмечается встроенный том, у CSIDriver драйвера которого в рабочей области нет `Ephemeral` (драйвер Secrets Store или cert-manager установлен без него, опечатка в списке), и постоянный том, у CSIDriver драйвера которого указан только `Ephemeral`. Драйверы без объекта CSIDriver в рабочей области не оцениваются (kubelet тогда допускает только постоянные тома, но объект может быть в кластере); если у драйвера несколько манифестов, достаточно одного, допускающего нужный вид. Универсальные эфемерные тома (`ephemeral.volumeClaimTemplate`) для драйвера — постоянные тома, и правило их не касается.',
  },
  check(object, data, ctx) {
    if (object.kind === 'PersistentVolume') {
      const spec = isRecord(data.spec) ? data.spec : {};
      const driver = isRecord(spec.csi) ? str(spec.csi.driver) : undefined;
      const refusing = driver ? refusingDrivers(ctx, driver, 'Persistent') : undefined;
      if (!driver || !refusing) return;
      ctx.report(
        ['spec', 'csi', 'driver'],
        localize(PERSISTENT, { driver, modes: modeList(refusing[0]!) }),
        { fix: () => allowModeFix(refusing[0]!, 'Persistent', driver) },
      );
      return;
    }
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const v of volumesOf(at)) {
      const csi = v.volume.csi;
      const driver = isRecord(csi) ? str(csi.driver) : undefined;
      const refusing = driver ? refusingDrivers(ctx, driver, 'Ephemeral') : undefined;
      if (!driver || !refusing) continue;
      ctx.report(
        [...v.path, 'csi', 'driver'],
        localize(INLINE, { driver, modes: modeList(refusing[0]!) }),
        { fix: () => allowModeFix(refusing[0]!, 'Ephemeral', driver) },
      );
    }
  },
};

export const csiDriverRules: Rule[] = [csiLifecycleModeNotAllowed];
