/** Messages of navigation and rename, both languages side by side. */
import type { LocalizedText } from '../types';

export const navigationMessages = {
  notRenamable: {
    en: 'Only names that link objects can be renamed here: a claim, a volume, a StorageClass or VolumeAttributesClass, a Service, a ConfigMap or a Secret.',
    ru: 'Здесь переименовываются только имена, которые связывают объекты: заявка, том, класс хранилища или класс атрибутов тома, сервис, ConfigMap или Secret.',
  },
  inTemplate: {
    en: 'This name is in a Helm template; rename it in the chart values instead.',
    ru: 'Это имя из шаблона Helm: переименуйте его в файле значений (values) чарта.',
  },
  badLabel: {
    en: '`{name}` is not a valid name here: use at most 63 lowercase letters, digits and `-`, starting and ending with a letter or digit.',
    ru: '`{name}` не годится как имя: нужно не больше 63 символов — строчные латинские буквы, цифры и `-`, в начале и в конце буква или цифра.',
  },
  badSubdomain: {
    en: '`{name}` is not a valid object name: use lowercase letters, digits, `-` and `.`, starting and ending with a letter or digit (at most 253 characters).',
    ru: '`{name}` не годится как имя объекта: нужны строчные латинские буквы, цифры, `-` и `.`, в начале и в конце буква или цифра (не больше 253 символов).',
  },
} satisfies Record<string, LocalizedText>;
