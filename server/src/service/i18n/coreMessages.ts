/**
 * Messages of the parser and schema checks. Each entry holds both languages side by side, so a
 * missing translation is a compile error rather than a runtime surprise.
 */
import type { LocalizedText } from '../types';

export const coreMessages = {
  yamlSyntax: {
    en: 'YAML syntax error: {detail}',
    ru: 'Ошибка синтаксиса YAML: {detail}',
  },
  duplicateKey: {
    en: 'Key `{key}` is repeated in this mapping: kubectl and Helm keep only its last value and silently drop the earlier one, and kustomize refuses the file.',
    ru: 'Ключ `{key}` в этом отображении повторяется: kubectl и Helm оставят только последнее значение, а предыдущее молча отбросят, kustomize же такой файл не примет.',
  },
  shallowContinuation: {
    en: 'The continuation lines of a {what} are not indented past its key. kubectl, Helm and kustomize read it as intended, but the YAML spec wants them indented, and strict parsers (such as the `yaml` npm package that many editors use) reject the file. Indent the continuation lines.',
    ru: 'Строки продолжения {what} не сдвинуты правее ключа. kubectl, Helm и kustomize прочитают значение как задумано, но спецификация YAML требует отступа, и строгие парсеры (например, npm-пакет `yaml`, на котором работают многие редакторы) файл не примут. Добавьте строкам продолжения отступ.',
  },
  shallowQuoted: { en: 'quoted value', ru: 'значения в кавычках' },
  shallowSequence: { en: '`[ ]` list', ru: 'списка `[ ]`' },
  shallowMapping: { en: '`{ }` mapping', ru: 'отображения `{ }`' },
  laterToolTemplate: {
    en: 'A template for another tool: the line `{line}` is a substitution, and the document becomes YAML only once that tool (envsubst, Flux, kustomize, a Go template) replaces it. YAML syntax errors on its substitution lines are not reported; check the file that tool produces.',
    ru: 'Шаблон для другого инструмента: строка `{line}` — подстановка, и YAML получится только после того, как инструмент (envsubst, Flux, Kustomize, шаблон Go) её заменит. Ошибки синтаксиса YAML в строках с подстановками не выводятся; проверяйте файл, который выдаст инструмент.',
  },
  laterToolSubstitution: {
    en: 'A template for another tool: `{text}` is a substitution, and the document becomes YAML only once that tool (envsubst, Flux, kustomize, a Go template) replaces it. YAML syntax errors inside its substitutions are not reported; check the file that tool produces.',
    ru: 'Шаблон для другого инструмента: `{text}` — подстановка, и YAML получится только после того, как инструмент (envsubst, Flux, Kustomize, шаблон Go) её заменит. Ошибки синтаксиса YAML внутри подстановок не выводятся; проверяйте файл, который выдаст инструмент.',
  },
  laterToolValue: {
    en: 'A template for another tool: the value starts with the substitution `{text}` (envsubst, kustomize, k3s, a Go template such as the addons of minikube), and the document becomes YAML only once that tool replaces it. The YAML syntax errors it causes, on this line and after it, are not reported; check the file that tool produces.',
    ru: 'Шаблон для другого инструмента: значение начинается с подстановки `{text}` (envsubst, Kustomize, k3s, шаблон Go, как в дополнениях minikube), и YAML получится только после того, как инструмент её заменит. Ошибки синтаксиса YAML, которые она вызывает в этой строке и ниже, не выводятся; проверяйте файл, который выдаст инструмент.',
  },
  printfPlaceholder: {
    en: "A template for another program: `{text}` is a printf placeholder (Go's `fmt.Sprintf`, as in end-to-end tests), and the document becomes YAML only once that program fills it in. YAML syntax errors at its placeholders are not reported; check the manifest the program produces.",
    ru: 'Шаблон для другой программы: `{text}` — спецификатор формата printf (`fmt.Sprintf` в Go, как в e2e-тестах), и YAML получится только после того, как программа подставит вместо него значение. Ошибки синтаксиса YAML на месте таких спецификаторов не выводятся; проверяйте манифест, который выдаст программа.',
  },
  unknownTagScalar: {
    en: 'Kubernetes does not know the tag `{tag}` and ignores it: the value is read as the text `{text}`.',
    ru: 'Тег `{tag}` Kubernetes не знает и пропускает: значение читается как текст `{text}`.',
  },
  unknownTagCollection: {
    en: 'Kubernetes does not know the tag `{tag}` and ignores it: the value is read as if it had no tag.',
    ru: 'Тег `{tag}` Kubernetes не знает и пропускает: значение читается так, будто тега нет.',
  },
  aliasBomb: {
    en: 'The document expands too many aliases (more than {max}); it was not checked. This looks like a YAML bomb.',
    ru: 'Документ раскрывает слишком много алиасов (больше {max}) и поэтому не проверялся. Похоже на YAML-бомбу.',
  },
  unresolvedAlias: {
    en: 'the alias `*{name}` refers to an anchor `&{name}` that is not defined before it',
    ru: 'алиас `*{name}` ссылается на якорь `&{name}`, который не объявлен выше',
  },
  nestingTooDeep: {
    en: 'Lists and mappings here nest more than {max} levels deep, so the document was not read or checked. Real manifests never nest like this; it looks like a YAML bomb or a broken generator.',
    ru: 'Списки и отображения здесь вложены глубже {max} уровней, поэтому документ не разбирался и не проверялся. В настоящих манифестах такой вложенности не бывает: похоже на YAML-бомбу или сломанный генератор.',
  },
  missingApiVersion: {
    en: 'This object has `kind` but no `apiVersion`; the API server rejects it.',
    ru: 'У объекта есть `kind`, но нет `apiVersion`: API-сервер его не примет.',
  },
  miscasedKey: {
    en: '`{written}` is not `{key}`: keys are case-sensitive, so this object has no `{key}` and the API server rejects it. Write `{key}`.',
    ru: '`{written}` — не `{key}`: регистр в ключах важен, так что `{key}` у объекта нет и API-сервер его не примет. Напишите `{key}`.',
  },
  missingKind: {
    en: 'This object has `apiVersion` but no `kind`; the API server rejects it.',
    ru: 'У объекта есть `apiVersion`, но нет `kind`: API-сервер его не примет.',
  },
  unknownApiVersion: {
    en: '{kind} is not served as `{apiVersion}` in Kubernetes {k8s}. Use {expected}.',
    ru: 'Kubernetes {k8s} не предоставляет {kind} в версии `{apiVersion}`. Используйте {expected}.',
  },
  unknownSnapshotApiVersion: {
    en: '{kind} is not served as `{apiVersion}` by the CSI snapshot CRDs (external-snapshotter 6.0 and later serve only `v1`). Use {expected}.',
    ru: 'CRD снимков томов CSI не предоставляют {kind} в версии `{apiVersion}`: начиная с external-snapshotter 6.0 они предоставляют только `v1`. Используйте {expected}.',
  },
  unknownKind: {
    en: 'Kubernetes {k8s} has no kind `{kind}` in `{apiVersion}`.',
    ru: 'В Kubernetes {k8s} нет вида объектов `{kind}` в `{apiVersion}`.',
  },
  removedKind: {
    en: '`{kind}` was removed in Kubernetes {removedIn}: Kubernetes {k8s} does not serve it in `{apiVersion}` or anywhere else. ',
    ru: '`{kind}` убрали в Kubernetes {removedIn}: Kubernetes {k8s} не предоставляет его ни в `{apiVersion}`, ни в другой версии. ',
  },
  didYouMean: {
    en: ' Did you mean `{suggestion}`?',
    ru: ' Возможно, имелось в виду `{suggestion}`?',
  },
  unknownField: {
    en: 'Unknown field `{field}` in {type}; the API server rejects it (or drops it without strict validation).',
    ru: 'Неизвестное поле `{field}` в {type}: API-сервер его отклонит (или молча отбросит без строгой проверки).',
  },
  unknownPatchField: {
    en: 'Unknown field `{field}` in {type}: kustomize merges it into the object, and the API server then rejects it (or drops it without strict validation).',
    ru: 'Неизвестное поле `{field}` в {type}: kustomize добавит его в объект, а API-сервер потом его отклонит (или молча отбросит без строгой проверки).',
  },
  missingRequired: {
    en: 'Required field `{field}` is missing in {type}.',
    ru: 'В {type} не хватает обязательного поля `{field}`.',
  },
  invalidType: {
    en: '`{field}` must be {expected}, not {actual}.',
    ru: '`{field}`: ожидается {expected}, а здесь {actual}.',
  },
  quoteIt: {
    en: ' Put the value in quotes: `{quoted}`.',
    ru: ' Возьмите значение в кавычки: `{quoted}`.',
  },
  fillInValue: {
    en: ' `{value}` looks like a placeholder: put the real value there before applying the file.',
    ru: ' `{value}` похоже на заготовку: подставьте настоящее значение перед применением файла.',
  },
  emptyString: {
    en: '`{field}` may not be an empty string: leave the field out instead. The API server rejects `""` here.',
    ru: '`{field}` не может быть пустой строкой: лучше не указывать поле вовсе. API-сервер не примет здесь `""`.',
  },
  patchDirectiveValue: {
    en: '`{value}` is not a patch directive: kustomize accepts `$patch` with `replace`, `merge` or `delete` and refuses the patch otherwise.',
    ru: '`{value}` — не директива патча: kustomize понимает `$patch` только со значениями `replace`, `merge` и `delete`, а иначе патч не применит.',
  },
  invalidEnum: {
    en: '`{value}` is not a valid value of `{field}`. Allowed: {allowed}.',
    ru: '`{value}` — недопустимое значение `{field}`. Допустимые значения: {allowed}.',
  },
  invalidQuantity: {
    en: '`{value}` is not a Kubernetes quantity. Write a number with an optional suffix, no space and no `B`: 10Gi, 500Mi, 1G, 250m.',
    ru: '`{value}` — не количество в формате Kubernetes. Пишите число с необязательным суффиксом, без пробела и без `B`: 10Gi, 500Mi, 1G, 250m.',
  },
  invalidBase64: {
    en: 'The value of `{field}` must be base64-encoded (use `stringData` for plain text).',
    ru: 'Значение `{field}` должно быть в base64 (для обычного текста есть `stringData`).',
  },
  emptyDirNull: {
    en: '`emptyDir:` has no value. This works: Kubernetes turns a volume without a source into an empty `emptyDir`. Write `emptyDir: {}` to say so.',
    ru: 'У `emptyDir:` нет значения. Это работает: том без источника Kubernetes сам превращает в пустой `emptyDir`. Напишите `emptyDir: {}`, чтобы это было видно явно.',
  },
  podVolumeSourceNull: {
    en: '`{field}:` has no value, so volume `{volume}` has no source: Kubernetes turns it into an empty `emptyDir`, and nothing from `{field}` is mounted. Fill in `{field}`, or write `emptyDir: {}` if an empty directory is what you want.',
    ru: 'У `{field}:` нет значения, и у тома `{volume}` не остаётся источника: Kubernetes превратит его в пустой `emptyDir`, и из `{field}` ничего не смонтируется. Заполните `{field}` или напишите `emptyDir: {}`, если нужен именно пустой каталог.',
  },
  storageClassNull: {
    en: '`storageClassName:` has no value, so the claim has no class set, and the cluster\'s default StorageClass is given to it. For a claim without a class (bound to a pre-made volume), write `storageClassName: ""`; otherwise name the class or remove the key.',
    ru: 'У `storageClassName:` нет значения, то есть класс у заявки не задан, и она получит класс хранилища по умолчанию, заданный в кластере. Если заявке не нужен класс (она привязывается к заранее созданному тому), напишите `storageClassName: ""`; иначе укажите класс или уберите ключ.',
  },
  persistentVolumeSourceNull: {
    en: '`{field}:` has no value, so this PersistentVolume has no volume source; the API server rejects it ("must specify a volume type"). Fill in `{field}`.',
    ru: 'У `{field}:` нет значения, и у постоянного тома не остаётся источника: API-сервер его не примет («must specify a volume type»). Заполните `{field}`.',
  },
  schemaOther: {
    en: '`{field}`: {detail}',
    ru: '`{field}`: {detail}',
  },
  documentRoot: {
    en: 'the object',
    ru: 'объекте',
  },
} satisfies Record<string, LocalizedText>;

/** JSON types as people read them, for "must be X, not Y". */
export const typeNames: Record<string, LocalizedText> = {
  string: { en: 'a string', ru: 'строка' },
  integer: { en: 'an integer', ru: 'целое число' },
  number: { en: 'a number', ru: 'число' },
  boolean: { en: 'true or false', ru: 'логическое значение (true или false)' },
  array: { en: 'a list', ru: 'список' },
  object: { en: 'a mapping of fields', ru: 'набор полей (отображение)' },
  null: { en: 'an empty value', ru: 'пустое значение' },
};
