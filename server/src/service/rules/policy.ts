/**
 * The opt-in storage policy (`kubeStorage.policy.*`): allowed StorageClasses, hostPath prefixes
 * and volume types, and claims that must name a class. With the default (empty) settings these
 * rules report nothing.
 */
import { localize } from '../i18n/format';
import type { YamlPath } from '../parse/nodes';
import type { Rule, StoragePolicy } from './types';
import {
  claimSpecsOf,
  codeList,
  get,
  isAtOrBelow,
  podSpecOf,
  str,
  volumesOf,
  workloadKinds,
} from './util';
import { volumeTypeOf } from './podStorage';
import { normalizeHostPath } from './nodePlumbing';

/**
 * The inline volume sources the Pod Security Standards "restricted" profile allows
 * (k8s.io/pod-security-admission/policy/check_restrictedVolumes.go; `image` since 1.33).
 */
export const RESTRICTED_VOLUME_TYPES: readonly string[] = [
  'configMap',
  'csi',
  'downwardAPI',
  'emptyDir',
  'ephemeral',
  'image',
  'persistentVolumeClaim',
  'projected',
  'secret',
];

/** The name of the preset that stands for `RESTRICTED_VOLUME_TYPES` in `allowedVolumeTypes`. */
export const RESTRICTED_PRESET = 'restricted';

export function allowedVolumeTypes(policy: StoragePolicy): Set<string> {
  const out = new Set<string>();
  for (const t of policy.allowedVolumeTypes) {
    if (t === RESTRICTED_PRESET) RESTRICTED_VOLUME_TYPES.forEach((r) => out.add(r));
    else out.add(t);
  }
  return out;
}

/** Whole path components: `/data` allows `/data` and `/data/app`, not `/database`. */
export function isUnderPrefix(path: string, prefix: string): boolean {
  const p = normalizeHostPath(path);
  const base = normalizeHostPath(prefix);
  return isAtOrBelow(p, base);
}

const CLAIM_KINDS = ['PersistentVolumeClaim', ...workloadKinds];

export const storageClassNotAllowed: Rule = {
  id: 'storage-class-not-allowed',
  family: 'policy',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  title: {
    en: 'A claim asks for a StorageClass the policy does not allow',
    ru: 'Заявка просит класс хранилища, который политика не разрешает',
  },
  docs: {
    en: 'On when `kubeStorage.policy.allowedStorageClasses` lists classes. Every claim — a PersistentVolumeClaim, a StatefulSet claim template, a generic ephemeral volume — that names another class is reported, like Gatekeeper\'s and Kyverno\'s "allowed storage classes" policies would deny it. `""` (no class: bind to a pre-made volume) is not a class and is not checked; a claim without `storageClassName` gets the default class, see `claim-without-storage-class`.',
    ru: 'Включается, когда в `kubeStorage.policy.allowedStorageClasses` перечислены классы. Сообщает о каждой заявке — PersistentVolumeClaim, шаблоне заявки StatefulSet, универсальном эфемерном томе, — которая называет другой класс: так её отклонили бы политики «разрешённых классов хранилища» Gatekeeper и Kyverno. `""` (без класса: привязка к заранее созданному тому) — не класс и не проверяется; заявка без `storageClassName` получает класс по умолчанию, см. `claim-without-storage-class`.',
  },
  check(object, data, ctx) {
    const allowed = ctx.settings.policy.allowedStorageClasses;
    if (!allowed.length) return;
    for (const claim of claimSpecsOf(object.kind, data)) {
      const name = str(claim.spec.storageClassName);
      if (!name || allowed.includes(name)) continue;
      ctx.report(
        [...claim.path, 'storageClassName'],
        localize(
          {
            en: 'StorageClass `{name}` is not in the allowed list ({allowed}, `kubeStorage.policy.allowedStorageClasses`). Use one of the allowed classes.',
            ru: 'Класса хранилища `{name}` нет в списке разрешённых ({allowed}, `kubeStorage.policy.allowedStorageClasses`). Выберите один из разрешённых классов.',
          },
          { name, allowed: codeList(allowed) },
        ),
      );
    }
  },
};

export const claimWithoutStorageClass: Rule = {
  id: 'claim-without-storage-class',
  family: 'policy',
  severity: 'warning',
  kinds: CLAIM_KINDS,
  title: {
    en: 'A claim does not name its StorageClass (the policy requires it)',
    ru: 'Заявка не называет свой класс хранилища (политика этого требует)',
  },
  docs: {
    en: 'On when `kubeStorage.policy.requireStorageClass` is `true`. A claim without `storageClassName` gets whatever class is the cluster\'s default when it is created: another cluster, or a changed default, gives it other storage (speed, price, reclaim policy, zones). Name the class explicitly; `""` counts as a deliberate choice (no class).',
    ru: 'Включается, когда `kubeStorage.policy.requireStorageClass` равно `true`. Заявка без `storageClassName` получает класс, который на момент её создания назначен в кластере по умолчанию: в другом кластере или после смены класса по умолчанию ей достанется другое хранилище (скорость, цена, политика освобождения, зоны). Укажите класс явно; `""` считается осознанным выбором (без класса).',
  },
  check(object, data, ctx) {
    if (!ctx.settings.policy.requireStorageClass) return;
    for (const claim of claimSpecsOf(object.kind, data)) {
      const value = claim.spec.storageClassName;
      if (value !== undefined && value !== null) continue;
      ctx.report(
        claim.path,
        {
          en: "The claim has no `storageClassName`, so it gets the cluster's default class, whatever that is. The policy (`kubeStorage.policy.requireStorageClass`) asks for an explicit class.",
          ru: 'У заявки нет `storageClassName`, поэтому она получит класс кластера по умолчанию, каким бы он ни был. Политика (`kubeStorage.policy.requireStorageClass`) требует указывать класс явно.',
        },
        { onKey: true },
      );
    }
  },
};

export const hostPathNotAllowed: Rule = {
  id: 'host-path-not-allowed',
  family: 'policy',
  severity: 'warning',
  kinds: ['PersistentVolume', ...workloadKinds],
  title: {
    en: 'A hostPath outside the allowed host directories',
    ru: 'Путь `hostPath` вне разрешённых каталогов узла',
  },
  docs: {
    en: "On when `kubeStorage.policy.allowedHostPaths` lists directories. A `hostPath` volume of a pod, or a hostPath PersistentVolume, must lie under one of them, compared by whole path components after resolving `.` and `..` (`/data` allows `/data/app`, not `/database`), like PodSecurityPolicy's `allowedHostPaths` and the Gatekeeper and Kyverno policies that replaced it.",
    ru: 'Включается, когда в `kubeStorage.policy.allowedHostPaths` перечислены каталоги. Том `hostPath` пода или постоянный том hostPath должен лежать внутри одного из них; сравниваются целые компоненты пути после раскрытия `.` и `..` (`/data` разрешает `/data/app`, но не `/database`) — как `allowedHostPaths` в PodSecurityPolicy и заменившие его политики Gatekeeper и Kyverno.',
  },
  check(object, data, ctx) {
    const allowed = ctx.settings.policy.allowedHostPaths;
    if (!allowed.length) return;
    const targets: { path: string; at: YamlPath }[] = [];
    if (object.kind === 'PersistentVolume') {
      const p = str(get(data, ['spec', 'hostPath', 'path']));
      if (p !== undefined) targets.push({ path: p, at: ['spec', 'hostPath', 'path'] });
    } else {
      const pod = podSpecOf(object.kind, data);
      for (const v of pod ? volumesOf(pod) : []) {
        const p = str(get(v.volume, ['hostPath', 'path']));
        if (p !== undefined) targets.push({ path: p, at: [...v.path, 'hostPath', 'path'] });
      }
    }
    for (const t of targets) {
      if (allowed.some((prefix) => isUnderPrefix(t.path, prefix))) continue;
      ctx.report(
        t.at,
        localize(
          {
            en: 'Host path `{path}` is outside the allowed directories ({allowed}, `kubeStorage.policy.allowedHostPaths`).',
            ru: 'Путь узла `{path}` лежит вне разрешённых каталогов ({allowed}, `kubeStorage.policy.allowedHostPaths`).',
          },
          { path: t.path, allowed: codeList(allowed) },
        ),
      );
    }
  },
};

export const volumeTypeNotAllowed: Rule = {
  id: 'volume-type-not-allowed',
  family: 'policy',
  severity: 'warning',
  kinds: workloadKinds,
  title: {
    en: 'A pod volume of a type the policy does not allow',
    ru: 'Тип тома пода не разрешён политикой',
  },
  docs: {
    en: 'On when `kubeStorage.policy.allowedVolumeTypes` lists volume sources (`emptyDir`, `persistentVolumeClaim`, `nfs`…). The entry `restricted` stands for the list of the Pod Security Standards "restricted" profile: `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `image`, `persistentVolumeClaim`, `projected`, `secret` — a namespace labelled `pod-security.kubernetes.io/enforce: restricted` rejects pods with any other volume type. Storage that needs another type goes through a PersistentVolume and a claim.',
    ru: 'Включается, когда в `kubeStorage.policy.allowedVolumeTypes` перечислены источники томов (`emptyDir`, `persistentVolumeClaim`, `nfs`…). Элемент `restricted` означает список профиля restricted из Pod Security Standards: `configMap`, `csi`, `downwardAPI`, `emptyDir`, `ephemeral`, `image`, `persistentVolumeClaim`, `projected`, `secret` — пространство имён с меткой `pod-security.kubernetes.io/enforce: restricted` отклонит под с томом любого другого типа. Хранилище других типов подключают через постоянный том и заявку.',
  },
  check(object, data, ctx) {
    if (!ctx.settings.policy.allowedVolumeTypes.length) return;
    const allowed = allowedVolumeTypes(ctx.settings.policy);
    const at = podSpecOf(object.kind, data);
    if (!at) return;
    for (const v of volumesOf(at)) {
      const type = volumeTypeOf(v.volume);
      if (!type || allowed.has(type)) continue;
      ctx.report(
        [...v.path, type],
        localize(
          {
            en: 'Volume `{name}` is of type `{type}`, which the policy does not allow (`kubeStorage.policy.allowedVolumeTypes`: {allowed}).',
            ru: 'Тип тома `{name}` — `{type}`, а политика его не разрешает (`kubeStorage.policy.allowedVolumeTypes`: {allowed}).',
          },
          {
            name: v.volume.name,
            type,
            allowed: codeList(ctx.settings.policy.allowedVolumeTypes),
          },
        ),
        { onKey: true },
      );
    }
  },
};

export const policyRules: Rule[] = [
  storageClassNotAllowed,
  claimWithoutStorageClass,
  hostPathNotAllowed,
  volumeTypeNotAllowed,
];
