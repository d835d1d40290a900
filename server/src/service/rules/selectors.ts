/** A controller's selector against its pod template's labels. */
import { localize } from '../i18n/format';
import type { Rule } from './types';
import { get, isRecord } from './util';
import { setValueFix } from './fixes/storageFixes';

export const selectorTemplateMismatch: Rule = {
  id: 'selector-template-mismatch',
  family: 'workloads',
  severity: 'error',
  kinds: ['StatefulSet', 'Deployment', 'ReplicaSet', 'DaemonSet'],
  fixable: true,
  title: {
    en: "The selector does not match the pod template's labels",
    ru: 'Селектор не совпадает с метками шаблона пода',
  },
  docs: {
    en: 'Every `spec.selector.matchLabels` entry must appear with the same value in `spec.template.metadata.labels`; the API server rejects the object otherwise. For a StatefulSet this matters twice: the selector is immutable, and a StatefulSet recreated with another selector no longer owns its pods, while the old claims are still there. Keep the two in step.',
    ru: 'Каждая пара из `spec.selector.matchLabels` должна быть с тем же значением в `spec.template.metadata.labels`, иначе API-сервер отклонит объект. Для StatefulSet это важно вдвойне: селектор неизменяемый, а пересозданный с другим селектором StatefulSet уже не владеет своими подами, хотя старые заявки остаются. Держите селектор и метки согласованными.',
  },
  check(object, data, ctx) {
    const matchLabels = get(data, ['spec', 'selector', 'matchLabels']);
    if (!isRecord(matchLabels)) return;
    const labels = get(data, ['spec', 'template', 'metadata', 'labels']);
    const have = isRecord(labels) ? labels : {};
    for (const [k, v] of Object.entries(matchLabels)) {
      if (have[k] === v) continue;
      // A `{{…}}` slot of another template language is filled in later: nothing to compare yet.
      if (isTemplateSlotValue(v) || isTemplateSlotValue(have[k])) continue;
      ctx.report(
        ['spec', 'selector', 'matchLabels', k],
        localize(
          {
            en: 'The selector wants `{key}: {value}`, but the pod template {actual}. The API server rejects the object. Make the template labels match the selector.',
            ru: 'Селектор ждёт `{key}: {value}`, а в шаблоне пода {actualRu}. API-сервер отклонит объект. Приведите метки шаблона в соответствие с селектором.',
          },
          {
            key: k,
            value: String(v),
            actual: k in have ? `has \`${k}: ${String(have[k])}\`` : 'has no such label',
            actualRu: k in have ? `\`${k}: ${String(have[k])}\`` : 'такой метки нет',
          },
        ),
        {
          onKey: true,
          fix: setValueFix(
            object,
            ['spec', 'template', 'metadata', 'labels'],
            k,
            v,
            localize(
              {
                en: 'Set label `{key}: {value}` on the pod template',
                ru: 'Задать шаблону пода метку `{key}: {value}`',
              },
              { key: k, value: String(v) },
            ),
          ),
        },
      );
    }
  },
};

/** Label values are strings; a mapping there is a `{{…}}` placeholder (schema/templateSlots.ts). */
function isTemplateSlotValue(value: unknown): boolean {
  return typeof value === 'object' && value !== null;
}
