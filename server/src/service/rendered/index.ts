/**
 * Charts rendered with helm, as part of the workspace: each render is a virtual file in the index
 * (so its claims bind to the workspace's volumes and classes, and every rule sees its objects),
 * and each finding on it is traced back to the template line and the value that produced it and
 * reported there: on the values file and on the template. A failed render is one diagnostic on
 * the values file (see errors.ts).
 */
import type { KubeDiagnostic, Range } from '../types';
import { attributionFrom, eligibleLeaves, leavesThatCouldExplain, valueUses } from './attribution';
import {
  fieldTexts,
  mergeAttribution,
  newEntry,
  nodeRange,
  parsedOf,
  traceAt,
  type Entry,
} from './entry';
import type { RenderProblem } from './errors';
import {
  mergedFinding,
  problemDiagnostic,
  problemTargets,
  sameProblemKey,
  traceFinding,
} from './findings';
import { renderedDocuments, type NodePath } from './output';
import {
  isRenderedUri,
  renderedUri,
  type FindingSource,
  type MarkedRender,
  type RenderedHost,
  type RenderedChartsView,
  type RenderedObject,
  type RenderedTrace,
  type RenderSubject,
  type TracedFinding,
} from './types';
import type { ValueLeaf, ValuesLayer } from './values';

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
  remoteSchemaNote,
  remoteSchemaUrl,
  valuesFileProblem,
  helmMessageText,
  FAILURE_CODES,
  type RenderFailure,
  type RenderFailureReason,
  type RenderProblem,
} from './errors';
export { mergedFinding, sameProblemKey } from './findings';
export { withNamespace } from './namespace';
export { renderedTemplates } from './output';
export {
  renderedStorage,
  renderedStorageFields,
  type RenderedStorage,
  type RenderedClaimRow,
  type RenderedWorkloadRow,
  type RenderedLink,
} from './storage';

export {
  isRenderedUri,
  RENDERED_SCHEME,
  renderedUri,
  type FindingSource,
  type MarkedRender,
  type RenderedHost,
  type RenderedObject,
  type RenderedTrace,
  type RenderSubject,
  type Target,
  type TracedFinding,
} from './types';

export class RenderedCharts implements RenderedChartsView {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly host: RenderedHost) {}

  /**
   * A successful render. Its findings are traced to templates at once and to values when a
   * render with value markers is added for them (addMarked; node/helm/trace.ts decides). A
   * `note` (what the render could not check) is reported on the values file beside them.
   */
  setRendered(subject: RenderSubject, output: string, note?: RenderProblem): void {
    const uri = renderedUri(subject);
    const previous = this.entries.get(subject.key);
    if (previous?.uri && previous.uri !== uri) this.host.removeFile(previous.uri);
    const docs = renderedDocuments(output);
    this.entries.set(subject.key, newEntry(subject, { uri, docs, ...(note ? { note } : {}) }));
    this.host.setFile(uri, output);
  }

  /** A render that failed: the problem is reported instead of findings. */
  setFailed(subject: RenderSubject, problem: RenderProblem): void {
    this.remove(subject.key);
    this.entries.set(subject.key, newEntry(subject, { problem }));
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
    for (const range of ranges) for (const text of fieldTexts(entry, range)) texts.add(text);
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
      const parsed = parsedOf(entry, doc);
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

  remove(key: string): void {
    const entry = this.entries.get(key);
    if (entry?.uri) this.host.removeFile(entry.uri);
    this.entries.delete(key);
  }

  keys(): string[] {
    return [...this.entries.keys()];
  }

  isRendered(uri: string): boolean {
    return isRenderedUri(uri);
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

  /** What a successful render could not check (a values schema it skipped). */
  noteOf(key: string): RenderProblem | undefined {
    return this.entries.get(key)?.note;
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
    const traced = source.findings(entry.uri).map((d) => traceFinding(entry, d));
    entry.cache = { stamp: source.stamp, traced };
    return traced;
  }

  /** Where a range of a rendered file comes from (for binding results and navigation). */
  traceRange(uri: string, range: Range): { entryKey: string; trace: RenderedTrace } | undefined {
    for (const [key, entry] of this.entries) {
      if (entry.uri !== uri) continue;
      return { entryKey: key, trace: traceAt(entry, range) };
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
        for (const t of problemTargets(entry.subject, entry.problem))
          if (t.uri === uri) add({ ...problemDiagnostic(entry.problem), range: t.range });
        continue;
      }
      if (entry.note)
        for (const t of problemTargets(entry.subject, entry.note))
          if (t.uri === uri) add({ ...problemDiagnostic(entry.note), range: t.range });
      for (const [range, group] of sameFindingOnSameRange(this.traced(key, source), uri))
        add({ ...mergedFinding(entry.subject, group), range });
    }
    return out;
  }

  private concerns(entry: Entry, uri: string): boolean {
    const s = entry.subject;
    if (s.primaryUri === uri) return true;
    if (s.merged.layers.some((l) => l.uri === uri)) return true;
    return !!s.chartUri && uri.startsWith(s.chartUri);
  }
}

/**
 * The findings placed on `uri`, grouped when they are the same problem (code and message before
 * tracing) on the same range: one value that several rendered objects turned into one mistake.
 */
function sameFindingOnSameRange(
  findings: readonly TracedFinding[],
  uri: string,
): [Range, TracedFinding[]][] {
  const groups = new Map<string, [Range, TracedFinding[]]>();
  for (const finding of findings)
    for (const t of finding.targets) {
      if (t.uri !== uri) continue;
      const id = sameProblemKey(uri, t.range, finding);
      const group = groups.get(id);
      if (group) group[1].push(finding);
      else groups.set(id, [t.range, [finding]]);
    }
  return [...groups.values()];
}
