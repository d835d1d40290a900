/**
 * What would make a Pending claim bind, in English and Russian: for each volume passed over (by
 * the key of its rejection, with the same parameters) and for the claim as a whole (by the key of
 * its reason). Keys without a remedy are absent: a volume that fits but lost to a smaller one, a
 * claim that only waits for its pod.
 */
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import type { ClaimState } from './state';

export const rejectFixes = {
  accessModes: {
    en: 'Ask only for {volumeModes} in `accessModes`, or add the missing modes to the volume if its storage supports them.',
    ru: 'Запросите в `accessModes` только {volumeModes} или добавьте тому недостающие режимы, если его хранилище их поддерживает.',
  },
  claimedByOther: {
    en: 'Use another volume: this one stays with `{other}` until that claim is deleted and an administrator frees the volume.',
    ru: 'Возьмите другой том: этот останется за `{other}`, пока ту заявку не удалят, а администратор не освободит том.',
  },
  reservedForOther: {
    en: "Point the volume's `claimRef` at this claim, or use another volume.",
    ru: 'Направьте `claimRef` тома на эту заявку или возьмите другой том.',
  },
  claimRefUid: {
    en: 'Remove `claimRef.uid` from the volume (once the old claim is gone): it then binds to this claim.',
    ru: 'Уберите у тома `claimRef.uid` (когда прежней заявки уже нет): тогда он привяжется к этой заявке.',
  },
  claimRefNoNamespace: {
    en: "Add `namespace: {namespace}` to the volume's `claimRef`.",
    ru: 'Добавьте `namespace: {namespace}` в `claimRef` тома.',
  },
  takenByEarlierClaim: {
    en: 'Reserve it for this claim with `spec.volumeName`, or add another volume like it.',
    ru: 'Зарезервируйте его за этой заявкой через `spec.volumeName` или добавьте ещё один такой же том.',
  },
  tooSmall: {
    en: 'Request at most {capacity}, or grow the volume to {request}.',
    ru: 'Запросите не больше {capacity} или увеличьте том до {request}.',
  },
  volumeMode: {
    en: 'Set `volumeMode: {volumeMode}` on the claim, or use a volume with `{claimMode}`.',
    ru: 'Укажите у заявки `volumeMode: {volumeMode}` или возьмите том с `{claimMode}`.',
  },
  attributesClass: {
    en: 'Give the claim and the volume the same `volumeAttributesClassName`.',
    ru: 'Укажите заявке и тому одинаковый `volumeAttributesClassName`.',
  },
  beingDeleted: {
    en: 'Use another volume: this one is going away.',
    ru: 'Возьмите другой том: этот удаляется.',
  },
  deleted: {
    en: 'Use another volume, or set the reclaim policy `Retain` on volumes you want to reuse.',
    ru: 'Возьмите другой том или задайте политику освобождения `Retain` томам, которые хотите использовать повторно.',
  },
  nodeAffinity: {
    en: "Schedule the pod to a node the volume's node affinity allows (other node labels), or use a volume on the given node.",
    ru: 'Запланируйте под на узел, который допускает привязка тома к узлам (другие метки узла), или возьмите том на заданном узле.',
  },
  nodeAffinityPod: {
    en: "Let the pod run where the volume is: make the pod's `nodeSelector` or node affinity match the volume's node affinity.",
    ru: 'Дайте поду работать там, где том: согласуйте `nodeSelector` или node affinity пода с привязкой тома к узлам.',
  },
  delayedBinding: {
    en: 'Create a pod that mounts the claim: the volume binds when the pod is scheduled. Node labels show which volume it gets.',
    ru: 'Создайте под с этой заявкой: том привяжется, когда под запланируют. Метки узла покажут, какой том он получит.',
  },
  phase: {
    en: 'An administrator removes the volume\'s `claimRef` (`kubectl patch pv <name> --type json -p \'[{"op":"remove","path":"/spec/claimRef"}]\'`); it becomes `Available` again.',
    ru: 'Администратор убирает у тома `claimRef` (`kubectl patch pv <name> --type json -p \'[{"op":"remove","path":"/spec/claimRef"}]\'`), и том снова становится `Available`.',
  },
  selector: {
    en: "Give the volume the labels the claim's `selector` asks for, or change the `selector`.",
    ru: 'Добавьте тому метки, которые требует `selector` заявки, или измените `selector`.',
  },
  storageClass: {
    en: "Give the claim the volume's class ({volumeClass}), or the volume the claim's class ({claimClass}).",
    ru: 'Укажите заявке класс тома ({volumeClass}) или тому — класс заявки ({claimClass}).',
  },
  unknownDefaultClass: {
    en: "Give the claim `storageClassName: {volumeClass}`, or, if `{volumeClass}` is the cluster's default class, name it in `kubeStorage.cluster.defaultStorageClass` (`--default-class`).",
    ru: 'Укажите заявке `storageClassName: {volumeClass}` или, если `{volumeClass}` и есть класс кластера по умолчанию, назовите его в `kubeStorage.cluster.defaultStorageClass` (`--default-class`).',
  },
  unknownDefaultNoClass: {
    en: 'Set `storageClassName: ""` on the claim: it then binds volumes without a class.',
    ru: 'Укажите заявке `storageClassName: ""`: тогда она привяжется к тому без класса.',
  },
} satisfies Record<string, LocalizedText>;

/** The `storageClass` remedy when one side has no class (reasonMessages.ts `classMismatchReasons`). */
export const classMismatchFixes = {
  volumeNone: {
    en: 'Give the claim no class (`storageClassName: ""`), like the volume, or give the volume the claim\'s class ({claimClass}).',
    ru: 'Уберите у заявки класс (`storageClassName: ""`), как у тома, или укажите тому класс заявки ({claimClass}).',
  },
  claimNone: {
    en: "Give the claim the volume's class ({volumeClass}), or remove `storageClassName` from the volume.",
    ru: 'Укажите заявке класс тома ({volumeClass}) или уберите у тома `storageClassName`.',
  },
} satisfies Record<string, LocalizedText>;

export const claimRemedies = {
  pendingNoClass: {
    en: 'To bind it: set `storageClassName` to a class that provisions volumes, or create a PersistentVolume without a class that fits the claim.',
    ru: 'Чтобы заявка привязалась, укажите в `storageClassName` класс, который выделяет тома, или создайте подходящий постоянный том без класса.',
  },
  pendingClassMissing: {
    en: 'To bind it: create StorageClass `{class}`, or set `storageClassName` to a class that exists.',
    ru: 'Чтобы заявка привязалась, создайте класс хранилища `{class}` или укажите в `storageClassName` существующий класс.',
  },
  pendingRemovedProvisioner: {
    en: "To bind it: give the claim a class of the storage's CSI driver, or create a PersistentVolume of class `{class}` that fits the claim.",
    ru: 'Чтобы заявка привязалась, укажите ей класс хранилища, у которого провижинер — CSI-драйвер этого хранилища, или создайте постоянный том класса `{class}`, подходящий заявке.',
  },
  pendingNoProvisioner: {
    en: 'To bind it: create a PersistentVolume of class `{class}` that fits the claim (size, access modes, volume mode, labels for a `selector`).',
    ru: 'Чтобы заявка привязалась, создайте постоянный том класса `{class}`, подходящий заявке (размер, режимы доступа, режим тома, метки для `selector`).',
  },
  pendingVolumeNameMissing: {
    en: 'To bind it: create volume `{volume}`, or remove `spec.volumeName` to let the controller choose.',
    ru: 'Чтобы заявка привязалась, создайте том `{volume}` или уберите `spec.volumeName`, чтобы том выбрал контроллер.',
  },
  pendingVolumeNameTaken: {
    en: 'To bind it: name a free volume in `spec.volumeName`, or remove it to let the controller choose.',
    ru: 'Чтобы заявка привязалась, укажите в `spec.volumeName` свободный том или уберите это поле, чтобы том выбрал контроллер.',
  },
  pendingSelector: {
    en: 'To bind it: remove the `selector` so that `{class}` provisions a volume, or create a PersistentVolume of class `{class}` whose labels match the `selector`.',
    ru: 'Чтобы заявка привязалась, уберите `selector`, и класс `{class}` выделит том, или создайте постоянный том класса `{class}` с метками, подходящими под `selector`.',
  },
  pendingSelectorClusterDefault: {
    en: 'To bind it: remove the `selector` so that the default class provisions a volume, or set `storageClassName` and create a PersistentVolume of that class whose labels match the `selector`.',
    ru: 'Чтобы заявка привязалась, уберите `selector`, и том выделит класс по умолчанию, или укажите `storageClassName` и создайте постоянный том этого класса с метками, подходящими под `selector`.',
  },
  pendingInvalidSelector: {
    en: "To bind it: fix the claim's `selector` (operators `In`, `NotIn` with values; `Exists`, `DoesNotExist` without).",
    ru: 'Чтобы заявка привязалась, исправьте `selector` заявки (операторы `In`, `NotIn` — со значениями; `Exists`, `DoesNotExist` — без).',
  },
  pendingTopology: {
    en: "To bind it: allow the node's topology in the class's `allowedTopologies`, or schedule the pod to another node.",
    ru: 'Чтобы заявка привязалась, разрешите топологию узла в `allowedTopologies` класса или запланируйте под на другой узел.',
  },
  pendingTopologyPod: {
    en: "To bind it: allow the pod's zone in the class's `allowedTopologies`, or change the pod's `nodeSelector` or node affinity.",
    ru: 'Чтобы заявка привязалась, разрешите зону пода в `allowedTopologies` класса или измените `nodeSelector` или node affinity пода.',
  },
  pendingPreboundNode: {
    en: 'To bind it: schedule the pod to the node of volume `{volume}`.',
    ru: 'Чтобы заявка привязалась, запланируйте под на узел тома `{volume}`.',
  },
  pendingPreboundNodePod: {
    en: "To bind it: make the pod's `nodeSelector` or node affinity allow the node of volume `{volume}`.",
    ru: 'Чтобы заявка привязалась, согласуйте `nodeSelector` или node affinity пода с узлом тома `{volume}`.',
  },
  pendingPodOtherClaim: {
    en: 'To bind it: make `{claim}` bindable on that node first.',
    ru: 'Чтобы заявка привязалась, сначала сделайте так, чтобы на этом узле могла привязаться `{claim}`.',
  },
  pendingPodImmediateUnbound: {
    en: 'To bind it: make `{claim}` bind first.',
    ru: 'Чтобы заявка привязалась, сначала должна привязаться `{claim}`.',
  },
  pendingPodVolumeNode: {
    en: 'To bind it: schedule the pod where volume `{volume}` is.',
    ru: 'Чтобы заявка привязалась, запланируйте под туда, где том `{volume}`.',
  },
  waitNoConsumer: {
    en: 'To bind it: create a pod or workload that mounts the claim.',
    ru: 'Чтобы заявка привязалась, создайте под или контроллер, который монтирует эту заявку.',
  },
} satisfies Record<string, LocalizedText>;

/** What would make a Pending claim bind, from the reason the controller left it Pending with. */
export function claimRemedy(c: ClaimState): LocalizedText | undefined {
  if (c.phase !== 'Pending' || !c.decision) return undefined;
  const template = claimRemedies[c.decision.key as keyof typeof claimRemedies];
  return template && localize(template, c.decision.params);
}
