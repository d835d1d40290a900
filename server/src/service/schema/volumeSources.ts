/**
 * Volume sources (and a claim's `storageClassName`) written with nothing after them (`emptyDir:`,
 * `hostPath:`): YAML null, which the API server reads as an absent field (schema/decode.ts). What
 * that means depends on where:
 *
 * - in a pod's `volumes`, a volume left without any source is defaulted to an empty `emptyDir`
 *   (`SetDefaults_Volume`, pkg/apis/core/v1/defaults.go). `emptyDir:` therefore works as written;
 *   any other source left empty silently becomes an empty directory instead of what was meant;
 * - in a PersistentVolume, nothing is defaulted: a spec without a source is rejected
 *   (`ValidatePersistentVolumeSpec`, pkg/apis/core/validation: "must specify a volume type").
 */
import { isMap, isScalar, type Document } from 'yaml';
import { coreMessages } from '../i18n/coreMessages';
import { localize } from '../i18n/format';
import { nodesAtPath, type Span, type YamlPath } from '../parse/nodes';
import type { Severity } from '../types';
import type { AbsentField } from './decode';
import { definitions, refName } from './registry';
import type { SchemaProblem } from './problem';

const POD_VOLUME = 'core.v1.Volume';
const PV_SPEC = 'core.v1.PersistentVolumeSpec';

/** Fields of a definition that are volume sources: their type is a `…Source` definition. */
function isSourceField(definition: string, field: string): boolean {
  const schema = definitions[definition]?.properties?.[field];
  return Boolean(schema && refName(schema)?.endsWith('Source'));
}

const CLAIM_SPEC = 'core.v1.PersistentVolumeClaimSpec';

/**
 * `storageClassName:` of a claim (a PersistentVolumeClaim, a StatefulSet's claim template, a
 * generic ephemeral volume) written with nothing after it: null, read as absent, so the
 * DefaultStorageClass admission plugin gives the claim the cluster's default class (and the PV
 * controller gives it one later if the cluster has none yet). Whoever writes the key means a
 * class, often `""` (no class: bind to a pre-made volume); charts render it so from a `"-"`
 * (nextcloud's `storageClassName: {{ ternary "" . (eq "-" .) }}` prints nothing for `""`). An
 * explicit `null` or `~` is a choice and is left alone.
 */
function nullClassNames(doc: Document, text: string, absent: readonly AbsentField[]) {
  const out: SchemaProblem[] = [];
  for (const { owner, field, path } of absent) {
    if (owner !== CLAIM_SPEC || field !== 'storageClassName') continue;
    const nodes = nodesAtPath(doc, path);
    const value = nodes?.value;
    if (isScalar(value) && value.range && value.range[1] > value.range[0]) continue; // `null`, `~`
    const span = keyAndValueSpan(doc, text, path);
    if (!span) continue;
    out.push({
      code: 'storage-class-null',
      // Information: a chart's `storageClassName: {{ .Values.storageClass }}` renders so for
      // `""` on purpose, and the default class is then what its user asked for.
      severity: 'information',
      span,
      message: coreMessages.storageClassNull,
      data: { field, suggestion: 'storageClassName: ""' },
    });
  }
  return out;
}

export function nullVolumeSources(
  doc: Document,
  text: string,
  decoded: unknown,
  absent: readonly AbsentField[],
): SchemaProblem[] {
  const out: SchemaProblem[] = [];
  for (const entry of absent) {
    const { owner, field, path } = entry;
    if ((owner !== POD_VOLUME && owner !== PV_SPEC) || !isSourceField(owner, field)) continue;
    const parent = valueAt(decoded, path.slice(0, -1));
    if (hasSource(owner, parent)) continue; // another source is set: the null one is just absent
    const span = keyAndValueSpan(doc, text, path);
    if (!span) continue;
    out.push(problemFor(owner, field, parent, span));
  }
  return [...out, ...nullClassNames(doc, text, absent)];
}

function problemFor(
  owner: string,
  field: string,
  volume: Record<string, unknown> | undefined,
  span: Span,
): SchemaProblem & { severity: Severity } {
  if (owner === PV_SPEC) {
    return {
      code: 'volume-source-null',
      severity: 'error',
      span,
      message: localize(coreMessages.persistentVolumeSourceNull, { field }),
      data: { field },
    };
  }
  if (field === 'emptyDir') {
    return {
      code: 'empty-dir-null',
      severity: 'hint',
      span,
      message: coreMessages.emptyDirNull,
      data: { field, suggestion: 'emptyDir: {}' },
    };
  }
  const name = typeof volume?.name === 'string' ? volume.name : '?';
  return {
    code: 'volume-source-null',
    severity: 'warning',
    span,
    message: localize(coreMessages.podVolumeSourceNull, { field, volume: name }),
    data: { field },
  };
}

function hasSource(owner: string, value: Record<string, unknown> | undefined): boolean {
  return Object.entries(value ?? {}).some(
    ([key, item]) => item !== null && item !== undefined && isSourceField(owner, key),
  );
}

function valueAt(data: unknown, path: YamlPath): Record<string, unknown> | undefined {
  let current: unknown = data;
  for (const segment of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current && typeof current === 'object' && !Array.isArray(current)
    ? (current as Record<string, unknown>)
    : undefined;
}

/**
 * From the key to the written null (`~`, `null`), or to the colon when nothing is written: the
 * text that the quick fix replaces with `emptyDir: {}`.
 */
function keyAndValueSpan(doc: Document, text: string, path: YamlPath): Span | undefined {
  const nodes = nodesAtPath(doc, path);
  const key = nodes?.key?.range;
  if (!key) return undefined;
  const value = nodes?.value;
  if (isScalar(value) && value.range && value.range[1] > value.range[0]) {
    return [key[0], value.range[1]];
  }
  if (isMap(value)) return undefined; // not a null after all
  let end = key[1];
  while (text[end] === ' ' || text[end] === '\t') end++;
  return text[end] === ':' ? [key[0], end + 1] : [key[0], key[1]];
}
