/**
 * Documentation of completion items: our written texts (docs catalog) when there is one, else a
 * generated summary of the field's type (allowed values, required fields).
 */
import { getFieldDoc, getTypeDoc, getValueDoc } from '../docs/lookup';
import { fill } from '../i18n/format';
import {
  definitions,
  displayName,
  resolve,
  type JsonSchema,
  type ResolvedSchema,
} from '../schema/registry';
import type { Lang } from '../types';
import { completionMessages as m } from './itemMessages';

export const QUANTITY = 'api.resource.Quantity';

/** A short type label for the item's detail: `string`, `list of object PersistentVolumeClaim`... */
export function typeLabel(resolved: ResolvedSchema | undefined, lang: Lang, depth = 0): string {
  if (!resolved) return m.typeAny[lang];
  const { schema, definition } = resolved;
  if (definition === QUANTITY) return m.typeQuantity[lang];
  if (definition === 'util.intstr.IntOrString') return m.typeIntOrString[lang];
  if (definition === 'meta.v1.Time' || definition === 'meta.v1.MicroTime') return m.typeTime[lang];
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array' && depth < 2) {
    return fill(m.typeList[lang], { item: typeLabel(resolve(schema.items), lang, depth + 1) });
  }
  if (type === 'object' || schema.properties) {
    if (schema.properties && definition)
      return fill(m.typeObject[lang], { name: displayName(definition) });
    if (typeof schema.additionalProperties === 'object' && depth < 2) {
      return fill(m.typeMap[lang], {
        item: typeLabel(resolve(schema.additionalProperties), lang, depth + 1),
      });
    }
  }
  if (type === 'string') return m.typeString[lang];
  if (type === 'integer') return m.typeInteger[lang];
  if (type === 'number') return m.typeNumber[lang];
  if (type === 'boolean') return m.typeBoolean[lang];
  return m.typeAny[lang];
}

/** Markdown for a field: the written text, else a summary of its type. */
export function fieldDocumentation(
  parentDefinition: string | undefined,
  field: string,
  resolved: ResolvedSchema | undefined,
  lang: Lang,
): string {
  const written = parentDefinition ? getFieldDoc(parentDefinition, field, lang) : undefined;
  const parts: string[] = [];
  if (written) {
    parts.push(written.text);
  } else {
    parts.push(`\`${field}\`: ${typeLabel(resolved, lang)}`);
    const typeText = resolved?.definition ? getTypeDoc(resolved.definition, lang) : undefined;
    if (typeText) parts.push(typeText);
  }
  const facts = schemaFacts(resolved?.schema, lang);
  if (facts && !written) parts.push(facts);
  if (written?.link) parts.push(`[kubernetes.io](${written.link})`);
  return parts.join('\n\n');
}

function schemaFacts(schema: JsonSchema | undefined, lang: Lang): string | undefined {
  if (!schema) return undefined;
  const target = schema.type === 'array' ? (resolve(schema.items)?.schema ?? schema) : schema;
  if (target.enum?.length) {
    return fill(m.oneOf[lang], { values: target.enum.map((v) => `\`${String(v)}\``).join(', ') });
  }
  if (target.required?.length) {
    return fill(m.requiredFields[lang], {
      fields: target.required.map((f) => `\`${f}\``).join(', '),
    });
  }
  return undefined;
}

/** Markdown for one value of a field (an enum value), if we wrote one. */
export function valueDocumentation(
  parentDefinition: string | undefined,
  field: string,
  value: string,
  lang: Lang,
): string | undefined {
  return parentDefinition ? getValueDoc(parentDefinition, field, value, lang) : undefined;
}

/** Markdown about a kind (for `kind:` values and skeletons). */
export function kindDocumentation(definition: string | undefined, lang: Lang): string | undefined {
  if (!definition || !definitions[definition]) return undefined;
  return getTypeDoc(definition, lang);
}
