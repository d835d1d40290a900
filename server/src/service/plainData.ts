/** Plain data as YAML and JSON give it: one check of "a mapping", for every module that reads it. */

/** A mapping (a plain object): not null, not a list. */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
