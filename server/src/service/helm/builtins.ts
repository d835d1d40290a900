/**
 * Helm's built-in objects as templates see them (helm.sh/docs/chart_template_guide/builtin_objects):
 * `.Release`, `.Chart`, `.Capabilities`, `.Files`, `.Template`, `.Values`, `.Subcharts`, with
 * their fields, for completion and hover inside template actions.
 */
import type { LocalizedText } from '../types';

export interface BuiltinField {
  name: string;
  text: LocalizedText;
  /** A method (`.Files.Get "path"`) rather than a field. */
  method?: boolean;
  children?: BuiltinField[];
}

const f = (name: string, en: string, ru: string, children?: BuiltinField[]): BuiltinField => ({
  name,
  text: { en, ru },
  ...(children ? { children } : {}),
});
const method = (name: string, en: string, ru: string): BuiltinField => ({
  name,
  text: { en, ru },
  method: true,
});

export const BUILTIN_OBJECTS: readonly BuiltinField[] = [
  f(
    'Values',
    "The values: the chart's `values.yaml` merged with the user's values files and `--set`.",
    'Значения: `values.yaml` чарта, объединённый с файлами значений пользователя и `--set`.',
  ),
  f(
    'Release',
    'The release being installed or upgraded.',
    'Устанавливаемый или обновляемый релиз.',
    [
      f('Name', 'The release name.', 'Имя релиза.'),
      f(
        'Namespace',
        'The namespace the release is installed into (`--namespace`).',
        'Пространство имён, куда устанавливается релиз (`--namespace`).',
      ),
      f('IsInstall', '`true` when this is an install.', '`true`, когда это установка.'),
      f(
        'IsUpgrade',
        '`true` when this is an upgrade or a rollback.',
        '`true`, когда это обновление или откат.',
      ),
      f(
        'Revision',
        'The revision number: 1 on install, one more on each upgrade and rollback.',
        'Номер ревизии: 1 при установке, на единицу больше при каждом обновлении и откате.',
      ),
      f(
        'Service',
        'The service rendering the template: always `Helm`.',
        'Кто рендерит шаблон: всегда `Helm`.',
      ),
    ],
  ),
  f(
    'Chart',
    "The chart's `Chart.yaml`, its fields capitalized.",
    '`Chart.yaml` чарта, поля с заглавной буквы.',
    [
      f('Name', 'The chart name.', 'Имя чарта.'),
      f('Version', 'The chart version (SemVer).', 'Версия чарта (SemVer).'),
      f(
        'AppVersion',
        'The version of the application the chart installs.',
        'Версия приложения, которое устанавливает чарт.',
      ),
      f('Description', "The chart's one-line description.", 'Однострочное описание чарта.'),
      f('Type', '`application` or `library`.', '`application` или `library`.'),
      f(
        'APIVersion',
        '`v2` for Helm 3 charts, `v1` before.',
        '`v2` для чартов Helm 3, `v1` для более старых.',
      ),
      f(
        'KubeVersion',
        'The Kubernetes versions the chart supports (a SemVer range).',
        'Версии Kubernetes, которые поддерживает чарт (диапазон SemVer).',
      ),
      f('Home', "The project's home page URL.", 'Адрес домашней страницы проекта.'),
      f('Icon', 'The URL of an icon.', 'Адрес значка.'),
      f('Sources', 'URLs of the source code.', 'Адреса исходного кода.'),
      f('Keywords', 'Keywords of the chart.', 'Ключевые слова чарта.'),
      f('Maintainers', 'The maintainers (name, email, url).', 'Сопровождающие (name, email, url).'),
      f('Annotations', "The chart's annotations.", 'Аннотации чарта.'),
      f(
        'Dependencies',
        'The charts this chart depends on.',
        'Чарты, от которых зависит этот чарт.',
      ),
      f('Deprecated', '`true` when the chart is deprecated.', '`true`, если чарт устарел.'),
    ],
  ),
  f(
    'Capabilities',
    'What the cluster supports; with `helm template`, the defaults of helm (no cluster is asked).',
    'Что поддерживает кластер; при `helm template` — значения helm по умолчанию (кластер не опрашивается).',
    [
      f('KubeVersion', 'The Kubernetes version.', 'Версия Kubernetes.', [
        f('Version', 'The version, e.g. `v1.33.0`.', 'Версия, например `v1.33.0`.'),
        f('Major', 'The major version.', 'Старший номер версии.'),
        f('Minor', 'The minor version.', 'Младший номер версии.'),
        f('GitVersion', 'The version as Git describes it.', 'Версия в виде, как её описывает Git.'),
      ]),
      f(
        'APIVersions',
        'The API versions the cluster serves; `.Has "apps/v1"` tests one.',
        'Версии API, которые предоставляет кластер; `.Has "apps/v1"` проверяет одну.',
        [
          method(
            'Has',
            'True when the cluster serves this API version or `group/version/Kind`.',
            'Истина, если кластер предоставляет эту версию API или `group/version/Kind`.',
          ),
        ],
      ),
      f('HelmVersion', 'The version of helm.', 'Версия helm.', [
        f('Version', 'The helm version, e.g. `v3.18.0`.', 'Версия helm, например `v3.18.0`.'),
        f('GitCommit', 'The Git commit of helm.', 'Коммит Git, из которого собран helm.'),
        f(
          'GitTreeState',
          'The Git tree state of the helm build.',
          'Состояние дерева Git при сборке helm.',
        ),
        f('GoVersion', 'The Go version helm was built with.', 'Версия Go, которой собран helm.'),
      ]),
    ],
  ),
  f(
    'Files',
    "The chart's other files (not templates, not values).",
    'Прочие файлы чарта (не шаблоны и не значения).',
    [
      method(
        'Get',
        'The text of a file: `.Files.Get "config.ini"`.',
        'Текст файла: `.Files.Get "config.ini"`.',
      ),
      method('GetBytes', 'The bytes of a file.', 'Содержимое файла в байтах.'),
      method(
        'Glob',
        'The files whose names match a pattern.',
        'Файлы, имена которых подходят под шаблон.',
      ),
      method('Lines', 'The lines of a file, for `range`.', 'Строки файла, для `range`.'),
      method(
        'AsConfig',
        'The files as ConfigMap `data`.',
        'Файлы в виде `data` объекта ConfigMap.',
      ),
      method(
        'AsSecrets',
        'The files as Secret `data`, in Base64.',
        'Файлы в виде `data` объекта Secret, в Base64.',
      ),
    ],
  ),
  f('Template', 'The template being rendered.', 'Шаблон, который рендерится.', [
    f('Name', 'Its path: `mychart/templates/pvc.yaml`.', 'Его путь: `mychart/templates/pvc.yaml`.'),
    f(
      'BasePath',
      "The chart's templates folder: `mychart/templates`.",
      'Папка шаблонов чарта: `mychart/templates`.',
    ),
  ]),
  f(
    'Subcharts',
    'The subcharts, by name: their `.Values`, `.Chart` and the rest.',
    'Дочерние чарты (subcharts) по имени: их `.Values`, `.Chart` и остальное.',
  ),
];

/** The built-in field at a path (`['Release', 'Name']`), if Helm has one. */
export function builtinAt(path: readonly string[]): BuiltinField | undefined {
  let level: readonly BuiltinField[] | undefined = BUILTIN_OBJECTS;
  let found: BuiltinField | undefined;
  for (const name of path) {
    found = level?.find((b) => b.name === name);
    if (!found) return undefined;
    level = found.children;
  }
  return found;
}

/** The fields under a built-in path (`[]` gives the objects themselves). */
export function builtinChildren(path: readonly string[]): readonly BuiltinField[] {
  if (!path.length) return BUILTIN_OBJECTS;
  return builtinAt(path)?.children ?? [];
}
