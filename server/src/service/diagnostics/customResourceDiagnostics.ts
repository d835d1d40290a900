/**
 * Diagnostics that depend on the CustomResourceDefinitions of the workspace: custom resources
 * checked against their CRD's schema (schema/customResources.ts), a version the CRD does not
 * serve, a kind its group does not define, and a CRD whose schema cannot be compiled. Kinds that
 * are neither built in nor defined stay unchecked. Results are kept per document and definition.
 */
import { isMap, isScalar, isSeq } from 'yaml';
import { joinTexts, localize } from '../i18n/format';
import { coreMessages } from '../i18n/coreMessages';
import type { ParsedDocument } from '../parse/chunk';
import { nodeSpan, nodesAtPath, rootKeyIgnoringCase, type Span } from '../parse/nodes';
import {
  compile,
  compiles,
  customKindsOf,
  splitApiVersion,
  type CustomKinds,
  type CustomKindVersion,
} from '../schema/customResources';
import { definitionFor, isBuiltinApiVersion } from '../schema/registry';
import { validateObject } from '../schema/validate';
import { editDistance } from '../text/similarity';
import type { KubeDiagnostic, LocalizedText } from '../types';
import {
  shiftRange,
  type IndexedObject,
  type PlacedChunk,
  type WorkspaceFile,
} from '../workspace/file';
import type { Workspace } from '../workspace/workspace';
import { byPosition, type DiagnosticSettings } from './fileDiagnostics';

const messages = {
  notServed: {
    en: 'The CustomResourceDefinition of {kind} does not serve `{apiVersion}`. Use {expected}.',
    ru: 'Определение ресурса (CRD) {kind} не предоставляет версию `{apiVersion}`. Используйте {expected}.',
  },
  unknownKind: {
    en: 'No CustomResourceDefinition in the workspace defines kind `{kind}` in group `{group}` (it defines {kinds}); the API server rejects an unknown kind.',
    ru: 'Ни одно определение ресурса (CRD) в рабочей области не задаёт вид `{kind}` в группе `{group}` (там есть {kinds}); неизвестный вид API-сервер не примет.',
  },
  schemaMissing: {
    en: 'Version `{version}` has no `schema.openAPIV3Schema`: the API server requires one for every version of an `apiextensions.k8s.io/v1` CustomResourceDefinition ("schemas are required"), and {kind} objects cannot be checked without it.',
    ru: 'У версии `{version}` нет `schema.openAPIV3Schema`: для каждой версии CustomResourceDefinition в `apiextensions.k8s.io/v1` API-сервер требует схему («schemas are required»), а без неё объекты {kind} не проверить.',
  },
  schemaInvalid: {
    en: 'The schema of version `{version}` cannot be compiled, so its {kind} objects are not checked: {detail}. The API server rejects such a CRD too.',
    ru: 'Схему версии `{version}` не удаётся скомпилировать, поэтому объекты {kind} не проверяются: {detail}. API-сервер тоже не примет такой CRD.',
  },
} satisfies Record<string, LocalizedText>;

interface Relative {
  span: Span;
  code: string;
  message: LocalizedText;
  severity: KubeDiagnostic['severity'];
  data?: Record<string, unknown>;
}

const cache = new WeakMap<ParsedDocument, { key: string; problems: Relative[] }>();

/** The CRD-dependent diagnostics of one file (manifests only; templates are not checked). */
export function customResourceDiagnostics(
  workspace: Workspace,
  file: WorkspaceFile,
): KubeDiagnostic[] {
  if (file.template || file.origin === 'cluster') return [];
  const objects = file.objects();
  const miscased = miscasedApiVersions(file);
  const hasCustom = objects.some(
    (o) => o.kind === 'CustomResourceDefinition' || !isBuiltinApiVersion(o.apiVersion),
  );
  if (!hasCustom && !miscased.length) return [];
  const kinds = customKindsOf(workspace);
  const out = miscasedCustomApiVersions(kinds, miscased);
  for (const object of objects) {
    const problems =
      object.kind === 'CustomResourceDefinition'
        ? crdProblems(kinds, object)
        : customResourceProblems(kinds, object);
    for (const p of problems) {
      const range = shiftRange(object.placed.chunk.rangeOf(p.span), object.placed.startLine);
      out.push({
        range,
        severity: p.severity,
        code: p.code,
        message: p.message,
        ...(p.data ? { data: p.data } : {}),
      });
    }
  }
  return out;
}

/** The documents with `apiVersion` missing: maybe written in another case (`apiversion:`). */
function miscasedApiVersions(file: WorkspaceFile): { placed: PlacedChunk; doc: ParsedDocument }[] {
  const out: { placed: PlacedChunk; doc: ParsedDocument }[] = [];
  for (const placed of file.chunks) {
    for (const doc of placed.chunk.docs) {
      const { recognition } = doc;
      if (recognition.type === 'incomplete' && recognition.missing === 'apiVersion')
        out.push({ placed, doc });
    }
  }
  return out;
}

/**
 * `apiversion: <group>/<version>` where a CRD of the workspace serves that group: an object for
 * the API server, which sees no `apiVersion` (chunkDiagnostics tells the built-in groups).
 */
function miscasedCustomApiVersions(
  kinds: CustomKinds,
  documents: readonly { placed: PlacedChunk; doc: ParsedDocument }[],
): KubeDiagnostic[] {
  const out: KubeDiagnostic[] = [];
  for (const { placed, doc } of documents) {
    const hit = rootKeyIgnoringCase(doc.doc, 'apiVersion');
    if (typeof hit?.value !== 'string' || isBuiltinApiVersion(hit.value)) continue;
    if (!kinds.groups.has(splitApiVersion(hit.value)[0])) continue;
    out.push({
      range: shiftRange(placed.chunk.rangeOf(hit.span), placed.startLine),
      severity: 'error',
      code: 'missing-api-version',
      message: localize(coreMessages.miscasedKey, { written: hit.key, key: 'apiVersion' }),
    });
  }
  return out;
}

function customResourceProblems(kinds: CustomKinds, object: IndexedObject): Relative[] {
  const { apiVersion, kind } = object;
  if (isBuiltinApiVersion(apiVersion) || definitionFor(kind, apiVersion)) return [];
  const [group] = splitApiVersion(apiVersion);
  if (!kinds.groups.has(group)) return []; // unknown to us: unchecked, without noise
  const entry = kinds.lookup(apiVersion, kind, object.uri);
  const facts =
    object.document.recognition.type === 'object' ? object.document.recognition.facts : undefined;
  if (!facts) return [];
  if (!entry) {
    const defined = kinds.kindsOf(group);
    if (defined.includes(kind))
      return notServed(kinds, object, group, facts.apiVersionSpan ?? facts.span);
    // Only a likely typo is reported: the group's other CRDs may simply not be in the workspace.
    const suggestion = likelyTypo(kind, defined);
    if (!suggestion) return [];
    const base = localize(messages.unknownKind, {
      kind,
      group,
      kinds: defined.map((k) => `\`${k}\``).join(', '),
    });
    const hint = localize(coreMessages.didYouMean, { suggestion });
    return [
      {
        span: facts.kindSpan ?? facts.span,
        code: 'unknown-kind',
        message: joinTexts(base, hint),
        severity: 'warning',
        data: { suggestion },
      },
    ];
  }
  if (!entry.served) return notServed(kinds, object, group, facts.apiVersionSpan ?? facts.span);
  const definition = entry.definition;
  if (!definition || !compile(entry)) return [];
  const rivals = kinds
    .rivals(apiVersion, kind, object.uri)
    .filter((r) => r.served && compile(r))
    .map((r) => r.definition!);
  const key = [definition, ...rivals].join(' ');
  const hit = cache.get(object.document);
  if (hit?.key === key) return hit.problems;
  const problems = withoutFieldsRivalsKnow(
    validate(object, definition, facts.span),
    rivals.map((r) => () => validate(object, r, facts.span)),
  );
  cache.set(object.document, { key, problems });
  return problems;
}

/**
 * An unknown field that another CRD of the kind, one the cluster may hold as well
 * (`CustomKinds.rivals`), defines is left out: the workspace keeps several releases of the
 * product, and which one is installed is not known here (Argo CD's `spec.sources` exists from
 * 2.6 on). The rivals are checked only when the chosen CRD finds an unknown field.
 */
function withoutFieldsRivalsKnow(
  problems: Relative[],
  rivals: readonly (() => Relative[])[],
): Relative[] {
  const unknown = (p: Relative) => p.code === 'unknown-field';
  if (!rivals.length || !problems.some(unknown)) return problems;
  const at = (p: Relative) => p.span.join(':');
  const rivalUnknowns = rivals.map((check) => new Set(check().filter(unknown).map(at)));
  return problems.filter((p) => !unknown(p) || rivalUnknowns.every((set) => set.has(at(p))));
}

function notServed(
  kinds: CustomKinds,
  { kind, apiVersion, uri }: IndexedObject,
  group: string,
  span: Span,
): Relative[] {
  const served = kinds.servedVersions(group, kind, uri);
  return [
    {
      span,
      code: 'unknown-api-version',
      message: localize(messages.notServed, {
        kind,
        apiVersion,
        expected: served.map((v) => `\`${v}\``).join(', ') || '—',
      }),
      severity: 'error',
      ...(served[0] ? { data: { suggestion: served[0] } } : {}),
    },
  ];
}

function validate(object: IndexedObject, definition: string, rootSpan: Span): Relative[] {
  const value = object.document.value();
  if (!value.ok) return [];
  const text = object.placed.chunk.text;
  return validateObject(object.document.doc, value.data, definition, rootSpan, text).map((p) => ({
    span: firstLine(text, p.span),
    code: p.code,
    message: p.message,
    severity: p.severity ?? 'error',
    ...(p.data ? { data: p.data } : {}),
  }));
}

/**
 * A CRD whose schema ajv cannot compile: reported at the schema of that version, whether or not
 * another CRD of the kind is the one its objects are checked against (the same CRD file is
 * reported the same way whichever folder is opened).
 */
function crdProblems(kinds: CustomKinds, crd: IndexedObject): Relative[] {
  const out: Relative[] = [];
  for (const entry of kinds.versionsOfCrd(crd)) {
    if (!entry.served) continue;
    if (!entry.definition && !entry.error) {
      // No schema: apiextensions.k8s.io/v1beta1 allowed that (`validation` was optional; the CRD
      // itself is reported as a version no longer served); v1 requires one per version.
      if (crd.apiVersion === 'apiextensions.k8s.io/v1') out.push(missingSchema(crd, entry));
      continue;
    }
    if (compiles(entry)) continue;
    const nodes = nodesAtPath(crd.document.doc, entry.schemaPath);
    const span = nodeSpan(nodes?.key) ?? crdSpan(crd);
    out.push({
      span,
      code: 'crd-schema-invalid',
      message: localize(messages.schemaInvalid, {
        version: entry.version,
        kind: entry.kind,
        detail: entry.error ?? '',
      }),
      severity: 'error',
    });
  }
  return out;
}

/** A v1 CRD version without a schema: reported at the version's name. */
function missingSchema(crd: IndexedObject, entry: CustomKindVersion): Relative {
  const versions = nodesAtPath(crd.document.doc, ['spec', 'versions'])?.value;
  const item = isSeq(versions)
    ? versions.items.find((v) => isMap(v) && v.get('name') === entry.version)
    : undefined;
  const name = isMap(item) ? item.get('name', true) : undefined;
  return {
    span: nodeSpan(isScalar(name) ? name : undefined) ?? crdSpan(crd),
    code: 'crd-schema-invalid',
    message: localize(messages.schemaMissing, { version: entry.version, kind: entry.kind }),
    severity: 'error',
  };
}

function crdSpan(crd: IndexedObject): Span {
  return crd.document.recognition.type === 'object' ? crd.document.recognition.facts.span : [0, 0];
}

/** A problem with a whole mapping is marked on its first line only (as chunkDiagnostics does). */
function firstLine(text: string, span: Span): Span {
  const newline = text.indexOf('\n', span[0]);
  if (newline === -1 || newline >= span[1]) return span;
  const end = text[newline - 1] === '\r' ? newline - 1 : newline;
  return [span[0], Math.max(span[0] + 1, end)];
}

/**
 * A defined kind the written one is a slip of: at most two edits apart and of about the same
 * length (`BackupShedule` for `BackupSchedule`), never a prefix (`Prometheus` is not a slip of
 * `PrometheusRule`: both are kinds of the same group).
 */
function likelyTypo(kind: string, defined: readonly string[]): string | undefined {
  let best: { name: string; distance: number } | undefined;
  for (const name of defined) {
    if (Math.abs(name.length - kind.length) > 2) continue;
    const distance = editDistance(kind.toLowerCase(), name.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { name, distance };
  }
  return best?.name;
}

/** A file's schema diagnostics with those of its custom resources (the workspace's CRDs), in order. */
export function withCustomResources(
  schema: KubeDiagnostic[],
  workspace: Workspace,
  file: WorkspaceFile,
  settings: DiagnosticSettings,
): KubeDiagnostic[] {
  const custom = customResourceDiagnostics(workspace, file);
  if (!settings.enable || !custom.length) return schema;
  const kept = settings.unknownFields ? custom : custom.filter((d) => d.code !== 'unknown-field');
  return [...schema, ...kept].sort(byPosition);
}
