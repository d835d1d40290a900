/**
 * Charts rendered with helm, as part of the workspace: each render is a virtual file in the index
 * (so its claims bind to the workspace's volumes and classes, and every rule sees its objects),
 * and each finding on it is traced back to the template line and the value that produced it and
 * reported there: on the values file and on the template. A failed render is one diagnostic on
 * the values file (see errors.ts).
 */
import { isMap, isScalar, isSeq } from 'yaml';
import type { KubeDiagnostic, Range } from '../types';
import { localize } from '../i18n/format';
import {
  attributionFrom,
  eligibleLeaves,
  leavesThatCouldExplain,
  valueUses,
  type Attribution,
  type Perturbation,
} from './attribution';
import type { RenderProblem } from './errors';
import { renderMessages as m } from './renderMessages';
import {
  documentAtLine,
  documentKey,
  parseRendered,
  pathAt,
  pathKey,
  renderedDocuments,
  scalarsOf,
  type NodePath,
  type ParsedRendered,
  type RenderedDocument,
} from './output';
import { templateKeyLines, templateLineOf, type TemplateKeyLine } from './templateLines';
import { valuePathText, type MergedValues, type ValueLeaf, type ValuesLayer } from './values';

export {
  fileLayerData,
  MergedValues,
  mergeValuesFiles,
  parseSetPair,
  valuePathText,
  type ValuesLayer,
} from './values';
export { eligibleLeaves, goFloat, perturbation, valueUses, type Perturbation } from './attribution';
export type { ValueLeaf } from './values';
export {
  renderProblem,
  valuesFileProblem,
  helmMessageText,
  FAILURE_CODES,
  type RenderFailure,
  type RenderFailureReason,
  type RenderProblem,
} from './errors';
export { withNamespace } from './namespace';
export {
  renderedStorage,
  renderedStorageFields,
  type RenderedStorage,
  type RenderedClaimRow,
  type RenderedWorkloadRow,
  type RenderedLink,
} from './storage';

export const RENDERED_SCHEME = 'kube-storage-rendered';

export interface RenderSubject {
  /** Identity of the render: the chart and the values file(s) it is for. */
  key: string;
  chartName: string;
  /** The release name given to helm. */
  release?: string;
  /** The chart folder's URI ending with `/` (a packaged chart has none: no template files to show). */
  chartUri?: string;
  /** The chart's files by chart-relative path (templates/…, values.yaml). */
  templates: ReadonlyMap<string, string>;
  merged: MergedValues;
  /** The values file whose Problems get every finding of this render. */
  primaryUri?: string;
}

/** Where a rendered finding comes from. */
export interface RenderedTrace {
  /** `templates/statefulset.yaml` (chart-relative), when helm said which template printed it. */
  template?: string;
  /** 0-based line in the template, when exactly one template line fits. */
  templateLine?: number;
  /** `StatefulSet demo-ledger`. */
  object?: string;
  /** The values that produced the field, first the one the finding is reported on. */
  values: ValueLeaf[];
}

export interface TracedFinding {
  /** The finding as the rules and the schema report it on the rendered output. */
  original: KubeDiagnostic;
  trace: RenderedTrace;
  /** The finding to show, with the trace in its message and in `data.rendered`. */
  diagnostic: KubeDiagnostic;
  /** Files and ranges it is reported on. */
  targets: { uri: string; range: Range }[];
}

/** The output of the render with value markers (attribution.ts). */
export interface MarkedRender {
  output: string;
  perturbation: Perturbation;
}

interface Entry {
  subject: RenderSubject;
  uri?: string;
  docs?: RenderedDocument[];
  attribution?: Attribution;
  /** Values that may be traced (attribution.ts eligibleLeaves), worked out when first needed. */
  eligible?: ValueLeaf[];
  /** Values already given a marker in a render (found in a field or not). */
  marked: Set<ValueLeaf>;
  problem?: RenderProblem;
  parsed: Map<RenderedDocument, ParsedRendered>;
  keyLines: Map<string, TemplateKeyLine[]>;
  cache?: { stamp: string; traced: TracedFinding[] };
}

export interface RenderedHost {
  setFile(uri: string, text: string): void;
  removeFile(uri: string): void;
}

/** The findings on a file of the index, with the caller's settings. */
export interface FindingSource {
  findings(uri: string): KubeDiagnostic[];
  /** Changes whenever the findings of any file may have changed (index generation + settings). */
  stamp: string;
}

const FIRST_LINE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class RenderedCharts {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly host: RenderedHost) {}

  /**
   * A successful render. Its findings are traced to templates at once and to values when a
   * render with value markers is added for them (addMarked; node/helm/trace.ts decides).
   */
  setRendered(subject: RenderSubject, output: string): void {
    const uri = renderedUri(subject);
    const previous = this.entries.get(subject.key);
    if (previous?.uri && previous.uri !== uri) this.host.removeFile(previous.uri);
    this.entries.set(subject.key, {
      subject,
      uri,
      docs: renderedDocuments(output),
      marked: new Set(),
      parsed: new Map(),
      keyLines: new Map(),
    });
    this.host.setFile(uri, output);
  }

  /** A render that failed: the problem is reported instead of findings. */
  setFailed(subject: RenderSubject, problem: RenderProblem): void {
    this.remove(subject.key);
    this.entries.set(subject.key, {
      subject,
      problem,
      marked: new Set(),
      parsed: new Map(),
      keyLines: new Map(),
    });
  }

  /**
   * The places of a render's findings that no value explains yet (the ones a render with value
   * markers could trace).
   */
  untracedFindings(key: string, source: FindingSource): Range[] {
    return this.traced(key, source)
      .filter((f) => !f.trace.values.length)
      .map((f) => f.original.range);
  }

  /**
   * The values to mark so that the fields at `ranges` (of the rendered file) can be traced: the
   * eligible ones whose text could be in those fields and that no render has marked yet. Empty
   * when no value could explain them: then no second render is needed.
   */
  valuesToMark(key: string, ranges: readonly Range[]): ValueLeaf[] {
    const entry = this.entries.get(key);
    if (!entry?.docs || !ranges.length) return [];
    const texts = new Set<string>();
    for (const range of ranges) for (const text of this.fieldTexts(entry, range)) texts.add(text);
    if (!texts.size) return [];
    entry.eligible ??= eligibleLeaves(entry.subject.merged, valueUses(entry.subject.templates));
    const open = entry.eligible.filter((leaf) => !entry.marked.has(leaf));
    return leavesThatCouldExplain(open, [...texts]);
  }

  /**
   * The render with markers on `leaves` (undefined when it could not be made: the chart rejected a
   * marker, or helm was too slow). The fields that hold a marker are traced to its value; the
   * leaves are not marked again either way.
   */
  addMarked(key: string, leaves: readonly ValueLeaf[], marked: MarkedRender | undefined): void {
    const entry = this.entries.get(key);
    if (!entry?.docs) return;
    for (const leaf of leaves) entry.marked.add(leaf);
    if (!marked) return;
    const found = attributionFrom(entry.docs, marked.output, marked.perturbation);
    entry.attribution = mergeAttribution(entry.attribution, found);
    entry.cache = undefined;
  }

  /**
   * The rendered objects of a render: each document's data, its lines in the rendered file, and
   * the range of any field in it (to trace that field with traceRange).
   */
  objects(key: string): RenderedObject[] {
    const entry = this.entries.get(key);
    if (!entry?.docs || !entry.uri) return [];
    return entry.docs.map((doc) => {
      const parsed = this.parsedOf(entry, doc);
      let data: unknown;
      try {
        data = parsed.doc.toJS({ maxAliasCount: 100 });
      } catch {
        data = undefined;
      }
      return {
        kind: doc.kind,
        name: doc.name,
        startLine: doc.startLine,
        endLine: doc.endLine,
        data,
        rangeOf: (path: NodePath) => nodeRange(parsed, doc.startLine, path),
      };
    });
  }

  /** The texts of the scalars at a range of the rendered file and under it. */
  private fieldTexts(entry: Entry, range: Range): string[] {
    const doc = entry.docs && documentAtLine(entry.docs, range.start.line);
    if (!doc) return [];
    const parsed = this.parsedOf(entry, doc);
    const path = pathAt(parsed, range.start.line - doc.startLine, range.start.character);
    let node: unknown = parsed.doc.contents;
    for (const key of path) {
      if (isMap(node))
        node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.value;
      else node = isSeq(node) && typeof key === 'number' ? node.items[key] : undefined;
      if (node === undefined || node === null) return [];
    }
    const texts: string[] = [];
    for (const { value } of scalarsOf(node)) texts.push(value);
    return texts;
  }

  private parsedOf(entry: Entry, doc: RenderedDocument): ParsedRendered {
    let parsed = entry.parsed.get(doc);
    if (!parsed) {
      parsed = parseRendered(doc.text);
      entry.parsed.set(doc, parsed);
    }
    return parsed;
  }

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry?.uri) this.host.removeFile(entry.uri);
    this.entries.delete(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  isRendered(uri: string): boolean {
    return uri.startsWith(`${RENDERED_SCHEME}:`);
  }

  /** The virtual file of a render, if it succeeded. */
  uriOf(key: string): string | undefined {
    return this.entries.get(key)?.uri;
  }

  /** A values layer of a render (the chart's values.yaml, a values file, `--set`). */
  layerOf(key: string, layer: number): ValuesLayer | undefined {
    return this.entries.get(key)?.subject.merged.layers[layer];
  }

  problemOf(key: string): RenderProblem | undefined {
    return this.entries.get(key)?.problem;
  }

  /** What a render is of: the chart, the release, the values files. */
  subjectOf(key: string): RenderSubject | undefined {
    return this.entries.get(key)?.subject;
  }

  /** Every finding of a render, traced. */
  traced(key: string, source: FindingSource): TracedFinding[] {
    const entry = this.entries.get(key);
    if (!entry?.uri) return [];
    if (entry.cache?.stamp === source.stamp) return entry.cache.traced;
    const traced = source.findings(entry.uri).map((d) => this.traceOne(entry, d));
    entry.cache = { stamp: source.stamp, traced };
    return traced;
  }

  /** Where a range of a rendered file comes from (for binding results and navigation). */
  traceRange(uri: string, range: Range): { entryKey: string; trace: RenderedTrace } | undefined {
    for (const [key, entry] of this.entries) {
      if (entry.uri !== uri) continue;
      return { entryKey: key, trace: this.traceAt(entry, range) };
    }
    return undefined;
  }

  /** The findings of every render that belong on `uri` (a values file or a template). */
  diagnosticsFor(uri: string, source: FindingSource): KubeDiagnostic[] {
    const out: KubeDiagnostic[] = [];
    const seen = new Set<string>();
    const add = (d: KubeDiagnostic) => {
      const id = `${d.range.start.line}:${d.range.start.character}:${d.code}:${d.message.en}`;
      if (!seen.has(id)) {
        seen.add(id);
        out.push(d);
      }
    };
    for (const [key, entry] of this.entries) {
      if (!this.concerns(entry, uri)) continue;
      if (entry.problem) {
        for (const t of this.problemTargets(entry, entry.problem))
          if (t.uri === uri) add({ ...this.problemDiagnostic(entry.problem), range: t.range });
        continue;
      }
      for (const finding of this.traced(key, source))
        for (const t of finding.targets)
          if (t.uri === uri) add({ ...finding.diagnostic, range: t.range });
    }
    return out;
  }

  private concerns(entry: Entry, uri: string): boolean {
    const s = entry.subject;
    if (s.primaryUri === uri) return true;
    if (s.merged.layers.some((l) => l.uri === uri)) return true;
    return !!s.chartUri && uri.startsWith(s.chartUri);
  }

  private problemDiagnostic(problem: RenderProblem): KubeDiagnostic {
    return {
      range: FIRST_LINE,
      severity: problem.severity,
      code: problem.code,
      message: problem.message,
      data: { rendered: { template: problem.template?.path ?? null } },
    };
  }

  private problemTargets(entry: Entry, problem: RenderProblem): { uri: string; range: Range }[] {
    const s = entry.subject;
    const out: { uri: string; range: Range }[] = [];
    const site = problem.valueSite;
    const siteUri = site ? s.merged.layers[site.layer]?.uri : undefined;
    if (site && siteUri) out.push({ uri: siteUri, range: site.range });
    if (s.primaryUri && siteUri !== s.primaryUri)
      out.push({ uri: s.primaryUri, range: this.firstLine(entry, s.primaryUri) });
    if (problem.template && s.chartUri && s.templates.has(problem.template.path)) {
      const uri = s.chartUri + problem.template.path;
      out.push({
        uri,
        range: lineRange(s.templates.get(problem.template.path)!, problem.template.line),
      });
    }
    return out;
  }

  private firstLine(entry: Entry, uri: string): Range {
    const layer = entry.subject.merged.layers.find((l) => l.uri === uri);
    const text = layer?.text ?? '';
    return lineRange(text, 0);
  }

  private traceOne(entry: Entry, original: KubeDiagnostic): TracedFinding {
    const trace = this.traceAt(entry, original.range);
    const s = entry.subject;
    const targets: { uri: string; range: Range }[] = [];
    const leaf = trace.values[0];
    const leafUri = leaf ? s.merged.layers[leaf.layer]?.uri : undefined;
    if (leaf && leafUri) targets.push({ uri: leafUri, range: leaf.range });
    if (s.primaryUri && leafUri !== s.primaryUri)
      targets.push({ uri: s.primaryUri, range: this.firstLine(entry, s.primaryUri) });
    if (trace.template && s.chartUri && s.templates.has(trace.template)) {
      const text = s.templates.get(trace.template)!;
      targets.push({
        uri: s.chartUri + trace.template,
        range: lineRange(text, trace.templateLine ?? 0),
      });
    }
    const whereText = (lang: 'en' | 'ru'): string => {
      const parts: string[] = [];
      if (trace.template) {
        const t =
          trace.templateLine !== undefined
            ? localize(m.tracedTemplate, { template: trace.template, line: trace.templateLine + 1 })
            : localize(m.tracedTemplateNoLine, { template: trace.template });
        parts.push(t[lang]);
      }
      for (const v of trace.values.slice(0, 3)) {
        const layer = s.merged.layers[v.layer]!;
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
    };
    const object = trace.object ?? s.chartName;
    const message = {
      en: localize(m.traced, { object, where: whereText('en'), message: original.message.en }).en,
      ru: localize(m.traced, { object, where: whereText('ru'), message: original.message.ru }).ru,
    };
    const diagnostic: KubeDiagnostic = {
      range: original.range,
      severity: original.severity,
      code: original.code,
      message,
      data: {
        rendered: {
          template: trace.template ?? null,
          templateLine: trace.templateLine ?? null,
          object: trace.object ?? null,
          values: trace.values.map((v) => ({
            path: valuePathText(v.path),
            file: s.merged.layers[v.layer]!.label,
            uri: s.merged.layers[v.layer]!.uri ?? null,
            line: s.merged.layers[v.layer]!.kind === 'set' ? null : v.range.start.line,
            set: v.pair ?? null,
          })),
        },
      },
    };
    return { original, trace, diagnostic, targets };
  }

  private traceAt(entry: Entry, range: Range): RenderedTrace {
    const doc = entry.docs && documentAtLine(entry.docs, range.start.line);
    if (!doc) return { values: [] };
    const parsed = this.parsedOf(entry, doc);
    const relative = range.start.line - doc.startLine;
    const path = pathAt(parsed, relative, range.start.character);
    const values = attributedLeaves(entry.attribution?.get(documentKey(doc)), path);
    const object = doc.kind ? `${doc.kind}${doc.name ? ` ${doc.name}` : ''}` : undefined;
    const template = doc.source?.slice(doc.source.indexOf('/') + 1);
    if (!template) return { values, object };
    const text = entry.subject.templates.get(template);
    if (text === undefined) return { template, values, object };
    let keyLines = entry.keyLines.get(template);
    if (!keyLines) {
      keyLines = templateKeyLines(text);
      entry.keyLines.set(template, keyLines);
    }
    const renderedLine = doc.text.split('\n')[relative]?.trim();
    const templateLine = templateLineOf(
      keyLines,
      {
        path,
        renderedLine,
        valuePaths: values.map((v) => v.path.filter((p) => typeof p === 'string').join('.')),
      },
      text,
    );
    return { template, templateLine, values, object };
  }
}

export interface RenderedObject {
  kind?: string;
  name?: string;
  /** 0-based lines of the document in the rendered file. */
  startLine: number;
  endLine: number;
  /** The document as plain data (undefined when it cannot be read). */
  data: unknown;
  /** The range of a field's value (or key) in the rendered file. */
  rangeOf(path: NodePath): Range | undefined;
}

function nodeRange(parsed: ParsedRendered, startLine: number, path: NodePath): Range | undefined {
  let node: unknown = parsed.doc.contents;
  for (const key of path) {
    if (isMap(node))
      node = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key)?.value;
    else node = isSeq(node) && typeof key === 'number' ? node.items[key] : undefined;
    if (node === undefined || node === null) return undefined;
  }
  const r = (node as { range?: [number, number, number] }).range;
  if (!r) return undefined;
  const a = parsed.lines.linePos(r[0]);
  const b = parsed.lines.linePos(r[1]);
  return {
    start: { line: startLine + a.line - 1, character: a.col - 1 },
    end: { line: startLine + b.line - 1, character: b.col - 1 },
  };
}

/** Two attributions of one render (from renders with markers on different values) as one. */
function mergeAttribution(a: Attribution | undefined, b: Attribution): Attribution {
  if (!a) return b;
  for (const [doc, fields] of b) {
    const into = a.get(doc) ?? new Map<string, ValueLeaf[]>();
    for (const [field, leaves] of fields)
      into.set(field, [...new Set([...(into.get(field) ?? []), ...leaves])]);
    a.set(doc, into);
  }
  return a;
}

/** The leaves of a field, or of the fields under it when it is a small block (at most three). */
function attributedLeaves(
  fields: Map<string, ValueLeaf[]> | undefined,
  path: NodePath,
): ValueLeaf[] {
  if (!fields) return [];
  const own = fields.get(pathKey(path));
  if (own) return own;
  const prefix = pathKey(path);
  const below = new Set<ValueLeaf>();
  for (const [key, leaves] of fields)
    if (key.startsWith(prefix + '.') || key.startsWith(prefix + '['))
      for (const leaf of leaves) below.add(leaf);
  return below.size && below.size <= 3 ? [...below] : [];
}

function lineRange(text: string, line: number): Range {
  const lineText = text.split(/\r?\n/)[line] ?? '';
  const start = lineText.length - lineText.trimStart().length;
  return {
    start: { line, character: start },
    end: { line, character: lineText.trimEnd().length },
  };
}

/** A stable virtual URI for a render (FNV-1a of its key: no node modules in the service). */
export function renderedUri(subject: Pick<RenderSubject, 'key' | 'chartName'>): string {
  let hash = 0x811c9dc5;
  for (let i = 0; i < subject.key.length; i++) {
    hash ^= subject.key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  const name = subject.chartName.replace(/[^\w.-]/g, '_') || 'chart';
  return `${RENDERED_SCHEME}:/${hash.toString(16)}/${name}.yaml`;
}
