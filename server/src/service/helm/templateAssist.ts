/**
 * Help inside a chart's templates, in the template actions (`{{ … }}`): completion of `.Values`
 * paths (from the chart's values.yaml and the values files tied to it), of Helm's built-in
 * objects (`.Release`, `.Chart`, `.Capabilities`…) and of `include`/`template` names; hover on
 * a value (its default and comment) and on a built-in; definition and references between a
 * `.Values.x` use and the value's key in values.yaml, and between `include` and `define`.
 * Outside actions the template is YAML and the Kubernetes help applies (service facade).
 */
import type { Lang, Position } from '../types';
import { valueCard, type HelmHover } from './assist';
import { builtinAt } from './builtins';
import { pathId } from './paths';
import { templateAssistMessages as m } from './templateAssistMessages';
import { defineNames, namedAt } from './templateAssistNamed';
import {
  actionAt,
  chainAt,
  isBuiltinChain,
  offsetOf,
  positionOf,
  valuePathOf,
} from './templateAssistText';
import { tiedText } from './templateAssistValues';
import type { TemplateSite } from './templateSites';

export { templateCompletion } from './templateAssistCompletion';
export {
  templateDefinition,
  templateReferences,
  valuesDefinition,
  valuesReferences,
} from './templateAssistNavigation';
export { actionAt } from './templateAssistText';

export type { Location, TemplateSite, ValuesSite } from './templateSites';

// ---- hover ----

export function templateHover(
  site: TemplateSite,
  position: Position,
  lang: Lang,
): HelmHover | undefined {
  const offset = offsetOf(site.text, position);
  const named = actionAt(site.text, offset) ? namedAt(site.text, offset) : undefined;
  if (named) {
    const defines = defineNames(site).filter((d) => d.name === named.name);
    const where = defines.map((d) => `\`${d.file}:${d.line + 1}\``).join(', ');
    return {
      contents: `**\`${named.name}\`**\n\n${where ? `${m.definedIn[lang]} ${where}` : m.noDefine[lang]}`,
      range: {
        start: positionOf(site.text, named.start),
        end: positionOf(site.text, named.start + named.name.length),
      },
    };
  }
  const found = chainAt(site.text, offset);
  if (!found) return undefined;
  const { chain, field } = found;
  const range = {
    start: positionOf(site.text, chain.fieldStarts[field]!),
    end: positionOf(site.text, chain.fieldStarts[field]! + chain.fields[field]!.length),
  };
  if (isBuiltinChain(chain)) {
    const b = builtinAt(chain.fields.slice(0, field + 1));
    if (!b) return undefined;
    const path = ['', ...chain.fields.slice(0, field + 1)].join('.');
    return { contents: `**\`${path}\`**\n\n${b.text[lang]}`, range };
  }
  const path = valuePathOf(site, chain, field);
  if (!path) return undefined;
  if (!path.length) {
    const values = builtinAt(['Values'])!;
    return { contents: `**\`.Values\`**\n\n${values.text[lang]}`, range };
  }
  const card = valueCard(site.model, path, lang);
  const tied = tiedText(site, path, lang);
  const contents = [card ?? `**\`${pathId(path)}\`**\n\n_${m.notInValues[lang]}_`, tied]
    .filter(Boolean)
    .join('\n\n');
  return { contents, range };
}
