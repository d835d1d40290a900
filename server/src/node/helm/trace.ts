/**
 * Tracing a render's fields to the values that produced them, only when it is needed: most
 * renders have no finding, and then helm runs once. When findings (or the fields the inspector
 * shows) could come from values, helm renders once more with markers on just those values
 * (render.ts markValues), and the fields that hold a marker are traced to its value
 * (service/rendered). The same inputs give the same marked render from the cache.
 */
import type { DiagnosticSettings, LanguageService, Range } from '../../service';
import type { RenderOutcome } from './render';

type RenderedOutcome = Extract<RenderOutcome, { ok: true }>;

/** What tracing asks of the language service (its facade). */
type RenderTracing = Pick<LanguageService, 'valuesToMark' | 'addMarked' | 'untracedFindings'>;

/**
 * Traces the fields at `ranges` of the render `key` (in its rendered file) to values. Resolves to
 * true when a render with markers was added (the findings' traces may then have changed).
 */
export async function traceFields(
  rendered: RenderTracing,
  key: string,
  outcome: RenderedOutcome,
  ranges: readonly Range[],
): Promise<boolean> {
  const leaves = rendered.valuesToMark(key, ranges);
  if (!leaves.length) return false;
  const marked = await outcome.markValues(leaves);
  rendered.addMarked(key, leaves, marked);
  return marked !== undefined;
}

/** Traces the findings of the render `key` that no value explains yet (see traceFields). */
export function traceFindings(
  rendered: RenderTracing,
  key: string,
  outcome: RenderedOutcome,
  settings: DiagnosticSettings,
): Promise<boolean> {
  return traceFields(rendered, key, outcome, rendered.untracedFindings(key, settings));
}
