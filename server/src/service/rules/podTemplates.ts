/**
 * What a controller ignores in the templates it makes pods and claims from: their
 * `metadata.namespace`. controller_utils.go `GetPodFromTemplate` copies the template's labels,
 * annotations and finalizers, and the pod is created in the controller's own namespace; the
 * StatefulSet controller does the same with the claims of its `volumeClaimTemplates`
 * (stateful_set_utils.go `getPersistentVolumeClaims`).
 */
import { localize } from '../i18n/format';
import { workloadPodSpecPath } from '../kubernetes/podSpec';
import type { YamlPath } from '../parse/nodes';
import type { LocalizedText } from '../types';
import { removeFieldFix } from './fixes/quickFix';
import type { Rule } from './types';
import { claimTemplatesOf, get, str, workloadKinds } from './util';

/** The template namespaces of a workload: its pod template's, its claim templates'. */
function templateNamespaces(
  kind: string,
  data: Record<string, unknown>,
): { path: YamlPath; namespace: string; what: 'pod' | 'claim' }[] {
  const out: { path: YamlPath; namespace: string; what: 'pod' | 'claim' }[] = [];
  const specPath = kind === 'Pod' ? undefined : workloadPodSpecPath(kind);
  if (specPath) {
    const path = [...specPath.slice(0, -1), 'metadata', 'namespace'];
    const namespace = str(get(data, path));
    if (namespace) out.push({ path, namespace, what: 'pod' });
  }
  for (const t of kind === 'StatefulSet' ? claimTemplatesOf(data) : []) {
    const path = [...t.path, 'metadata', 'namespace'];
    const namespace = str(get(data, path));
    if (namespace) out.push({ path, namespace, what: 'claim' });
  }
  return out;
}

type Subject = 'pod' | 'claim' | 'podUnset' | 'claimUnset';

const MESSAGES: Record<Subject, LocalizedText> = {
  pod: {
    en: 'The {kind} ignores the namespace of its pod template: its pods are created in its own namespace, `{own}`, not `{namespace}`, and the claims, Secrets and ConfigMaps they mount are looked up there. Set `metadata.namespace: {namespace}` on the {kind} itself if that is where it belongs.',
    ru: '{kind} не учитывает пространство имён шаблона пода: его поды создаются в его собственном пространстве имён `{own}`, а не в `{namespace}`, и заявки, Secret и ConfigMap, которые они монтируют, ищутся там же. Если {kind} должен жить в `{namespace}`, укажите `metadata.namespace: {namespace}` у него самого.',
  },
  podUnset: {
    en: 'The {kind} ignores the namespace of its pod template: its pods are created in the namespace the {kind} itself is created in (the file names none, so `kubectl apply` uses `default` unless `-n` says otherwise), not in `{namespace}`, and the claims, Secrets and ConfigMaps they mount are looked up there. Set `metadata.namespace: {namespace}` on the {kind} itself if that is where it belongs.',
    ru: '{kind} не учитывает пространство имён шаблона пода: его поды создаются там же, где сам {kind} (в файле оно не указано, так что `kubectl apply` возьмёт `default`, если не задан `-n`), а не в `{namespace}`, и заявки, Secret и ConfigMap, которые они монтируют, ищутся там же. Если {kind} должен жить в `{namespace}`, укажите `metadata.namespace: {namespace}` у него самого.',
  },
  claim: {
    en: 'The StatefulSet ignores the namespace of its claim templates: the claims are created in its own namespace, `{own}`, not `{namespace}`.',
    ru: 'StatefulSet не учитывает пространство имён шаблонов заявок: заявки создаются в его собственном пространстве имён `{own}`, а не в `{namespace}`.',
  },
  claimUnset: {
    en: 'The StatefulSet ignores the namespace of its claim templates: the claims are created where the StatefulSet itself is created, not in `{namespace}`.',
    ru: 'StatefulSet не учитывает пространство имён шаблонов заявок: заявки создаются там же, где сам StatefulSet, а не в `{namespace}`.',
  },
};

export const templateNamespaceIgnored: Rule = {
  id: 'template-namespace-ignored',
  family: 'workloads',
  severity: 'warning',
  kinds: workloadKinds,
  fixable: true,
  title: {
    en: 'A pod or claim template names a namespace its controller ignores',
    ru: 'В шаблоне пода или заявки указано пространство имён, которое контроллер не учитывает',
  },
  docs: {
    en: "A controller (Deployment, StatefulSet, DaemonSet, Job, CronJob…) creates its pods, and a StatefulSet its claims, in its own namespace; the `metadata.namespace` of the template is not read. A template namespace that differs from the controller's suggests the pods were meant to run, and find their claims and Secrets, elsewhere. Reported when the template's namespace differs from the object's, or the object names none (it then goes where `kubectl apply` puts it). The quick fix removes the template's namespace.",
    ru: 'Контроллер (Deployment, StatefulSet, DaemonSet, Job, CronJob…) создаёт поды, а StatefulSet — и заявки, в своём пространстве имён; `metadata.namespace` шаблона не читается. Если пространство имён шаблона отличается от пространства имён контроллера, скорее всего, поды должны были работать — и искать свои заявки и Secret — в другом месте. Отмечается, когда пространство имён шаблона отличается от пространства имён объекта или у объекта оно не указано (тогда объект попадёт туда, куда его поместит `kubectl apply`). Быстрое исправление удаляет пространство имён из шаблона.',
  },
  check(object, data, ctx) {
    const own = object.namespace;
    for (const t of templateNamespaces(object.kind, data)) {
      if (t.namespace === own) continue;
      const subject: Subject = own ? t.what : t.what === 'pod' ? 'podUnset' : 'claimUnset';
      ctx.report(
        t.path,
        localize(MESSAGES[subject], { kind: object.kind, own: own ?? '', namespace: t.namespace }),
        {
          fix: () =>
            removeFieldFix(object, t.path, {
              en: 'Remove the template namespace',
              ru: 'Убрать пространство имён из шаблона',
            }),
        },
      );
    }
  },
};
