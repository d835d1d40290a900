/** Node-local volumes: tied to one node, shared by no other, bound once the pod is scheduled. */
import type { PersistentVolume, PersistentVolumeSpec } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { joinTexts, localize } from '../i18n/format';
import { NO_PROVISIONER } from '../binding/state';
import {
  isLocalPathProvisioner,
  isNodeLocalProvisioner,
} from '../kubernetes/nodeLocalProvisioners';
import { servesSharedFileSystem } from '../kubernetes/localPathConfig';
import type { IndexedObject } from '../workspace/file';
import type { LocalizedText } from '../types';
import { key, type Lookups } from './lookups';
import type { Rule } from './types';
import { hasRequiredNodeAffinity } from './hostPath';
import { codeList, isRecord, str, strings } from './util';
import { replaceFix, setValueFix } from './fixes/storageFixes';
import { localNodeAffinityFix } from './fixes/volumeFixes';

/** A mode other than `ReadWriteOnce`: what offering only `ReadWriteOnce` takes away. */
const beyondOnce = (m: string): boolean => m !== 'ReadWriteOnce';

/**
 * The claims of the workspace that ask this volume for more than `ReadWriteOnce`, by name: those
 * that name it (`volumeName`, or the volume's `claimRef`), and those without `volumeName` that
 * could pick it by class (the claim's `storageClassName` is the volume's, or is unset and the
 * volume has no class or the default one) and whose modes it offers. Offering only
 * `ReadWriteOnce` would leave each of them `Pending`.
 */
function claimsAskingToShare(
  pvName: string | undefined,
  spec: PersistentVolumeSpec,
  lookups: Lookups,
): { names: string[]; modes: string[] } {
  const offered = strings(spec.accessModes);
  const pvClass = str(spec.storageClassName) ?? '';
  const ref = spec.claimRef;
  const refKey = ref?.name ? key(str(ref.namespace) ?? '', ref.name) : undefined;
  const names: string[] = [];
  const modes = new Set<string>();
  for (const [k, claim] of lookups.claims) {
    const wanted = strings(claim.spec.accessModes);
    if (!wanted.some(beyondOnce)) continue;
    const volumeName = str(claim.spec.volumeName);
    const namesIt = k === refKey || (pvName !== undefined && volumeName === pvName);
    const claimClass = claim.spec.storageClassName;
    const byClass =
      !volumeName &&
      wanted.every((m) => offered.includes(m)) &&
      (typeof claimClass === 'string'
        ? claimClass === pvClass
        : pvClass === '' || lookups.defaultClasses.some((c) => c.object.name === pvClass));
    if (!namesIt && !byClass) continue;
    names.push(k.slice(k.indexOf('/') + 1));
    for (const m of wanted.filter(beyondOnce)) modes.add(m);
  }
  return { names, modes: [...modes] };
}

/** What each node-local volume is, for the message. */
const PINNED_LOCAL: LocalizedText = {
  en: 'This `local` volume is storage of the node its node affinity selects',
  ru: 'Этот том `local` — хранилище узла, выбранного его привязкой к узлам',
};
const PINNED_HOST_PATH: LocalizedText = {
  en: 'This `hostPath` volume is directory `{path}` of the node its node affinity selects',
  ru: 'Этот том `hostPath` — каталог `{path}` узла, выбранного его привязкой к узлам',
};
const PINNED: LocalizedText = {
  en: ', yet it offers {modes}. Every pod using it must run on that node (a pod that cannot be placed there stays `Pending`), and `ReadWriteOnce` already lets every pod of one node mount it. Offer `ReadWriteOnce`, and share data between nodes through network storage.',
  ru: ', но он объявляет {modes}. Все поды, которые его используют, должны работать на этом узле (под, который туда не поместится, останется в `Pending`), а `ReadWriteOnce` и так разрешает монтировать том всем подам одного узла. Объявите `ReadWriteOnce`, а общий доступ с разных узлов дайте через сетевое хранилище.',
};
const UNPINNED_WRITE: LocalizedText = {
  en: "This `hostPath` volume is directory `{path}` on whichever node a pod using it lands on, yet it offers {modes}: pods on different nodes write to different copies and never see each other's changes. Share data through network storage (NFS, CephFS, a CSI driver with `ReadWriteMany`), or offer `ReadWriteOnce` and pin the volume to one node (`nodeAffinity.required`).",
  ru: 'Этот том `hostPath` — каталог `{path}` на том узле, куда попадёт использующий его под, но он объявляет {modes}: поды на разных узлах пишут в разные копии и не видят изменений друг друга. Для общего доступа используйте сетевое хранилище (NFS, CephFS, CSI-драйвер с `ReadWriteMany`) или объявите `ReadWriteOnce` и привяжите том к одному узлу (`nodeAffinity.required`).',
};
const UNPINNED_READ: LocalizedText = {
  en: 'This `hostPath` volume is directory `{path}` on whichever node a pod using it lands on, and it offers `ReadOnlyMany`: each pod reads the copy on its own node. That works only if every node holds the same content at `{path}` (baked into the node image, or copied there by a DaemonSet); otherwise put the data on network storage.',
  ru: 'Этот том `hostPath` — каталог `{path}` на том узле, куда попадёт использующий его под, и он объявляет `ReadOnlyMany`: каждый под читает копию на своём узле. Это работает, только если на всех узлах по пути `{path}` лежит одно и то же (заложено в образ узла или скопировано туда с помощью DaemonSet); иначе разместите данные в сетевом хранилище.',
};
const CLAIM_ASKS: LocalizedText = {
  en: " Claim {claims} asks it for {claimModes}: change the claim's `accessModes` too, or it stays `Pending`.",
  ru: ' Заявка {claims} просит у него {claimModes}: измените и её `accessModes`, иначе она останется в `Pending`.',
};
const CLAIMS_ASK: LocalizedText = {
  en: ' Claims {claims} ask it for {claimModes}: change their `accessModes` too, or they stay `Pending`.',
  ru: ' Заявки {claims} просят у него {claimModes}: измените и их `accessModes`, иначе они останутся в `Pending`.',
};

export const sharedModeOnNodeLocalVolume: Rule = {
  id: 'shared-mode-on-node-local-volume',
  family: 'volumes',
  severity: 'warning',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: '`ReadWriteMany`/`ReadOnlyMany` on a hostPath or local volume',
    ru: '`ReadWriteMany`/`ReadOnlyMany` у тома `hostPath` или `local`',
  },
  docs: {
    en: "A `local` volume, or a `hostPath` volume with `nodeAffinity.required`, is storage of the node its node affinity selects: every pod using it runs on that node, and a pod that cannot be placed there stays `Pending`. Declaring `ReadWriteMany` or `ReadOnlyMany` there promises sharing across nodes that never happens, while `ReadWriteOnce` already lets every pod of one node mount it: declare `ReadWriteOnce`. A `hostPath` volume without node affinity is the directory at its path on whichever node a pod lands on, so each node has its own copy: with `ReadWriteMany`, pods on different nodes write to different copies and never see each other's changes (use network storage such as NFS, CephFS or a CSI driver with RWX, or declare `ReadWriteOnce` and pin the volume to one node); with `ReadOnlyMany` alone, pods read the copy of their own node, which works only when every node holds the same content at that path (files baked into the node image or copied by a DaemonSet), so no quick fix is offered. The quick fix (offer only `ReadWriteOnce`) is not offered either when a claim of the workspace asks the volume for more than `ReadWriteOnce` — one that names it (`volumeName`, or the volume's `claimRef`), or that could pick it by class and modes: the claim would stay `Pending`; the message names it, to be changed along with the volume.",
    ru: 'Том `local` или том `hostPath` с `nodeAffinity.required` — это хранилище узла, выбранного привязкой к узлам: все использующие его поды работают на этом узле, а под, который туда не поместится, останется в `Pending`. Объявляя у такого тома `ReadWriteMany` или `ReadOnlyMany`, вы обещаете общий доступ с разных узлов, которого не будет, а `ReadWriteOnce` и так разрешает монтировать том всем подам одного узла: объявите `ReadWriteOnce`. Том `hostPath` без привязки к узлам — это каталог по одному и тому же пути на том узле, куда попал под, так что у каждого узла своя копия: при `ReadWriteMany` поды на разных узлах пишут в разные копии и не видят изменений друг друга (используйте сетевое хранилище — NFS, CephFS, CSI-драйвер с RWX — или объявите `ReadWriteOnce` и привяжите том к одному узлу); при одном лишь `ReadOnlyMany` каждый под читает копию своего узла, и это работает, только если на всех узлах по этому пути лежит одно и то же (файлы заложены в образ узла или скопированы туда с помощью DaemonSet), поэтому быстрого исправления нет. Быстрое исправление (оставить только `ReadWriteOnce`) не предлагается и тогда, когда заявка из рабочей области просит у тома больше, чем `ReadWriteOnce`, — заявка, которая указывает на него (`volumeName` или `claimRef` тома) или может выбрать его по классу и режимам доступа: она осталась бы в `Pending`; сообщение называет её, чтобы изменить её вместе с томом.',
  },
  check(object, data, ctx) {
    const spec = (data as PersistentVolume).spec;
    if (!spec || (!isRecord(spec.hostPath) && !isRecord(spec.local))) return;
    const shared = strings(spec.accessModes).filter(
      (m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany',
    );
    if (!shared.length) return;
    const path = str(spec.hostPath?.path) ?? '?';
    const pinned = isRecord(spec.local) || hasRequiredNodeAffinity(data as PersistentVolume);
    const params = { path, modes: codeList(shared) };
    if (!pinned && !shared.includes('ReadWriteMany')) {
      // Each node's own copy, read-only: right when every node holds the same files.
      ctx.report(['spec', 'accessModes'], localize(UNPINNED_READ, params));
      return;
    }
    const asking = claimsAskingToShare(object.name, spec, ctx.lookups);
    const text = pinned
      ? joinTexts(isRecord(spec.local) ? PINNED_LOCAL : PINNED_HOST_PATH, PINNED)
      : UNPINNED_WRITE;
    const claims = asking.names.length > 1 ? CLAIMS_ASK : CLAIM_ASKS;
    ctx.report(
      ['spec', 'accessModes'],
      asking.names.length
        ? localize(joinTexts(text, claims), {
            ...params,
            claims: codeList(asking.names, 3),
            claimModes: codeList(asking.modes),
          })
        : localize(text, params),
      asking.names.length
        ? undefined
        : {
            fix: replaceFix(object, ['spec', 'accessModes'], '[ReadWriteOnce]', {
              en: 'Offer only `ReadWriteOnce`',
              ru: 'Оставить только `ReadWriteOnce`',
            }),
          },
    );
  },
};

export const localVolumeWithoutNodeAffinity: Rule = {
  id: 'local-volume-without-node-affinity',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: 'A `local` volume without required node affinity',
    ru: 'Том `local` без обязательной привязки к узлам',
  },
  docs: {
    en: 'A `local` PersistentVolume is a disk on one node; `spec.nodeAffinity.required` tells the scheduler which node. The API server rejects a local volume without it, and without it pods could be placed on a node where the disk does not exist. Add `nodeAffinity.required.nodeSelectorTerms` matching the node (usually `kubernetes.io/hostname`).',
    ru: 'Постоянный том `local` — это диск одного узла; `spec.nodeAffinity.required` сообщает планировщику, какого именно. Без этого поля API-сервер том не примет, а поды могли бы попасть на узел, где диска нет. Добавьте `nodeAffinity.required.nodeSelectorTerms` с нужным узлом (обычно по `kubernetes.io/hostname`).',
  },
  check(object, data, ctx) {
    const spec = (data as PersistentVolume).spec;
    if (!spec || !isRecord(spec.local)) return;
    const terms = spec.nodeAffinity?.required?.nodeSelectorTerms;
    if (Array.isArray(terms) && terms.length) return;
    ctx.report(
      ['spec', 'local'],
      {
        en: 'A `local` volume needs `spec.nodeAffinity.required` naming its node. The API server rejects it otherwise. Add node affinity on `kubernetes.io/hostname`.',
        ru: 'Тому `local` нужна `spec.nodeAffinity.required` с его узлом, иначе API-сервер его не примет. Добавьте привязку к узлу по `kubernetes.io/hostname`.',
      },
      { onKey: true, fix: () => localNodeAffinityFix(object, data) },
    );
  },
};

const NODE_LOCAL_IMMEDIATE: LocalizedText = {
  en: 'Class `{name}` provisions node-local volumes but binds immediately, before the pod is scheduled. The volume then lands on a node chosen without regard to the pod; if the pod cannot run there, it stays `Pending`. Set `volumeBindingMode: WaitForFirstConsumer`.',
  ru: 'Класс `{name}` выделяет тома, локальные для узла, но привязывает их сразу, до планирования пода. Узел для тома тогда выбирается без учёта пода: если под на этом узле работать не может, он останется в `Pending`. Укажите `volumeBindingMode: WaitForFirstConsumer`.',
};
const HAND_MADE_IMMEDIATE: LocalizedText = {
  en: 'Class `{name}` has no provisioner: its volumes are made by hand, usually `local` volumes of one node, yet it binds immediately, before the pod is scheduled. A claim can then bind to a volume on a node the pod cannot run on, and the pod stays `Pending`. Set `volumeBindingMode: WaitForFirstConsumer` (harmless for network volumes too).',
  ru: 'У класса `{name}` нет провижинера: его тома создают вручную (обычно это тома `local` на одном узле), но привязывает он их сразу, до планирования пода. Заявка может привязаться к тому на узле, где под работать не может, и под останется в `Pending`. Укажите `volumeBindingMode: WaitForFirstConsumer` (сетевым томам это тоже не мешает).',
};

/** A volume that only the pods of some nodes can use: `local`, `hostPath`, or pinned by affinity. */
function isNodeBound(pv: PersistentVolume): boolean {
  const spec = pv.spec;
  return isRecord(spec?.local) || isRecord(spec?.hostPath) || hasRequiredNodeAffinity(pv);
}

/**
 * A no-provisioner class holds the volumes made by hand that name it. When the workspace has some
 * and none is tied to nodes (NFS, iSCSI, CephFS… reach every node), binding at once is right.
 */
function handMadeVolumesReachEveryNode(className: string, lookups: Lookups): boolean {
  const volumes = lookups.volumesByClass.get(className) ?? [];
  return volumes.length > 0 && !volumes.some((v) => isNodeBound(v.data));
}

/**
 * A local-path-provisioner class that the provisioner's ConfigMap nearest to it serves from a
 * filesystem mounted on every node: its volumes get no node affinity.
 */
function onSharedFileSystem(sc: IndexedObject, provisioner: string, lookups: Lookups): boolean {
  if (!isLocalPathProvisioner(provisioner)) return false;
  const config = lookups.localPathConfig(sc.uri);
  return config !== undefined && servesSharedFileSystem(config.data, sc.name ?? '');
}

export const localClassImmediateBinding: Rule = {
  id: 'local-class-immediate-binding',
  family: 'volumes',
  severity: 'warning',
  kinds: ['StorageClass'],
  fixable: true,
  title: {
    en: 'A local or no-provisioner StorageClass binds immediately',
    ru: 'Класс хранилища для локальных томов с немедленной привязкой',
  },
  docs: {
    en: "With `volumeBindingMode: Immediate` (the default) a claim binds to a volume before the scheduler picks a node for the pod. For node-local volumes this chooses the node by accident: the pod may need resources the node does not have, or conflict with other volumes, and stays `Pending`. Use `WaitForFirstConsumer` (the quick fix sets it) so binding waits for scheduling. A class counts as node-local by its provisioner, from a list of known ones: `kubernetes.io/no-provisioner`, `rancher.io/local-path` (and the `cluster.local/…local-path-provisioner` name its Helm chart generates), OpenEBS LocalPV (`openebs.io/local`, `local.csi.openebs.io`, `zfs.csi.openebs.io`), TopoLVM (`topolvm.io`, `topolvm.cybozu.com`), `lvm.csi.metal-stack.io`, `hostpath.csi.k8s.io`, `kubevirt.io.hostpath-provisioner`, `directpv-min-io` and `local.csi.aliyun.com`; other provisioners are not judged by the words in their names. A `kubernetes.io/no-provisioner` class holds volumes made by hand, which may be network volumes too: it is not reported when the workspace has volumes of the class and none of them is tied to nodes (`local`, `hostPath` or `nodeAffinity`), as with NFS volumes. Nor is a local-path-provisioner class whose provisioner's ConfigMap (`local-path-config`, key `config.json`; of several, the nearest to the class) gives it a `sharedFileSystemPath` and no `nodePathMap`, in its entry of `storageClassConfigs` or, without that map, for every class: such volumes are on a filesystem mounted on every node and get no node affinity, so `Immediate` is right. When that ConfigMap is not in the workspace, disable the rule for the class (`# kube-storage-disable local-class-immediate-binding` in its document).",
    ru: 'При `volumeBindingMode: Immediate` (по умолчанию) заявка привязывается к тому ещё до того, как планировщик выберет узел для пода. Для локальных томов узел тогда выбирается наугад: поду может не хватить ресурсов узла или помешать другой том, и он останется в `Pending`. Укажите `WaitForFirstConsumer` (это сделает быстрое исправление), чтобы привязка ждала планирования. Класс считается классом локальных томов по провижинеру из списка известных: `kubernetes.io/no-provisioner`, `rancher.io/local-path` (и имя `cluster.local/…local-path-provisioner`, которое создаёт его Helm-чарт), OpenEBS LocalPV (`openebs.io/local`, `local.csi.openebs.io`, `zfs.csi.openebs.io`), TopoLVM (`topolvm.io`, `topolvm.cybozu.com`), `lvm.csi.metal-stack.io`, `hostpath.csi.k8s.io`, `kubevirt.io.hostpath-provisioner`, `directpv-min-io` и `local.csi.aliyun.com`; остальные провижинеры по словам в имени не распознаются. Класс с провижинером `kubernetes.io/no-provisioner` объединяет тома, созданные вручную, и среди них могут быть сетевые: такой класс не отмечается, если в рабочей области есть его тома и ни один из них не привязан к узлам (`local`, `hostPath` или `nodeAffinity`), как тома NFS. Не отмечается и класс local-path-provisioner, которому ConfigMap провижинера (`local-path-config`, ключ `config.json`; из нескольких — ближайший к классу) задаёт `sharedFileSystemPath` без `nodePathMap` — в записи класса в `storageClassConfigs` или, если `storageClassConfigs` нет, для всех классов сразу: такие тома лежат в файловой системе, смонтированной на всех узлах, и привязки к узлам у них нет, так что `Immediate` им подходит. Если этого ConfigMap в рабочей области нет, отключите правило для класса (`# kube-storage-disable local-class-immediate-binding` в его документе).',
  },
  check(object, data, ctx) {
    const sc = data as unknown as StorageClass;
    const provisioner = str(sc.provisioner) ?? '';
    if (!isNodeLocalProvisioner(provisioner)) return;
    if (sc.volumeBindingMode === 'WaitForFirstConsumer') return;
    const handMade = provisioner === NO_PROVISIONER;
    if (handMade && handMadeVolumesReachEveryNode(object.name ?? '', ctx.lookups)) return;
    if (onSharedFileSystem(object, provisioner, ctx.lookups)) return;
    ctx.report(
      sc.volumeBindingMode ? ['volumeBindingMode'] : ['provisioner'],
      localize(handMade ? HAND_MADE_IMMEDIATE : NODE_LOCAL_IMMEDIATE, { name: object.name ?? '?' }),
      {
        fix: setValueFix(object, [], 'volumeBindingMode', 'WaitForFirstConsumer', {
          en: 'Use `WaitForFirstConsumer`',
          ru: 'Указать `WaitForFirstConsumer`',
        }),
      },
    );
  },
};
