/**
 * Volumes and StorageClasses of an in-tree plugin Kubernetes no longer has
 * (kubernetes/removedVolumePlugins.ts): the API server still accepts them, but no kubelet mounts
 * them and no controller provisions for them.
 */
import { joinTexts, localize } from '../i18n/format';
import { kubernetesVersion } from '../schema/registry';
import type { LocalizedText } from '../types';
import {
  removedPluginOfProvisioner,
  removedPluginOfSource,
  REMOVED_VOLUME_PLUGINS,
  type RemovedVolumePlugin,
} from '../kubernetes/removedVolumePlugins';
import type { Rule } from './types';
import { get, isRecord, podSpecOf, str, volumesOf, workloadKinds } from './util';

/**
 * What to use instead: the CSI driver that took the plugin's place, else any CSI driver; a
 * sentence that follows another (with its leading space, as `joinTexts` takes it).
 */
function successor(plugin: RemovedVolumePlugin): LocalizedText {
  if (plugin.csiDriver)
    return localize(
      {
        en: ' Use the CSI driver `{driver}` instead: a `csi` volume, or a claim of a StorageClass it provisions.',
        ru: ' Используйте вместо него CSI-драйвер `{driver}`: том `csi` или заявку с классом хранилища, тома которого выделяет этот драйвер.',
      },
      { driver: plugin.csiDriver },
    );
  return {
    en: ' Move the data to storage that has a CSI driver.',
    ru: ' Перенесите данные в хранилище, у которого есть CSI-драйвер.',
  };
}

/** "Kubernetes 1.36 has no in-tree `rbd` volume plugin (removed in 1.31)". */
function noPlugin(plugin: RemovedVolumePlugin): LocalizedText {
  const args = { k8s: kubernetesVersion, source: plugin.source, since: plugin.removedIn ?? '' };
  return plugin.removedIn
    ? localize(
        {
          en: 'Kubernetes {k8s} has no in-tree `{source}` volume plugin (removed in {since}; the API keeps the field for old objects only)',
          ru: 'В Kubernetes {k8s} нет встроенного плагина томов `{source}` (его убрали в {since}; API сохраняет поле только ради старых объектов)',
        },
        args,
      )
    : localize(
        {
          en: 'Kubernetes {k8s} has no in-tree `{source}` volume plugin (the API keeps the field for old objects only)',
          ru: 'В Kubernetes {k8s} нет встроенного плагина томов `{source}` (API сохраняет поле только ради старых объектов)',
        },
        args,
      );
}

function mountMessage(plugin: RemovedVolumePlugin, pv: boolean): LocalizedText {
  const gone = noPlugin(plugin);
  const effect = pv
    ? {
        en: ': no kubelet can mount this volume, so a pod that uses its claim stays in `ContainerCreating`.',
        ru: ': ни один kubelet не смонтирует этот том, и под с заявкой на него останется в `ContainerCreating`.',
      }
    : {
        en: ': no kubelet can mount this volume, so the pod stays in `ContainerCreating`.',
        ru: ': ни один kubelet не смонтирует этот том, и под останется в `ContainerCreating`.',
      };
  return joinTexts(gone, effect, successor(plugin));
}

function provisionMessage(plugin: RemovedVolumePlugin, provisioner: string): LocalizedText {
  const gone = joinTexts(
    localize(
      {
        en: 'Provisioner `{provisioner}` was the in-tree `{source}` plugin. ',
        ru: 'За провижинер `{provisioner}` отвечал встроенный плагин `{source}`. ',
      },
      { provisioner, source: plugin.source },
    ),
    noPlugin(plugin),
    {
      en: ': nothing provisions volumes for this class, and its claims stay `Pending`.',
      ru: ': тома для этого класса никто не выделит, и его заявки останутся в `Pending`.',
    },
  );
  return joinTexts(gone, successor(plugin));
}

export const removedVolumePlugin: Rule = {
  id: 'removed-volume-plugin',
  family: 'volumes',
  severity: 'warning',
  kinds: [...workloadKinds, 'PersistentVolume', 'StorageClass'],
  title: {
    en: 'A volume or StorageClass of an in-tree plugin Kubernetes no longer has',
    ru: 'Том или класс хранилища встроенного плагина, которого в Kubernetes больше нет',
  },
  docs: {
    en: `The in-tree volume plugins ${REMOVED_VOLUME_PLUGINS.map((p) => `\`${p.source}\``).join(', ')} are gone from Kubernetes: the API server still accepts their volume sources (the fields stay for old objects; the API describes each as no longer supported), but no kubelet can mount such a volume, and no controller provisions for their StorageClasses (\`kubernetes.io/rbd\`, \`kubernetes.io/glusterfs\`…). A pod with such a volume stays in \`ContainerCreating\`, a claim of such a class stays \`Pending\`. Use the storage's CSI driver (for Ceph, \`rbd.csi.ceph.com\` and \`cephfs.csi.ceph.com\`). The plugins that CSI migration redirects to a CSI driver (\`awsElasticBlockStore\`, \`gcePersistentDisk\`, \`azureDisk\`, \`cinder\`…) still work where that driver is installed and are not reported. There is no quick fix: a CSI driver takes other settings and secrets.`,
    ru: `Встроенных плагинов томов ${REMOVED_VOLUME_PLUGINS.map((p) => `\`${p.source}\``).join(', ')} в Kubernetes больше нет: API-сервер по-прежнему принимает их источники томов (поля оставлены ради старых объектов, и в описании API каждое помечено как больше не поддерживаемое), но ни один kubelet не смонтирует такой том, и ни один контроллер не выделит тома для их классов хранилища (\`kubernetes.io/rbd\`, \`kubernetes.io/glusterfs\`…). Под с таким томом останется в \`ContainerCreating\`, заявка с таким классом — в \`Pending\`. Используйте CSI-драйвер этого хранилища (для Ceph — \`rbd.csi.ceph.com\` и \`cephfs.csi.ceph.com\`). Плагины, которые миграция на CSI перенаправляет в CSI-драйвер (\`awsElasticBlockStore\`, \`gcePersistentDisk\`, \`azureDisk\`, \`cinder\`…), по-прежнему работают там, где этот драйвер установлен, и не отмечаются. Быстрого исправления нет: у CSI-драйвера другие параметры и секреты.`,
  },
  check(object, data, ctx) {
    if (object.kind === 'StorageClass') {
      const provisioner = str(data.provisioner);
      const plugin = provisioner ? removedPluginOfProvisioner(provisioner) : undefined;
      if (plugin && provisioner) ctx.report(['provisioner'], provisionMessage(plugin, provisioner));
      return;
    }
    if (object.kind === 'PersistentVolume') {
      const spec = get(data, ['spec']);
      if (!isRecord(spec)) return;
      for (const key of Object.keys(spec)) {
        const plugin = isRecord(spec[key]) ? removedPluginOfSource(key) : undefined;
        if (plugin) ctx.report(['spec', key], mountMessage(plugin, true), { onKey: true });
      }
      return;
    }
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const v of volumesOf(at)) {
      for (const [key, source] of Object.entries(v.volume)) {
        const plugin = isRecord(source) ? removedPluginOfSource(key) : undefined;
        if (plugin) ctx.report([...v.path, key], mountMessage(plugin, false), { onKey: true });
      }
    }
  },
};
