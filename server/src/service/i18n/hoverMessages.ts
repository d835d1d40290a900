/** The fixed words of hover cards; the texts themselves live in `schemas/docs/`. */
import type { LocalizedText } from '../types';

export const hoverMessages = {
  required: { en: 'required', ru: 'обязательное' },
  optional: { en: 'optional', ru: 'необязательное' },
  requiredByApiServer: {
    en: 'required by the API server (optional in the schema)',
    ru: 'обязательное: его требует API-сервер (в схеме необязательное)',
  },
  requiredWhen: { en: 'required {when}', ru: 'обязательное {when}' },
  allowedValues: { en: 'Allowed values: {values}', ru: 'Допустимые значения: {values}' },
  docsLink: { en: 'Kubernetes docs', ru: 'Документация Kubernetes' },
  apiReference: { en: 'API reference', ru: 'Справочник API' },
  noText: {
    en: 'kube-storage has no text of its own for this field yet; see the API reference.',
    ru: 'Своего описания этого поля у kube-storage пока нет — смотрите справочник API.',
  },
  fromCrd: {
    en: 'From the CustomResourceDefinition:',
    ru: 'Описание из CustomResourceDefinition (на языке его авторов):',
  },
  valueOf: { en: 'value of {field}', ru: 'значение поля {field}' },
  entryOf: { en: 'key in {field}', ru: 'ключ в {field}' },
  notAllowed: {
    en: '`{value}` is not an allowed value of {field}.',
    ru: '`{value}` — недопустимое значение поля {field}.',
  },
  quantity: { en: 'quantity', ru: 'количество' },
  bytes: { en: '**{bytes}** bytes', ru: '**{bytes}** байт' },
  decimal: {
    en: '{value} in decimal units (powers of 1000)',
    ru: '{value} в десятичных единицах (степени 1000)',
  },
  binary: {
    en: '{value} in binary units (powers of 1024)',
    ru: '{value} в двоичных единицах (степени 1024)',
  },
  unitsNote: {
    en: '`Ki`, `Mi`, `Gi`, `Ti` are powers of 1024; `k`, `M`, `G`, `T` are powers of 1000: `1Gi` is about 7% more than `1G`.',
    ru: '`Ki`, `Mi`, `Gi`, `Ti` — степени 1024, а `k`, `M`, `G`, `T` — степени 1000: `1Gi` примерно на 7% больше, чем `1G`.',
  },
  cpu: { en: '**{cores}** CPU cores', ru: 'ядер CPU: **{cores}**' },
  invalidQuantity: {
    en: '`{value}` is not a Kubernetes quantity. Write a number with a suffix, such as `10Gi` or `500M` (not `10GB`).',
    ru: '`{value}` — не количество в формате Kubernetes. Пишите число с суффиксом, например `10Gi` или `500M` (а не `10GB`).',
  },
  apiGroup: {
    en: 'API group `{group}`, version `{version}`.',
    ru: 'Группа API `{group}`, версия `{version}`.',
  },
  coreGroup: {
    en: 'The core API group (no group name), version `{version}`.',
    ru: 'Основная группа API (без имени группы), версия `{version}`.',
  },
  servesKind: {
    en: '`{kind}` is served here.',
    ru: '`{kind}` есть в этой версии API.',
  },
  notServesKind: {
    en: '`{kind}` is not served as `{apiVersion}`; use {expected}.',
    ru: 'В `{apiVersion}` нет `{kind}`; используйте {expected}.',
  },
} satisfies Record<string, LocalizedText>;
