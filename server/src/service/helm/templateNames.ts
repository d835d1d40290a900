/**
 * Named templates of a chart: `{{ define "name" }}` blocks (usually in `_helpers.tpl`) and the
 * places that call them with `include "name"` or `template "name"`.
 */
import type { ChartFiles } from './types';

export interface NamedTemplatePlace {
  name: string;
  /** Chart-relative file, e.g. `templates/_helpers.tpl`. */
  file: string;
  /** 0-based line and character of the name's first letter (inside the quotes). */
  line: number;
  character: number;
}

const DEFINE = /\{\{-?\s*define\s+"([^"\\\n]+)"/g;
const CALL = /\b(?:include|template)\s+"([^"\\\n]*)"/g;

function places(file: string, text: string, pattern: RegExp): NamedTemplatePlace[] {
  const out: NamedTemplatePlace[] = [];
  let line = 0;
  let lineStart = 0;
  let scanned = 0;
  pattern.lastIndex = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    const at = m.index + m[0].lastIndexOf('"', m[0].length - 2) + 1;
    for (; scanned < at; scanned++)
      if (text.charCodeAt(scanned) === 10) {
        line++;
        lineStart = scanned + 1;
      }
    out.push({ name: m[1]!, file, line, character: at - lineStart });
  }
  return out;
}

/** Files of `templates/` that Helm reads as templates (subcharts are their own charts). */
export function templateFileNames(files: ChartFiles): string[] {
  return [...files.keys()].filter((f) => /^templates\/.+\.(ya?ml|tpl|txt|json)$/i.test(f)).sort();
}

/** Every `define` of the chart's templates. */
export function chartDefines(files: ChartFiles): NamedTemplatePlace[] {
  return templateFileNames(files).flatMap((f) => places(f, files.get(f)!, DEFINE));
}

/** Every `include "name"` / `template "name"` of one template's text. */
export function namedTemplateCalls(file: string, text: string): NamedTemplatePlace[] {
  return places(file, text, CALL);
}

/** The defines of one template's text. */
export function definesOf(file: string, text: string): NamedTemplatePlace[] {
  return places(file, text, DEFINE);
}
