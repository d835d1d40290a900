/** Texts of the help inside templates (templateAssist.ts), in English and Russian. */
import type { LocalizedText } from '../types';

export const templateAssistMessages = {
  setInValuesFiles: {
    en: 'Set in the values files:',
    ru: 'Задано в файлах значений:',
  },
  definedIn: {
    en: 'Named template, defined in',
    ru: 'Именованный шаблон, определён в',
  },
  noDefine: {
    en: 'No `define` of this name in the chart.',
    ru: 'В чарте нет `define` с таким именем.',
  },
  notInValues: {
    en: "Not in the chart's values.yaml.",
    ru: 'Этого значения нет в values.yaml чарта.',
  },
} satisfies Record<string, LocalizedText>;
