/**
 * The diagnostics of a file of partial objects (workspace/partialFiles.ts): a kustomize patch,
 * merged into a resource of its base, or a file a test compares with live objects. What it writes
 * is checked (syntax, types, unknown fields, values), not what it leaves to the whole object
 * (required fields, one of several fields), and no storage rule reads it, as they all read whole
 * objects. What the tool reading it consumes is not reported as unknown either: strategic merge
 * patch directives in a patch (k8s.io/apimachinery `strategicpatch`, kustomize's kyaml `merge2`),
 * JMESPath expressions in parentheses in a chainsaw test (kyverno-json assertion trees). The fields
 * a patch deletes (diagnostics/patchDeletes.ts) are not checked at all, and an unknown field of a
 * patch is said to be merged by kustomize before the API server rejects it.
 */
import { isScalar, visit } from 'yaml';
import { coreMessages } from '../i18n/coreMessages';
import { joinTexts, localize } from '../i18n/format';
import { nodeSpan } from '../parse/nodes';
import { mergeDiagnostics } from '../rules/engine';
import { defaultRuleSettings } from '../rules/types';
import { closestMatch } from '../text/similarity';
import { byPosition, type DiagnosticSettings } from './fileDiagnostics';
import type { KubeDiagnostic, LocalizedText } from '../types';
import { isRecord } from '../plainData';
import { deletedRanges, isInside } from './patchDeletes';
import { shiftRange, type WorkspaceFile } from '../workspace/file';
import type { PartialKind } from '../workspace/partialFiles';

/** Schema findings about what a whole object must hold, which a partial object leaves out. */
const LEFT_TO_THE_WHOLE_OBJECT: ReadonlySet<string> = new Set([
  'missing-required',
  'exactly-one-of',
]);

/** `$patch: …`: what kustomize's strategic merge accepts (kyaml `merge2/smpdirective.go`). */
const PATCH_DIRECTIVE = '$patch';
const PATCH_DIRECTIVE_VALUES = ['replace', 'merge', 'delete'];

/** The keys of strategic merge patch directives (apimachinery `strategicpatch/patch.go`). */
function isPatchDirective(key: string): boolean {
  return (
    key === PATCH_DIRECTIVE ||
    key === '$retainKeys' ||
    key.startsWith('$setElementOrder/') ||
    key.startsWith('$deleteFromPrimitiveList/')
  );
}

/** A chainsaw key that is an expression: `(…)`, `~.(…)` (for each item), `…->name` (a binding). */
function isExpressionKey(key: string): boolean {
  return key.startsWith('(') || key.startsWith('~') || key.includes('->');
}

export function partialDiagnostics(
  kind: PartialKind,
  file: WorkspaceFile,
  schema: readonly KubeDiagnostic[],
  settings: DiagnosticSettings,
): KubeDiagnostic[] {
  const valueAt = lineReader(file.text);
  const deleted = kind === 'patch' ? deletedRanges(file) : [];
  const kept = schema.filter((d) => {
    if (LEFT_TO_THE_WHOLE_OBJECT.has(d.code)) return false;
    const field = d.code === 'unknown-field' ? d.data?.field : undefined;
    if (kind === 'patch')
      return (
        !(typeof field === 'string' && isPatchDirective(field)) && !isInside(d.range.start, deleted)
      );
    if (typeof field === 'string') return !isExpressionKey(field);
    return !isExpression(valueAt(d));
  });
  const written = kind === 'patch' ? kept.map(mergedByKustomize) : kept;
  if (kind === 'patch' && settings.enable) written.push(...directiveValues(file));
  if (!settings.enable) return written;
  written.sort(byPosition);
  return mergeDiagnostics(file, written, [], settings.rules ?? defaultRuleSettings);
}

/**
 * An unknown field of a patch is not sent as it is: kustomize merges it into the object, which the
 * API server then rejects. The message says so (`data.owner`: the type named in it).
 */
function mergedByKustomize(d: KubeDiagnostic): KubeDiagnostic {
  const { field, owner, suggestion } = d.data ?? {};
  if (d.code !== 'unknown-field' || typeof field !== 'string' || !isLocalized(owner)) return d;
  const en = { field, type: owner.en };
  const ru = { field, type: owner.ru };
  const text = {
    en: localize(coreMessages.unknownPatchField, en).en,
    ru: localize(coreMessages.unknownPatchField, ru).ru,
  };
  const message =
    typeof suggestion === 'string'
      ? joinTexts(text, localize(coreMessages.didYouMean, { suggestion }))
      : text;
  return { ...d, message };
}

function isLocalized(value: unknown): value is LocalizedText {
  return isRecord(value) && typeof value.en === 'string' && typeof value.ru === 'string';
}

/** `(…)`, quoted or not: a JMESPath expression chainsaw evaluates in place of a value. */
function isExpression(text: string | undefined): boolean {
  const bare = text?.trim().replace(/^(["'])(.*)\1$/s, '$2');
  return bare !== undefined && bare.startsWith('(') && bare.endsWith(')');
}

/** The text a one-line diagnostic marks (undefined when it spans lines). */
function lineReader(text: string): (d: KubeDiagnostic) => string | undefined {
  let lines: string[] | undefined;
  return ({ range: { start, end } }) => {
    if (start.line !== end.line) return undefined;
    lines ??= text.split(/\r?\n/);
    return lines[start.line]?.slice(start.character, end.character);
  };
}

/** `$patch` with a value kustomize refuses (it fails with "unknown patch strategy"). */
function directiveValues(file: WorkspaceFile): KubeDiagnostic[] {
  if (file.template || !file.text.includes(PATCH_DIRECTIVE)) return [];
  const out: KubeDiagnostic[] = [];
  for (const placed of file.chunks) {
    for (const { doc } of placed.chunk.docs) {
      visit(doc, {
        Pair(_, pair) {
          if (!isScalar(pair.key) || pair.key.value !== PATCH_DIRECTIVE) return;
          const value = isScalar(pair.value) ? pair.value.value : undefined;
          if (typeof value === 'string' && PATCH_DIRECTIVE_VALUES.includes(value)) return;
          const span = nodeSpan(isScalar(pair.value) ? pair.value : pair.key);
          if (!span) return;
          const written = value === undefined || value === null ? '' : String(value);
          const suggestion = closestMatch(written, PATCH_DIRECTIVE_VALUES);
          const base = localize(coreMessages.patchDirectiveValue, { value: written || '""' });
          out.push({
            range: shiftRange(placed.chunk.rangeOf(span), placed.startLine),
            severity: 'error',
            code: 'invalid-enum',
            message: suggestion
              ? joinTexts(base, localize(coreMessages.didYouMean, { suggestion }))
              : base,
            data: suggestion
              ? { value: written, suggestion, allowed: PATCH_DIRECTIVE_VALUES }
              : { value: written, allowed: PATCH_DIRECTIVE_VALUES },
          });
        },
      });
    }
  }
  return out;
}
