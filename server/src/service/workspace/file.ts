/** One YAML file of the workspace: its chunks, reused across versions when their text is unchanged. */
import { ParsedChunk } from '../parse/chunk';
import { splitDocuments } from '../parse/split';
import type { ObjectFacts } from '../parse/objects';
import type { Position, Range } from '../types';
import type { ParsedDocument } from '../parse/chunk';

export interface PlacedChunk {
  chunk: ParsedChunk;
  startLine: number;
  startOffset: number;
}

/** A Kubernetes object found in a file, with absolute ranges. */
export interface IndexedObject {
  uri: string;
  apiVersion: string;
  kind: string;
  name?: string;
  namespace?: string;
  labels: Record<string, string>;
  range: Range;
  nameRange?: Range;
  /** True when the object comes from a Helm template (names may be partial). */
  template: boolean;
  /** The parsed document and its chunk, for rules that read the whole object. */
  document: ParsedDocument;
  placed: PlacedChunk;
}

export class WorkspaceFile {
  readonly chunks: PlacedChunk[];
  private objectList?: IndexedObject[];

  constructor(
    readonly uri: string,
    readonly text: string,
    readonly version: number,
    readonly template: boolean,
    previous?: WorkspaceFile,
  ) {
    // Chunks of the previous version by text; identical chunks (the same Service pasted many
    // times) each keep their own parse, so they queue up and are taken in order.
    const reusable = new Map<string, ParsedChunk[]>();
    if (previous && previous.template === template) {
      for (const placed of previous.chunks) {
        const queue = reusable.get(placed.chunk.text);
        if (queue) queue.push(placed.chunk);
        else reusable.set(placed.chunk.text, [placed.chunk]);
      }
    }
    this.chunks = splitDocuments(text).map((piece) => {
      const chunk = reusable.get(piece.text)?.shift() ?? new ParsedChunk(piece.text, template);
      return { chunk, startLine: piece.startLine, startOffset: piece.startOffset };
    });
  }

  objects(): IndexedObject[] {
    if (!this.objectList) {
      this.objectList = [];
      for (const placed of this.chunks) {
        for (const document of placed.chunk.docs) {
          if (document.recognition.type !== 'object') continue;
          this.objectList.push(this.toIndexed(placed, document, document.recognition.facts));
        }
      }
    }
    return this.objectList;
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
    const shift = (r: Range): Range => shiftRange(r, placed.startLine);
    return {
      uri: this.uri,
      apiVersion: facts.apiVersion,
      kind: facts.kind,
      name:
        this.template && facts.name !== undefined && !facts.name.trim() ? undefined : facts.name,
      namespace: facts.namespace,
      labels: facts.labels,
      range: shift(placed.chunk.rangeOf(facts.span)),
      nameRange: facts.nameSpan ? shift(placed.chunk.rangeOf(facts.nameSpan)) : undefined,
      template: this.template,
      document,
      placed,
    };
  }
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
