/**
 * One completion item for a value at the cursor: the text replaces the value written so far,
 * keeping the quote it was opened with. Every value completion (values.ts, referenceItems.ts)
 * builds its items here.
 */
import {
  lineRange,
  sortKey,
  type CompletionContext,
  type KubeCompletionItem,
  type ItemKind,
  type ValueSite,
} from './types';

export function valueItem(
  ctx: CompletionContext,
  site: ValueSite,
  value: string,
  kind: ItemKind,
  index: number,
  extra: Partial<KubeCompletionItem> & { group?: number } = {},
): KubeCompletionItem {
  const { group = 0, ...rest } = extra;
  const quoted = site.quote
    ? `${site.quote}${value.replace(/^"(.*)"$/, '$1')}${site.quote}`
    : value;
  return {
    label: value,
    kind,
    insertText: site.lead + quoted,
    snippet: false,
    range: lineRange(ctx, site.start, site.end),
    sortText: sortKey(group, value, index),
    filterText: site.quote ? `${site.quote}${value}` : value,
    ...rest,
  };
}
