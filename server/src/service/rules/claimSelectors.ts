/** Claims with a label selector: they bind only existing volumes, never provisioned ones. */
import { localize } from '../i18n/format';
import { NO_PROVISIONER } from '../binding/state';
import { provisionersRefuse } from '../binding/selectors';
import type { YamlPath } from '../parse/nodes';
import type { Rule } from './types';
import { claimTemplatesOf, isRecord } from './util';
import { removeFieldFix } from './fixes/quickFix';

export const selectorWithDynamicProvisioning: Rule = {
  id: 'selector-with-dynamic-provisioning',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', 'StatefulSet'],
  fixable: true,
  title: {
    en: 'A claim with a label selector relies on dynamic provisioning',
    ru: 'Заявка с селектором меток рассчитывает на динамическое выделение тома',
  },
  docs: {
    en: 'Provisioners do not create volumes for claims that have `spec.selector` (any, even `{}`; external-provisioner answers "claim Selector is not supported"): such a claim can only bind an existing PersistentVolume whose labels match. If its class has a provisioner and no matching volume exists, the claim stays `Pending`. Remove the selector to get a provisioned volume, or create a matching volume and give the claim a class without a provisioner (or `""`).',
    ru: 'Провижинеры не выделяют тома для заявок с `spec.selector` (любым, даже `{}`; external-provisioner отвечает «claim Selector is not supported»): такая заявка может привязаться только к существующему постоянному тому с подходящими метками. Если у её класса есть провижинер, а подходящего тома нет, заявка останется в `Pending`. Уберите селектор, чтобы том выделился динамически, или создайте подходящий том и укажите заявке класс без провижинера (или `""`).',
  },
  check(object, data, ctx) {
    const targets: { spec: Record<string, unknown>; path: YamlPath }[] = [];
    if (object.kind === 'PersistentVolumeClaim') {
      if (isRecord(data.spec)) targets.push({ spec: data.spec, path: ['spec'] });
    } else {
      for (const t of claimTemplatesOf(data)) {
        if (isRecord(t.template.spec))
          targets.push({ spec: t.template.spec, path: [...t.path, 'spec'] });
      }
    }
    for (const { spec, path } of targets) {
      const selector = spec.selector;
      if (!provisionersRefuse(selector) || spec.volumeName) continue;
      const className = spec.storageClassName;
      const sc =
        typeof className === 'string'
          ? ctx.lookups.storageClasses.get(className)
          : ctx.lookups.defaultClasses.length === 1
            ? ctx.lookups.defaultClasses[0]
            : undefined;
      const provisioner = sc?.data.provisioner;
      if (!sc || !provisioner || provisioner === NO_PROVISIONER) continue;
      const labels = isRecord(selector) ? selector : {};
      if (ctx.lookups.volumeMatchesSelector(sc.object.name ?? '', labels)) continue;
      ctx.report(
        [...path, 'selector'],
        localize(
          {
            en: 'Class `{sc}` provisions volumes with `{provisioner}`, but provisioners refuse claims with a `selector`. Unless an existing volume matches the selector, the claim stays `Pending`. Remove the selector or prepare matching volumes.',
            ru: 'Класс `{sc}` выделяет тома через `{provisioner}`, но провижинеры не работают с заявками, у которых есть `selector`. Если подходящего тома нет, заявка останется в `Pending`. Уберите селектор или заранее создайте подходящие тома.',
          },
          { sc: sc.object.name ?? '?', provisioner },
        ),
        {
          fix: () =>
            removeFieldFix(object, [...path, 'selector'], {
              en: 'Remove the `selector` (let the class provision a volume)',
              ru: 'Убрать `selector` (том выделит класс хранилища)',
            }),
        },
      );
    }
  },
};
