/** One `---` chunk parsed on its own, with positions relative to the chunk's first line. */
import { LineCounter, parseAllDocuments, type Document, type Tags } from 'yaml';
import type { KubeDiagnostic, Position, Range } from '../types';
import { maskTemplateActions } from './helm';
import { excessiveNesting } from './limits';
import { impliedItemType, itemDocument, listItemNodes } from './list';
import { recognise, type ImpliedType, type Recognition } from './objects';
import type { Span } from './nodes';

/** Kubernetes reads YAML 1.1 (yes/no booleans, 0644 octal), but keeps dates as strings. */
const withoutTimestamps = (tags: Tags): Tags =>
  tags.filter((tag) => typeof tag === 'string' || tag.tag !== 'tag:yaml.org,2002:timestamp');

export const MAX_ALIAS_COUNT = 100;

export interface ParsedDocument {
  doc: Document.Parsed;
  recognition: Recognition;
  /** The document as plain data; `error` when it cannot be built (e.g. an alias bomb). */
  value(): { ok: true; data: unknown } | { ok: false; error: string };
  /** For a list (`kind: List`, `PersistentVolumeList`…): one document per item, in order. */
  items?: ParsedDocument[];
}

type DocumentValue = ReturnType<ParsedDocument['value']>;

export class ParsedChunk {
  readonly lineCounter = new LineCounter();
  readonly docs: ParsedDocument[];
  /** Per-chunk diagnostics, relative to the chunk; filled on first request and then reused. */
  diagnostics?: KubeDiagnostic[];
  /** Where the chunk nests too deeply to be parsed safely (parse/limits.ts); it then has no docs. */
  readonly tooDeepAt?: number;

  constructor(
    readonly text: string,
    readonly template: boolean,
  ) {
    const source = template ? maskTemplateActions(text) : text;
    // Template files are scanned unmasked too: `{{` nested 10^5 deep is a bomb, not a template.
    this.tooDeepAt = excessiveNesting(source) ?? (template ? excessiveNesting(text) : undefined);
    if (this.tooDeepAt !== undefined) {
      this.lineCounter.addNewLine(0);
      for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) {
        this.lineCounter.addNewLine(i + 1);
      }
      this.docs = [];
      return;
    }
    const docs = parseAllDocuments(source, {
      version: '1.1',
      customTags: withoutTimestamps,
      lineCounter: this.lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
      logLevel: 'error', // no process warnings (e.g. collection keys in toJS) on the server's stderr
    });
    const list = Array.isArray(docs) ? docs : [];
    this.docs = list.map((doc) => makeParsedDocument(doc));
  }

  positionAt(offset: number): Position {
    const { line, col } = this.lineCounter.linePos(Math.max(0, Math.min(offset, this.text.length)));
    return { line: line - 1, character: col - 1 };
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span[0]), end: this.positionAt(span[1]) };
  }

  offsetAt(position: Position): number {
    const starts = this.lineCounter.lineStarts;
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
