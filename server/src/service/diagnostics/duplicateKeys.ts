/**
 * Where a repeated key of a mapping is marked, and the name told: the `yaml` package reports a
 * duplicate key by position only, at the end of the pair's properties.
 */
import { isScalar, visit, type Node, type YAMLError } from 'yaml';
import type { ParsedChunk, ParsedDocument } from '../parse/chunk';
import type { Span } from '../parse/nodes';

export interface DuplicateKey {
  span: Span;
  name: string;
}

/**
 * The keys that repeat one before them in the same mapping, in the order the `yaml` package
 * reports them (it compares scalar keys by value), each marked from its first character: the
 * package's own position is where the pair's properties end, which is the previous line when the
 * value before is empty.
 */
export function duplicateKeys(chunk: ParsedChunk, doc: ParsedDocument['doc']): DuplicateKey[] {
  const out: DuplicateKey[] = [];
  visit(doc, {
    Map(_, map) {
      map.items.forEach((pair, i) => {
        const key = pair.key as Node | null;
        const same = (other: unknown): boolean =>
          other === key || (isScalar(other) && isScalar(key) && other.value === key.value);
        if (!key?.range || !map.items.slice(0, i).some((p) => same(p.key))) return;
        const [start, end] = key.range;
        const written = chunk.text.slice(start, end);
        const name = isScalar(key) ? String(key.value) : (written.split('\n')[0] ?? '').trim();
        out.push({ span: [start, Math.max(end, start + 1)], name: name || '?' });
      });
    },
  });
  return out.sort((a, b) => a.span[0] - b.span[0]);
}

/** The yaml package marks only the first character of a repeated key; mark the whole key. */
export function duplicateKeySpan(
  chunk: ParsedChunk,
  error: YAMLError,
): { span: Span; name: string } {
  const start = error.pos[0];
  const rest = chunk.text.slice(start, start + 256);
  const match = /^("[^"\n]*"|'[^'\n]*'|[^:\n]*?)\s*:/.exec(rest);
  const name = match?.[1]?.trim() || rest.split('\n')[0]!.trim() || '?';
  return {
    span: [start, start + (match?.[1]?.trimEnd().length || Math.max(1, error.pos[1] - start))],
    name,
  };
}
