/**
 * Reasons of the binding simulation, English and Russian side by side. Keys are the stable
 * `code`s of the CLI's JSON (kebab-case there, see `reasonCode`).
 */
import type { LocalizedText } from '../types';

export const claimReasons = {
  boundPrebound: {
    en: "Bound to `{volume}`: the volume's `claimRef` reserves it for this claim.",
    ru: 'Привязана к тому `{volume}`: его `claimRef` зарезервирован за этой заявкой.',
  },
  boundVolumeName: {
    en: 'Bound to `{volume}`, the volume named in `spec.volumeName`.',
    ru: 'Привязана к тому `{volume}`, указанному в `spec.volumeName`.',
  },
  boundMatch: {
    en: 'Bound to `{volume}` ({capacity}): the smallest available volume that fits.',
    ru: 'Привязана к тому `{volume}` ({capacity}) — это самый маленький из свободных подходящих томов.',
  },
  boundExisting: {
    en: 'Already bound to `{volume}` (taken from `status`).',
    ru: 'Уже привязана к тому `{volume}` (по данным `status`).',
  },
  boundScheduler: {
    en: 'Bound to `{volume}` when a pod using it is scheduled to the given node (`WaitForFirstConsumer`).',
    ru: 'Будет привязана к тому `{volume}`, когда под с этой заявкой попадёт на заданный узел (`WaitForFirstConsumer`).',
  },
  provision: {
    en: 'No existing volume fits; StorageClass `{class}` (provisioner `{provisioner}`) will provision a new one.',
    ru: 'Готового тома нет — класс хранилища `{class}` (провижинер `{provisioner}`) выделит новый.',
  },
  provisionAtNode: {
    en: 'No existing volume fits on the given node; StorageClass `{class}` (provisioner `{provisioner}`) will provision one there once the pod is scheduled.',
    ru: 'На заданном узле подходящего тома нет — класс хранилища `{class}` (провижинер `{provisioner}`) выделит том там, когда под будет запланирован.',
  },
  provisionSelectedNode: {
    en: 'The scheduler already chose node `{node}`; StorageClass `{class}` (provisioner `{provisioner}`) will provision a volume for it.',
    ru: 'Планировщик уже выбрал узел `{node}` — класс хранилища `{class}` (провижинер `{provisioner}`) выделит для него том.',
  },
  waitForFirstConsumer: {
    en: 'StorageClass `{class}` uses `WaitForFirstConsumer`: nothing is bound or provisioned until a pod using this claim is scheduled. Give node labels to see what happens then.',
    ru: 'У класса хранилища `{class}` режим привязки `WaitForFirstConsumer`: том не привяжут и не выделят, пока не запланируют под с этой заявкой. Задайте метки узла, чтобы увидеть, что будет дальше.',
  },
  waitNoConsumer: {
    en: 'StorageClass `{class}` uses `WaitForFirstConsumer`, and no pod or workload in the input uses this claim: it stays `Pending` until one does.',
    ru: 'У класса хранилища `{class}` режим привязки `WaitForFirstConsumer`, а в этих файлах нет пода или контроллера с этой заявкой: она останется в `Pending`, пока такой не появится.',
  },
  provisionClusterDefault: {
    en: "The claim sets no `storageClassName`, so it gets the cluster's default StorageClass when created (its name is not known here: `kubeStorage.cluster.defaultStorageClass` is unset), which provisions a new volume.",
    ru: 'В заявке нет `storageClassName`, поэтому при создании ей назначат класс хранилища по умолчанию из кластера (его имя здесь неизвестно: `kubeStorage.cluster.defaultStorageClass` не задан), и он выделит новый том.',
  },
  provisionClusterDefaultNamed: {
    en: "No existing volume fits; the cluster's default StorageClass `{class}` (not in the workspace) will provision a new one.",
    ru: 'Готового тома нет — новый выделит класс хранилища по умолчанию из кластера `{class}` (в рабочей области его нет).',
  },
  pendingNoClass: {
    en: 'No volume fits and the claim has no StorageClass, so nothing will provision one. The claim stays `Pending`.',
    ru: 'Подходящего тома нет, а класса хранилища у заявки нет, поэтому новый том никто не выделит. Заявка останется в `Pending`.',
  },
  pendingClassMissing: {
    en: 'No volume fits, and StorageClass `{class}` is not in the input: nothing can provision a volume until it exists.',
    ru: 'Подходящего тома нет, а класса хранилища `{class}` в этих файлах нет: выделить том некому, пока класс не появится.',
  },
  pendingRemovedProvisioner: {
    en: 'No volume fits, and StorageClass `{class}` names provisioner `{provisioner}`, an in-tree plugin Kubernetes no longer has: the PV controller finds no plugin for it (a `ProvisioningFailed` event) and hands it to no external provisioner. The claim stays `Pending`.',
    ru: 'Подходящего тома нет, а у класса хранилища `{class}` провижинер `{provisioner}` — встроенный плагин (in-tree), которого в Kubernetes больше нет: контроллер PV не находит для него плагина (событие `ProvisioningFailed`) и не передаёт заявку внешнему провижинеру. Заявка останется в `Pending`.',
  },
  pendingNoProvisioner: {
    en: 'No volume fits, and StorageClass `{class}` has provisioner `kubernetes.io/no-provisioner`: it only binds existing volumes. The claim stays `Pending`.',
    ru: 'Подходящего тома нет, а у класса хранилища `{class}` провижинер `kubernetes.io/no-provisioner`: он только привязывает готовые тома. Заявка останется в `Pending`.',
  },
  pendingTopology: {
    en: "No volume fits on the given node, and StorageClass `{class}` cannot provision there: its `allowedTopologies` do not match the node's labels. The pod cannot be scheduled to that node.",
    ru: 'На заданном узле подходящего тома нет, а класс хранилища `{class}` не может выделить том там: `allowedTopologies` не совпадают с метками узла. Под на этот узел не попадёт.',
  },
  pendingPreboundNode: {
    en: 'Volume `{volume}` is reserved for this claim, but its node affinity does not match the given node.',
    ru: 'Том `{volume}` зарезервирован за этой заявкой, но его привязка к узлам (node affinity) не подходит к заданному узлу.',
  },
  pendingVolumeNameMissing: {
    en: '`spec.volumeName` names `{volume}`, which is not in the input. The claim waits for it in `Pending`.',
    ru: '`spec.volumeName` указывает на том `{volume}`, а его в этих файлах нет. Заявка ждёт его в `Pending`.',
  },
  pendingVolumeNameUnfit: {
    en: '`spec.volumeName` names `{volume}`, but it does not fit: {detail}',
    ru: '`spec.volumeName` указывает на том `{volume}`, но он не подходит: {detail}',
  },
  pendingVolumeNameTaken: {
    en: '`spec.volumeName` names `{volume}`, but it is already bound to another claim (`{other}`).',
    ru: '`spec.volumeName` указывает на том `{volume}`, но он уже привязан к другой заявке (`{other}`).',
  },
  invalidBindingByController: {
    en: '`spec.volumeName` names `{volume}`, which is bound to another claim (`{other}`), yet the claim carries `pv.kubernetes.io/bound-by-controller` without `pv.kubernetes.io/bind-completed`: the controller reports an invalid binding and leaves the claim as it is (`{phase}`). Pods using it cannot mount the volume. Recreate the claim without `spec.volumeName`, or free the volume.',
    ru: '`spec.volumeName` указывает на том `{volume}`, но он привязан к другой заявке (`{other}`), а у заявки есть аннотация `pv.kubernetes.io/bound-by-controller` без `pv.kubernetes.io/bind-completed`: контроллер сообщает о некорректной привязке и оставляет заявку как есть (`{phase}`). Поды с этой заявкой не смогут смонтировать том. Пересоздайте заявку без `spec.volumeName` или освободите том.',
  },
  boundSchedulerPod: {
    en: "Bound to `{volume}` when `{pod}`'s pod is scheduled: the volume's node affinity fits the nodes the pod may run on (its `nodeSelector` or node affinity).",
    ru: 'Будет привязана к тому `{volume}`, когда под `{pod}` запланируют: привязка тома к узлам (node affinity) подходит к узлам, куда под может попасть (его `nodeSelector` или node affinity).',
  },
  provisionForPod: {
    en: "No existing volume fits the nodes `{pod}`'s pod may run on; StorageClass `{class}` (provisioner `{provisioner}`) will provision one on the node the scheduler picks.",
    ru: 'Для узлов, куда может попасть под `{pod}`, готового тома нет — класс хранилища `{class}` (провижинер `{provisioner}`) выделит том на узле, который выберет планировщик.',
  },
  pendingTopologyPod: {
    en: "StorageClass `{class}` cannot provision where `{pod}`'s pod may run: its `allowedTopologies` exclude the labels the pod's `nodeSelector` or node affinity pins. The pod stays unschedulable and the claim `Pending`.",
    ru: 'Класс хранилища `{class}` не может выделить том там, где может работать под `{pod}`: `allowedTopologies` исключают метки, которые закрепляют `nodeSelector` или node affinity пода. Под не запланируют, заявка останется в `Pending`.',
  },
  pendingPreboundNodePod: {
    en: "Volume `{volume}` is reserved for this claim, but its node affinity excludes the nodes `{pod}`'s pod may run on (its `nodeSelector` or node affinity). The pod cannot be scheduled and the claim stays `Pending`.",
    ru: 'Том `{volume}` зарезервирован за этой заявкой, но его привязка к узлам (node affinity) исключает узлы, куда может попасть под `{pod}` (его `nodeSelector` или node affinity). Под не запланируют, заявка останется в `Pending`.',
  },
  pendingPodNodeName: {
    en: "`{pod}`'s pod sets `nodeName: {node}`, which bypasses the scheduler: nothing binds or provisions a `WaitForFirstConsumer` claim for it, so the claim stays `Pending`. Pin the pod with `nodeSelector` `kubernetes.io/hostname: {node}` instead.",
    ru: 'Под `{pod}` задаёт `nodeName: {node}` и минует планировщик: заявку с `WaitForFirstConsumer` для него никто не привяжет и не выделит ей том, она останется в `Pending`. Закрепите под на узле через `nodeSelector` `kubernetes.io/hostname: {node}`.',
  },
  pendingPodSelectorElsewhere: {
    en: "`{pod}`'s pod cannot run on the given node: its `nodeSelector` asks for `{label}`. The claim waits until the pod is scheduled to a node that has it.",
    ru: 'Под `{pod}` не может попасть на заданный узел: его `nodeSelector` требует `{label}`. Заявка ждёт, пока под не запланируют на узел с этой меткой.',
  },
  pendingPodAffinityElsewhere: {
    en: "`{pod}`'s pod cannot run on the given node: its required node affinity does not match the node's labels. The claim waits until the pod is scheduled elsewhere.",
    ru: 'Под `{pod}` не может попасть на заданный узел: его обязательная привязка к узлам (node affinity) не подходит к меткам узла. Заявка ждёт, пока под не запланируют на другой узел.',
  },
  pendingPodVolumeNode: {
    en: "`{pod}`'s pod also mounts `{claim}`, whose volume `{volume}` has a node affinity that excludes {node}: the pod cannot be scheduled there, so this claim is not bound either.",
    ru: 'Под `{pod}` монтирует и `{claim}`, а привязка тома `{volume}` к узлам (node affinity) исключает {node}: под туда не запланируют, поэтому и эта заявка не привяжется.',
  },
  pendingPodOtherClaim: {
    en: "`{pod}`'s pod also mounts `{claim}`, which cannot be satisfied on {node}. The scheduler decides all claims of a pod for one node, so this claim waits too.",
    ru: 'Под `{pod}` монтирует и `{claim}`, а её нельзя удовлетворить на {node}. Планировщик решает все заявки пода для одного узла, поэтому ждёт и эта.',
  },
  pendingPodImmediateUnbound: {
    en: "`{pod}`'s pod also mounts `{claim}`, which binds immediately but is not bound: the scheduler does not place the pod until it is, so this claim waits too.",
    ru: 'Под `{pod}` монтирует и `{claim}` с немедленной привязкой, а она не привязана: пока это так, планировщик не размещает под, поэтому ждёт и эта заявка.',
  },
  pendingSelector: {
    en: 'No volume fits the claim, and StorageClass `{class}` will not provision one: provisioners refuse claims with a `selector` ("claim Selector is not supported"). The claim stays `Pending`.',
    ru: 'Подходящего тома нет, а класс хранилища `{class}` новый не выделит: провижинеры не принимают заявки с `selector` («claim Selector is not supported»). Заявка останется в `Pending`.',
  },
  pendingSelectorClusterDefault: {
    en: "The claim sets no `storageClassName`, so it gets the cluster's default StorageClass when created (its name is not known here: `kubeStorage.cluster.defaultStorageClass` is unset). Provisioners refuse claims with a `selector`, so unless a volume of that class matches the selector, the claim stays `Pending`.",
    ru: 'В заявке нет `storageClassName`, поэтому при создании ей назначат класс хранилища по умолчанию из кластера (его имя здесь неизвестно: `kubeStorage.cluster.defaultStorageClass` не задан). Провижинеры не принимают заявки с `selector`, так что, если под селектор не подойдёт том этого класса, заявка останется в `Pending`.',
  },
  pendingInvalidSelector: {
    en: "The claim's label selector is invalid ({detail}); the controller cannot match it to any volume.",
    ru: 'Селектор меток у заявки некорректен ({detail}): контроллер не сможет подобрать к нему том.',
  },
  lostVolumeMissing: {
    en: 'The claim was bound to `{volume}`, which no longer exists: it is `Lost`, the data is gone.',
    ru: 'Заявка была привязана к тому `{volume}`, которого больше нет: она в `Lost`, данные потеряны.',
  },
  lostNoVolumeName: {
    en: 'The claim was bound but its `spec.volumeName` is empty: it is `Lost`.',
    ru: 'Заявка была привязана, но `spec.volumeName` пуст: она в `Lost`.',
  },
  lostMisbound: {
    en: 'Volume `{volume}` is bound to another claim (`{other}`): this binding is wrong and the claim is `Lost`.',
    ru: 'Том `{volume}` привязан к другой заявке (`{other}`): эта привязка ошибочна, заявка в `Lost`.',
  },
} satisfies Record<string, LocalizedText>;

/** Sentences appended to a claim's reason. */
export const claimNotes = {
  admissionDefault: {
    en: ' The claim sets no `storageClassName`, so it gets the default StorageClass `{class}` when created.',
    ru: ' В заявке нет `storageClassName`, поэтому при создании ей назначат класс хранилища по умолчанию `{class}`.',
  },
  retroactiveDefault: {
    en: ' The claim had no class and no volume fitted, so the controller assigned the default StorageClass `{class}` to it afterwards.',
    ru: ' У заявки не было класса и подходящего тома, поэтому контроллер задним числом назначил ей класс хранилища по умолчанию `{class}`.',
  },
  multipleDefaults: {
    en: ' {count} StorageClasses are marked default ({classes}); like the controller, the newest one, `{class}`, is taken.',
    ru: ' По умолчанию отмечено классов хранилища: {count} ({classes}); как и контроллер, берём самый новый — `{class}`.',
  },
  podNodeConflict: {
    en: " But `{pod}`'s pod cannot run where the volume is: the volume's node affinity excludes {node}.",
    ru: ' Но под `{pod}` не сможет работать там, где том: привязка тома к узлам (node affinity) исключает {node}.',
  },
  orderDependent: {
    en: ' The outcome depends on order: `{volume}` fits {claims} as well; claims are processed by creation time, then by their place in the files.',
    ru: ' Результат зависит от порядка: `{volume}` подходит и для {claims}; заявки обрабатываются по времени создания, затем по месту в файлах.',
  },
  orderDependentLost: {
    en: ' Only because {claims} takes `{volume}` first: it fits this claim as well, so the outcome depends on order (claims are processed by creation time, then by their place in the files).',
    ru: ' Но только потому, что `{volume}` раньше достаётся {claims}: он подходит и этой заявке, так что результат зависит от порядка (заявки обрабатываются по времени создания, затем по месту в файлах).',
  },
  removedProvisioner: {
    en: ' But `{provisioner}` is an in-tree plugin Kubernetes no longer has: once a pod is scheduled, nothing provisions the volume, and the claim stays `Pending`.',
    ru: ' Но `{provisioner}` — встроенный плагин (in-tree), которого в Kubernetes больше нет: когда под разместят, том никто не выделит, и заявка останется в `Pending`.',
  },
  csiMigrated: {
    en: ' Kubernetes has no in-tree code for `{provisioner}` any more: through CSI migration the CSI driver `{driver}` provisions for this class, so the volume is created only where `{driver}` is installed (with its external-provisioner). Without it the claim stays `Pending`.',
    ru: ' Встроенного кода (in-tree) для `{provisioner}` в Kubernetes больше нет: благодаря миграции на CSI для этого класса тома выделяет CSI-драйвер `{driver}`, так что том появится, только если `{driver}` установлен (вместе со своим external-provisioner). Без него заявка останется в `Pending`.',
  },
} satisfies Record<string, LocalizedText>;

export const rejectReasons = {
  accessModes: {
    en: "Access modes {volumeModes} do not include all of the claim's {claimModes}.",
    ru: 'Режимы доступа тома {volumeModes} не покрывают режимы заявки {claimModes}.',
  },
  claimedByOther: {
    en: 'Already bound to claim `{other}`.',
    ru: 'Уже привязан к заявке `{other}`.',
  },
  reservedForOther: {
    en: 'Its `claimRef` reserves it for claim `{other}`.',
    ru: 'Его `claimRef` резервирует его за заявкой `{other}`.',
  },
  claimRefUid: {
    en: '`claimRef` names this claim but with another `uid` ({uid}): it belonged to an earlier claim of the same name.',
    ru: '`claimRef` указывает на эту заявку, но с другим `uid` ({uid}): том принадлежал прежней заявке с тем же именем.',
  },
  claimRefNoNamespace: {
    en: 'Its `claimRef` names `{name}` without a `namespace`. Nothing fills one in and the controller compares namespaces exactly, so it is reserved for no claim at all.',
    ru: 'Его `claimRef` называет `{name}` без `namespace`. Само пространство имён не подставляется, а контроллер сравнивает его точно, так что том не зарезервирован ни за какой заявкой.',
  },
  takenByEarlierClaim: {
    en: 'Claim `{other}`, processed earlier, took it. The outcome depends on order.',
    ru: 'Его забрала заявка `{other}`, обработанная раньше. Результат зависит от порядка.',
  },
  tooSmall: {
    en: 'Capacity {capacity} is less than the request {request}.',
    ru: 'Ёмкость {capacity} меньше запроса {request}.',
  },
  volumeMode: {
    en: '`volumeMode` is `{volumeMode}`, the claim wants `{claimMode}`.',
    ru: '`volumeMode` тома — `{volumeMode}`, а заявке нужен `{claimMode}`.',
  },
  attributesClass: {
    en: "Volume attributes class `{volumeClass}` differs from the claim's `{claimClass}`.",
    ru: 'Класс атрибутов тома `{volumeClass}` не совпадает с классом заявки `{claimClass}`.',
  },
  beingDeleted: {
    en: 'The volume is being deleted (`deletionTimestamp` is set).',
    ru: 'Том удаляется (задан `deletionTimestamp`).',
  },
  deleted: {
    en: 'The volume was deleted by its reclaim policy `Delete`.',
    ru: 'Том удалён по политике освобождения `Delete`.',
  },
  nodeAffinity: {
    en: 'Its node affinity does not match the given node.',
    ru: 'Его привязка к узлам (node affinity) не подходит к заданному узлу.',
  },
  nodeAffinityPod: {
    en: "Its node affinity excludes the nodes the claim's pod may run on (the pod's `nodeSelector` or node affinity).",
    ru: 'Его привязка к узлам (node affinity) исключает узлы, куда может попасть под с этой заявкой (`nodeSelector` или node affinity пода).',
  },
  delayedBinding: {
    en: 'It could fit, but `WaitForFirstConsumer` delays binding until a pod is scheduled.',
    ru: 'Мог бы подойти, но `WaitForFirstConsumer` откладывает привязку до планирования пода.',
  },
  phase: {
    en: 'Its phase is `{phase}`, not `Available`; such volumes are not reused.',
    ru: 'Его фаза — `{phase}`, а не `Available`; такие тома повторно не используются.',
  },
  selector: {
    en: "Its labels do not match the claim's selector.",
    ru: 'Его метки не подходят под селектор меток заявки.',
  },
  storageClass: {
    en: 'Its class is {volumeClass}, the claim wants {claimClass}.',
    ru: 'Его класс — {volumeClass}, а заявке нужен {claimClass}.',
  },
  unknownDefaultClass: {
    en: "Its class is `{volumeClass}`, but the claim gets the cluster's default StorageClass when created, whose name is not known here (`kubeStorage.cluster.defaultStorageClass` is unset).",
    ru: 'Его класс — `{volumeClass}`, а заявке при создании назначат класс хранилища по умолчанию из кластера, чьё имя здесь неизвестно (`kubeStorage.cluster.defaultStorageClass` не задан).',
  },
  unknownDefaultNoClass: {
    en: "It has no class, but the claim gets the cluster's default StorageClass when created (`kubeStorage.cluster.defaultStorageClass` is unset), and that class has a name.",
    ru: 'У него нет класса, но заявке при создании назначат класс хранилища по умолчанию из кластера (`kubeStorage.cluster.defaultStorageClass` не задан) — а у этого класса есть имя.',
  },
  notChosen: {
    en: 'It fits, but another volume was preferred.',
    ru: 'Подходит, но выбран другой том.',
  },
} satisfies Record<string, LocalizedText>;

export const volumeReasons = {
  releasedClaimMissing: {
    en: 'Released: its claim `{claim}` is not in the input (or has another `uid`); policy `{policy}`.',
    ru: 'Освобождён (`Released`): его заявки `{claim}` нет в этих файлах (или у неё другой `uid`); политика освобождения `{policy}`.',
  },
  releasedRetain: {
    en: '`Released` with policy `Retain`: it keeps its data and is not reused until an administrator clears `claimRef`.',
    ru: '`Released` с политикой `Retain`: данные сохраняются, но том не используется повторно, пока администратор не очистит `claimRef`.',
  },
  deleted: {
    en: 'Policy `Delete`: the released volume is deleted.',
    ru: 'Политика `Delete`: освобождённый том удаляется.',
  },
  failedDelete: {
    en: 'Policy `Delete`, but no plugin can delete this kind of volume (not dynamically provisioned): `Failed`.',
    ru: 'Политика `Delete`, но такой том удалить нечем (он не выделен динамически): `Failed`.',
  },
  recycled: {
    en: 'Policy `Recycle` (deprecated): the volume is scrubbed and becomes `Available` again.',
    ru: 'Политика `Recycle` (устарела): том очищают, и он снова `Available`.',
  },
  failedRecycle: {
    en: 'Policy `Recycle` works only for `nfs` and `hostPath` volumes: `Failed`.',
    ru: 'Политика `Recycle` работает только для томов `nfs` и `hostPath`: `Failed`.',
  },
  reserved: {
    en: 'Reserved by `claimRef` for `{claim}`, which is not bound to it yet.',
    ru: 'Зарезервирован через `claimRef` за `{claim}`, но ещё к ней не привязан.',
  },
} satisfies Record<string, LocalizedText>;

export const orderText: LocalizedText = {
  en: "Claims are processed in this order: claims with `metadata.creationTimestamp` first (oldest first), then in the order they appear in the files (files sorted by path; a StatefulSet's claims at the place of the StatefulSet, by template and ordinal), ties by namespace/name.",
  ru: 'Порядок обработки заявок: сначала заявки с `metadata.creationTimestamp` (от старых к новым), затем в порядке появления в файлах (файлы по пути; заявки StatefulSet — на месте самого StatefulSet, по шаблону и номеру), при равенстве — по пространству имён и имени.',
};

/** How a reason names the node the scheduler decides for. */
export const nodeWords = {
  given: { en: 'the given node', ru: 'заданный узел' },
  pod: {
    en: 'the nodes the pod may run on (its `nodeSelector` or node affinity)',
    ru: 'узлы, куда может попасть под (его `nodeSelector` или node affinity)',
  },
} satisfies Record<string, LocalizedText>;

/** `storageClass` when one side has no class (`""`): said in words, not as a class named `""`. */
export const classMismatchReasons = {
  volumeNone: {
    en: 'It has no class, the claim wants {claimClass}.',
    ru: 'У него нет класса, а заявке нужен {claimClass}.',
  },
  claimNone: {
    en: 'Its class is {volumeClass}, the claim wants no class.',
    ru: 'Его класс — {volumeClass}, а заявке нужен том без класса.',
  },
} satisfies Record<string, LocalizedText>;

/** `boundPrebound` → `bound-prebound`. */
export function reasonCode(key: string): string {
  let code = codes.get(key);
  if (code === undefined) {
    code = key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase());
    codes.set(key, code);
  }
  return code;
}
const codes = new Map<string, string>();
