/** Errors of reading a chart from disk or from a packaged archive, in both languages. */
import type { LocalizedText } from '../../service';
import { formatSize } from '../../service/i18n/numbers';

export const chartSourceMessages = {
  notFound: {
    en: 'No such file or folder: {path}',
    ru: 'Нет такого файла или папки: {path}',
  },
  notAChart: {
    en: '{path} is not a Helm chart: there is no Chart.yaml in it.',
    ru: '{path} — не Helm-чарт: в нём нет Chart.yaml.',
  },
  archiveNoChart: {
    en: 'The archive holds no chart: no `<name>/Chart.yaml` entry.',
    ru: 'В архиве нет чарта: не найден файл `<имя>/Chart.yaml`.',
  },
  notGzip: {
    en: 'This is not a packaged chart: a .tgz must be a gzip-compressed tar archive.',
    ru: 'Это не упакованный чарт: .tgz должен быть tar-архивом, сжатым gzip.',
  },
  badArchive: {
    en: 'The archive is damaged and cannot be read: {detail}',
    ru: 'Архив повреждён, прочитать его нельзя: {detail}',
  },
  archiveTooLarge: {
    en: 'The archive is larger than {limit}; it was not opened.',
    ru: 'Архив больше {limit}, открывать его не стали.',
  },
  unpackedTooLarge: {
    en: 'The archive unpacks to more than {limit}; reading stopped. This may be a decompression bomb.',
    ru: 'Архив распаковывается больше чем в {limit}; чтение остановлено. Похоже на «архивную бомбу».',
  },
  tooManyEntries: {
    en: 'The archive has more than {limit} entries; reading stopped.',
    ru: 'В архиве больше {limit} записей; чтение остановлено.',
  },
  entryTooLarge: {
    en: 'The archive entry `{name}` is larger than {limit}; reading stopped.',
    ru: 'Запись архива `{name}` больше {limit}; чтение остановлено.',
  },
  unsafePath: {
    en: 'The archive entry `{name}` points outside the chart (absolute path or `..`); the archive was rejected.',
    ru: 'Запись архива `{name}` указывает за пределы чарта (абсолютный путь или `..`); архив отклонён.',
  },
  link: {
    en: 'The archive entry `{name}` is a link ({type}); charts must not contain links, the archive was rejected.',
    ru: 'Запись архива `{name}` — ссылка ({type}); в чарте ссылок быть не должно, архив отклонён.',
  },
  unsupportedEntry: {
    en: 'The archive entry `{name}` is of type `{type}`, which a chart never has; the archive was rejected.',
    ru: 'Запись архива `{name}` имеет тип `{type}`, какого в чарте не бывает; архив отклонён.',
  },
  folderTooLarge: {
    en: 'The chart folder has more than {limit} files or a file larger than {size}; reading stopped.',
    ru: 'В папке чарта больше {limit} файлов или есть файл больше {size}; чтение остановлено.',
  },
} satisfies Record<string, LocalizedText>;

export type ChartSourceCode = keyof typeof chartSourceMessages;

/** A chart that cannot be read; `text` holds the message in both languages. */
export class ChartSourceError extends Error {
  constructor(
    readonly code: ChartSourceCode,
    readonly text: LocalizedText,
  ) {
    super(text.en);
    this.name = 'ChartSourceError';
  }
}

/** A size limit in each language's units and number format (`64 MiB`, `64 МиБ`). */
export function formatBytes(n: number): LocalizedText {
  return { en: formatSize(n, 'en'), ru: formatSize(n, 'ru') };
}
