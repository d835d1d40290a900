/** The default StorageClass: one at most. */
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { localize } from '../i18n/format';
import { sameObject } from './lookups';
import { DEFAULT_CLASS_ANNOTATION, defaultClassAnnotation } from '../kubernetes/storageClass';
import type { Rule } from './types';
import { keepDefaultClassFix } from './fixes/volumeFixes';

export const multipleDefaultClasses: Rule = {
  id: 'multiple-default-storage-classes',
  family: 'volumes',
  severity: 'warning',
  kinds: ['StorageClass'],
  fixable: true,
  title: {
    en: 'More than one StorageClass is marked default',
    ru: 'По умолчанию отмечено несколько классов хранилища',
  },
  docs: {
    en: 'Claims without `storageClassName` get the default StorageClass. With several classes annotated `storageclass.kubernetes.io/is-default-class: "true"`, Kubernetes picks the most recently created one, so which class new claims get depends on creation order. Keep exactly one default.',
    ru: 'Заявки без `storageClassName` получают класс хранилища по умолчанию. Если аннотацию `storageclass.kubernetes.io/is-default-class: "true"` несут несколько классов, Kubernetes выберет созданный последним, и класс новых заявок зависит от порядка создания. Оставьте ровно один класс по умолчанию.',
  },
  check(object, data, ctx) {
    const defaults = ctx.lookups.defaultClasses;
    if (defaults.length < 2 || !defaults.some((d) => sameObject(d.object, object))) return;
    const annotation =
      defaultClassAnnotation((data as Partial<StorageClass>).metadata) ?? DEFAULT_CLASS_ANNOTATION;
    ctx.report(
      ['metadata', 'annotations', annotation],
      localize(
        {
          en: '{count} StorageClasses are marked default ({names}). Claims without a class get whichever was created last. Keep one default.',
          ru: 'По умолчанию отмечено классов хранилища: {count} ({names}). Заявки без класса получат тот, что создан последним. Оставьте один класс по умолчанию.',
        },
        {
          count: defaults.length,
          names: defaults.map((d) => '`' + (d.object.name ?? '?') + '`').join(', '),
        },
      ),
      { onKey: true, fix: () => keepDefaultClassFix(object, defaults) },
    );
  },
};
