/** A pod's mounts against its volumes: every mount names a declared volume, every volume is mounted. */
import { localize } from '../i18n/format';
import type { YamlPath } from '../parse/nodes';
import type { LocalizedText } from '../types';
import type { IndexedObject } from '../workspace/file';
import type { Rule, RuleContext } from './types';
import {
  claimTemplatesOf,
  containersOf,
  isRecord,
  mountsOf,
  podSpecOf,
  volumesOf,
  workloadKinds,
} from './util';
import { addVolumeFix } from './fixes/storageFixes';
import { removeVolumeFix } from './fixes/workloadFixes';

export const volumeMountNotFound: Rule = {
  id: 'volume-mount-not-found',
  family: 'links',
  severity: 'error',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A container mounts a volume the pod does not declare',
    ru: 'Контейнер монтирует том, которого нет в поде',
  },
  docs: {
    en: "Every `volumeMounts[].name` and `volumeDevices[].name` must match an entry of the pod's `volumes` (or, in a StatefulSet, a `volumeClaimTemplates` name). The API server rejects the object otherwise; a StatefulSet's pod template is the exception (the API server does not check it), so the StatefulSet is stored and every pod it makes is rejected (`FailedCreate` events). Add the volume (the quick fix adds one backed by a claim of the same name) or fix the name.",
    ru: 'Каждое имя в `volumeMounts[].name` и `volumeDevices[].name` должно совпадать с томом из `volumes` пода (а в StatefulSet — ещё и с именем из `volumeClaimTemplates`). Иначе API-сервер отклонит объект. Исключение — шаблон пода StatefulSet: API-сервер его не проверяет, поэтому StatefulSet сохранится, а каждый создаваемый им под будет отклонён (события `FailedCreate`). Добавьте том (быстрое исправление добавит том с заявкой того же имени) или исправьте имя.',
  },
  check(object, data, ctx) {
    reportUndeclaredMounts(object, data, ctx, 'containers', {
      en: 'Container `{container}` mounts `{name}`, but the pod declares no such volume. {rejected} Add the volume to `volumes` or fix the name.',
      ru: 'Контейнер `{container}` монтирует `{name}`, но такого тома в поде нет. {rejected} Добавьте том в `volumes` или исправьте имя.',
    });
  },
};

/**
 * What the API server does with a pod spec whose mount names no volume: it rejects the object,
 * except a StatefulSet, whose pod template it does not validate
 * (`ValidatePodTemplateSpecForStatefulSet`): the set is stored and each pod it makes is rejected.
 */
export const REJECTED: Record<'object' | 'statefulSetPods', LocalizedText> = {
  object: { en: 'The API server rejects the object.', ru: 'API-сервер отклонит объект.' },
  statefulSetPods: {
    en: 'The API server stores the StatefulSet but rejects every pod it makes (`FailedCreate` events).',
    ru: 'API-сервер сохранит StatefulSet, но отклонит каждый его под (события `FailedCreate`).',
  },
};

/**
 * Reports each mount, of the init containers or of the others, whose name matches no volume of
 * the pod (nor a StatefulSet's claim template), with `message` ({container}, {name}, and
 * {rejected}: what the API server does about it).
 */
export function reportUndeclaredMounts(
  object: IndexedObject,
  data: Record<string, unknown>,
  ctx: RuleContext,
  containers: 'initContainers' | 'containers',
  message: LocalizedText,
): void {
  const at = podSpecOf(object.kind, data);
  if (!at) return;
  const declared = new Set(volumesOf(at).map((v) => v.volume.name));
  if (object.kind === 'StatefulSet') {
    for (const t of claimTemplatesOf(data)) declared.add(t.name);
  }
  const init = containers === 'initContainers';
  for (const c of containersOf(at)) {
    if ((c.group === 'initContainers') !== init) continue;
    for (const m of mountsOf(c)) {
      if (declared.has(m.mount.name)) continue;
      const params = {
        name: m.mount.name,
        container: String(c.container.name ?? '?'),
        rejected: REJECTED[object.kind === 'StatefulSet' ? 'statefulSetPods' : 'object'],
      };
      ctx.report([...m.path, 'name'], localize(message, params), {
        data: { volume: m.mount.name },
        fix: () => addVolumeFix(object, at.path, m.mount.name),
      });
    }
  }
}

/** The volumes and claim templates of a pod that no container (init, regular, ephemeral) mounts. */
function unmountedVolumes(
  kind: string,
  data: Record<string, unknown>,
): { name: string; path: YamlPath; claim: boolean }[] {
  const at = podSpecOf(kind, data);
  if (!at) return [];
  const used = new Set(containersOf(at).flatMap((c) => mountsOf(c).map((m) => m.mount.name)));
  const out: { name: string; path: YamlPath; claim: boolean }[] = [];
  for (const v of volumesOf(at)) {
    if (used.has(v.volume.name)) continue;
    const claim = isRecord(v.volume.persistentVolumeClaim) || isRecord(v.volume.ephemeral);
    out.push({ name: v.volume.name, path: v.path, claim });
  }
  if (kind === 'StatefulSet') {
    for (const t of claimTemplatesOf(data)) {
      if (t.name && !used.has(t.name)) out.push({ name: t.name, path: t.path, claim: true });
    }
  }
  return out;
}

function nameOfEntry(path: YamlPath): YamlPath {
  return path.includes('volumeClaimTemplates') ? [...path, 'metadata', 'name'] : [...path, 'name'];
}

export const volumeNotMounted: Rule = {
  id: 'volume-not-mounted',
  family: 'links',
  severity: 'information',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A declared volume is mounted by no container',
    ru: 'Объявленный том не монтирует ни один контейнер',
  },
  docs: {
    en: 'A volume that no container mounts (not an init container, not through a `subPath`) does nothing. It is usually a leftover or a typo in a mount name. Mount it or remove it. Claims and claim templates that nobody mounts are reported by `claim-not-mounted`.',
    ru: 'Том, который не монтирует ни один контейнер (ни init-контейнер, ни через `subPath`), ничего не делает. Обычно это остаток старой версии или опечатка в имени монтирования. Смонтируйте том или удалите его. Заявки и шаблоны заявок, которые никто не монтирует, отмечает правило `claim-not-mounted`.',
  },
  check(object, data, ctx) {
    for (const v of unmountedVolumes(object.kind, data)) {
      if (v.claim) continue;
      ctx.report(
        nameOfEntry(v.path),
        localize(
          {
            en: 'No container mounts volume `{name}`. It is probably a leftover or a typo in a mount name. Mount it or remove it.',
            ru: 'Том `{name}` не монтирует ни один контейнер. Вероятно, это остаток или опечатка в имени монтирования. Смонтируйте том или удалите его.',
          },
          { name: v.name },
        ),
        { fix: () => removeVolumeFix(object, v.path, v.name) },
      );
    }
  },
};

export const claimNotMounted: Rule = {
  id: 'claim-not-mounted',
  family: 'links',
  severity: 'warning',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A claim volume or claim template is mounted by no container',
    ru: 'Том из заявки или шаблон заявки не монтирует ни один контейнер',
  },
  docs: {
    en: "A claim that no container mounts (not an init container, not through a `subPath`) still has to bind before the pod starts, yet the data meant for it goes to the container's writable layer and is lost with the container. It is almost always a typo in a mount name or a leftover. Mount the claim where the application keeps its data, or remove it.",
    ru: 'Заявка, которую не монтирует ни один контейнер (ни init-контейнер, ни через `subPath`), всё равно должна привязаться до запуска пода, а данные, предназначенные для неё, пишутся в слой контейнера и пропадают вместе с ним. Почти всегда это опечатка в имени монтирования или остаток старой версии. Смонтируйте заявку туда, где приложение хранит данные, или удалите её.',
  },
  check(object, data, ctx) {
    for (const v of unmountedVolumes(object.kind, data)) {
      if (!v.claim) continue;
      ctx.report(
        nameOfEntry(v.path),
        localize(
          {
            en: "No container mounts claim volume `{name}`. The claim is bound for nothing, and the data meant for it goes to the container's writable layer, lost with the container. Mount it where the data lives, or remove it.",
            ru: 'Том `{name}` из заявки не монтирует ни один контейнер. Заявка привязывается впустую, а данные, предназначенные для неё, уходят в слой контейнера и пропадут вместе с ним. Смонтируйте её туда, где лежат данные, или удалите.',
          },
          { name: v.name },
        ),
        { fix: () => removeVolumeFix(object, v.path, v.name) },
      );
    }
  },
};

export const volumeMountRules: Rule[] = [volumeMountNotFound, volumeNotMounted, claimNotMounted];
