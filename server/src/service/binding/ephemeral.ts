/**
 * Generic ephemeral volumes in the simulation: every pod of a workload gets the claim
 * `<pod>-<volume>` of each of its volumes with an `ephemeral.volumeClaimTemplate`
 * (kubernetes/ephemeral.ts), in the pod's namespace, and that pod alone uses it. A claim of that
 * name that already exists is used only when the pod controls it (a running pod's claim in a
 * cluster snapshot); upstream never takes another one (`VolumeIsForPod`).
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { localize } from '../i18n/format';
import {
  GENERATED,
  ephemeralClaim,
  ephemeralVolumesOf,
  isClaimOfPod,
  workloadPods,
  type PodName,
} from '../kubernetes/ephemeral';
import type { LocalizedText } from '../types';
import type { EphemeralOrigin, WorkloadInput } from './types';

export interface ExpandedEphemeral {
  claim: PersistentVolumeClaim;
  origin: EphemeralOrigin;
}

/** The claims the ephemeral volume controller creates for the workload's pods. */
export function expandEphemeral(w: WorkloadInput, defaultNamespace: string): ExpandedEphemeral[] {
  const volumes = ephemeralVolumesOf(w.podSpec);
  if (!volumes.length) return [];
  const namespace = w.namespace || defaultNamespace;
  const pods = w.pods ?? workloadPods(w.kind, w.name, {});
  const out: ExpandedEphemeral[] = [];
  for (const pod of pods) {
    for (const volume of volumes) {
      const origin = {
        kind: w.kind,
        workload: w.name,
        volume: volume.volume,
        pod: pod.name,
        generated: pod.generated,
      };
      out.push({
        claim: ephemeralClaim(pod, namespace, volume),
        origin: { ...origin, about: aboutClaim(origin, pods) },
      });
    }
  }
  return out;
}

/** An existing claim of the same name is the pod's only when the pod controls it. */
export function isPodsOwnClaim(existing: PersistentVolumeClaim, origin: EphemeralOrigin): boolean {
  return isClaimOfPod(existing, origin.pod);
}

const texts = {
  pod: {
    en: 'Created for pod `{pod}` from its generic ephemeral volume `{volume}` (`ephemeral.volumeClaimTemplate`). The pod owns the claim: it is deleted with the pod.',
    ru: 'Создаётся для пода `{pod}` по шаблону его универсального эфемерного тома `{volume}` (`ephemeral.volumeClaimTemplate`). Владелец заявки — под: она удаляется вместе с ним.',
  },
  namedPod: {
    en: 'Created for pod `{pod}` of {kind} `{workload}` from its generic ephemeral volume `{volume}` (`ephemeral.volumeClaimTemplate`). The pod owns the claim: it is deleted with the pod.',
    ru: 'Создаётся для пода `{pod}` ({kind} `{workload}`) по шаблону его универсального эфемерного тома `{volume}` (`ephemeral.volumeClaimTemplate`). Владелец заявки — под: она удаляется вместе с ним.',
  },
  generatedPod: {
    en: "Created for each pod of {kind} `{workload}` from its generic ephemeral volume `{volume}` (`ephemeral.volumeClaimTemplate`). The pod owns the claim: it is deleted with the pod. The controller generates the pod's name, so `{generated}` stands for that part of the claim's name.",
    ru: 'Создаётся для каждого пода {kind} `{workload}` по шаблону его универсального эфемерного тома `{volume}` (`ephemeral.volumeClaimTemplate`). Владелец заявки — под: она удаляется вместе с ним. Имя пода генерирует контроллер, поэтому эта часть имени заявки показана как `{generated}`.',
  },
  numbered: {
    en: ' Pods at once: {count}; the numbers `[1]`…`[{count}]` only tell their claims apart here.',
    ru: ' Подов одновременно: {count}; номера `[1]`…`[{count}]` здесь только различают их заявки.',
  },
  daemonSet: {
    en: ' A DaemonSet runs a pod on every node; the nodes are not known here, so one pod stands for them all.',
    ru: ' DaemonSet запускает под на каждом узле; узлы здесь неизвестны, поэтому за все поды здесь один.',
  },
} satisfies Record<string, LocalizedText>;

function aboutClaim(origin: Omit<EphemeralOrigin, 'about'>, pods: PodName[]): LocalizedText {
  const { kind, workload, volume, pod } = origin;
  const params = { kind, workload, volume, pod, generated: GENERATED, count: pods.length };
  if (!origin.generated)
    return localize(origin.kind === 'Pod' ? texts.pod : texts.namedPod, params);
  const parts = [texts.generatedPod];
  if (pods.length > 1) parts.push(texts.numbered);
  if (origin.kind === 'DaemonSet') parts.push(texts.daemonSet);
  return localize(
    { en: parts.map((p) => p.en).join(''), ru: parts.map((p) => p.ru).join('') },
    params,
  );
}
