/** One YAML file of the workspace: its chunks, reused across versions when their text is unchanged. */
import { ParsedChunk, objectDocuments } from '../parse/chunk';
import { splitDocuments, type TextChunk } from '../parse/split';
import type { ObjectFacts } from '../parse/objects';
import type { Position, Range } from '../types';
import type { ParsedDocument } from '../parse/chunk';
import { summarizeChunk, type FileSummary } from '../parse/summary';

export interface PlacedChunk {
  chunk: ParsedChunk;
  startLine: number;
}

/**
 * Where an object comes from: `manifest`, a `---` document (or a list item) of a workspace file —
 * linted, linked, simulated; `cluster`, an object of a cluster snapshot (what `kubectl get -o
 * yaml` printed) — it exists in the cluster: it satisfies links and takes part in binding as
 * existing state, and is never linted.
 */
export type ObjectOrigin = 'manifest' | 'cluster';

/** A Kubernetes object found in a file, with absolute ranges. */
export interface IndexedObject {
  uri: string;
  origin: ObjectOrigin;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
  range: Range;
  nameRange?: Range;
  /** The line it starts on (`range.start.line`), without working out its range. */
  startLine: number;
  /** True when the object comes from a Helm template (names may be partial). */
  template: boolean;
  /**
   * The object an operator creates this one from (workspace/madeObjects.ts): its text is inside
   * that object, and it is not linted itself.
   */
  madeFrom?: ObjectMaker;
  /** The parsed document and its chunk, for rules that read the whole object. */
  document: ParsedDocument;
  placed: PlacedChunk;
}

/**
 * What an object is made from (workspace/madeObjects.ts): an object of a file (an operator's
 * ConfigMap, a Helm release), or a document that is none (an umbrella chart's Chart.yaml).
 */
export type ObjectMaker = Pick<
  IndexedObject,
  'uri' | 'document' | 'placed' | 'startLine' | 'range' | 'template'
>;

const objectsByPlacement = new WeakMap<
  PlacedChunk,
  { uri: string; origin: ObjectOrigin; objects: IndexedObject[] }
>();

export class WorkspaceFile {
  readonly chunks: PlacedChunk[];
  private objectList?: IndexedObject[];

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly version: number,
    readonly template: boolean,
    previous?: WorkspaceFile,
    readonly origin: ObjectOrigin = 'manifest',
    options: { summary?: FileSummary; open?: boolean } = {},
  ) {
    const pieces = splitDocuments(text);
    const summary =
      options.summary?.template === template && options.summary.chunks.length === pieces.length
        ? options.summary
        : undefined;
    this.chunks = placeChunks(
      pieces,
      previous?.template === template ? previous : undefined,
      template,
      summary,
      // A first version read from disk: its chunks may be views into the text this file holds.
      previous !== undefined || options.open === true,
    );
    // An open file keeps its trees (every keystroke reads them); the others may drop theirs.
    for (const placed of this.chunks) placed.chunk.pin(options.open === true);
  }

  /** What the index keeps of this file without its trees (to hand it to another thread). */
  summary(): FileSummary {
    return { template: this.template, chunks: this.chunks.map((p) => summarizeChunk(p.chunk)) };
  }

  /** Drops the parsed trees its chunks hold (not an open file's); they are built again if read. */
  releaseTrees(): void {
    for (const placed of this.chunks) placed.chunk.release();
  }

  objects(): IndexedObject[] {
    if (!this.objectList) {
      this.objectList = [];
      for (const placed of this.chunks) this.objectList.push(...this.objectsOf(placed));
    }
    return this.objectList;
  }

  /** The objects of one placed chunk, shared with earlier versions that had it on the same line. */
  private objectsOf(placed: PlacedChunk): IndexedObject[] {
    const hit = objectsByPlacement.get(placed);
    if (hit?.uri === this.uri && hit.origin === this.origin) return hit.objects;
    const objects: IndexedObject[] = [];
    for (const document of objectDocuments(placed.chunk.docs)) {
      if (document.recognition.type !== 'object') continue;
      objects.push(this.toIndexed(placed, document, document.recognition.facts));
    }
    objectsByPlacement.set(placed, { uri: this.uri, origin: this.origin, objects });
    return objects;
  }

  /** The chunk holding a position, with the position made relative to it. */
  chunkAt(position: Position): { placed: PlacedChunk; relative: Position } | undefined {
    let found: PlacedChunk | undefined;
    for (const placed of this.chunks) {
      if (placed.startLine <= position.line) found = placed;
      else break;
    }
    if (!found) return undefined;
    return {
      placed: found,
      relative: { line: position.line - found.startLine, character: position.character },
    };
  }

  private toIndexed(
    placed: PlacedChunk,
    document: ParsedDocument,
    facts: ObjectFacts,
  ): IndexedObject {
    const name =
      this.template && facts.name !== undefined && !facts.name.trim() ? undefined : facts.name;
    return new IndexedDocument(this.uri, this.origin, this.template, name, facts, document, placed);
  }
}

/**
 * An object of a workspace file. Its ranges are worked out when first read: of the 20,000 objects
 * of a large workspace, only those a finding, a hover or a link points at ever need them, and the
 * four positions of each took some 10 MB (a heap snapshot of the GitOps bench).
 */
class IndexedDocument implements IndexedObject {
  readonly apiVersion: string;
  readonly kind: string;
  readonly namespace?: string;
  readonly labels: Record<string, string>;
  private ranges?: { range: Range; nameRange?: Range };

  constructor(
    readonly uri: string,
    readonly origin: ObjectOrigin,
    readonly template: boolean,
    readonly name: string | undefined,
    private readonly facts: ObjectFacts,
    readonly document: ParsedDocument,
    readonly placed: PlacedChunk,
  ) {
    this.apiVersion = facts.apiVersion;
    this.kind = facts.kind;
    this.namespace = facts.namespace;
    this.labels = facts.labels;
  }

  get range(): Range {
    return this.absoluteRanges().range;
  }

  get nameRange(): Range | undefined {
    return this.absoluteRanges().nameRange;
  }

  get startLine(): number {
    if (this.ranges) return this.ranges.range.start.line;
    return this.placed.startLine + this.placed.chunk.lineOf(this.facts.span[0]);
  }

  private absoluteRanges(): { range: Range; nameRange?: Range } {
    if (!this.ranges) {
      const { chunk, startLine } = this.placed;
      const { span, nameSpan } = this.facts;
      this.ranges = {
        range: shiftRange(chunk.rangeOf(span), startLine),
        nameRange: nameSpan && shiftRange(chunk.rangeOf(nameSpan), startLine),
      };
    }
    return this.ranges;
  }
}

/**
 * The chunks of a new version: an edit touches one place, so the chunks before and after it are
 * the previous version's, in order; in between, a chunk whose text is unchanged (a document that
 * moved or was pasted) is reused too. Identical chunks each keep their own parse and are taken in
 * order. Only the rest is parsed.
 */
function placeChunks(
  pieces: readonly TextChunk[],
  previous: WorkspaceFile | undefined,
  template: boolean,
  summary: FileSummary | undefined,
  detach: boolean,
): PlacedChunk[] {
  const old = previous?.chunks ?? [];
  /** The previous version's placement reused at each index, if any. */
  const reused = new Array<PlacedChunk | undefined>(pieces.length);
  let head = 0;
  while (
    head < pieces.length &&
    head < old.length &&
    pieces[head]!.text === old[head]!.chunk.text
  ) {
    reused[head] = old[head];
    head++;
  }
  let tail = 0;
  while (
    tail < pieces.length - head &&
    tail < old.length - head &&
    pieces[pieces.length - 1 - tail]!.text === old[old.length - 1 - tail]!.chunk.text
  ) {
    reused[pieces.length - 1 - tail] = old[old.length - 1 - tail];
    tail++;
  }
  const byText = new Map<string, PlacedChunk[]>();
  for (let i = head; i < old.length - tail; i++) {
    const placed = old[i]!;
    const queue = byText.get(placed.chunk.text);
    if (queue) queue.push(placed);
    else byText.set(placed.chunk.text, [placed]);
  }
  for (let i = head; i < pieces.length - tail; i++)
    reused[i] = byText.get(pieces[i]!.text)?.shift();
  return pieces.map((piece, i) => {
    const before = reused[i];
    // A chunk on the same line as before keeps its placement, and with it its indexed objects.
    if (before?.startLine === piece.startLine) return before;
    const known = summary?.chunks[i];
    const chunk =
      before?.chunk ??
      new ParsedChunk(detach && !known ? detachedCopy(piece.text) : piece.text, template, known);
    return { chunk, startLine: piece.startLine };
  });
}

/**
 * A copy of a substring that does not keep the whole text alive. V8 represents a long substring
 * as a view into its parent, so a chunk sliced from one version of a large file would pin that
 * version in memory for as long as the chunk is reused: editing many places would keep many
 * whole copies of the file. Chunks of a file's first version read from disk are not copied: the
 * file holds that text anyway, and a later version copies the chunks it parses, so a file pins at
 * most its first text (a summary's chunks are views too, for the same reason). A structured clone
 * is a flat copy, three times as fast as a JSON round trip (bench/RESULTS.md).
 */
function detachedCopy(text: string): string {
  return structuredClone(text);
}

/**
 * An indexed object as plain data (typed by the caller, e.g. with kubernetes-types), or undefined
 * when its document cannot be built (an alias bomb). The root of an indexed object is always a
 * mapping, so the data is a plain object.
 */
export function objectData<T>(object: IndexedObject): T | undefined {
  const value = object.document.value();
  return value.ok && value.data !== null && typeof value.data === 'object'
    ? (value.data as T)
    : undefined;
}

export function shiftRange(range: Range, lines: number): Range {
  return {
    start: { line: range.start.line + lines, character: range.start.character },
    end: { line: range.end.line + lines, character: range.end.character },
  };
}
