/**
 * A render's findings and failures as the user sees them: on the value that produced the field
 * (in its values file), on the values file the render is for, and on the template line; the
 * message says which object, template line and values it comes from (both languages).
 */
import type { KubeDiagnostic, LocalizedText, Range } from '../types';
import { afterColon, localize } from '../i18n/format';
import { traceAt, type Entry, type FindingAbout } from './entry';
import type { RenderProblem } from './errors';
import { renderMessages as m } from './renderMessages';
import type { RenderedTrace, RenderSubject, Target, TracedFinding } from './types';
import { valuePathText } from './values';

const FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function lineRange(text: string, line: number): Range {
  const lineText = text.split(/\r?\n/)[line] ?? '';
  const start = lineText.length - lineText.trimStart().length;
  return {
    start: { line, character: start },
    end: { line, character: lineText.trimEnd().length },
  };
}

/** The first line of a values layer of the render (where findings no value explains go). */
function firstLine(subject: RenderSubject, uri: string): Range {
  const layer = subject.merged.layers.find((l) => l.uri === uri);
  return lineRange(layer?.text ?? '', 0);
}

/**
 * Where something is reported: on the value's site (when it is in a file), on the render's own
 * values file (its first line, when the value is elsewhere), and on the template line.
 */
function targetsOf(
  subject: RenderSubject,
  site: Target | undefined,
  template: { path: string; line: number } | undefined,
): Target[] {
  const out: Target[] = [];
  if (site) out.push(site);
  if (subject.primaryUri && site?.uri !== subject.primaryUri)
    out.push({ uri: subject.primaryUri, range: firstLine(subject, subject.primaryUri) });
  if (template && subject.chartUri && subject.templates.has(template.path))
    out.push({
      uri: subject.chartUri + template.path,
      range: lineRange(subject.templates.get(template.path)!, template.line),
    });
  return out;
}

export function problemDiagnostic(problem: RenderProblem): KubeDiagnostic {
  return {
    range: FIRST_LINE,
    severity: problem.severity,
    code: problem.code,
    message: problem.message,
    data: { rendered: { template: problem.template?.path ?? null } },
  };
}

export function problemTargets(subject: RenderSubject, problem: RenderProblem): Target[] {
  const site = problem.valueSite;
  const siteUri = site ? subject.merged.layers[site.layer]?.uri : undefined;
  return targetsOf(
    subject,
    site && siteUri ? { uri: siteUri, range: site.range } : undefined,
    problem.template,
  );
}

/** "templates/x.yaml, line 3; value a.b (my-values.yaml, line 6)" in one language. */
function whereText(subject: RenderSubject, trace: RenderedTrace, lang: 'en' | 'ru'): string {
  const parts: string[] = [];
  if (trace.template) {
    const t =
      trace.templateLine !== undefined
        ? localize(m.tracedTemplate, { template: trace.template, line: trace.templateLine + 1 })
        : localize(m.tracedTemplateNoLine, { template: trace.template });
    parts.push(t[lang]);
  }
  for (const v of trace.values.slice(0, 3)) {
    const layer = subject.merged.layers[v.layer]!;
    const text =
      layer.kind === 'set'
        ? localize(m.tracedSet, { value: valuePathText(v.path), pair: v.pair ?? '' })
        : localize(m.tracedValue, {
            value: valuePathText(v.path),
            file: layer.label,
            line: v.range.start.line + 1,
          });
    parts.push(text[lang]);
  }
  return parts.join('; ');
}

function tracedMessage(
  subject: RenderSubject,
  trace: RenderedTrace,
  message: LocalizedText,
  more = 0,
): LocalizedText {
  const first = trace.object ?? subject.chartName;
  const object =
    more === 1
      ? localize(m.tracedOneMoreObject, { first })
      : more
        ? localize(m.tracedObjects, { first, count: more })
        : { en: first, ru: first };
  const joined = afterColon(message);
  const text = (lang: 'en' | 'ru') =>
    localize(m.traced, {
      object: object[lang],
      where: whereText(subject, trace, lang),
      message: joined[lang],
    })[lang];
  return { en: text('en'), ru: text('ru') };
}

/**
 * What makes the findings of several rendered objects one problem at one place (`mergedFinding`):
 * the same file and range, the same code and the same message before tracing.
 */
export function sameProblemKey(uri: string, range: Range, finding: TracedFinding): string {
  const { start, end } = range;
  const { code, message } = finding.original;
  return `${uri}|${start.line}:${start.character}-${end.line}:${end.character}|${code}|${message.en}`;
}

/**
 * One finding for several objects that a value gave the same problem (an `existingClaim` that
 * seven workloads of a chart mount, each "not found"): said once on that line, naming the first
 * object and how many more, with the template left out when the objects come from several.
 * Several findings in one object (a class given to every claim template a loop of the
 * StatefulSet writes) are that one object, not more.
 */
export function mergedFinding(
  subject: RenderSubject,
  group: readonly TracedFinding[],
): KubeDiagnostic {
  const [first] = group;
  if (group.length === 1) return first!.diagnostic;
  const sameTemplate = group.every((f) => f.trace.template === first!.trace.template);
  const trace = sameTemplate ? first!.trace : { ...first!.trace, template: undefined };
  const otherObjects = new Set(group.map((f) => f.trace.object)).size - 1;
  return {
    ...first!.diagnostic,
    message: tracedMessage(subject, trace, first!.original.message, otherObjects),
  };
}

/** `data.rendered` of a traced finding: the template, the object and the values behind it. */
function tracedData(subject: RenderSubject, trace: RenderedTrace): KubeDiagnostic['data'] {
  return {
    rendered: {
      template: trace.template ?? null,
      templateLine: trace.templateLine ?? null,
      object: trace.object ?? null,
      values: trace.values.map((v) => {
        const layer = subject.merged.layers[v.layer]!;
        return {
          path: valuePathText(v.path),
          file: layer.label,
          uri: layer.uri ?? null,
          line: layer.kind === 'set' ? null : v.range.start.line,
          set: v.pair ?? null,
        };
      }),
    },
  };
}

/** Codes of findings on a key's name: a value printed under the key did not write it. */
const KEY_CODES = new Set(['unknown-field', 'duplicate-key']);

/** What a finding says of its field that tracing needs (entry.ts FindingAbout). */
function aboutOf(d: KubeDiagnostic): FindingAbout {
  const field = d.data?.field;
  return {
    key: KEY_CODES.has(String(d.code)),
    missing: d.code === 'missing-required' && typeof field === 'string' ? field : undefined,
  };
}

/** A finding on the rendered file, traced and placed. */
export function traceFinding(entry: Entry, original: KubeDiagnostic): TracedFinding {
  const trace = traceAt(entry, original.range, aboutOf(original));
  const s = entry.subject;
  const leaf = trace.values[0];
  const leafUri = leaf ? s.merged.layers[leaf.layer]?.uri : undefined;
  const targets = targetsOf(
    s,
    leaf && leafUri ? { uri: leafUri, range: leaf.range } : undefined,
    trace.template ? { path: trace.template, line: trace.templateLine ?? 0 } : undefined,
  );
  const diagnostic: KubeDiagnostic = {
    range: original.range,
    severity: original.severity,
    code: original.code,
    message: tracedMessage(s, trace, original.message),
    data: tracedData(s, trace),
  };
  return { original, trace, diagnostic, targets };
}
