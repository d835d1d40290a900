/** Claims with a label selector: they bind only existing volumes, never provisioned ones. */
import { localize } from '../i18n/format';
import { NO_PROVISIONER } from '../binding/state';
import { writtenClaimClass } from '../kubernetes/storageClass';
import { provisionersRefuse } from '../binding/selectors';
import type { YamlPath } from '../parse/nodes';
import type { Rule } from './types';
import { claimTemplatesOf, isRecord } from './util';
import { removeFieldFix } from './fixes/quickFix';
import { clusterDefaultClass } from '../binding/workspaceInput';
import type { Lookups } from './lookups';
import type { IndexedObject } from '../workspace/file';

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
    en: 'Provisioners do not create volumes for claims that have `spec.selector` (any, even `{}`; external-provisioner answers "claim Selector is not supported"): such a claim can only bind an existing PersistentVolume whose labels match. If its class has a provisioner and no matching volume exists, the claim stays `Pending`. Remove the selector to get a provisioned volume, or create a matching volume and give the claim a class without a provisioner (or `""`). A claim without `storageClassName` gets the default class; when the workspace marks none, the cluster\'s is taken to provision (unless `kubeStorage.cluster.defaultStorageClass` is `none`, or a cluster snapshot lists StorageClasses and none is default).',
    ru: 'Провижинеры не выделяют тома для заявок с `spec.selector` (любым, даже `{}`; external-provisioner отвечает «claim Selector is not supported»): такая заявка может привязаться только к существующему постоянному тому с подходящими метками. Если у её класса есть провижинер, а подходящего тома нет, заявка останется в `Pending`. Уберите селектор, чтобы том выделился динамически, или создайте подходящий том и укажите заявке класс без провижинера (или `""`). Заявке без `storageClassName` достаётся класс по умолчанию; если в рабочей области такого нет, считается, что том выделит класс кластера по умолчанию (кроме случаев, когда `kubeStorage.cluster.defaultStorageClass` равен `none` или снимок кластера перечисляет классы хранилища и ни один не отмечен по умолчанию).',
  },
  check(object, data, ctx) {
    const targets: {
      claim: Record<string, unknown>;
      spec: Record<string, unknown>;
      path: YamlPath;
    }[] = [];
    if (object.kind === 'PersistentVolumeClaim') {
      if (isRecord(data.spec)) targets.push({ claim: data, spec: data.spec, path: ['spec'] });
    } else {
      for (const t of claimTemplatesOf(data)) {
        if (isRecord(t.template.spec))
          targets.push({ claim: t.template, spec: t.template.spec, path: [...t.path, 'spec'] });
      }
    }
    for (const { claim, spec, path } of targets) {
      const selector = spec.selector;
      if (!provisionersRefuse(selector) || spec.volumeName) continue;
      // As the binding engine reads it: the beta annotation wins, even when it is `""`.
      const className = writtenClaimClass(claim);
      const labels = isRecord(selector) ? selector : {};
      if (className === undefined && !ctx.lookups.defaultClasses.length) {
        // The claim gets the cluster's default class, which the workspace does not hold.
        if (clusterDefaultProvisions(ctx.lookups, labels))
          ctx.report([...path, 'selector'], localize(CLUSTER_DEFAULT), {
            fix: () => removeSelectorFix(object, path),
          });
        continue;
      }
      const sc =
        typeof className === 'string'
          ? ctx.lookups.storageClass(className, object.uri)
          : ctx.lookups.defaultClasses.length === 1
            ? ctx.lookups.defaultClasses[0]
            : undefined;
      const provisioner = sc?.data.provisioner;
      if (!sc || !provisioner || provisioner === NO_PROVISIONER) continue;
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
        { fix: () => removeSelectorFix(object, path) },
      );
    }
  },
};

const CLUSTER_DEFAULT = {
  en: 'The claim has no `storageClassName`, so it gets the cluster\'s default StorageClass, which provisions volumes; but provisioners refuse claims with a `selector`. Unless an existing volume of that class matches the selector, the claim stays `Pending`. Remove the selector, or set `storageClassName: ""` and prepare matching volumes.',
  ru: 'У заявки нет `storageClassName`, поэтому ей достанется класс хранилища кластера по умолчанию, который выделяет тома; но провижинеры не работают с заявками, у которых есть `selector`. Если подходящего тома этого класса нет, заявка останется в `Pending`. Уберите селектор или укажите `storageClassName: ""` и заранее создайте подходящие тома.',
};

/**
 * The cluster's default class (not in the workspace) will provision for a claim without class:
 * the cluster has one (`unknown`: managed clusters ship one; `named`: a class the workspace does
 * not hold, taken to provision), and no written volume with a class matches the selector.
 */
function clusterDefaultProvisions(lookups: Lookups, selector: Record<string, unknown>): boolean {
  const setting = clusterDefaultClass(lookups.workspace);
  if (setting.mode === 'none') return false;
  const className = setting.mode === 'named' ? setting.name : undefined;
  if (className !== undefined) {
    const known = lookups.storageClasses.get(className)?.data.provisioner;
    if (known === NO_PROVISIONER) return false;
    return !lookups.volumeMatchesSelector(className, selector);
  }
  for (const name of lookups.volumesByClass.keys())
    if (name !== '' && lookups.volumeMatchesSelector(name, selector)) return false;
  return true;
}

function removeSelectorFix(object: IndexedObject, path: YamlPath) {
  return removeFieldFix(object, [...path, 'selector'], {
    en: 'Remove the `selector` (let the class provision a volume)',
    ru: 'Убрать `selector` (том выделит класс хранилища)',
  });
}
