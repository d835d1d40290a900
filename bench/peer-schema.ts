/**
 * Builds, from the Kubernetes OpenAPI v2 document, local JSON schema files shaped like the
 * upstream "standalone-strict" Kubernetes JSON schemas that yaml-language-server fetches in its
 * Kubernetes mode: `_definitions.json` (every definition, objects closed with
 * `additionalProperties: false`, int-or-string as a oneOf) and `all.json` (a `oneOf` of `$ref`s
 * into `_definitions.json`). Nothing is downloaded.
 *
 * Usage: node --import tsx bench/peer-schema.ts [swagger.json] [outDir]
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const here = __dirname;
export const DEFAULT_SWAGGER = resolve(here, '../../shared/kubernetes-api/swagger-v1.36.json');
export const DEFAULT_OUT = resolve(here, 'out/peer-schema');

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites one schema node the way the upstream conversion does. */
function convert(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(convert);
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$ref' && typeof value === 'string') {
      out.$ref = value.replace('#/definitions/', '_definitions.json#/definitions/');
    } else {
      out[key] = convert(value);
    }
  }
  if (out.format === 'int-or-string') {
    delete out.type;
    delete out.format;
    out.oneOf = [{ type: 'string' }, { type: 'integer' }];
  }
  if (out.type === 'object' && isObject(out.properties) && out.additionalProperties === undefined) {
    out.additionalProperties = false; // "strict"
  }
  return out;
}

export function buildPeerSchema(swaggerPath = DEFAULT_SWAGGER, outDir = DEFAULT_OUT): string {
  const swagger = JSON.parse(readFileSync(swaggerPath, 'utf8')) as { definitions: Json };
  const definitions: Json = {};
  for (const [name, schema] of Object.entries(swagger.definitions)) {
    const converted = convert(schema) as Json;
    // Inside _definitions.json, references point into the same file.
    definitions[name] = JSON.parse(
      JSON.stringify(converted).replaceAll('"_definitions.json#/definitions/', '"#/definitions/'),
    ) as Json;
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, '_definitions.json'), JSON.stringify({ definitions }, null, 2));
  const all = {
    oneOf: Object.keys(definitions)
      .sort()
      .map((name) => ({ $ref: `_definitions.json#/definitions/${name}` })),
  };
  writeFileSync(join(outDir, 'all.json'), JSON.stringify(all, null, 2));
  return outDir;
}

if (require.main === module) {
  const dir = buildPeerSchema(
    process.argv[2] ? resolve(process.argv[2]) : DEFAULT_SWAGGER,
    process.argv[3] ? resolve(process.argv[3]) : DEFAULT_OUT,
  );
  console.log(`peer schema written to ${dir}`);
}
