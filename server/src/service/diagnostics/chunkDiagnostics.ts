/**
 * Diagnostics that depend on one `---` chunk only: YAML syntax, duplicate keys, apiVersion/kind,
 * and the schema. Computed once per chunk text and cached on the chunk.
 */
import type { YAMLError } from 'yaml';
import { coreMessages, yamlErrorTexts } from '../i18n/coreMessages';
import { localize } from '../i18n/format';
import { MAX_ALIAS_COUNT, type ParsedChunk, type ParsedDocument } from '../parse/chunk';
import type { Span } from '../parse/nodes';
import {
  apiVersionsOf,
  definitionFor,
  isBuiltinApiVersion,
  allKinds,
  kubernetesVersion,
  preferredApiVersion,
} from '../schema/registry';
import { validateObject } from '../schema/validate';
import { closestMatch } from '../text/similarity';
import type { KubeDiagnostic, LocalizedText, Severity } from '../types';

export function chunkDiagnostics(chunk: ParsedChunk): KubeDiagnostic[] {
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
  if (!chunk.template) {
    for (const parsed of chunk.docs) documentDiagnostics(chunk, parsed, add);
  }
  chunk.diagnostics = out;
  return out;
}

type Add = (
  span: Span,
  code: string,
  message: LocalizedText,
  severity?: Severity,
  data?: Record<string, unknown>,
) => void;

function documentDiagnostics(chunk: ParsedChunk, parsed: ParsedDocument, add: Add): void {
  const { doc, recognition } = parsed;
  let structural = false;
  for (const error of doc.errors) {
    if (error.code === 'DUPLICATE_KEY') {
      add(
        error.pos,
        'duplicate-key',
        localize(coreMessages.duplicateKey, { key: duplicateKeyName(chunk, error) }),
      );
    } else {
      structural = true;
      add(error.pos, 'yaml-syntax', syntaxMessage(error));
    }
  }
  for (const warning of doc.warnings) {
    add(warning.pos, 'yaml-syntax', syntaxMessage(warning), 'warning');
  }
  if (recognition.type === 'other') return;
  if (recognition.type === 'incomplete') {
    const message =
      recognition.missing === 'apiVersion'
        ? coreMessages.missingApiVersion
        : coreMessages.missingKind;
    add(
      recognition.span,
      recognition.missing === 'apiVersion' ? 'missing-api-version' : 'missing-kind',
      message,
    );
    return;
  }
  const { facts } = recognition;
  const versions = apiVersionsOf(facts.kind);
  const k8s = kubernetesVersion;
  if (!versions) {
    if (isBuiltinApiVersion(facts.apiVersion)) {
      const suggestion = closestMatch(facts.kind, allKinds());
      const base = localize(coreMessages.unknownKind, {
        kind: facts.kind,
        apiVersion: facts.apiVersion,
        k8s,
      });
      const hint = suggestion
        ? localize(coreMessages.didYouMean, { suggestion })
        : { en: '', ru: '' };
      const message = { en: base.en + hint.en, ru: base.ru + hint.ru };
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
  if (!definition) {
    const expected = preferredApiVersion(facts.kind)!;
    add(
      facts.apiVersionSpan ?? facts.span,
      'unknown-api-version',
      localize(coreMessages.unknownApiVersion, {
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
    add(facts.span, 'yaml-alias-limit', localize(coreMessages.aliasBomb, { max: MAX_ALIAS_COUNT }));
    return;
  }
  for (const problem of validateObject(doc, value.data, definition, facts.span)) {
    add(problem.span, problem.code, problem.message, 'error', problem.data);
  }
}

function syntaxMessage(error: YAMLError): LocalizedText {
  const own = yamlErrorTexts[error.code];
  const firstLine = error.message.split('\n')[0] ?? error.message;
  return {
    en: localize(coreMessages.yamlSyntax, { detail: own?.en ?? firstLine }).en,
    ru: localize(coreMessages.yamlSyntax, { detail: own?.ru ?? firstLine }).ru,
  };
}

function duplicateKeyName(chunk: ParsedChunk, error: YAMLError): string {
  const text = chunk.text.slice(error.pos[0], Math.min(error.pos[1], error.pos[0] + 80));
  const key = text.split(':')[0]?.trim();
  return key || '?';
}
