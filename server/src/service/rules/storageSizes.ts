/** Storage sizes: a volume's capacity, a claim's request and limit, and the units they are written in. */
import { localize } from '../i18n/format';
import type { YamlPath } from '../parse/nodes';
import { describeBytes, parseQuantity } from '../quantity';
import type { Rule } from './types';
import { claimSpecFields, get } from './util';
import { replaceFix, setValueFix } from './fixes/storageFixes';
import { scalarText } from './fixes/edits';

export const volumeWithoutCapacity: Rule = {
  id: 'volume-without-capacity',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolume'],
  fixable: true,
  title: {
    en: 'A PersistentVolume without capacity',
    ru: 'Постоянный том без ёмкости',
  },
  docs: {
    en: "`spec.capacity.storage` is required on a PersistentVolume: the API server rejects a volume without it, and the binder compares it with each claim's request. Write the real size of the storage behind the volume (the quick fix adds `1Gi` as a placeholder).",
    ru: '`spec.capacity.storage` у постоянного тома обязательна: без неё API-сервер том не примет, а при привязке её сравнивают с запросом заявки. Укажите реальный размер хранилища (быстрое исправление подставит `1Gi` как заготовку).',
  },
  check(object, data, ctx) {
    if (get(data, ['spec', 'capacity', 'storage']) !== undefined) return;
    ctx.report(
      ['spec', 'capacity'],
      {
        en: 'The volume has no `capacity.storage`. The API server rejects it and no claim could be matched by size. Add the size of the storage.',
        ru: 'У тома нет `capacity.storage`. API-сервер его не примет, а подобрать заявку по размеру будет нельзя. Укажите ёмкость хранилища.',
      },
      {
        onKey: true,
        fix: setValueFix(object, ['spec', 'capacity'], 'storage', '1Gi', {
          en: 'Add `capacity.storage: 1Gi`',
          ru: 'Добавить `capacity.storage: 1Gi`',
        }),
      },
    );
  },
};

export const claimWithoutStorageRequest: Rule = {
  id: 'claim-without-storage-request',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolumeClaim'],
  fixable: true,
  title: {
    en: 'A PersistentVolumeClaim without a storage request',
    ru: 'Заявка на том без запроса ёмкости',
  },
  docs: {
    en: 'A claim must say how much storage it needs in `spec.resources.requests.storage`; the API server rejects it otherwise. The provisioner creates a volume of that size and the binder only offers volumes at least that big. Add the request (the quick fix adds `1Gi`; set what you need).',
    ru: 'Заявка должна указать нужный объём в `spec.resources.requests.storage`, иначе API-сервер её не примет. Провижинер создаёт том такого размера, а при привязке подходят только тома не меньше. Добавьте запрос (быстрое исправление подставит `1Gi` — укажите нужный размер).',
  },
  check(object, data, ctx) {
    if (get(data, ['spec', 'resources', 'requests', 'storage']) !== undefined) return;
    ctx.report(
      ['spec', 'resources'],
      {
        en: 'The claim has no `resources.requests.storage`. The API server rejects it. Add a storage request.',
        ru: 'В заявке нет `resources.requests.storage`. API-сервер её не примет. Добавьте запрос ёмкости.',
      },
      {
        onKey: true,
        fix: setValueFix(object, ['spec', 'resources', 'requests'], 'storage', '1Gi', {
          en: 'Add a storage request (`1Gi`)',
          ru: 'Добавить запрос ёмкости (`1Gi`)',
        }),
      },
    );
  },
};

export const storageLimitBelowRequest: Rule = {
  id: 'storage-limit-below-request',
  family: 'volumes',
  severity: 'error',
  kinds: ['PersistentVolumeClaim', 'StatefulSet'],
  fixable: true,
  title: {
    en: "A claim's storage limit is below its request",
    ru: 'Лимит ёмкости заявки меньше запроса',
  },
  docs: {
    en: '`resources.limits.storage` on a claim must not be smaller than `resources.requests.storage`; the API server rejects the claim otherwise. Most provisioners ignore the limit anyway: usually it is simplest to remove it.',
    ru: '`resources.limits.storage` у заявки не может быть меньше `resources.requests.storage`, иначе API-сервер её не примет. Большинство провижинеров лимит всё равно не учитывают — обычно проще его убрать.',
  },
  check(_object, data, ctx) {
    for (const { value: resources, path } of claimSpecFields(_object.kind, data, 'resources')) {
      const request = parseQuantity(get(resources, ['requests', 'storage']));
      const limit = parseQuantity(get(resources, ['limits', 'storage']));
      if (request === undefined || limit === undefined || limit >= request) continue;
      ctx.report(
        [...path, 'limits', 'storage'],
        localize(
          {
            en: 'The limit ({limit}) is below the request ({request}). The API server rejects the claim. Raise or remove the limit.',
            ru: 'Лимит ({limit}) меньше запроса ({request}). API-сервер не примет заявку. Увеличьте лимит или уберите его.',
          },
          { limit: describeBytes(limit).binary, request: describeBytes(request).binary },
        ),
        {
          fix: replaceFix(
            _object,
            [...path, 'limits', 'storage'],
            scalarText(get(resources, ['requests', 'storage'])),
            {
              en: 'Raise the limit to the request',
              ru: 'Поднять лимит до запроса',
            },
          ),
        },
      );
    }
  },
};

const ONE_MIB = 1024 * 1024;

export const storageSizeWithoutUnit: Rule = {
  id: 'storage-size-without-unit',
  family: 'volumes',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', 'PersistentVolume', 'StatefulSet'],
  fixable: true,
  title: {
    en: 'A storage size is tiny: probably a missing unit',
    ru: 'Подозрительно маленький размер: вероятно, забыта единица',
  },
  docs: {
    en: 'A quantity without a unit counts bytes: `storage: 10` is ten bytes, not ten gigabytes, and `storage: 500m` is half a byte. Sizes below 1Mi are almost always a missing `Gi`/`Mi`. Write the unit (the quick fix appends `Gi` to a bare number).',
    ru: 'Количество без единицы измерения — это байты: `storage: 10` — десять байт, а не гигабайт, а `storage: 500m` — полбайта. Размеры меньше 1Mi почти всегда означают забытые `Gi`/`Mi`. Укажите единицу (быстрое исправление допишет `Gi` к числу без единицы).',
  },
  check(object, data, ctx) {
    const targets: { value: unknown; path: YamlPath }[] = [];
    if (object.kind === 'PersistentVolume') {
      targets.push({
        value: get(data, ['spec', 'capacity', 'storage']),
        path: ['spec', 'capacity', 'storage'],
      });
    } else {
      for (const t of claimSpecFields(object.kind, data, 'resources')) {
        for (const k of ['requests', 'limits']) {
          targets.push({
            value: get(t.value, [k, 'storage']),
            path: [...t.path, k, 'storage'],
          });
        }
      }
    }
    for (const { value, path } of targets) {
      const bytes = parseQuantity(value);
      if (bytes === undefined || bytes <= 0 || bytes >= ONE_MIB) continue;
      const text = String(value);
      const bare = /^\d+$/.test(text);
      ctx.report(
        path,
        localize(
          {
            en: '`{value}` is only {bytes} byte(s). A quantity without a unit counts bytes. Did you mean `{value}Gi`?',
            ru: 'Размер `{value}` меньше одного мебибайта: количество без единицы измерения считается в байтах. Может быть, имелось в виду `{value}Gi`?',
          },
          { value: text, bytes: Math.round(bytes * 1000) / 1000 },
        ),
        bare
          ? {
              fix: replaceFix(object, path, `${text}Gi`, {
                en: `Use \`${text}Gi\``,
                ru: `Заменить на \`${text}Gi\``,
              }),
            }
          : undefined,
      );
    }
  },
};

export const storageSizeRules: Rule[] = [
  volumeWithoutCapacity,
  claimWithoutStorageRequest,
  storageLimitBelowRequest,
  storageSizeWithoutUnit,
];
