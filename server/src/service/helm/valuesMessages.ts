/**
 * Messages of the Helm values model and the values-file checks, both languages side by side.
 * Terms follow the team glossary: «файл значений», «чарт», «класс хранилища», «заявка на том».
 */
import type { LocalizedText } from '../types';
import type { StorageKind, ValueType } from './types';

export const helmMessages = {
  valuesSyntax: {
    en: "The chart's values.yaml has a YAML error: {detail}",
    ru: 'В values.yaml чарта ошибка YAML: {detail}',
  },
  valuesDocumentNotMap: {
    en: "The chart's values.yaml has a `---` document that is not a mapping of keys (line {line}); Helm merges the documents in order and refuses to load the chart over this one.",
    ru: 'В values.yaml чарта документ (`---`) в строке {line} — не набор ключей (отображение): Helm сливает документы по порядку и из-за этого документа не загрузит чарт.',
  },
  valuesTooDeep: {
    en: "The chart's values.yaml nests more than {max} levels deep; it was not read (no real chart does that, so the file is likely damaged or hostile).",
    ru: 'В values.yaml чарта вложенность глубже {max} уровней, поэтому файл не прочитан (у настоящих чартов так не бывает: файл, скорее всего, испорчен или вредоносный).',
  },
  schemaUnreadable: {
    en: "The chart's values.schema.json cannot be used: {detail}",
    ru: 'values.schema.json чарта использовать нельзя: {detail}',
  },
  overrideSyntax: {
    en: 'YAML syntax error: {detail}',
    ru: 'Ошибка синтаксиса YAML: {detail}',
  },
  overrideNotMap: {
    en: 'A values file must be a mapping of keys; Helm cannot merge this into the chart defaults.',
    ru: 'Файл значений должен быть набором ключей (отображением): иначе Helm не сможет слить его со значениями чарта.',
  },
  overrideDocumentNotMap: {
    en: 'Each `---` document of a values file must be a mapping of keys: Helm merges the documents in order and refuses the whole file over this one.',
    ru: 'Каждый документ (`---`) файла значений должен быть набором ключей (отображением): Helm сливает документы по порядку и из-за этого документа отклонит файл целиком.',
  },
  unknownKey: {
    en: 'The chart `{chart}` has no value `{path}`; Helm ignores it silently.',
    ru: 'В чарте `{chart}` нет значения `{path}`: Helm его молча проигнорирует.',
  },
  didYouMean: {
    en: ' Did you mean `{suggestion}`?',
    ru: ' Возможно, имелось в виду `{suggestion}`?',
  },
  singularAccessMode: {
    en: 'This chart reads `{expected}` (one access mode as a string, e.g. `ReadWriteOnce`), not `{actual}`; the list is ignored and the default access mode is used.',
    ru: 'Этот чарт читает `{expected}` (один режим доступа строкой, например `ReadWriteOnce`), а не `{actual}`: список будет проигнорирован, останется режим доступа по умолчанию.',
  },
  pluralAccessModes: {
    en: 'This chart reads `{expected}` (a list of access modes, e.g. `[ReadWriteOnce]`), not `{actual}`; the value is ignored and the default access modes are used.',
    ru: 'Этот чарт читает `{expected}` (список режимов доступа, например `[ReadWriteOnce]`), а не `{actual}`: значение будет проигнорировано, останутся режимы доступа по умолчанию.',
  },
  typeMismatch: {
    en: '`{path}` is {expected} in the chart defaults, but here it is {actual}.',
    ru: '`{path}`: в значениях чарта по умолчанию это {expected}, а здесь — {actual}.',
  },
  schemaViolation: {
    en: '`{path}` does not match values.schema.json of the chart: {detail}',
    ru: '`{path}` не проходит проверку по values.schema.json чарта: {detail}',
  },
  schemaViolationRoot: {
    en: 'The merged values do not match values.schema.json of the chart: {detail}',
    ru: 'Итоговые значения не проходят проверку по values.schema.json чарта: {detail}',
  },
  storageClassDash: {
    en: '`{path}: "-"` makes the chart render `storageClassName: ""`: no dynamic provisioning, the claim binds only to an existing PersistentVolume without a class. Leave the key unset (or null) to use the default StorageClass of the cluster.',
    ru: '`{path}: "-"` превращается в `storageClassName: ""`: динамического выделения тома не будет, заявка привяжется только к уже созданному постоянному тому (PV) без класса. Чтобы взять класс хранилища по умолчанию, не задавайте ключ вовсе (или задайте null).',
  },
  storageClassDashLiteral: {
    en: 'The chart `{chart}` gives `{path}: "-"` no special meaning: it writes `-` into the claim as it is. Unquoted, that breaks the render (helm reports a YAML error); quoted, the claim gets `storageClassName: "-"`, which the API server rejects (a class name must be a DNS subdomain). To use the default StorageClass of the cluster, leave the key unset; otherwise name an existing class.',
    ru: 'Чарт `{chart}` не придаёт `{path}: "-"` особого смысла: `-` попадает в заявку как есть. Без кавычек это ломает рендеринг (helm сообщает об ошибке YAML), в кавычках заявка получает `storageClassName: "-"`, и API-сервер её отклоняет (имя класса должно быть DNS-поддоменом). Чтобы взять класс хранилища по умолчанию, не задавайте ключ вовсе; иначе укажите существующий класс.',
  },
  storageClassDashPartly: {
    en: 'The chart `{chart}` turns `{path}: "-"` into `storageClassName: ""` only in some of its templates: in {files}, nothing compares the value with `"-"`, and `-` goes into the claim as it is. There it breaks the render (helm reports a YAML error) or, quoted, gives the claim `storageClassName: "-"`, which the API server rejects. To use the default StorageClass of the cluster, leave the key unset; otherwise name an existing class.',
    ru: 'Чарт `{chart}` превращает `{path}: "-"` в `storageClassName: ""` не во всех своих шаблонах: в {files} значение не сравнивается с `"-"`, и `-` попадает в заявку как есть. Там это ломает рендеринг (helm сообщает об ошибке YAML), а если шаблон берёт значение в кавычки, заявка получает `storageClassName: "-"`, и API-сервер её отклоняет. Чтобы взять класс хранилища по умолчанию, не задавайте ключ вовсе; иначе укажите существующий класс.',
  },
  storageClassDashNull: {
    en: 'The chart `{chart}` does not turn `{path}: "-"` into `storageClassName: ""`: in {files}, `-` becomes an empty string printed without quotes, so the claim gets `storageClassName:` with no value, which YAML reads as null. A claim without a class gets the default StorageClass of the cluster and a dynamically provisioned volume, as if the key were unset. To bind the claim to a pre-made PersistentVolume, give the class of that volume.',
    ru: 'Чарт `{chart}` не превращает `{path}: "-"` в `storageClassName: ""`: в {files} из `-` получается пустая строка, и она выводится без кавычек, поэтому в заявке остаётся `storageClassName:` без значения, а YAML читает его как null. Заявка без класса получает класс хранилища кластера по умолчанию и динамически выделенный том, как если бы ключ не был задан. Чтобы привязать заявку к заранее созданному постоянному тому (PV), укажите класс этого тома.',
  },
  globalStorageClassDash: {
    en: '`{path}: "-"` makes the chart render `storageClassName: ""` on every claim that takes its class from this key, overriding the class the claim would get otherwise. No dynamic provisioning: those claims bind only to existing PersistentVolumes without a class. Subcharts that read `{path}` do the same. Leave the key unset (or null) so that each claim keeps its own StorageClass or gets the default one of the cluster.',
    ru: '`{path}: "-"` превращается в `storageClassName: ""` у каждой заявки, класс которой берётся из этого ключа, — вместо класса, который она получила бы без него. Динамического выделения тома не будет: такие заявки привяжутся только к уже созданным постоянным томам (PV) без класса. Подчарты, которые читают `{path}`, поступят так же. Чтобы каждая заявка осталась со своим классом хранилища или получила класс по умолчанию, не задавайте ключ вовсе (или задайте null).',
  },
  globalDefaultStorageClassDash: {
    en: '`{path}: "-"` makes the chart render `storageClassName: ""` on every claim that gets no class from `global.storageClass` or its own `storageClass`. No dynamic provisioning for those claims: they bind only to existing PersistentVolumes without a class. Subcharts that read `{path}` do the same. Leave the key empty so that such claims get the default StorageClass of the cluster.',
    ru: '`{path}: "-"` превращается в `storageClassName: ""` у каждой заявки, которая не получила класс ни из `global.storageClass`, ни из своего `storageClass`. Динамического выделения тома для таких заявок не будет: они привяжутся только к уже созданным постоянным томам (PV) без класса. Подчарты, которые читают `{path}`, поступят так же. Чтобы такие заявки получили класс хранилища по умолчанию, оставьте ключ пустым.',
  },
  invalidSize: {
    en: '`{path}` is a storage size, but `{value}` is not a Kubernetes quantity: the API server rejects a claim that asks for it. Write a number with an optional suffix, no space and no `B`: 10Gi, 500Mi, 1G.',
    ru: '`{path}` — размер хранилища, но `{value}` — не количество в формате Kubernetes: заявку с таким размером API-сервер отклонит. Пишите число с необязательным суффиксом, без пробела и без `B`: 10Gi, 500Mi, 1G.',
  },
  invalidSizeLimit: {
    en: '`{path}` is the size limit of an `emptyDir` volume, but `{value}` is not a Kubernetes quantity: the API server rejects a pod (or a Deployment, StatefulSet…) that sets it. Write a number with an optional suffix, no space and no `B`: 10Gi, 500Mi, 1G.',
    ru: '`{path}` — предел размера тома `emptyDir`, но `{value}` — не количество в формате Kubernetes: под (или Deployment, StatefulSet…) с таким пределом API-сервер отклонит. Пишите число с необязательным суффиксом, без пробела и без `B`: 10Gi, 500Mi, 1G.',
  },
  storageClassEmpty: {
    en: 'An empty `{path}` is usually treated by charts as unset: the claim gets the default StorageClass of the cluster. Use `"-"` to turn dynamic provisioning off.',
    ru: 'Пустой `{path}` чарты обычно считают незаданным: заявка получит класс хранилища по умолчанию. Чтобы отключить динамическое выделение тома, укажите `"-"`.',
  },
  storageClassEmptyDashNull: {
    en: 'An empty `{path}` is usually treated by charts as unset: the claim gets the default StorageClass of the cluster. In the chart `{chart}`, `"-"` does not turn dynamic provisioning off either: in {files}, the empty string made of `-` is printed without quotes, which YAML reads as null.',
    ru: 'Пустой `{path}` чарты обычно считают незаданным: заявка получит класс хранилища по умолчанию. В чарте `{chart}` динамическое выделение тома не отключить и значением `"-"`: в {files} пустая строка, полученная из `-`, выводится без кавычек, а YAML читает её как null.',
  },
  storageClassEmptyLiteral: {
    en: 'The chart `{chart}` writes `{path}` into the claim as it is and gives `"-"` no special meaning. Empty, the value leaves the claim\'s `storageClassName` empty: written without quotes, the claim has no class and gets the default StorageClass of the cluster; in quotes (`""`), dynamic provisioning is off and the claim waits for a matching PersistentVolume.',
    ru: 'Чарт `{chart}` записывает `{path}` в заявку как есть, и `"-"` для него ничего особого не значит. Пустое значение оставит `storageClassName` заявки пустым: без кавычек у заявки не будет класса и она получит класс хранилища по умолчанию; в кавычках (`""`) динамическое выделение тома отключено, и заявка ждёт подходящий постоянный том.',
  },
  persistenceDisabled: {
    en: 'Persistence is off: the chart creates no PersistentVolumeClaim for the data. Usually the data then lives in a volume that does not outlive the pod (an `emptyDir`) and is lost when the pod is deleted or moved to another node; some charts put it on the node (`hostPath`) or leave it in the container, where even a restart loses it.',
    ru: 'Постоянное хранение выключено: чарт не создаёт для данных заявку на том. Обычно данные тогда лежат в томе, который живёт не дольше пода (`emptyDir`), и пропадут, когда под удалят или перенесут на другой узел; некоторые чарты кладут их на узел (`hostPath`) или оставляют в контейнере, где их не переживёт даже перезапуск.',
  },
  quotedFalse: {
    en: '`{path}` is the string `"{value}"`, not a boolean: the chart tests it with `if`, and in a Go template any non-empty string is true, so this turns `{path}` on. Write it without quotes: `{suggestion}`.',
    ru: '`{path}` — строка `"{value}"`, а не логическое значение: чарт проверяет его в `if`, а в шаблоне Go любая непустая строка — истина, так что `{path}` на деле включён. Напишите без кавычек: `{suggestion}`.',
  },
  quotedTrue: {
    en: '`{path}` is the string `"{value}"`, not a boolean: the chart tests it with `if`, where it is true as meant, but only because any non-empty string is true — the string `"false"` would turn it on as well. Write it without quotes: `{suggestion}`.',
    ru: '`{path}` — строка `"{value}"`, а не логическое значение: чарт проверяет его в `if`, и проверка проходит, как и задумано, но лишь потому, что любая непустая строка — истина: строка `"false"` тоже включила бы его. Напишите без кавычек: `{suggestion}`.',
  },
} satisfies Record<string, LocalizedText>;

export const valueTypeNames: Record<ValueType, LocalizedText> = {
  string: { en: 'a string', ru: 'строка' },
  integer: { en: 'an integer', ru: 'целое число' },
  number: { en: 'a number', ru: 'число' },
  boolean: { en: 'a boolean', ru: 'логическое значение' },
  null: { en: 'null', ru: 'null' },
  object: { en: 'a mapping', ru: 'набор ключей (отображение)' },
  array: { en: 'a list', ru: 'список' },
};

/** Labels of hover and inspector sections. */
export const helmLabels = {
  default: { en: 'Default', ru: 'По умолчанию' },
  type: { en: 'Type', ru: 'Тип' },
  usedIn: { en: 'Used in', ru: 'Где используется' },
  notUsed: {
    en: 'No template of the chart reads this value directly.',
    ru: 'Ни один шаблон чарта не читает это значение напрямую.',
  },
  unsetDocumented: {
    en: 'Not set by default; the chart documents it as a commented-out example:',
    ru: 'По умолчанию не задано; чарт показывает его закомментированным примером:',
  },
  storage: { en: 'Storage', ru: 'Хранилище' },
  chartComment: { en: 'Chart comment', ru: 'Комментарий чарта' },
  schema: { en: 'Schema', ru: 'Схема' },
  more: { en: '…and {count} more', ru: '…и ещё {count}' },
} satisfies Record<string, LocalizedText>;

/** What each kind of storage value does, in words a Kubernetes engineer uses. */
export const storageExplanations: Record<StorageKind, LocalizedText> = {
  persistence: {
    en: 'Persistent storage settings of the chart: whether the app keeps its data on a PersistentVolumeClaim and what that claim asks for.',
    ru: 'Настройки постоянного хранения чарта: хранит ли приложение данные на заявке на том (PVC) и что эта заявка запрашивает.',
  },
  enabled: {
    en: 'Turns the persistent volume on or off. `false` usually means an `emptyDir`: the data is lost with the pod.',
    ru: 'Включает или выключает постоянный том. `false` обычно означает `emptyDir`: данные пропадут вместе с подом.',
  },
  storageClass: {
    en: 'The StorageClass of the claim. Set: `storageClassName: <value>`. `"-"`: `storageClassName: ""`, no dynamic provisioning, binds only to a PersistentVolume without a class. Unset, null or empty: no `storageClassName`, the default StorageClass of the cluster provisions the volume.',
    ru: 'Класс хранилища заявки. Задан: `storageClassName: <значение>`. `"-"`: `storageClassName: ""`, без динамического выделения тома, привязка только к постоянному тому (PV) без класса. Не задан, null или пусто: `storageClassName` не пишется, том выделит класс хранилища по умолчанию.',
  },
  size: {
    en: 'The storage request of the claim (`resources.requests.storage`), a Kubernetes quantity such as `8Gi`. Growing it later needs a StorageClass with `allowVolumeExpansion: true`; in a StatefulSet the claim template itself cannot be changed.',
    ru: 'Запрос ёмкости заявки (`resources.requests.storage`) — количество в формате Kubernetes, например `8Gi`. Увеличить его потом можно только с классом хранилища, где `allowVolumeExpansion: true`; шаблон заявки в StatefulSet изменить нельзя.',
  },
  sizeLimit: {
    en: 'The size limit of an `emptyDir` volume (`emptyDir.sizeLimit`), a Kubernetes quantity such as `1Gi`. When the pod writes more there, the kubelet evicts it.',
    ru: 'Предел размера тома `emptyDir` (`emptyDir.sizeLimit`) — количество в формате Kubernetes, например `1Gi`. Если под запишет туда больше, kubelet его вытеснит.',
  },
  accessMode: {
    en: 'One access mode as a string (`ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`); the chart puts it into `accessModes` as a one-item list. The singular key: `accessModes` here would be ignored.',
    ru: 'Один режим доступа строкой (`ReadWriteOnce`, `ReadOnlyMany`, `ReadWriteMany`, `ReadWriteOncePod`); чарт сам превратит его в список `accessModes` из одного элемента. Ключ в единственном числе: `accessModes` здесь будет проигнорирован.',
  },
  accessModes: {
    en: 'A list of access modes for the claim, e.g. `[ReadWriteOnce]`. The plural key: a singular `accessMode` here would be ignored.',
    ru: 'Список режимов доступа заявки, например `[ReadWriteOnce]`. Ключ во множественном числе: `accessMode` в единственном числе здесь будет проигнорирован.',
  },
  existingClaim: {
    en: 'The name of a PersistentVolumeClaim you created yourself; the chart then mounts it instead of creating a claim, and `size`/`storageClass` no longer apply.',
    ru: 'Имя заявки на том (PVC), созданной вами заранее: чарт смонтирует её вместо своей, а `size` и `storageClass` перестанут действовать.',
  },
  volumeClaimTemplates: {
    en: 'Claim templates of the StatefulSet: each replica gets its own claim named `<template>-<statefulset>-<ordinal>`. Claims stay after the StatefulSet is deleted.',
    ru: 'Шаблоны заявок StatefulSet: каждая реплика получает свою заявку с именем `<шаблон>-<statefulset>-<номер>`. После удаления StatefulSet заявки остаются.',
  },
  volumePermissions: {
    en: 'An init container that runs before the app and changes the owner of the mounted volume (`chown`) to the app user; needed when the storage does not honour `fsGroup`. It usually runs as root.',
    ru: 'init-контейнер, который запускается до приложения и меняет владельца смонтированного тома (`chown`) на пользователя приложения. Нужен, когда хранилище не учитывает `fsGroup`. Обычно работает от root.',
  },
  hostPath: {
    en: 'A directory on the node mounted into the pod (`hostPath`): the data stays on that one node, the pod must come back to it, and it bypasses PersistentVolumes entirely.',
    ru: 'Каталог на узле, смонтированный в под (`hostPath`): данные остаются на одном узле, под должен вернуться именно туда, а постоянные тома (PV) не участвуют вовсе.',
  },
  mountPath: {
    en: 'Where the volume is mounted inside the container (mount path).',
    ru: 'Точка монтирования тома внутри контейнера.',
  },
  subPath: {
    en: 'A sub-directory of the volume mounted instead of its root (`subPath`).',
    ru: 'Подкаталог тома, который монтируется вместо его корня (`subPath`).',
  },
  annotations: {
    en: 'Annotations put on the PersistentVolumeClaim (some provisioners read them, e.g. for backup or volume type).',
    ru: 'Аннотации заявки на том (PVC); их читают некоторые провижинеры, например для резервного копирования или типа тома.',
  },
  selector: {
    en: 'A label selector of the claim: it binds only to PersistentVolumes with matching labels, and dynamic provisioning is off for it.',
    ru: 'Селектор меток заявки: она привяжется только к постоянным томам (PV) с подходящими метками, динамического выделения тома для неё не будет.',
  },
};
