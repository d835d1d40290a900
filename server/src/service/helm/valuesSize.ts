/**
 * A storage size in a values file that is not a Kubernetes quantity (`20GB`, `10 Gi`): the chart
 * writes it into a claim's `resources.requests.storage`, which the API server refuses. Said on
 * the values file, without helm; `lint --chart` reports the rendered claim too.
 */
import { localize } from '../i18n/format';
import { isValidQuantity } from '../quantity';
import { quantityCorrections } from '../rules/fixes/quantityFixes';
import { hasPlaceholder } from '../text/placeholders';
import type { LocalizedText } from '../types';
import { helmMessages } from './valuesMessages';

/**
 * The message for a size value, with the likeliest quantity meant (the quick fix writes it), or
 * `undefined` when it is a quantity (or not a plain string).
 */
export function invalidSize(
  path: string,
  value: unknown,
): { message: LocalizedText; suggestion?: string } | undefined {
  if (typeof value !== 'string' || value === '' || hasPlaceholder(value)) return undefined;
  if (isValidQuantity(value)) return undefined;
  const message = localize(helmMessages.invalidSize, { path, value });
  const [suggestion] = quantityCorrections(value);
  if (!suggestion) return { message };
  const hint = localize(helmMessages.didYouMean, { suggestion });
  return { message: { en: message.en + hint.en, ru: message.ru + hint.ru }, suggestion };
}
