/**
 * Keys from the schema at the cursor: required fields first, fields already present left out,
 * and the inserted text leaves the cursor where the value goes (next line, indented, for objects
 * and lists).
 */
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { fill } from '../i18n/format';
import { linkRuleAt } from '../navigation/linkRules';
import { resolve, schemaPath, type JsonSchema, type ResolvedSchema } from '../schema/registry';
import { QUANTITY, fieldDocumentation, typeLabel } from './docs';
import { objectData } from '../workspace/file';
import { objectFacts } from './facts';
import { completionMessages as m } from './itemMessages';
import { skeletonItems } from './skeletons';
import { snippetItems } from './snippets';
import {
  escapeSnippet,
  lineRange,
  sortKey,
  type CompletionContext,
  type KubeCompletionItem,
  type KeySite,
} from './types';
import { fieldRequirement } from '../schema/requiredInPractice';

/** Schema-required, or refused by the API server without it (`accessModes` of a claim). */
function mustHave(definition: string | undefined, field: string, required?: string[]): boolean {
  const kind = fieldRequirement(definition ?? '', field, required).kind;
  return kind === 'required' || kind === 'apiServer';
}

/** Volume sources a volume (or a PV) takes exactly one of. */
function isSource(schema: JsonSchema | undefined): boolean {
  return !!schema?.$ref && /VolumeSource$/.test(schema.$ref);
}

const ROOT_ORDER = ['apiVersion', 'kind', 'metadata', 'spec'];

/** In-tree volume plugins that Kubernetes deprecated or removed: offered after the others. */
const LEGACY_SOURCES = new Set([
  'awsElasticBlockStore',
  'azureDisk',
  'azureFile',
  'cephfs',
  'cinder',
  'flexVolume',
  'flocker',
  'gcePersistentDisk',
  'gitRepo',
  'glusterfs',
  'photonPersistentDisk',
  'portworxVolume',
  'quobyte',
  'rbd',
  'scaleIO',
  'storageos',
  'vsphereVolume',
]);

/** Well-known keys of maps whose schema allows any key. */
const MAP_KEYS: Record<string, string[]> = {
  'core.v1.VolumeResourceRequirements.requests': ['storage'],
  'core.v1.VolumeResourceRequirements.limits': ['storage'],
  'core.v1.PersistentVolumeSpec.capacity': ['storage'],
  'core.v1.ResourceRequirements.requests': ['cpu', 'memory', 'ephemeral-storage'],
  'core.v1.ResourceRequirements.limits': ['cpu', 'memory', 'ephemeral-storage'],
};

export function keyItems(ctx: CompletionContext, site: KeySite): KubeCompletionItem[] {
  if (site.path.length === 0 && !ctx.rootDefinition) return rootItems(ctx, site);
  if (!ctx.rootDefinition) return [];
  const steps = schemaPath(ctx.rootDefinition, site.path);
  if (steps.length !== site.path.length + 1) return [];
  const here = steps[steps.length - 1]!;
  const schema = here.schema;
  const items: KubeCompletionItem[] = [];
  if (schema.type === 'array' && !site.flow && !site.hasColon) return listItems(ctx, site, here);
  if (!schema.properties) {
    const known = here.parentDefinition && MAP_KEYS[`${here.parentDefinition}.${here.field}`];
    for (const name of known || []) {
      if (site.siblings.has(name)) continue;
      items.push(
        keyItem(ctx, site, name, resolve({ $ref: `#/definitions/${QUANTITY}` }), undefined, 0),
      );
    }
    return items;
  }
  const required = new Set(
    Object.keys(schema.properties).filter((name) =>
      mustHave(here.definition, name, schema.required),
    ),
  );
  const presentSource = [...site.siblings].find((k) => isSource(schema.properties![k]));
  for (const [name, prop] of Object.entries(schema.properties)) {
    if (site.siblings.has(name)) continue;
    let group = required.has(name) ? 0 : 1;
    if (site.path.length === 0) group = ROOT_ORDER.includes(name) ? 0 : name === 'status' ? 9 : 1;
    if (name === 'status') group = 9;
    if (LEGACY_SOURCES.has(name) && isSource(prop)) group = 7;
    const otherSource = presentSource && isSource(prop);
    if (otherSource) group = 8;
    const item = keyItem(
      ctx,
      site,
      name,
      resolve(prop),
      here.definition,
      group,
      required.has(name),
    );
    if (otherSource) {
      item.documentation = `${fill(m.otherSource[ctx.lang], { source: presentSource })}\n\n${item.documentation ?? ''}`;
    }
    if (site.path.length === 0) item.sortText = sortKey(group, name, ROOT_ORDER.indexOf(name) + 1);
    items.push(item);
  }
  if (ctx.kind === 'PersistentVolume' && site.path.join('.') === 'spec.claimRef') {
    items.push(...claimRefItems(ctx, site));
  }
  return items;
}

function keyItem(
  ctx: CompletionContext,
  site: KeySite,
  name: string,
  resolved: ResolvedSchema | undefined,
  parentDefinition: string | undefined,
  group: number,
  required = false,
): KubeCompletionItem {
  const { text, retrigger } = keyInsert(ctx, site, name, resolved);
  const label = typeLabel(resolved, ctx.lang);
  return {
    label: name,
    kind: 'field',
    detail: required ? `${m.required[ctx.lang]} · ${label}` : label,
    documentation: fieldDocumentation(parentDefinition, name, resolved, ctx.lang),
    insertText: text,
    snippet: true,
    range: lineRange(ctx, site.start, site.end),
    sortText: sortKey(group, name),
    filterText: name,
    retrigger,
  };
}

function keyInsert(
  ctx: CompletionContext,
  site: KeySite,
  name: string,
  resolved: ResolvedSchema | undefined,
): { text: string; retrigger: boolean } {
  const key = escapeSnippet(name);
  if (site.hasColon) return { text: key, retrigger: false };
  const schema = resolved?.schema;
  const type = Array.isArray(schema?.type) ? undefined : schema?.type;
  const isArray = type === 'array';
  const isObject =
    resolved?.definition !== QUANTITY &&
    (type === 'object' || !!schema?.properties || typeof schema?.additionalProperties === 'object');
  if (site.flow) {
    if (isObject) return { text: `${key}: {$1}$0`, retrigger: true };
    if (isArray) return { text: `${key}: [$1]$0`, retrigger: true };
    return { text: `${key}: $0`, retrigger: hasValues(ctx, site, name, resolved) };
  }
  const pad = ' '.repeat(site.column + 2);
  if (isObject) return { text: `${key}:\n${pad}$0`, retrigger: true };
  if (isArray) return { text: `${key}:\n${pad}- $0`, retrigger: true };
  return { text: `${key}: $0`, retrigger: hasValues(ctx, site, name, resolved) };
}

/** The value of this key has suggestions of its own (so completion should open again). */
function hasValues(
  ctx: CompletionContext,
  site: KeySite,
  name: string,
  resolved: ResolvedSchema | undefined,
): boolean {
  const s = resolved?.schema;
  if (s?.enum?.length || s?.type === 'boolean' || resolved?.definition === QUANTITY) return true;
  if (site.path.length === 0 && (name === 'apiVersion' || name === 'kind')) return true;
  return !!(ctx.kind && linkRuleAt(ctx.kind, [...site.path, name])?.role === 'reference');
}

/** Keys of a document that is not yet an object: `apiVersion` and `kind` first, then skeletons. */
function rootItems(ctx: CompletionContext, site: KeySite): KubeCompletionItem[] {
  const items: KubeCompletionItem[] = [];
  const order = ['apiVersion', 'kind', 'metadata'];
  order.forEach((name, i) => {
    if (site.siblings.has(name)) return;
    const resolved =
      name === 'metadata'
        ? resolve({ $ref: '#/definitions/meta.v1.ObjectMeta' })
        : { schema: { type: 'string' } };
    const item = keyItem(ctx, site, name, resolved, name === 'metadata' ? undefined : '*', 0);
    item.sortText = sortKey(0, name, i);
    if (name !== 'metadata') item.retrigger = !site.hasColon;
    items.push(item);
  });
  // Whole objects only where one can start: never among the values or keys of an object.
  if (site.column === 0 && site.siblings.size === 0 && onlyLine(ctx)) {
    items.push(...skeletonItems(ctx, site));
    items.push(...snippetItems(ctx, site, ctx.snippets ?? []));
  }
  return items;
}

/** The cursor line is the only line of the document with content. */
function onlyLine(ctx: CompletionContext): boolean {
  return ctx.lines.every(
    (text, i) => i === ctx.line || /^\s*(#.*)?$/.test(text) || /^(---|\.\.\.)(\s|$)/.test(text),
  );
}

/** In a PV's `claimRef`: fill `name` and `namespace` of an existing claim in one go. */
function claimRefItems(ctx: CompletionContext, site: KeySite): KubeCompletionItem[] {
  if (site.siblings.has('name') || site.flow || site.hasColon) return [];
  const pad = ' '.repeat(site.column);
  return ctx.workspace
    .objectsOfKind('PersistentVolumeClaim')
    .filter((o) => o.name && !o.template && objectData<PersistentVolumeClaim>(o))
    .map((claim, i) => {
      const namespace = claim.namespace ?? 'default';
      const facts = objectFacts(claim, ctx.lang);
      const withNs = !site.siblings.has('namespace');
      return {
        label: `${namespace}/${claim.name!}`,
        kind: 'reference' as const,
        detail: facts.detail,
        documentation: `${fill(m.claimRefItem[ctx.lang], { namespace, name: claim.name! })}\n\n${facts.doc}`,
        insertText: `name: ${escapeSnippet(claim.name!)}${withNs ? `\n${pad}namespace: ${escapeSnippet(namespace)}` : ''}$0`,
        snippet: true,
        range: lineRange(ctx, site.start, site.end),
        sortText: sortKey(5, claim.name!, i),
        filterText: claim.name!,
      };
    });
}

/**
 * A line under a list key without its `- ` yet (`accessModes:` then Enter): the items come with
 * the dash, as values (a list of enum strings) or as the first key of a new item object.
 */
function listItems(
  ctx: CompletionContext,
  site: KeySite,
  list: ResolvedSchema,
): KubeCompletionItem[] {
  const item = resolve(list.schema.items);
  if (!item) return [];
  if (item.schema.enum?.length) {
    return item.schema.enum.map((v, i) => ({
      label: `- ${String(v)}`,
      kind: 'enum' as const,
      insertText: `- ${escapeSnippet(String(v))}`,
      snippet: true,
      range: lineRange(ctx, site.start, site.end),
      sortText: sortKey(0, String(v), i),
      filterText: String(v),
    }));
  }
  if (!item.schema.properties) return [];
  const inner: KeySite = {
    ...site,
    path: [...site.path, 0],
    column: site.column + 2,
    siblings: new Set(),
  };
  return keyItems(ctx, inner).map((k) => ({
    ...k,
    label: `- ${k.label}`,
    insertText: `- ${k.insertText}`,
    filterText: k.filterText ?? k.label,
  }));
}
