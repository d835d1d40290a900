/** Node-local volumes: tied to one node, shared by no other, bound once the pod is scheduled. */
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { localize } from '../i18n/format';
import { isNodeLocalProvisioner } from '../kubernetes/nodeLocalProvisioners';
import type { Rule } from './types';
import { isRecord, str, strings } from './util';
import { replaceFix, setValueFix } from './fixes/storageFixes';
import { localNodeAffinityFix } from './fixes/volumeFixes';

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
    en: 'A `hostPath` or `local` volume is a directory or disk of one node. Declaring `ReadWriteMany` or `ReadOnlyMany` lets claims that need sharing bind to it, but pods on other nodes can never use it: they stay `Pending` or see different data. Declare `ReadWriteOnce` and use network storage (NFS, CephFS, a CSI driver with RWX) for sharing.',
    ru: 'Том `hostPath` или `local` — это каталог или диск одного узла. Если объявить `ReadWriteMany` или `ReadOnlyMany`, к нему привяжутся заявки, которым нужен общий доступ, но поды на других узлах использовать его не смогут: они застрянут в `Pending` или увидят другие данные. Объявите `ReadWriteOnce`, а для общего доступа используйте сетевое хранилище (NFS, CephFS, CSI-драйвер с RWX).',
  },
  check(object, data, ctx) {
    const spec = (data as PersistentVolume).spec;
    if (!spec || (!isRecord(spec.hostPath) && !isRecord(spec.local))) return;
    const shared = strings(spec.accessModes).filter(
      (m) => m === 'ReadWriteMany' || m === 'ReadOnlyMany',
    );
    if (!shared.length) return;
    ctx.report(
      ['spec', 'accessModes'],
      localize(
        {
          en: 'This {type} volume lives on one node, yet it offers {modes}. Pods on other nodes cannot use it. Offer `ReadWriteOnce` and use network storage for sharing.',
          ru: 'Этот том {type} находится на одном узле, но объявляет {modes}. Поды на других узлах его использовать не смогут. Объявите `ReadWriteOnce`, а для общего доступа возьмите сетевое хранилище.',
        },
        {
          type: isRecord(spec.local) ? '`local`' : '`hostPath`',
          modes: shared.map((m) => '`' + m + '`').join(', '),
        },
      ),
      {
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
    en: 'With `volumeBindingMode: Immediate` (the default) a claim binds to a volume before the scheduler picks a node for the pod. For node-local volumes this chooses the node by accident: the pod may need resources the node does not have, or conflict with other volumes, and stays `Pending`. Use `WaitForFirstConsumer` (the quick fix sets it) so binding waits for scheduling. A class counts as node-local by its provisioner, from a list of known ones: `kubernetes.io/no-provisioner`, `rancher.io/local-path` (and the `cluster.local/…local-path-provisioner` name its Helm chart generates), OpenEBS LocalPV (`openebs.io/local`, `local.csi.openebs.io`, `zfs.csi.openebs.io`), TopoLVM (`topolvm.io`, `topolvm.cybozu.com`), `lvm.csi.metal-stack.io`, `hostpath.csi.k8s.io`, `kubevirt.io.hostpath-provisioner`, `directpv-min-io` and `local.csi.aliyun.com`; other provisioners are not judged by the words in their names. Pitfall: a local-path-provisioner class given a `sharedFileSystemPath` in the ConfigMap of the provisioner (`storageClassConfigs`) serves a filesystem mounted on every node, where `Immediate` is fine; the class itself does not show it, so disable the rule for that class (`# kube-storage-disable local-class-immediate-binding` в его документе).',
    ru: 'При `volumeBindingMode: Immediate` (по умолчанию) заявка привязывается к тому ещё до того, как планировщик выберет узел для пода. Для локальных томов это выбирает узел случайно: поду может не хватить ресурсов узла или помешать другой том, и он останется в `Pending`. Укажите `WaitForFirstConsumer` (это сделает быстрое исправление), чтобы привязка ждала планирования. Класс считается классом локальных томов по провижинеру из списка известных: `kubernetes.io/no-provisioner`, `rancher.io/local-path` (и имя `cluster.local/…local-path-provisioner`, которое создаёт его Helm-чарт), OpenEBS LocalPV (`openebs.io/local`, `local.csi.openebs.io`, `zfs.csi.openebs.io`), TopoLVM (`topolvm.io`, `topolvm.cybozu.com`), `lvm.csi.metal-stack.io`, `hostpath.csi.k8s.io`, `kubevirt.io.hostpath-provisioner`, `directpv-min-io` и `local.csi.aliyun.com`; остальные провижинеры по словам в имени не распознаются. Подвох: класс local-path-provisioner, которому в ConfigMap провижинера (`storageClassConfigs`) задан `sharedFileSystemPath`, обслуживает файловую систему, смонтированную на всех узлах, и ему `Immediate` подходит; по самому классу этого не видно, поэтому отключите правило для такого класса (`# kube-storage-disable-next-line local-class-immediate-binding`).',
  },
  check(object, data, ctx) {
    const sc = data as unknown as StorageClass;
    const provisioner = str(sc.provisioner) ?? '';
    if (!isNodeLocalProvisioner(provisioner)) return;
    if (sc.volumeBindingMode === 'WaitForFirstConsumer') return;
    ctx.report(
      sc.volumeBindingMode ? ['volumeBindingMode'] : ['provisioner'],
      localize(
        {
          en: 'Class `{name}` serves node-local volumes but binds immediately, before the pod is scheduled. Pods can end up `Pending` on a wrong node. Set `volumeBindingMode: WaitForFirstConsumer`.',
          ru: 'Класс `{name}` обслуживает локальные тома, но привязывает их сразу, до планирования пода. Поды могут застрять в `Pending` из-за неудачного узла. Укажите `volumeBindingMode: WaitForFirstConsumer`.',
        },
        { name: object.name ?? '?' },
      ),
      {
        fix: setValueFix(object, [], 'volumeBindingMode', 'WaitForFirstConsumer', {
          en: 'Use `WaitForFirstConsumer`',
          ru: 'Указать `WaitForFirstConsumer`',
        }),
      },
    );
  },
};
