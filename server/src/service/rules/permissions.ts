/**
 * Init containers and permissions: the volumes init containers prepare, who may write to a volume
 * (the classic "permission denied" on a fresh claim).
 */
import { localize } from '../i18n/format';
import type { Rule } from './types';
import {
  claimTemplatesOf,
  containersOf,
  isRecord,
  mountsOf,
  podSpecOf,
  strings,
  volumesOf,
  workloadKinds,
} from './util';
import { setValueFix } from './fixes/storageFixes';
import { reportUndeclaredMounts } from './volumeMounts';
import {
  containerSecurityContext,
  podSecurityContext,
  runsAsNonRootUser,
} from '../kubernetes/securityContext';

export const initContainerVolumeNotFound: Rule = {
  id: 'init-container-volume-not-found',
  family: 'permissions',
  severity: 'error',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'An init container mounts a volume the pod does not declare',
    ru: 'Init-контейнер монтирует том, которого нет в поде',
  },
  docs: {
    en: "Init containers often prepare data (restore a backup, `chown` a data directory) on a volume the main container uses. If the name in the init container's `volumeMounts` matches no pod volume, the API server rejects the pod, and a typo here often means the preparation would have gone to the wrong place. Use the same name as the main container or add the volume.",
    ru: 'Init-контейнеры часто готовят данные (восстанавливают резервную копию, делают `chown` каталога) на томе, который потом использует основной контейнер. Если имя в `volumeMounts` init-контейнера не совпадает ни с одним томом пода, API-сервер отклонит под, а опечатка здесь часто значит, что подготовка ушла бы не туда. Используйте то же имя, что у основного контейнера, или добавьте том.',
  },
  check(object, data, ctx) {
    reportUndeclaredMounts(object, data, ctx, 'initContainers', {
      en: 'Init container `{container}` mounts `{name}`, but the pod declares no such volume. {rejected} Use the name of a volume the main containers mount, or add the volume.',
      ru: 'Init-контейнер `{container}` монтирует `{name}`, но такого тома в поде нет. {rejected} Возьмите имя тома, который монтируют основные контейнеры, или добавьте том.',
    });
  },
};

export const missingFsGroup: Rule = {
  id: 'missing-fs-group',
  family: 'permissions',
  severity: 'warning',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A non-root container writes to a claim, and the pod sets no fsGroup',
    ru: 'Контейнер не от root пишет в том заявки, а `fsGroup` у пода не задан',
  },
  docs: {
    en: 'A freshly provisioned volume usually belongs to `root`. A container that runs as another user (`runAsUser` other than 0, or `runAsNonRoot: true`) gets "permission denied" when it writes there. Set `spec.securityContext.fsGroup` so the kubelet gives the volume to that group (the quick fix uses the pod\'s `runAsGroup` or `runAsUser`), or `chown` the directory in an init container that runs as root. On OpenShift the restricted security context constraints assign `fsGroup` (and `runAsUser`) from the namespace\'s range when the pod sets none, so manifests written for it leave them out on purpose: turn the rule off there (`kubeStorage.rules.severity`).',
    ru: 'Только что выделенный том обычно принадлежит `root`. Контейнер, запущенный от другого пользователя (`runAsUser` не 0 или `runAsNonRoot: true`), при записи туда получит «permission denied». Задайте `spec.securityContext.fsGroup`, чтобы kubelet отдал том этой группе (быстрое исправление возьмёт `runAsGroup` или `runAsUser` пода), или сделайте `chown` каталога в init-контейнере, запущенном от root. В OpenShift ограниченные правила безопасности (SCC) сами назначают поду `fsGroup` (и `runAsUser`) из диапазона пространства имён, если под их не задал, поэтому манифесты для OpenShift опускают их намеренно: там правило стоит отключить (`kubeStorage.rules.severity`).',
  },
  check(object, data, ctx) {
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    const podSc = podSecurityContext(at.spec);
    if (podSc.fsGroup !== undefined) return;
    const claims = new Set(
      volumesOf(at)
        .filter((v) => isRecord(v.volume.persistentVolumeClaim) || isRecord(v.volume.ephemeral))
        .map((v) => v.volume.name),
    );
    if (object.kind === 'StatefulSet') for (const t of claimTemplatesOf(data)) claims.add(t.name);
    if (!claims.size) return;
    const containers = containersOf(at);
    const prepared = new Set<string>();
    for (const c of containers) {
      if (c.group !== 'initContainers') continue;
      const script = [...strings(c.container.command), ...strings(c.container.args)].join(' ');
      if (!/\bch(own|mod)\b/.test(script)) continue;
      for (const m of mountsOf(c)) prepared.add(m.mount.name);
    }
    for (const c of containers) {
      if (c.group !== 'containers') continue;
      if (!runsAsNonRootUser(c.container, at.spec)) continue;
      const sc = containerSecurityContext(c.container);
      const runAs: unknown = sc.runAsUser ?? podSc.runAsUser;
      const user = typeof runAs === 'number' ? runAs : undefined;
      for (const m of mountsOf(c)) {
        if (m.field !== 'volumeMounts' || m.mount.readOnly === true) continue;
        if (!claims.has(m.mount.name) || prepared.has(m.mount.name)) continue;
        const group = sc.runAsGroup ?? podSc.runAsGroup ?? user ?? 1000;
        ctx.report(
          [...m.path, 'name'],
          localize(
            {
              en: 'Container `{container}` runs as a non-root user and writes to claim volume `{name}`, but the pod sets no `fsGroup`. A new volume belongs to root, so writes fail with "permission denied". Set `securityContext.fsGroup` or `chown` the directory in an init container.',
              ru: 'Контейнер `{container}` работает не от root и пишет в том `{name}` из заявки, а `fsGroup` у пода не задан. Новый том принадлежит root, и запись закончится ошибкой «permission denied». Задайте `securityContext.fsGroup` или сделайте `chown` каталога в init-контейнере.',
            },
            { container: String(c.container.name ?? '?'), name: m.mount.name },
          ),
          {
            fix: setValueFix(object, [...at.path, 'securityContext'], 'fsGroup', group, {
              en: `Set \`fsGroup: ${group}\` on the pod`,
              ru: `Задать поду \`fsGroup: ${group}\``,
            }),
          },
        );
      }
    }
  },
};

export const permissionRules: Rule[] = [initContainerVolumeNotFound, missingFsGroup];
