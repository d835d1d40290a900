/**
 * Definition and references between a `.Values.x` use in a template and the value's key in
 * values.yaml (both ways), and between `include` and `define`.
 */
import { pathAtOffset } from '../parse/nodes';
import type { Position } from '../types';
import { valuesFileName } from './chart';
import { pathId } from './paths';
import type { Location, TemplateSite, ValuesSite } from './templateSites';
import { defineNames, namedAt, placeLocation, templateTexts } from './templateAssistNamed';
import { actionAt, chainAt, isBuiltinChain, offsetOf, valuePathOf } from './templateAssistText';
import { keyRange, valueLocations } from './templateAssistValues';
import { namedTemplateCalls, templateFileNames } from './templateNames';
import { templateUsesOf } from './templateUses';
import { parseValues } from './valuesFile';
import { documentAt } from './valuesDocuments';

export function templateDefinition(site: TemplateSite, position: Position): Location[] {
  const offset = offsetOf(site.text, position);
  if (!actionAt(site.text, offset)) return [];
  const named = namedAt(site.text, offset);
  if (named)
    return defineNames(site)
      .filter((d) => d.name === named.name)
      .map((d) => placeLocation(site, d));
  const found = chainAt(site.text, offset);
  if (!found || isBuiltinChain(found.chain)) return [];
  const path = valuePathOf(site, found.chain, found.field);
  return path?.length ? valueLocations(site, path) : [];
}

/** Every template place that reads a value path (the path itself, not its children). */
function useLocations(
  site: { chartUri: string },
  texts: ReadonlyMap<string, string>,
  path: readonly string[],
): Location[] {
  const id = pathId(path);
  const out: Location[] = [];
  for (const [file, text] of texts) {
    const lines = text.split('\n');
    for (const use of templateUsesOf(file, text)) {
      if (use.id !== id) continue;
      const line = lines[use.line] ?? '';
      const token = /^(\$[A-Za-z_]\w*|\$)?(\.[A-Za-z_]\w*)+/.exec(line.slice(use.character));
      const length = token?.[0].length ?? 0;
      out.push({
        uri: site.chartUri + file,
        range: {
          start: { line: use.line, character: use.character },
          end: { line: use.line, character: use.character + length },
        },
      });
    }
  }
  return out;
}

export function templateReferences(
  site: TemplateSite,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const offset = offsetOf(site.text, position);
  if (!actionAt(site.text, offset)) return [];
  const texts = templateTexts(site);
  const named = namedAt(site.text, offset);
  if (named) {
    const out: Location[] = [];
    if (includeDeclaration)
      for (const d of defineNames(site).filter((d) => d.name === named.name))
        out.push(placeLocation(site, d));
    for (const [file, text] of texts)
      for (const call of namedTemplateCalls(file, text))
        if (call.name === named.name) out.push(placeLocation(site, call));
    return out;
  }
  const found = chainAt(site.text, offset);
  if (!found || isBuiltinChain(found.chain)) return [];
  const path = valuePathOf(site, found.chain, found.field);
  if (!path?.length) return [];
  return [
    ...(includeDeclaration ? valueLocations(site, path) : []),
    ...useLocations(site, texts, path),
  ];
}

/** The key path under the cursor in a values file (keys only; a list item gives its list). */
function valuesPathAt(text: string, position: Position): string[] {
  const { docs, lineCounter } = parseValues(text);
  const lineStart = lineCounter.lineStarts[position.line];
  if (lineStart === undefined) return [];
  const offset = lineStart + position.character;
  const doc = documentAt(docs, offset);
  if (!doc) return [];
  const at = pathAtOffset(doc, offset);
  const path: string[] = [];
  for (const seg of at.path) {
    if (typeof seg !== 'string') break;
    path.push(seg);
  }
  return path;
}

/** From a key of a values file tied to a chart: the templates that read it. */
export function valuesReferences(
  site: ValuesSite,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const path = valuesPathAt(site.text, position);
  if (!path.length) return [];
  const texts = new Map(templateFileNames(site.files).map((f) => [f, site.files.get(f)!]));
  const out: Location[] = [];
  if (includeDeclaration) {
    const range = keyRange(site.text, path);
    if (range) out.push({ uri, range });
  }
  return [...out, ...useLocations(site, texts, path)];
}

/** From a key of a user's values file: the chart's default in its values.yaml. */
export function valuesDefinition(site: ValuesSite, uri: string, position: Position): Location[] {
  const name = valuesFileName(site.files);
  if (!name || uri === site.chartUri + name) return [];
  const node = site.model.byId.get(pathId(valuesPathAt(site.text, position)));
  return node && !node.unset ? [{ uri: site.chartUri + name, range: node.range }] : [];
}
