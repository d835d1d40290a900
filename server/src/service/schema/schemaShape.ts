/**
 * Whether the definitions a CRD version was converted to are well-formed JSON Schema: checked
 * against the draft-07 meta-schema, a walk over the schema's data, where compiling them (ajv
 * generates and evaluates code for every subschema) takes up to seconds for a large operator's
 * CRD. A well-formed converted schema compiles: the conversion (schema/customResources.ts) keeps
 * only plain keywords, `$ref`s to the definitions it made and the quantity patterns. A schema
 * that is not well-formed is compiled all the same, for ajv's own words on what is wrong.
 */
import Ajv from 'ajv';
import { definitions } from './registry';

let meta: Ajv | undefined;
/** By root definition: the names are content-addressed, so the answer never changes. */
const checked = new Map<string, boolean>();

export function wellFormed(root: string, parts: readonly string[]): boolean {
  let ok = checked.get(root);
  if (ok === undefined) {
    // Its own instance: formats of the meta-schema (`uri-reference`, `regex`) are not checked,
    // and nothing is logged.
    meta ??= new Ajv({ strict: false, validateFormats: false, logger: false });
    ok = parts.every((name) => {
      const schema = definitions[name];
      return schema !== undefined && meta!.validateSchema(schema) === true;
    });
    checked.set(root, ok);
  }
  return ok;
}
