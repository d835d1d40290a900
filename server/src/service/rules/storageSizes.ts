/** Storage sizes: a volume's capacity, a claim's request and limit, and the units they are written in. */
import { localize } from '../i18n/format';
import { formatNumber } from '../i18n/numbers';
import { isScalar, nodesAtPath, type YamlPath } from '../parse/nodes';
import { describeBytes, parseQuantity, quantityParts } from '../quantity';
import type { Lang, LocalizedText } from '../types';
import type { IndexedObject } from '../workspace/file';
import type { Rule } from './types';
import { claimSpecFields, get } from './util';
import { replaceFix, setValueFix } from './fixes/storageFixes';
import { scalarText } from './fixes/edits';
import { tinySizeCorrections } from './fixes/quantityFixes';
import { fixes, removeFieldFix } from './fixes/quickFix';

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
    en: 'A claim must say how much storage it needs in `spec.resources.requests.storage`; the API server rejects it otherwise (an empty `storage:` too: it is a zero quantity, refused as not greater than zero). The provisioner creates a volume of that size and the binder only offers volumes at least that big. Add the request (the quick fix adds `1Gi`; set what you need).',
    ru: 'Заявка должна указать нужный объём в `spec.resources.requests.storage`, иначе API-сервер её не примет (пустой `storage:` тоже не годится: это нулевое количество, а оно должно быть больше нуля). Провижинер создаёт том такого размера, а при привязке подходят только тома не меньше. Добавьте запрос (быстрое исправление подставит `1Gi` — укажите нужный размер).',
  },
  check(object, data, ctx) {
    // `storage:` with no value decodes to a zero quantity: refused as well (not positive).
    const request = get(data, ['spec', 'resources', 'requests', 'storage']);
    if (request != null) return;
    const empty = request === null;
    ctx.report(
      empty ? ['spec', 'resources', 'requests', 'storage'] : ['spec', 'resources'],
      empty
        ? {
            en: "The claim's `resources.requests.storage` is empty, a zero size. The API server rejects it. Set the size.",
            ru: 'В заявке пустой `resources.requests.storage` — нулевой размер. API-сервер её не примет. Укажите размер.',
          }
        : {
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
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', 'StatefulSet'],
  fixable: true,
  title: {
    en: "A claim's storage limit is below its request",
    ru: 'Лимит ёмкости заявки меньше запроса',
  },
  docs: {
    en: 'Kubernetes neither checks nor uses `resources.limits.storage` on a claim: the API server accepts any limit (`ValidatePersistentVolumeClaimSpec` reads only the request), the PV controller binds by the request, and the CSI provisioner sizes a new volume from the request alone. A limit below the request caps nothing, and whoever reads the manifest takes the volume for smaller than it is. Remove the limit, or raise it to the request.',
    ru: 'Kubernetes не проверяет и не использует `resources.limits.storage` у заявки: API-сервер принимает любой лимит (`ValidatePersistentVolumeClaimSpec` смотрит только на запрос), контроллер PV привязывает по запросу, а CSI-провижинер выделяет новый том только по запросу. Лимит меньше запроса ничего не ограничивает, а тот, кто читает манифест, решит, что том меньше, чем он есть. Уберите лимит или поднимите его до запроса.',
  },
  check(object, data, ctx) {
    for (const { value: resources, path } of claimSpecFields(object.kind, data, 'resources')) {
      const request = parseQuantity(get(resources, ['requests', 'storage']));
      const limit = parseQuantity(get(resources, ['limits', 'storage']));
      if (request === undefined || limit === undefined || limit >= request) continue;
      const limitPath = [...path, 'limits', 'storage'];
      ctx.report(
        limitPath,
        localize(
          {
            en: "The limit ({limit}) is below the request ({request}). Kubernetes ignores a claim's limit: the volume gets the request, and the limit caps nothing. Remove the limit or raise it to the request.",
            ru: 'Лимит ({limit}) меньше запроса ({request}). Kubernetes не учитывает лимит заявки: том получит запрошенный размер, а лимит ничего не ограничит. Уберите лимит или поднимите его до запроса.',
          },
          { limit: describeBytes(limit).binary, request: describeBytes(request).binary },
        ),
        {
          fix: () =>
            fixes(
              removeFieldFix(
                object,
                onlyStorageLimit(resources) ? limitPath.slice(0, -1) : limitPath,
                {
                  en: 'Remove the limit',
                  ru: 'Убрать лимит',
                },
              ),
              replaceFix(object, limitPath, scalarText(get(resources, ['requests', 'storage'])), {
                en: 'Raise the limit to the request',
                ru: 'Поднять лимит до запроса',
              })(),
            ),
        },
      );
    }
  },
};

/** `limits` holds only `storage`: removing the limit removes `limits` (no empty map left). */
function onlyStorageLimit(resources: unknown): boolean {
  const limits = get(resources, ['limits']);
  return limits !== null && typeof limits === 'object' && Object.keys(limits).length === 1;
}

const ONE_MIB = 1024 * 1024;

const pluralRules = { en: new Intl.PluralRules('en'), ru: new Intl.PluralRules('ru') };
const BYTE_WORDS: Record<Lang, Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }> = {
  en: { one: 'byte', other: 'bytes' },
  ru: { one: 'байт', few: 'байта', many: 'байт', other: 'байта' },
};

/** `0.5 bytes` / `0,5 байта`, `1,000 bytes` / `1 000 байт`: a count of bytes in each language. */
function byteCount(bytes: number): LocalizedText {
  const text = (lang: Lang): string => {
    const words = BYTE_WORDS[lang];
    const word = words[pluralRules[lang].select(bytes)] ?? words.other;
    return `${formatNumber(bytes, lang, 6)} ${word}`;
  };
  return { en: text('en'), ru: text('ru') };
}

/** The value at `path` as the manifest writes it: `1e6`, not the number YAML reads from it. */
function writtenText(object: IndexedObject, path: YamlPath, value: unknown): string {
  const node = nodesAtPath(object.document.doc, path)?.value;
  return isScalar(node) && typeof node.source === 'string' ? node.source : String(value);
}

/** What a tiny size's message says, by how it is written (quantity.ts reads the suffix). */
const tinySizeMessages: Record<'bare' | 'milli' | 'kilo' | 'unit' | 'number', LocalizedText> = {
  // `10`, `1.5`: a plain number, which counts bytes.
  bare: {
    en: '`{value}` is only {bytes}: a number without a unit counts bytes. Did you mean `{first}`?',
    ru: '`{value}` — всего {bytes}: число без единицы измерения считается в байтах. Может быть, имелось в виду `{first}`?',
  },
  // `500m`: milli, a thousandth.
  milli: {
    en: '`{value}` is only {bytes}: `m` means milli (a thousandth), a suffix for CPU, not for sizes. Did you mean `{first}` or `{second}`?',
    ru: '`{value}` — всего {bytes}: суффикс `m` означает «милли» (тысячную долю) и пишется для CPU, а не для размеров. Может быть, имелось в виду `{first}` или `{second}`?',
  },
  // `1k`: kilo, a thousand bytes.
  kilo: {
    en: '`{value}` is only {bytes}: `k` means kilo, a thousand bytes. Volumes are sized in `Mi` or `Gi`: check the unit.',
    ru: '`{value}` — всего {bytes}: суффикс `k` означает «кило», тысячу байт. Размер тома указывают в `Mi` или `Gi` — проверьте единицу измерения.',
  },
  // `512Ki`, `0.5Mi`, `1M`: a unit chosen, and still less than one mebibyte.
  unit: {
    en: '`{value}` is only {bytes}, less than one mebibyte: too small for a volume. Check the unit.',
    ru: '`{value}` — всего {bytes}, меньше одного мебибайта: для тома это слишком мало. Проверьте единицу измерения.',
  },
  // `1e6`, or a YAML number that is no quantity as written (`0x10`): bytes as well.
  number: {
    en: '`{value}` is only {bytes}: a number without a unit counts bytes. Volumes are sized in `Mi` or `Gi`: write the unit you mean.',
    ru: '`{value}` — всего {bytes}: число без единицы измерения считается в байтах. Размер тома указывают в `Mi` или `Gi` — допишите нужную единицу.',
  },
};

function tinySizeKind(written: string): keyof typeof tinySizeMessages {
  const suffix = quantityParts(written)?.suffix;
  if (suffix === undefined || /^[eE]/.test(suffix)) return 'number';
  if (suffix === '') return 'bare';
  if (suffix === 'm') return 'milli';
  if (suffix === 'k') return 'kilo';
  return 'unit';
}

export const storageSizeWithoutUnit: Rule = {
  id: 'storage-size-without-unit',
  family: 'volumes',
  severity: 'warning',
  kinds: ['PersistentVolumeClaim', 'PersistentVolume', 'StatefulSet'],
  fixable: true,
  title: {
    en: 'A storage size is tiny: a missing or mistaken unit',
    ru: 'Подозрительно маленький размер: забыта или перепутана единица',
  },
  docs: {
    en: 'A quantity without a unit counts bytes: `storage: 10` is ten bytes, not ten gigabytes. A suffix can be just as wrong: `m` is milli, so `storage: 500m` is half a byte (megabytes are a capital `M`), and `k` is a thousand bytes. Sizes below 1Mi are almost always a missing or mistaken unit. Write the unit you mean (the quick fix appends `Gi` to a bare number and turns `m` into `Mi` or `M`).',
    ru: 'Количество без единицы измерения — это байты: `storage: 10` — десять байт, а не гигабайт. Суффикс тоже бывает не тот: `m` означает «милли», и `storage: 500m` — полбайта (мегабайты пишутся заглавной `M`), а `k` — тысяча байт. Размеры меньше 1Mi почти всегда означают забытую или перепутанную единицу. Укажите нужную единицу (быстрое исправление допишет `Gi` к числу без единицы, а `m` заменит на `Mi` или `M`).',
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
      const written = writtenText(object, path, value);
      const corrections = tinySizeCorrections(written);
      const kind = tinySizeKind(written);
      // A bare number or `m` without a valid correction (`+10`) gets the message of a number.
      const message =
        (kind === 'bare' && corrections.length < 1) || (kind === 'milli' && corrections.length < 2)
          ? tinySizeMessages.number
          : tinySizeMessages[kind];
      ctx.report(
        path,
        localize(message, {
          value: written,
          bytes: byteCount(bytes),
          first: corrections[0] ?? '',
          second: corrections[1] ?? '',
        }),
        corrections.length
          ? {
              fix: () =>
                corrections.flatMap(
                  (q) =>
                    replaceFix(object, path, q, {
                      en: `Change to \`${q}\``,
                      ru: `Заменить на \`${q}\``,
                    })() ?? [],
                ),
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
