/**
 * A storage size in a values file that is not a Kubernetes quantity (`20GB`, `10 Gi`): the chart
 * writes it into a claim's `resources.requests.storage` (or an `emptyDir`'s `sizeLimit`), which
 * the API server refuses. Said on the values file, without helm; `lint --chart` reports the
 * rendered object too.
 */
import { isMap, isScalar, isSeq, type Node } from 'yaml';
import { localize } from '../i18n/format';
import { isValidQuantity } from '../quantity';
import { quantityCorrections } from '../rules/fixes/quantityFixes';
import { hasPlaceholder } from '../text/placeholders';
import type { LocalizedText } from '../types';
import { pathId } from './paths';
import { isStorageValue } from './storage';
import type { ChartModel } from './types';
import { helmMessages } from './valuesMessages';

/**
 * The message for a size value, with the likeliest quantity meant (the quick fix writes it), or
 * `undefined` when it is a quantity (or not a plain string).
 */
export function invalidSize(
  path: string,
  value: unknown,
  kind: 'size' | 'sizeLimit' = 'size',
): { message: LocalizedText; suggestion?: string } | undefined {
  if (typeof value !== 'string' || value === '' || hasPlaceholder(value)) return undefined;
  if (isValidQuantity(value)) return undefined;
  const text = kind === 'sizeLimit' ? helmMessages.invalidSizeLimit : helmMessages.invalidSize;
  const message = localize(text, { path, value });
  const [suggestion] = quantityCorrections(value);
  if (!suggestion) return { message };
  const hint = localize(helmMessages.didYouMean, { suggestion });
  return { message: { en: message.en + hint.en, ru: message.ru + hint.ru }, suggestion };
}

/** A size found in a list of claims, with the range of the value written. */
export interface ListSize {
  node: Node;
  message: LocalizedText;
  suggestion?: string;
}

/**
 * The `size` of each item of a list of claims in a storage block, which the value checks do not
 * walk (`ingester.persistence.claims[0].size: 10GB`; the chart writes each into a claim template).
 */
export function invalidSizesInList(model: ChartModel, path: string[], list: unknown): ListSize[] {
  const node = model.byId.get(pathId(path));
  if (!isSeq(list) || !node || !isStorageValue(node, model.byId)) return [];
  const out: ListSize[] = [];
  list.items.forEach((item, i) => {
    if (!isMap(item)) return;
    for (const pair of item.items) {
      if (!isScalar(pair.key) || pair.key.value !== 'size' || !isScalar(pair.value)) continue;
      const found = invalidSize(`${pathId(path)}[${i}].size`, pair.value.value);
      if (found && pair.value.range) out.push({ node: pair.value, ...found });
    }
  });
  return out;
}
