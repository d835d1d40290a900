/**
 * The class annotation Kubernetes no longer reads: `volume.alpha.kubernetes.io/storage-class`.
 * component-helpers/storage/volume `GetPersistentVolumeClaimClass` reads the beta annotation,
 * then `spec.storageClassName`; a claim with neither gets the cluster's default class (the
 * DefaultStorageClass admission plugin), whatever the alpha annotation names.
 */
import { localize } from '../i18n/format';
import { writtenClaimClass } from '../kubernetes/storageClass';
import type { Rule } from './types';
import { removeKey, setKey } from './fixes/edits';
import { get, isRecord, str, workloadKinds, writtenClaimsOf } from './util';

export const ANN_ALPHA_STORAGE_CLASS = 'volume.alpha.kubernetes.io/storage-class';

export const ignoredClassAnnotation: Rule = {
  id: 'ignored-class-annotation',
  family: 'binding',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', ...workloadKinds],
  fixable: true,
  title: {
    en: 'A claim names its class in an annotation Kubernetes no longer reads',
    ru: 'Заявка задаёт класс в аннотации, которую Kubernetes больше не читает',
  },
  docs: {
    en: "Kubernetes takes a claim's StorageClass from `spec.storageClassName`, or from the deprecated annotation `volume.beta.kubernetes.io/storage-class`, which wins when both are set. The older `volume.alpha.kubernetes.io/storage-class` is not read at all (old tutorials and charts still write it): a claim with only that annotation gets the cluster's default class. Reported when the annotation names another class than the claim gets. The quick fix moves the value to `spec.storageClassName`.",
    ru: 'Класс хранилища заявки Kubernetes берёт из `spec.storageClassName` или из устаревшей аннотации `volume.beta.kubernetes.io/storage-class`, которая при наличии обоих важнее. Более старую аннотацию `volume.alpha.kubernetes.io/storage-class` он не читает вовсе (её до сих пор пишут старые учебники и чарты): заявка только с ней получит класс кластера по умолчанию. Отмечается, когда аннотация называет не тот класс, который получит заявка. Быстрое исправление переносит значение в `spec.storageClassName`.',
  },
  check(object, data, ctx) {
    for (const site of writtenClaimsOf(object.kind, data)) {
      const annotations = get(site.metadata, ['annotations']);
      const named = isRecord(annotations) ? str(annotations[ANN_ALPHA_STORAGE_CLASS]) : undefined;
      if (named === undefined) continue;
      const effective = writtenClaimClass(site);
      if (effective === named) continue;
      const annotationPath = [...site.metadataPath, 'annotations', ANN_ALPHA_STORAGE_CLASS];
      const params = { name: named, effective: effective ?? '' };
      ctx.report(
        annotationPath,
        effective === undefined
          ? localize(
              {
                en: "Kubernetes does not read `volume.alpha.kubernetes.io/storage-class`: the claim has no `storageClassName`, so it gets the cluster's default StorageClass, not `{name}`. Set `storageClassName: {name}`.",
                ru: 'Аннотацию `volume.alpha.kubernetes.io/storage-class` Kubernetes не читает: у заявки нет `storageClassName`, поэтому она получит класс хранилища кластера по умолчанию, а не `{name}`. Укажите `storageClassName: {name}`.',
              },
              params,
            )
          : localize(
              {
                en: 'Kubernetes does not read `volume.alpha.kubernetes.io/storage-class`: the claim gets class `{effective}`, not `{name}`. Remove the annotation, or set the class you mean in `storageClassName`.',
                ru: 'Аннотацию `volume.alpha.kubernetes.io/storage-class` Kubernetes не читает: заявка получит класс `{effective}`, а не `{name}`. Уберите аннотацию или укажите нужный класс в `storageClassName`.',
              },
              params,
            ),
        {
          onKey: true,
          fix:
            effective === undefined && isRecord(site.spec)
              ? () => {
                  const move = setKey(object, site.specPath, 'storageClassName', named);
                  const drop = removeKey(object, annotationPath);
                  if (!move || !drop) return undefined;
                  return {
                    title: localize(
                      {
                        en: 'Set `storageClassName: {name}`',
                        ru: 'Указать `storageClassName: {name}`',
                      },
                      params,
                    ),
                    edits: [move, drop],
                  };
                }
              : undefined,
        },
      );
    }
  },
};
