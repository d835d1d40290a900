/**
 * A switch written as a quoted string (`enabled: "false"`) where the chart's default is a boolean.
 * The chart's `if` takes any non-empty string as true (helm/templateTruth.ts), so `"false"` and
 * `"0"` turn the switch on. Where the chart only prints the value, a string and a boolean print
 * the same: nothing to say.
 */
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { pathId } from './paths';
import { templateReads } from './templateTruth';
import type { ChartModel } from './types';
import { helmMessages } from './valuesMessages';

/** The strings that read as a boolean to a person, and the boolean meant. */
const MEANT: Record<string, 'true' | 'false'> = { true: 'true', false: 'false', '0': 'false' };

export type QuotedBoolean =
  | { kind: 'finding'; message: LocalizedText; suggestion: 'true' | 'false' }
  /** The chart only prints the value: the string renders as the boolean would. */
  | { kind: 'printed' };

/**
 * What a string `value` at `path` means where the chart's default there is a boolean; undefined
 * when it is no quoted boolean, or the templates' reads of it are not known (a library or a
 * named template reads it): the type check says what it always says then.
 */
export function quotedBoolean(
  scopes: readonly { model: ChartModel; path: string[] }[],
  path: readonly string[],
  value: string,
): QuotedBoolean | undefined {
  const meant = MEANT[value.toLowerCase()];
  if (!meant) return undefined;
  const reads = scopes.map((s) => templateReads(s.model, s.path));
  if (reads.some((r) => r.tested)) {
    const message = meant === 'false' ? helmMessages.quotedFalse : helmMessages.quotedTrue;
    const data = { path: pathId(path), value, suggestion: meant };
    return { kind: 'finding', message: localize(message, data), suggestion: meant };
  }
  const printed =
    value === meant && reads.some((r) => r.read) && reads.every((r) => !r.read || r.printedOnly);
  return printed ? { kind: 'printed' } : undefined;
}
