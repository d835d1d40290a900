/** Key facts of an object for completion items: where it is defined, size, access modes, class. */
import { isDefaultStorageClass } from '../kubernetes/storageClass';
import type {
  ConfigMap,
  PersistentVolume,
  PersistentVolumeClaim,
  Secret,
  Service,
} from 'kubernetes-types/core/v1';
import type { StorageClass } from 'kubernetes-types/storage/v1';
import { MODE_SHORT } from '../binding/match';
import { fill } from '../i18n/format';
import type { Lang } from '../types';
import { objectData, type IndexedObject } from '../workspace/file';
import { completionMessages as m } from './itemMessages';

/** `pvc.yaml:12`: the last two path segments of the file and the 1-based line of the name. */
export function whereDefined(object: IndexedObject): { file: string; line: number } {
  const path = decodeURIComponent(object.uri.replace(/^[a-z]+:\/\//, ''));
  const file = path.split('/').slice(-2).join('/');
  return { file, line: (object.nameRange ?? object.range).start.line + 1 };
}

function modes(list: unknown): string | undefined {
  if (!Array.isArray(list) || list.length === 0) return undefined;
  return list.map((x) => MODE_SHORT[String(x)] ?? String(x)).join(',');
}

export interface Facts {
  /** Short, for the item's detail. */
  detail: string;
  /** Markdown, for the documentation. */
  doc: string;
}

/** Facts of a linked object, by kind. */
export function objectFacts(object: IndexedObject, lang: Lang): Facts {
  const parts: string[] = [];
  switch (object.kind) {
    case 'PersistentVolumeClaim': {
      const spec = objectData<PersistentVolumeClaim>(object)?.spec;
      push(parts, spec?.resources?.requests?.storage);
      push(parts, modes(spec?.accessModes));
      if (spec?.storageClassName !== undefined)
        parts.push(`class ${spec.storageClassName || '""'}`);
      break;
    }
    case 'PersistentVolume': {
      const spec = objectData<PersistentVolume>(object)?.spec;
      push(parts, spec?.capacity?.storage);
      push(parts, modes(spec?.accessModes));
      if (spec?.storageClassName) parts.push(`class ${spec.storageClassName}`);
      const ref = spec?.claimRef;
      parts.push(
        ref?.name
          ? fill(m.boundTo[lang], { claim: `${ref.namespace ?? 'default'}/${ref.name}` })
          : m.available[lang],
      );
      if (spec?.persistentVolumeReclaimPolicy) {
        parts.push(fill(m.reclaim[lang], { policy: spec.persistentVolumeReclaimPolicy }));
      }
      break;
    }
    case 'StorageClass': {
      const sc = objectData<StorageClass>(object);
      if (isDefaultClass(object)) parts.push(m.defaultClass[lang]);
      if (sc?.provisioner) parts.push(fill(m.provisioner[lang], { provisioner: sc.provisioner }));
      if (sc?.volumeBindingMode)
        parts.push(fill(m.bindingMode[lang], { mode: sc.volumeBindingMode }));
      break;
    }
    case 'VolumeAttributesClass': {
      const driver = objectData<{ driverName?: string }>(object)?.driverName;
      if (driver) parts.push(`driver ${driver}`);
      break;
    }
    case 'Service': {
      if (isHeadless(object)) parts.push(m.headless[lang]);
      break;
    }
    case 'ConfigMap': {
      const cm = objectData<ConfigMap>(object);
      const count = Object.keys(cm?.data ?? {}).length + Object.keys(cm?.binaryData ?? {}).length;
      parts.push(fill(m.keysCount[lang], { count }));
      break;
    }
    case 'Secret': {
      const type = objectData<Secret>(object)?.type;
      if (type) parts.push(fill(m.secretType[lang], { type }));
      break;
    }
  }
  const where = whereDefined(object);
  const doc = [
    `**${object.kind}/${object.name ?? '?'}**`,
    // A link the editor opens at the line (`#L<n>` is how VS Code addresses a line in a file URI).
    fill(m.definedIn[lang], {
      file: `[${where.file}](${object.uri}#L${where.line})`,
      line: where.line,
    }),
  ];
  if (object.namespace) doc.push(fill(m.namespaceFacts[lang], { namespace: object.namespace }));
  if (parts.length) doc.push(parts.join(' · '));
  return { detail: [...parts, `${where.file}:${where.line}`].join(' · '), doc: doc.join('\n\n') };
}

function push(parts: string[], value: unknown): void {
  if (value !== undefined && value !== null && value !== '') parts.push(String(value));
}

export function isDefaultClass(object: IndexedObject): boolean {
  return isDefaultStorageClass(objectData<StorageClass>(object)?.metadata);
}

export function isHeadless(object: IndexedObject): boolean {
  return objectData<Service>(object)?.spec?.clusterIP === 'None';
}
