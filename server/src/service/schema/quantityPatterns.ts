/**
 * The `pattern`s of CRD schemas that are checked: those that say "a quantity", written by
 * operators' generators word for word. The API server evaluates a pattern with Go's RE2; these
 * use only anchors, groups, alternation, `?`, `+`, `*`, ASCII classes and `\d` (ASCII in both), so
 * JavaScript's RegExp accepts exactly the same strings. Any other pattern is left unchecked.
 */
import { localize } from '../i18n/format';
import { coreMessages } from '../i18n/coreMessages';
import { isValidQuantity } from '../quantity';
import type { LocalizedText } from '../types';

/** controller-gen's pattern for a `resource.Quantity` field (with `x-kubernetes-int-or-string`). */
export const CONTROLLER_GEN_QUANTITY =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';
/** zalando postgres-operator's pattern for sizes (`volume.size`, memory requests and limits). */
export const ZALANDO_QUANTITY = '^(\\d+(e\\d+)?|\\d+(\\.\\d+)?(e\\d+)?[EPTGMK]i?)$';

const PATTERNS = new Map<string, RegExp>(
  [CONTROLLER_GEN_QUANTITY, ZALANDO_QUANTITY].map((p) => [p, new RegExp(p)]),
);

/** The RegExp of a known quantity pattern; undefined for any other pattern. */
export function quantityPattern(pattern: string): RegExp | undefined {
  return PATTERNS.get(pattern);
}

const narrower: LocalizedText = {
  en: '`{value}` is a Kubernetes quantity, but the CRD accepts only some ways of writing one here (the pattern `{pattern}`); the API server rejects this one.',
  ru: '`{value}` — количество в формате Kubernetes, но здесь CRD допускает не любую его запись (регулярное выражение `{pattern}`): API-сервер такое значение отклонит.',
};

/**
 * The message of a value a quantity pattern refuses: not a quantity at all (the usual text), or
 * a quantity in a form the pattern does not take (`250m` where zalando's takes only `[EPTGMK]i?`).
 */
export function quantityPatternMessage(value: string, pattern: string): LocalizedText {
  return isValidQuantity(value)
    ? localize(narrower, { value, pattern })
    : localize(coreMessages.invalidQuantity, { value });
}
