/** Messages about the limits that protect the editor: file size (see service/largeFile.ts). */
import type { LocalizedText } from '../types';

export const limitsMessages = {
  largeFile: {
    en: 'This file is large ({size}, the limit is {max}), so only YAML syntax is checked here: schema and storage checks, hover and completion are off for it. Raise `kubeStorage.maxFileSize` to check it fully.',
    ru: 'Файл большой ({size}, предел — {max}), поэтому здесь проверяется только синтаксис YAML: проверки по схеме и правила хранения, подсказки и автодополнение для него выключены. Чтобы проверять его полностью, увеличьте `kubeStorage.maxFileSize`.',
  },
} satisfies Record<string, LocalizedText>;
