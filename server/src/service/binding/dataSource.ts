/**
 * What a claim is filled from, for the binding result: the snapshot it restores or the claim it
 * clones (or a populator's object), as the API server keeps it (kubernetes/snapshots.ts).
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import {
  keptInDataSource,
  sourceNamespace,
  sourceType,
  type DataSourceRef,
} from '../kubernetes/snapshots';
import type { LocalizedText } from '../types';
import type { ClaimDataSource } from './types';

function refOf(value: unknown): DataSourceRef | undefined {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const v = value as Record<string, unknown>;
  const text = (x: unknown): string | undefined => (typeof x === 'string' ? x : undefined);
  return {
    apiGroup: text(v.apiGroup),
    kind: text(v.kind),
    name: text(v.name),
    namespace: text(v.namespace),
  };
}

/** The claim's source: `dataSourceRef`, else a `dataSource` the API server keeps; else undefined. */
export function claimDataSource(
  claim: PersistentVolumeClaim,
  namespace: string,
): ClaimDataSource | undefined {
  const fromRef = refOf(claim.spec?.dataSourceRef);
  const fromSource = refOf(claim.spec?.dataSource);
  const ref = fromRef ?? (fromSource && keptInDataSource(fromSource) ? fromSource : undefined);
  if (!ref?.kind || !ref.name) return undefined;
  const type = sourceType(ref);
  const source = {
    type: type === 'other' ? ('populator' as const) : type,
    kind: ref.kind,
    ...(ref.apiGroup ? { apiGroup: ref.apiGroup } : {}),
    name: ref.name,
    namespace: sourceNamespace(ref, namespace),
  };
  return { ...source, about: aboutSource(source, namespace) };
}

/** "Restored from VolumeSnapshot `x`", naming the namespace only when it is not the claim's. */
function aboutSource(
  source: Omit<ClaimDataSource, 'about'>,
  claimNamespace: string,
): LocalizedText {
  const where =
    source.namespace === claimNamespace
      ? { en: '', ru: '' }
      : {
          en: ` in namespace \`${source.namespace}\``,
          ru: ` из пространства имён \`${source.namespace}\``,
        };
  const name = `\`${source.name}\``;
  switch (source.type) {
    case 'restore':
      return {
        en: `Restored from VolumeSnapshot ${name}${where.en}: the new volume starts with the snapshot's data.`,
        ru: `Восстанавливается из снимка тома (VolumeSnapshot) ${name}${where.ru}: новый том начнётся с данных снимка.`,
      };
    case 'clone':
      return {
        en: `Cloned from claim ${name}${where.en}: the new volume starts as a copy of that claim's volume.`,
        ru: `Клон заявки ${name}${where.ru}: новый том начнётся с копии её тома.`,
      };
    default:
      return {
        en: `Filled by a volume populator from ${source.kind} ${name}${where.en}.`,
        ru: `Данные в том запишет заполнитель томов (volume populator) из ${source.kind} ${name}${where.ru}.`,
      };
  }
}
