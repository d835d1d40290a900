/**
 * Diagnostics that depend on one `---` chunk only: YAML syntax, duplicate keys, apiVersion/kind,
 * and the schema. Computed once per chunk text and cached on the chunk.
 */
import { isScalar, visit, type Document, type Node, type YAMLError } from 'yaml';
import { coreMessages } from '../i18n/coreMessages';
import { joinTexts, localize } from '../i18n/format';
import { yamlErrorText } from '../i18n/yamlErrors';
import {
  MAX_ALIAS_COUNT,
  structuralErrorOffsets,
  type ParsedChunk,
  type ParsedDocument,
} from '../parse/chunk';
import { goYamlIgnoresTag, meantTag, shallowContinuations } from '../parse/goYaml';
import { MAX_NESTING_DEPTH } from '../parse/limits';
import { nodeSpan, rootKeyIgnoringCase, type Span } from '../parse/nodes';
import type { Recognition } from '../parse/objects';
import {
  apiVersionsOf,
  definitionFor,
  isBuiltinApiVersion,
  isCustomGroupApiVersion,
  allKinds,
  kubernetesVersion,
  preferredApiVersion,
} from '../schema/registry';
import { removedKind } from '../schema/removedKinds';
import { validateObject } from '../schema/validate';
import { isSnapshotApiVersion } from '../kubernetes/snapshots';
import { hasPlaceholder } from '../text/placeholders';
import { closestMatch } from '../text/similarity';
import { substitutionFinder } from './substitutionLines';
import { duplicateKeySpan, duplicateKeys, type DuplicateKey } from './duplicateKeys';
import type { KubeDiagnostic, LocalizedText, Severity } from '../types';

/**
 * What a chunk without problems keeps: one empty list for all of them (most chunks of a large
 * workspace have none, and an empty array each took some 1 MB on 20,000 documents).
 */
const NO_DIAGNOSTICS: readonly KubeDiagnostic[] = Object.freeze([]);

export function chunkDiagnostics(chunk: ParsedChunk): readonly KubeDiagnostic[] {
  if (chunk.diagnostics) return chunk.diagnostics;
  const out: KubeDiagnostic[] = [];
  const add = (
    span: Span,
    code: string,
    message: LocalizedText,
    severity: Severity = 'error',
    data?: Record<string, unknown>,
  ): void => {
    out.push({ range: chunk.rangeOf(span), severity, code, message, ...(data ? { data } : {}) });
  };
  addNestingLimit(chunk, add);
  if (!chunk.template) {
    for (const parsed of chunk.docs)
      documentDiagnostics(chunk, parsed, add, syntaxProblems(chunk, parsed, add));
  }
  chunk.diagnostics = out.length ? out : NO_DIAGNOSTICS;
  return chunk.diagnostics;
}

type Add = (
  span: Span,
  code: string,
  message: LocalizedText,
  severity?: Severity,
  data?: Record<string, unknown>,
) => void;

/**
 * YAML syntax problems only (and the nesting limit), not cached: what a file above
 * `kubeStorage.maxFileSize` still gets (service/largeFile.ts). Template chunks get none.
 */
export function syntaxDiagnostics(chunk: ParsedChunk): KubeDiagnostic[] {
  const out: KubeDiagnostic[] = [];
  const add: Add = (span, code, message, severity = 'error') => {
    out.push({ range: chunk.rangeOf(span), severity, code, message });
  };
  addNestingLimit(chunk, add);
  if (!chunk.template) for (const parsed of chunk.docs) syntaxProblems(chunk, parsed, add);
  return out;
}

/** The chunk nests too deeply to be parsed (parse/limits.ts): one diagnostic where it starts. */
function addNestingLimit(chunk: ParsedChunk, add: Add): void {
  if (chunk.tooDeepAt === undefined) return;
  const at = chunk.tooDeepAt;
  add(
    [at, at + 1],
    'yaml-nesting-limit',
    localize(coreMessages.nestingTooDeep, { max: MAX_NESTING_DEPTH }),
  );
}

/**
 * Adds the parser's errors and warnings; true when the document's structure is broken. A tag the
 * `yaml` package cannot resolve is left alone in a document that is not a Kubernetes object: it
 * belongs to the tool that reads that file (`!!python/name:` in mkdocs.yml, `!Ref` in a
 * CloudFormation template). What Kubernetes reads differently is told as it reads it
 * (parse/goYaml.ts): a tag it ignores, continuation lines it accepts at any column, a repeated
 * key whose last value it keeps. A document whose syntax error is on a line that is only a
 * substitution of a later tool is that tool's template: one note instead of its syntax errors
 * (diagnostics/substitutionLines.ts).
 */
function syntaxProblems(chunk: ParsedChunk, parsed: ParsedDocument, add: Add): boolean {
  const { doc } = parsed;
  let structural = false;
  let duplicates: DuplicateKey[] | undefined;
  const errorLines = new Set<number>();
  // In the order of the text: of several errors on a line, the first is the cause.
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  // An error on a line that is only a substitution is the later tool's: one note for the first
  // such line; errors on the other lines are still errors (they stay after substitution).
  let template: Span | undefined;
  const substitution = substitutionFinder(chunk.text, structuralErrorOffsets);
  const onSubstitution = (pos: readonly [number, number]): boolean => {
    const found = substitution(pos);
    if (found && !template) {
      template = found.span;
      add(found.span, 'yaml-template', found.note, 'information');
    }
    return found !== undefined;
  };
  for (const error of errors) {
    if (error.code === 'DUPLICATE_KEY') {
      duplicates ??= duplicateKeys(chunk, doc);
      const key = duplicates.shift() ?? duplicateKeySpan(chunk, error);
      add(
        key.span,
        'duplicate-key',
        localize(coreMessages.duplicateKey, { key: key.name }),
        'warning',
      );
    } else {
      structural = true;
      if (onSubstitution(error.pos)) continue;
      // The errors after the first on a line follow from it (a Go template action in plain YAML
      // gave four): one is told.
      const line = chunk.lineOf(error.pos[0]);
      if (errorLines.has(line)) continue;
      errorLines.add(line);
      add(error.pos, 'yaml-syntax', syntaxMessage(error));
    }
  }
  for (const warning of doc.warnings) {
    if (warning.code === 'TAG_RESOLVE_FAILED') {
      if (parsed.recognition.type === 'other') continue;
      const ignored = ignoredTag(chunk, doc, warning);
      if (ignored) {
        add(warning.pos, 'yaml-unknown-tag', ignored, 'information');
        continue;
      }
    }
    if (!onSubstitution(warning.pos))
      add(warning.pos, 'yaml-syntax', syntaxMessage(warning), 'warning');
  }
  for (const shallow of shallowContinuations(doc)) {
    const what = {
      quoted: coreMessages.shallowQuoted,
      sequence: coreMessages.shallowSequence,
      mapping: coreMessages.shallowMapping,
    }[shallow.kind];
    add(
      shallow.span,
      'yaml-continuation-indent',
      localize(coreMessages.shallowContinuation, { what }),
      'information',
    );
  }
  return structural;
}

/**
 * The message for a tag Kubernetes ignores (`!!string`, `!Ref`): the value is read as if it
 * were not there. Undefined for a tag Kubernetes knows (`!!int abc`, a value it refuses) or a
 * message of another kind (an undeclared tag handle).
 */
function ignoredTag(
  chunk: ParsedChunk,
  doc: ParsedDocument['doc'],
  warning: YAMLError,
): LocalizedText | undefined {
  const resolved = /^Unresolved tag: (\S+)/.exec(warning.message)?.[1];
  if (!resolved || !goYamlIgnoresTag(resolved)) return undefined;
  const tag = chunk.text.slice(warning.pos[0], warning.pos[1]).trim() || resolved;
  const node = nodeAfter(doc, warning.pos[1]);
  const meant = meantTag(resolved);
  const hint = meant ? localize(coreMessages.didYouMean, { suggestion: meant }) : undefined;
  const base = isScalar(node)
    ? localize(coreMessages.unknownTagScalar, { tag, text: shortText(String(node.value ?? '')) })
    : localize(coreMessages.unknownTagCollection, { tag });
  return hint ? joinTexts(base, hint) : base;
}

/** The node that starts first at or after `offset` (the one a tag ending there belongs to). */
function nodeAfter(doc: ParsedDocument['doc'], offset: number): Node | undefined {
  let found: Node | undefined;
  visit(doc, {
    Node(_, node: Node) {
      const start = node.range?.[0];
      if (start === undefined || start < offset) return;
      if (!found || start < found.range![0]) found = node;
    },
  });
  return found;
}

/** A value shown in a message: its first line, at most 60 characters, without backticks. */
function shortText(value: string): string {
  const line = (value.split('\n')[0] ?? '').replace(/`/g, "'");
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Who does not serve the version: Kubernetes, or for the snapshot kinds the CRDs that define them. */
function unknownApiVersionMessage(apiVersion: string): LocalizedText {
  return isSnapshotApiVersion(apiVersion)
    ? coreMessages.unknownSnapshotApiVersion
    : coreMessages.unknownApiVersion;
}

/** Checks of one object; `structural` when its YAML is broken. A list's items are each checked. */
function documentDiagnostics(
  chunk: ParsedChunk,
  parsed: ParsedDocument,
  add: Add,
  structural: boolean,
): void {
  const { doc, recognition } = parsed;
  if (recognition.type === 'other') return;
  if (recognition.type === 'list') {
    for (const item of parsed.items ?? []) documentDiagnostics(chunk, item, add, structural);
    return;
  }
  if (recognition.type === 'incomplete') {
    incompleteObject(doc, recognition, add);
    return;
  }
  const { facts } = recognition;
  // `kind: ${ROLE_KIND}` of an envsubst template: what it becomes is not known here.
  if (hasPlaceholder(facts.kind) || hasPlaceholder(facts.apiVersion)) return;
  const versions = apiVersionsOf(facts.kind);
  const k8s = kubernetesVersion;
  if (!versions) {
    const removed = removedKind(facts.kind, facts.apiVersion);
    if (removed) {
      const base = localize(coreMessages.removedKind, {
        kind: removed.kind,
        removedIn: removed.removedIn,
        apiVersion: facts.apiVersion,
        k8s,
      });
      add(facts.kindSpan ?? facts.span, 'unknown-kind', joinTexts(base, removed.instead));
    } else if (isBuiltinApiVersion(facts.apiVersion)) {
      const suggestion = closestMatch(facts.kind, allKinds());
      const base = localize(coreMessages.unknownKind, {
        kind: facts.kind,
        apiVersion: facts.apiVersion,
        k8s,
      });
      const hint = suggestion
        ? localize(coreMessages.didYouMean, { suggestion })
        : { en: '', ru: '' };
      const message = joinTexts(base, hint);
      add(
        facts.kindSpan ?? facts.span,
        'unknown-kind',
        message,
        'error',
        suggestion ? { suggestion } : undefined,
      );
    }
    return;
  }
  const definition = definitionFor(facts.kind, facts.apiVersion);
  // A CRD's kind named like a built-in one: checked against its CRD when the workspace has it.
  if (!definition && isCustomGroupApiVersion(facts.apiVersion, facts.kind)) return;
  if (!definition) {
    const expected = preferredApiVersion(facts.kind)!;
    add(
      facts.apiVersionSpan ?? facts.span,
      'unknown-api-version',
      localize(unknownApiVersionMessage(facts.apiVersion), {
        kind: facts.kind,
        apiVersion: facts.apiVersion,
        k8s,
        expected: versions.map((v) => `\`${v}\``).join(', '),
      }),
      'error',
      { suggestion: expected },
    );
    return;
  }
  if (structural) return; // a half-typed document would only produce noise
  const value = parsed.value();
  if (!value.ok) {
    const unresolved = /^Unresolved alias\b.*?: (.*)$/.exec(value.error);
    if (unresolved) {
      const name = unresolved[1] ?? '';
      const detail = localize(coreMessages.unresolvedAlias, { name });
      add(
        aliasSpan(doc, name) ?? facts.span,
        'yaml-syntax',
        localize(coreMessages.yamlSyntax, { detail }),
      );
    } else if (/alias/i.test(value.error)) {
      add(
        facts.span,
        'yaml-alias-limit',
        localize(coreMessages.aliasBomb, { max: MAX_ALIAS_COUNT }),
      );
    } else {
      const max = MAX_NESTING_DEPTH;
      add(facts.span, 'yaml-nesting-limit', localize(coreMessages.nestingTooDeep, { max }));
    }
    return;
  }
  for (const problem of validateObject(doc, value.data, definition, facts.span, chunk.text)) {
    const { span, code, message, severity = 'error', data } = problem;
    add(firstLine(chunk.text, span), code, message, severity, data);
  }
}

/** The first alias `*name` of the document. */
function aliasSpan(doc: Document, name: string): Span | undefined {
  let span: Span | undefined;
  visit(doc, {
    Alias(_, node) {
      if (node.source !== name) return undefined;
      span = nodeSpan(node);
      return visit.BREAK;
    },
  });
  return span;
}

/** A problem with a whole mapping or list is marked on its first line only, not on every line of it. */
function firstLine(text: string, span: Span): Span {
  const newline = text.indexOf('\n', span[0]);
  if (newline === -1 || newline >= span[1]) return span;
  const end = text[newline - 1] === '\r' ? newline - 1 : newline;
  return [span[0], Math.max(span[0] + 1, end)];
}

/** Our text for the package's message (its own first line for a code we have no text for). */
function syntaxMessage(error: YAMLError): LocalizedText {
  const own = yamlErrorText(error.code, error.message);
  const firstLine = error.message.split('\n')[0] ?? error.message;
  return {
    en: localize(coreMessages.yamlSyntax, { detail: own?.en ?? firstLine }).en,
    ru: localize(coreMessages.yamlSyntax, { detail: own?.ru ?? firstLine }).ru,
  };
}

/** An object with only one of `apiVersion` and `kind` (or the other in the wrong case). */
function incompleteObject(
  doc: Document.Parsed,
  recognition: Extract<Recognition, { type: 'incomplete' }>,
  add: Add,
): void {
  const code = recognition.missing === 'apiVersion' ? 'missing-api-version' : 'missing-kind';
  // `apiversion:` or `Kind:` is another key: keys are case-sensitive.
  const miscased = rootKeyIgnoringCase(doc, recognition.missing);
  if (miscased) {
    // `apiversion: <a group of a CRD>` is customResourceDiagnostics' to tell: it knows the CRDs.
    if (code === 'missing-api-version' && !mayGoToApiServer(miscased.value)) return;
    add(
      miscased.span,
      code,
      localize(coreMessages.miscasedKey, { written: miscased.key, key: recognition.missing }),
    );
    return;
  }
  const message =
    recognition.missing === 'apiVersion'
      ? coreMessages.missingApiVersion
      : coreMessages.missingKind;
  add(recognition.span, code, message);
}

/**
 * True when an object whose apiVersion is written under a miscased key (`apiversion:`) would go to
 * an API server: its value is a built-in apiVersion (or not a string, which says nothing). Tools
 * read files of their own that look alike but never go to one (operator-sdk's scorecard
 * `config.yaml` writes `apiversion:`, and Go's JSON decoding ignores case).
 */
function mayGoToApiServer(value: unknown): boolean {
  return typeof value !== 'string' || isBuiltinApiVersion(value);
}
