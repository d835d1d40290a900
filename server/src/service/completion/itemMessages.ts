/** Texts of completion items (details, explanations), both languages side by side. */
import type { LocalizedText } from '../types';

export const completionMessages = {
  required: { en: 'required', ru: 'обязательное' },
  typeObject: { en: 'object `{name}`', ru: 'объект `{name}`' },
  typeList: { en: 'list of {item}', ru: 'список: {item}' },
  typeMap: { en: 'map of {item}', ru: 'словарь: {item}' },
  typeString: { en: 'string', ru: 'строка' },
  typeInteger: { en: 'integer', ru: 'целое число' },
  typeNumber: { en: 'number', ru: 'число' },
  typeBoolean: { en: 'boolean', ru: 'булево значение' },
  typeQuantity: { en: 'quantity (`10Gi`, `500Mi`)', ru: 'количество (`10Gi`, `500Mi`)' },
  typeIntOrString: { en: 'number or string', ru: 'число или строка' },
  typeTime: { en: 'time (RFC 3339)', ru: 'время (RFC 3339)' },
  typeAny: { en: 'any value', ru: 'любое значение' },
  oneOf: { en: 'One of: {values}.', ru: 'Одно из значений: {values}.' },
  requiredFields: { en: 'Required fields: {fields}.', ru: 'Обязательные поля: {fields}.' },
  otherSource: {
    en: 'This volume already has a source (`{source}`); a volume takes exactly one.',
    ru: 'У тома уже есть источник (`{source}`). Второй указать нельзя: источник у тома ровно один.',
  },
  definedIn: { en: 'Defined in {file}, line {line}.', ru: 'Файл {file}, строка {line}.' },
  namespaceFacts: { en: 'Namespace `{namespace}`.', ru: 'Пространство имён `{namespace}`.' },
  noClass: {
    en: 'no class, no dynamic provisioning',
    ru: 'без класса, без динамического выделения',
  },
  noClassDoc: {
    en: 'An empty class is a class of its own: the claim binds only to a volume that has no class either, and nothing is provisioned for it. Unlike leaving the field out, the default StorageClass does not apply.',
    ru: 'Пустая строка — отдельный «класс без класса»: заявка привяжется только к тому без класса, и новый том под неё не выделят. В отличие от пропущенного поля, класс хранилища по умолчанию здесь не применяется.',
  },
  defaultClass: { en: 'default class', ru: 'класс по умолчанию' },
  provisioner: { en: 'provisioner `{provisioner}`', ru: 'провижинер `{provisioner}`' },
  bindingMode: { en: 'binding: `{mode}`', ru: 'привязка: `{mode}`' },
  reclaim: { en: 'reclaim: `{policy}`', ru: 'освобождение: `{policy}`' },
  boundTo: { en: 'pre-bound to `{claim}`', ru: 'заранее привязан к `{claim}`' },
  available: { en: 'free', ru: 'свободен' },
  headless: { en: 'headless', ru: 'headless' },
  podVolume: { en: 'volume of this pod: {source}', ru: 'том этого пода: {source}' },
  claimTemplate: {
    en: 'claim template: each replica gets its own claim `{name}-<pod>`',
    ru: 'шаблон заявки: у каждой реплики своя заявка `{name}-<под>`',
  },
  keysCount: { en: '{count} keys', ru: 'ключей: {count}' },
  secretType: { en: 'type `{type}`', ru: 'тип `{type}`' },
  kindServed: {
    en: '`{kind}` is served as `{apiVersion}`.',
    ru: '`{kind}` доступен в API как `{apiVersion}`.',
  },
  preferredVersion: { en: 'stable', ru: 'стабильная' },
  prereleaseVersion: { en: 'pre-release, may change', ru: 'предварительная, может измениться' },
  quantityBytes: { en: '{binary} = {bytes} bytes', ru: '{binary} = {bytes} байт' },
  skeleton: { en: 'whole object', ru: 'объект целиком' },
  namespaceDefined: {
    en: 'Namespace object in the workspace',
    ru: 'объект Namespace есть в рабочей области',
  },
  namespaceUsed: { en: 'used by {count} objects', ru: 'объектов в нём: {count}' },
  cloneClaim: { en: 'clone an existing claim', ru: 'клонировать существующую заявку' },
  fromSnapshot: { en: 'restore from a volume snapshot', ru: 'восстановить из снимка тома' },
  claimRefItem: {
    en: 'Pre-bind this volume to the claim `{namespace}/{name}`.',
    ru: 'Заранее привязать этот том к заявке `{namespace}/{name}`.',
  },
  claimNamespaceItem: {
    en: 'Namespace with claims: {names}.',
    ru: 'Пространство имён с заявками: {names}.',
  },
} satisfies Record<string, LocalizedText>;

/** Labels and texts of the whole-object skeletons. */
export const skeletonMessages = {
  PersistentVolumeClaim: {
    en: 'A claim for storage: size, access modes and class.',
    ru: 'Заявка на том: размер, режимы доступа и класс хранилища.',
  },
  PersistentVolume: {
    en: 'A volume prepared by hand (static provisioning), here on a node directory.',
    ru: 'Том, подготовленный вручную (статическое выделение), здесь — каталог на узле.',
  },
  StorageClass: {
    en: 'A class of storage: who provisions volumes and how they bind.',
    ru: 'Класс хранилища: кто выделяет тома и когда они привязываются.',
  },
  StatefulSet: {
    en: 'A StatefulSet with a claim template: one volume per replica.',
    ru: 'StatefulSet с шаблоном заявки: у каждой реплики свой том.',
  },
  Pod: {
    en: 'A pod that mounts a claim.',
    ru: 'Под, который монтирует заявку.',
  },
} satisfies Record<string, LocalizedText>;
