/**
 * Values a chart takes as a string besides the type of its default: what the values check then
 * does not call a type mismatch.
 */
import { pathId } from './paths';
import type { ChartModel } from './types';
import { escapeRegExp } from '../text/regExp';

/** A test of a value's type against `"string"`: the chart branches on a string. */
const STRING_TEST =
  /\b(?:kindIs|typeIs)\s+"string"|(?=.*"string")(?:.*\b(?:kindOf|typeOf)\b|.*\bprintf\s+"%T")/;

/**
 * The templates take a string at `path` as well as the default's type: they render it with
 * `tpl` (`tpl .Values.extraVolumes .`), or branch on its type (`printf "%T"`, `kindIs "string"`),
 * as opensearch does with `extraVolumes` given as a YAML string.
 */
export function takesString(model: ChartModel, path: readonly string[]): boolean {
  const id = pathId(path);
  const ref = escapeRegExp(path.join('.'));
  const tpl = new RegExp(String.raw`\btpl\s+\(?\s*\$?\.Values\.${ref}(?![\w.-])`);
  return model.uses.some((u) => u.id === id && (tpl.test(u.text) || STRING_TEST.test(u.text)));
}
