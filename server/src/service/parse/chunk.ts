/**
 * One `---` chunk parsed on its own, with positions relative to the chunk's first line.
 *
 * The parsed tree (the `yaml` Document) is the heavy part of the index: about forty times the
 * chunk's text. A chunk keeps what the index reads of it without the tree — its text (line starts
 * are worked out from it when a position is asked for), each document's recognition (kind, name,
 * labels, spans) and the plain data of the kinds that cross-file checks read (parse/summary.ts) —
 * and builds the tree again when something asks for it. Chunks of files open in the editor keep
 * their trees (`pinned`); the others share a bounded pool (`resident`) and drop their trees when
 * it is full, the longest unused first.
 */
import { parseAllDocuments, type Document } from 'yaml';
import type { KubeDiagnostic, Position, Range } from '../types';
import { countLinesBefore, lineAt, lineStartsOf } from '../text/lines';
import { maskTemplateActions } from './helm';
import { readLeniently } from './goYaml';
import { excessiveNesting } from './limits';
import { impliedItemType, itemDocument, listItemNodes } from './list';
import { recognise, type ImpliedType, type Recognition } from './objects';
import type { Span } from './nodes';
import { keepsData, type ChunkSummary } from './summary';
import { kubernetesTags } from './yamlTags';
import type { RelativeSite } from '../navigation/sites';
import { unpackSites } from '../navigation/packedSites';

export const MAX_ALIAS_COUNT = 100;

/** `lineOf` counts line ends up to this offset (UTF-16 units) rather than keep line starts. */
const COUNTED_LINES_REACH = 4096;

export interface ParsedDocument {
  doc: Document.Parsed;
  recognition: Recognition;
  /** The document as plain data; `error` when it cannot be built (e.g. an alias bomb). */
  value(): { ok: true; data: unknown } | { ok: false; error: string };
  /** For a list (`kind: List`, `PersistentVolumeList`…): one document per item, in order. */
  items?: ParsedDocument[];
  /** Its link sites (navigation/sites.ts), when found where it was parsed (parse/summary.ts). */
  sites?: RelativeSite[];
  /** The hash of what the storage signature reads of it (rules/signature.ts), once worked out. */
  storageHash?: number;
}

export type DocumentValue = ReturnType<ParsedDocument['value']>;

/** Chunks whose trees may be dropped, least recently built first, and the text they hold. */
const resident = new Set<ParsedChunk>();
let residentBytes = 0;
/**
 * How much chunk text (UTF-16 units) may keep its trees outside the editor's files. A tree takes
 * about forty times its text, so this bounds the trees of unopened files to some 40 MB; a file
 * checked in the background up to this size is parsed once, a larger one chunk by chunk as its
 * checks read it (its trees built again where a second pass reads them).
 */
export const RESIDENT_TEXT_LIMIT = 1024 * 1024;
let residentLimit = RESIDENT_TEXT_LIMIT;

/**
 * Sets how much chunk text keeps its trees outside the editor's files (`Infinity`: all of it, as
 * a lint worker that checks what it parsed wants). Returns the previous limit.
 */
export function setResidentTextLimit(limit: number): number {
  const previous = residentLimit;
  residentLimit = limit;
  return previous;
}

export class ParsedChunk {
  /** Where each line starts, once a position was asked for (`lineStarts`). */
  private starts?: number[];
  /** The chunk's documents; their trees are built on demand (`doc`), the rest is kept. */
  readonly docs: ParsedDocument[];
  /** Per-chunk diagnostics, relative to the chunk; filled on first request and then reused. */
  diagnostics?: readonly KubeDiagnostic[];
  /** Where the chunk nests too deeply to be parsed safely (parse/limits.ts); it then has no docs. */
  readonly tooDeepAt?: number;
  /** The parsed documents while the tree is held, in the order of `docs`. */
  private trees?: ParsedDocument[];
  /** A chunk of an open file keeps its trees; a list (its items are trees) always does. */
  private pinned = false;
  private readonly keepsTrees: boolean;

  constructor(
    readonly text: string,
    readonly template: boolean,
    summary?: ChunkSummary,
  ) {
    if (summary) {
      this.tooDeepAt = summary.tooDeepAt;
      this.keepsTrees = false;
      this.docs = summary.docs.map(
        (d, i) => new DocumentHandle(this, i, d.recognition, d.value, d.sites, d.storageHash),
      );
      return;
    }
    const source = template ? maskTemplateActions(text) : text;
    // Template files are scanned unmasked too: `{{` nested 10^5 deep is a bomb, not a template.
    this.tooDeepAt = excessiveNesting(source) ?? (template ? excessiveNesting(text) : undefined);
    if (this.tooDeepAt !== undefined) {
      this.keepsTrees = false;
      this.docs = [];
      return;
    }
    const trees = parseTrees(source);
    this.keepsTrees = trees.some((d) => d.items !== undefined);
    if (this.keepsTrees) {
      this.docs = trees;
      return;
    }
    this.trees = trees;
    this.docs = trees.map((d, i) => new DocumentHandle(this, i, d.recognition));
    this.hold();
  }

  /** Keeps the trees for as long as the file is open in the editor (or lets them go). */
  pin(pinned: boolean): void {
    if (this.pinned === pinned) return;
    this.pinned = pinned;
    if (pinned) this.unhold();
    else if (this.trees) this.hold();
  }

  /** True once the line starts were worked out and kept (for tests). */
  get holdsLineStarts(): boolean {
    return this.starts !== undefined;
  }

  /** True while the parsed trees are held (for tests and the benchmark). */
  get holdsTrees(): boolean {
    return this.keepsTrees || this.trees !== undefined;
  }

  /** Drops the trees; they are built again from the text when asked for. */
  release(): void {
    if (this.keepsTrees || this.pinned) return;
    this.unhold();
    this.trees = undefined;
  }

  /** The parsed document at `index` of `docs`, its tree built again if it was dropped. */
  treeAt(index: number): ParsedDocument {
    return this.parsed()[index]!;
  }

  /** The parsed documents, built again if they were dropped. */
  private parsed(): ParsedDocument[] {
    if (!this.trees) {
      const source = this.template ? maskTemplateActions(this.text) : this.text;
      this.trees = parseTrees(source);
      if (!this.pinned) this.hold();
    }
    return this.trees;
  }

  private hold(): void {
    if (resident.has(this)) return;
    resident.add(this);
    residentBytes += this.text.length;
    for (const oldest of resident) {
      if (residentBytes <= residentLimit || oldest === this) break;
      oldest.release();
    }
  }

  private unhold(): void {
    if (resident.delete(this)) residentBytes -= this.text.length;
  }

  /**
   * Where each line starts (UTF-16 offsets), worked out from the text when a position is first
   * asked for: most chunks of a workspace never are (a file nobody opened, without findings), and
   * half a million line starts would be kept and sent between threads for nothing. Lines end
   * where the `yaml` parser ends them (text/lines.ts).
   */
  get lineStarts(): readonly number[] {
    return (this.starts ??= lineStartsOf(this.text));
  }

  /**
   * The line holding `offset`. Near the chunk's start (where a document begins, in all but lists)
   * the line ends before it are counted, and no line start is kept; further in, the line starts
   * are worked out once, so asking for each item of a long list is not quadratic.
   */
  lineOf(offset: number): number {
    const at = this.clamped(offset);
    if (this.starts || at > COUNTED_LINES_REACH) return lineAt(this.lineStarts, at);
    return countLinesBefore(this.text, at);
  }

  positionAt(offset: number): Position {
    const at = this.clamped(offset);
    const starts = this.lineStarts;
    const line = lineAt(starts, at);
    return { line, character: at - (starts[line] ?? 0) };
  }

  /** An offset brought inside the text. */
  private clamped(offset: number): number {
    return Math.max(0, Math.min(offset, this.text.length));
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span[0]), end: this.positionAt(span[1]) };
  }

  offsetAt(position: Position): number {
    const starts = this.lineStarts;
    if (position.line >= starts.length) return this.text.length;
    const start = starts[Math.max(0, position.line)]!;
    const nextStart = starts[position.line + 1] ?? this.text.length + 1;
    return Math.min(start + position.character, nextStart - 1, this.text.length);
  }

  /**
   * The document containing `offset` (the last one that starts at or before it); inside a list,
   * the item that contains it.
   */
  documentAt(offset: number): ParsedDocument | undefined {
    let found: ParsedDocument | undefined;
    for (const d of this.docs) {
      const start = d.doc.range?.[0] ?? 0;
      if (start <= offset) found = d;
    }
    found ??= this.docs[0];
    while (found?.items) {
      const item: ParsedDocument | undefined = found.items.find(
        (i) => i.doc.range[0] <= offset && offset <= i.doc.range[1],
      );
      if (!item) break;
      found = item;
    }
    return found;
  }
}

/** The documents that may be objects: each `---` document, a list replaced by its items. */
export function objectDocuments(docs: readonly ParsedDocument[]): ParsedDocument[] {
  const out: ParsedDocument[] = [];
  for (const d of docs) {
    if (d.items) out.push(...objectDocuments(d.items));
    else out.push(d);
  }
  return out;
}

/**
 * A document of a chunk whose tree is built on demand. Its identity stays while trees come and
 * go, so caches keyed by the document (findings, link sites, fingerprints) stay valid; the value
 * of a kind cross-file checks read is kept with it, other values only with the tree.
 */
class DocumentHandle implements ParsedDocument {
  private kept?: DocumentValue;
  private siteList?: RelativeSite[];

  constructor(
    private readonly chunk: ParsedChunk,
    private readonly index: number,
    readonly recognition: Recognition,
    kept?: DocumentValue,
    private packedSites?: string,
    public storageHash?: number,
  ) {
    this.kept = kept;
  }

  get sites(): RelativeSite[] | undefined {
    if (this.packedSites !== undefined) {
      this.siteList = unpackSites(this.packedSites);
      this.packedSites = undefined;
    }
    return this.siteList;
  }

  get doc(): Document.Parsed {
    return this.chunk.treeAt(this.index).doc;
  }

  value(): DocumentValue {
    if (this.kept) return this.kept;
    const value = this.chunk.treeAt(this.index).value();
    if (keepsData(this.recognition)) this.kept = value;
    return value;
  }
}

function parseTrees(source: string): ParsedDocument[] {
  let list = parseDocuments(source);
  // Kubernetes reads some shapes the `yaml` package refuses (parse/goYaml.ts); only a document
  // with an error can hold one, so a clean chunk costs nothing more.
  if (list.some((doc) => doc.errors.length > 0)) list = readLeniently(source, list, parseDocuments);
  return list.map((doc) => makeParsedDocument(doc));
}

/**
 * Where the parser finds a structural error in `source` read as a chunk's text is read (with
 * Kubernetes' leniencies), duplicate keys aside: to see what a substitution filled in still breaks.
 */
export function structuralErrorOffsets(source: string): number[] {
  return parseTrees(source).flatMap(({ doc }) =>
    doc.errors.filter((e) => e.code !== 'DUPLICATE_KEY').map((e) => e.pos[0]),
  );
}

function parseDocuments(source: string): Document.Parsed[] {
  const docs = parseAllDocuments(source, {
    version: '1.1',
    customTags: kubernetesTags,
    uniqueKeys: true,
    prettyErrors: false,
    logLevel: 'error', // no process warnings (e.g. collection keys in toJS) on the server's stderr
  });
  return Array.isArray(docs) ? docs : [];
}

function makeParsedDocument(doc: Document.Parsed, implied?: ImpliedType): ParsedDocument {
  let cached: DocumentValue | undefined;
  return withItems({
    doc,
    recognition: recognise(doc, implied),
    value() {
      if (!cached) {
        try {
          cached = { ok: true, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
        } catch (e) {
          cached = { ok: false, error: e instanceof Error ? e.message : String(e) };
        }
      }
      return cached;
    },
  });
}

/**
 * A list's items as documents. An item's value is taken from the list's (an alias in an item may
 * name an anchor elsewhere in the list), so it is built once, with the list's alias limit.
 */
function withItems(list: ParsedDocument): ParsedDocument {
  if (list.recognition.type !== 'list') return list;
  const implied = impliedItemType(list.recognition.facts);
  list.items = [];
  listItemNodes(list.doc).forEach((node, index) => {
    if (!node) return;
    const item = makeParsedDocument(itemDocument(list.doc, node), implied);
    item.value = (): DocumentValue => {
      const value = list.value();
      if (!value.ok) return value;
      const items = (value.data as { items?: unknown } | null)?.items;
      return { ok: true, data: Array.isArray(items) ? items[index] : undefined };
    };
    list.items!.push(item);
  });
  return list;
}
