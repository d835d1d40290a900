/**
 * Quick fixes in a values file tied to a chart: `accessModes` where the chart reads
 * `accessMode` (and the other way round) renamed, with the value turned into what the chart
 * expects (one mode as a string, or a list of modes).
 */
import { isScalar, isSeq, type Node, type Pair, isMap } from 'yaml';
import { localize } from '../i18n/format';
import type { KubeDiagnostic, LocalizedText, Range } from '../types';
import { parseValues, spanRange } from './valuesFile';

export interface ValuesFix {
  title: LocalizedText;
  edits: { uri: string; range: Range; newText: string }[];
}

function sameRange(a: Range, b: Range): boolean {
  return (
    a.start.line === b.start.line &&
    a.start.character === b.start.character &&
    a.end.line === b.end.line &&
    a.end.character === b.end.character
  );
}

/** The mapping pair whose key spans `range`. */
function pairAt(
  text: string,
  range: Range,
): { pair: Pair; toRange: (s: number, e: number) => Range } | undefined {
  const { docs, lineCounter } = parseValues(text);
  const toRange = (s: number, e: number) => spanRange(lineCounter, [s, e]);
  let found: Pair | undefined;
  const visit = (node: unknown): void => {
    if (found || !isMap(node)) return;
    for (const pair of node.items as Pair[]) {
      const key = pair.key as Node | null;
      if (key?.range && sameRange(toRange(key.range[0], key.range[1]), range)) {
        found = pair;
        return;
      }
      visit(pair.value);
    }
  };
  for (const doc of docs) visit(doc.contents);
  return found ? { pair: found, toRange } : undefined;
}

function modesOf(value: unknown): string[] {
  if (isScalar(value) && typeof value.value === 'string') return [value.value];
  if (isSeq(value))
    return value.items.flatMap((i) =>
      isScalar(i) && typeof i.value === 'string' ? [i.value] : [],
    );
  return [];
}

export function valuesFixes(uri: string, text: string, diagnostic: KubeDiagnostic): ValuesFix[] {
  if (diagnostic.code !== 'helm-values-access-mode') return [];
  const suggestion = diagnostic.data?.suggestion;
  if (suggestion !== 'accessMode' && suggestion !== 'accessModes') return [];
  const at = pairAt(text, diagnostic.range);
  const key = at?.pair.key as Node | undefined;
  const value = at?.pair.value as Node | undefined;
  const modes = modesOf(value);
  if (!at || !key?.range || !value?.range || !modes.length) return [];
  const newValue = suggestion === 'accessMode' ? modes[0]! : `[${modes.join(', ')}]`;
  let end = value.range[1];
  while (end > key.range[0] && /\s/.test(text[end - 1]!)) end--;
  return [
    {
      title: localize(
        { en: 'Write `{key}: {value}`', ru: 'Написать `{key}: {value}`' },
        { key: suggestion, value: newValue },
      ),
      edits: [{ uri, range: at.toRange(key.range[0], end), newText: `${suggestion}: ${newValue}` }],
    },
  ];
}
