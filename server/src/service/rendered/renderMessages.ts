/**
 * Messages of rendering a chart with helm and of the findings on what it renders, both languages
 * side by side. Helm's own text (`{detail}`) is quoted as helm printed it.
 */
import type { LocalizedText } from '../types';

export const renderMessages = {
  untrusted: {
    en: 'The workspace is not trusted, so helm is not run and what this chart creates is not checked. Trust the workspace to check the rendered chart.',
    ru: 'Рабочей области нет доверия, поэтому helm не запускается и то, что создаст этот чарт, не проверяется. Доверьтесь рабочей области, чтобы проверять отрендеренный чарт.',
  },
  missing: {
    en: 'helm was not found (`{path}`), so what this chart creates is not checked. Install Helm 3 or 4, or give its path: `kubeStorage.helm.path` in the editor, `--helm` on the command line.',
    ru: 'helm не найден (`{path}`), поэтому то, что создаст этот чарт, не проверяется. Установите Helm 3 или 4 либо укажите путь к нему: `kubeStorage.helm.path` в редакторе, `--helm` в командной строке.',
  },
  timeout: {
    en: '`helm template` did not finish in {ms} ms and was stopped; the rendered chart is not checked.',
    ru: '`helm template` не уложился в {ms} мс и был остановлен; отрендеренный чарт не проверяется.',
  },
  tooLarge: {
    en: '`helm template` printed more than {limit}; the rendered chart is not checked.',
    ru: '`helm template` выдал больше {limit}; отрендеренный чарт не проверяется.',
  },
  notLocal: {
    en: 'The chart `{chart}` is not a local folder or .tgz, so it is not rendered: kube-storage never downloads charts.',
    ru: 'Чарт `{chart}` — не локальная папка и не .tgz, поэтому он не рендерится: kube-storage никогда не скачивает чарты.',
  },
  missingDependency: {
    en: 'The chart depends on {deps}, which is missing from its `charts/` folder. Run `helm dependency build` in the chart folder (kube-storage never downloads charts). Helm says: {detail}',
    ru: 'Чарт зависит от {deps}, а в его папке `charts/` этого нет. Выполните `helm dependency build` в папке чарта (kube-storage никогда не скачивает чарты). Сообщение helm: {detail}',
  },
  missingDependencies: {
    en: 'The chart depends on {deps}, which are missing from its `charts/` folder. Run `helm dependency build` in the chart folder (kube-storage never downloads charts). Helm says: {detail}',
    ru: 'Чарт зависит от {deps}, а в его папке `charts/` их нет. Выполните `helm dependency build` в папке чарта (kube-storage никогда не скачивает чарты). Сообщение helm: {detail}',
  },
  failedAt: {
    en: '`helm template` failed in `{template}`, line {line}: {detail}',
    ru: '`helm template` завершился с ошибкой в `{template}`, строка {line}: {detail}',
  },
  failedAtValue: {
    en: '`helm template` failed on the value `{value}` (used in `{template}`, line {line}): {detail}',
    ru: '`helm template` завершился с ошибкой на значении `{value}` (используется в `{template}`, строка {line}): {detail}',
  },
  failedValues: {
    en: 'helm cannot read the values file {file}: {detail}',
    ru: 'helm не может прочитать файл значений {file}: {detail}',
  },
  offlineLookup: {
    en: ' The chart looks objects up in the cluster (`lookup`), and `helm template` renders without a cluster, where `lookup` finds nothing: a check that depends on an object in the cluster fails here even if the object exists there.',
    ru: ' Чарт ищет объекты в кластере (`lookup`), а `helm template` рендерит без обращения к кластеру, и `lookup` ничего не находит: проверка, которая зависит от объекта в кластере, здесь не проходит, даже если в кластере этот объект есть.',
  },
  offlineLookupSwitch: {
    en: ' The chart has a switch for this: `--set {set}`.',
    ru: ' В чарте для этого есть переключатель: `--set {set}`.',
  },
  remoteSchemaSkipped: {
    en: 'The values schema (`values.schema.json`) of the chart or of a subchart refers to `{url}`, which helm downloads to validate the values. kube-storage runs helm without network access, so the chart was rendered with `--skip-schema-validation`: what it creates is checked, but the values were not validated against that schema (`helm template` or `helm install` with network access validates them).',
    ru: 'Схема значений (`values.schema.json`) чарта или дочернего чарта ссылается на `{url}`, и helm скачивает эту схему, чтобы проверить значения. kube-storage запускает helm без доступа к сети, поэтому чарт отрендерен с `--skip-schema-validation`: то, что он создаст, проверено, а значения по этой схеме — нет (их проверит `helm template` или `helm install` с доступом к сети).',
  },
  failed: {
    en: '`helm template` failed: {detail}',
    ru: '`helm template` завершился ошибкой: {detail}',
  },
  tracedTemplate: {
    en: '`{template}`, line {line}',
    ru: '`{template}`, строка {line}',
  },
  tracedTemplateNoLine: {
    en: '`{template}`',
    ru: '`{template}`',
  },
  tracedValue: {
    en: 'value `{value}` ({file}, line {line})',
    ru: 'значение `{value}` ({file}, строка {line})',
  },
  tracedSet: {
    en: 'value `{value}` (`--set {pair}`)',
    ru: 'значение `{value}` (`--set {pair}`)',
  },
  tracedObjects: {
    en: '{first} and {count} more objects',
    ru: '{first} и ещё объектов: {count}',
  },
  tracedOneMoreObject: {
    en: '{first} and one more object',
    ru: '{first} и ещё один объект',
  },
  traced: {
    en: 'In the rendered chart ({object}; {where}): {message}',
    ru: 'В отрендеренном чарте ({object}; {where}): {message}',
  },
} satisfies Record<string, LocalizedText>;
