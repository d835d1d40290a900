/** Named templates in a chart: `define` names, the `include`/`template` name under the cursor. */
import type { Location } from './templateSites';
import {
  chartDefines,
  definesOf,
  templateFileNames,
  type NamedTemplatePlace,
} from './templateNames';
import type { ChartFiles } from './types';

export function defineNames(site: {
  file: string;
  text: string;
  files: ChartFiles;
}): NamedTemplatePlace[] {
  const own = definesOf(site.file, site.text);
  const others = chartDefines(site.files).filter((d) => d.file !== site.file);
  const byName = new Map<string, NamedTemplatePlace>();
  for (const d of [...own, ...others]) if (!byName.has(d.name)) byName.set(d.name, d);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

/** The `include "name"` / `define "name"` name under an offset. */
export function namedAt(text: string, offset: number): { name: string; start: number } | undefined {
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineEnd = text.indexOf('\n', offset);
  const line = text.slice(lineStart, lineEnd < 0 ? text.length : lineEnd);
  const pattern = /\b(?:include|template|define)\s+"([^"\\\n]*)"/g;
  for (let n = pattern.exec(line); n; n = pattern.exec(line)) {
    const start = lineStart + n.index + n[0].indexOf('"') + 1;
    if (offset >= start - 1 && offset <= start + n[1]!.length + 1) return { name: n[1]!, start };
  }
  return undefined;
}

export function templateTexts(site: {
  file: string;
  text: string;
  files: ChartFiles;
}): Map<string, string> {
  const texts = new Map<string, string>();
  for (const f of templateFileNames(site.files)) texts.set(f, site.files.get(f)!);
  texts.set(site.file, site.text);
  return texts;
}

export function placeLocation(site: { chartUri: string }, p: NamedTemplatePlace): Location {
  return {
    uri: site.chartUri + p.file,
    range: {
      start: { line: p.line, character: p.character },
      end: { line: p.line, character: p.character + p.name.length },
    },
  };
}
