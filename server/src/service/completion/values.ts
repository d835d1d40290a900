/**
 * Values at the cursor: enum values, booleans, `apiVersion` for the kind, `kind` values,
 * quantities, and names of linked objects (see referenceItems.ts).
 */
import { parseQuantity } from '../quantity';
import { formatNumber } from '../i18n/numbers';
import { fill } from '../i18n/format';
import { linkRuleAt } from '../navigation/linkRules';
import {
  allKinds,
  apiVersionsOf,
  definitionFor,
  preferredApiVersion,
  schemaPath,
} from '../schema/registry';
import { QUANTITY, kindDocumentation, valueDocumentation } from './docs';
import { claimNamespaceItems, dataSourceItems, linkItems, namespaceItems } from './referenceItems';
import { completionMessages as m } from './itemMessages';
import type { CompletionContext, KubeCompletionItem, ValueSite } from './types';
import { valueItem } from './valueItem';

/** Storage kinds first in `kind:` completion. */
const STORAGE_KINDS = [
  'PersistentVolumeClaim',
  'PersistentVolume',
  'StorageClass',
  'StatefulSet',
  'Pod',
  'Deployment',
  'Service',
  'ConfigMap',
  'Secret',
  'VolumeAttributesClass',
  'VolumeSnapshot',
  'CSIDriver',
  'Job',
  'CronJob',
  'DaemonSet',
];

const SIZES = ['1Gi', '5Gi', '10Gi', '20Gi', '50Gi', '100Gi', '200Gi', '500Gi', '1Ti'];
const CPU = ['100m', '250m', '500m', '1', '2', '4'];
const MEMORY = ['128Mi', '256Mi', '512Mi', '1Gi', '2Gi', '4Gi', '8Gi'];

export function valueItems(ctx: CompletionContext, site: ValueSite): KubeCompletionItem[] {
  const path = site.path;
  if (path.length === 1 && path[0] === 'kind') return kindItems(ctx, site);
  if (path.length === 1 && path[0] === 'apiVersion') return apiVersionItems(ctx, site);
  if (!ctx.kind) return [];
  const rule = linkRuleAt(ctx.kind, path);
  if (rule?.role === 'reference') return linkItems(ctx, site, rule);
  if (ctx.kind === 'PersistentVolume' && path.join('.') === 'spec.claimRef.namespace') {
    return claimNamespaceItems(ctx, site);
  }
  if (path.length === 2 && path[0] === 'metadata' && path[1] === 'namespace') {
    return namespaceItems(ctx, site);
  }
  const dataSource = dataSourceItems(ctx, site);
  if (dataSource) return dataSource;
  if (!ctx.rootDefinition) return [];
  const steps = schemaPath(ctx.rootDefinition, path);
  if (steps.length !== path.length + 1) return [];
  const here = steps[steps.length - 1]!;
  const field = here.field ?? String(path[path.length - 1]);
  const schema = here.schema;
  if (schema.enum?.length) {
    return schema.enum.map((v, i) =>
      valueItem(ctx, site, String(v), 'enum', i, {
        documentation: valueDocumentation(here.parentDefinition, field, String(v), ctx.lang),
      }),
    );
  }
  if (schema.type === 'boolean') {
    return ['true', 'false'].map((v, i) => valueItem(ctx, site, v, 'boolean', i));
  }
  if (here.definition === QUANTITY) {
    const key = String(path[path.length - 1]);
    const list = key === 'cpu' ? CPU : key === 'memory' ? MEMORY : SIZES;
    return list.map((q, i) => {
      const bytes = parseQuantity(q)!;
      const doc =
        key === 'cpu'
          ? undefined
          : fill(m.quantityBytes[ctx.lang], { binary: q, bytes: formatNumber(bytes, ctx.lang, 0) });
      return valueItem(ctx, site, q, 'quantity', i, { documentation: doc });
    });
  }
  return [];
}

function kindItems(ctx: CompletionContext, site: ValueSite): KubeCompletionItem[] {
  const served = ctx.apiVersion ? new Set(kindsOf(ctx.apiVersion)) : undefined;
  const ordered = [...STORAGE_KINDS.filter((k) => apiVersionsOf(k)), ...allKinds().sort()];
  const seen = new Set<string>();
  const items: KubeCompletionItem[] = [];
  for (const kind of ordered) {
    if (seen.has(kind)) continue;
    seen.add(kind);
    // Kinds that the written apiVersion does not serve come last: they would make the object invalid.
    const group =
      served && served.size > 0 && !served.has(kind) ? 5 : STORAGE_KINDS.includes(kind) ? 0 : 1;
    const apiVersion = served?.has(kind) ? ctx.apiVersion! : preferredApiVersion(kind)!;
    items.push(
      valueItem(ctx, site, kind, 'kind', items.length, {
        group,
        detail: apiVersion,
        documentation: kindDocumentation(definitionFor(kind, apiVersion), ctx.lang),
      }),
    );
  }
  return items;
}

function kindsOf(apiVersion: string): string[] {
  return allKinds().filter((k) => apiVersionsOf(k)?.includes(apiVersion));
}

function apiVersionItems(ctx: CompletionContext, site: ValueSite): KubeCompletionItem[] {
  const versions = ctx.kind ? apiVersionsOf(ctx.kind) : undefined;
  if (versions) {
    const preferred = preferredApiVersion(ctx.kind!);
    return versions.map((v, i) =>
      valueItem(ctx, site, v, 'version', i, {
        group: v === preferred ? 0 : 1,
        preselect: v === preferred,
        detail: v === preferred ? m.preferredVersion[ctx.lang] : m.prereleaseVersion[ctx.lang],
        documentation: fill(m.kindServed[ctx.lang], { kind: ctx.kind!, apiVersion: v }),
      }),
    );
  }
  // No kind yet: every apiVersion, the storage ones first.
  const all = new Set<string>();
  for (const kind of [...STORAGE_KINDS, ...allKinds()]) {
    const v = preferredApiVersion(kind);
    if (v) all.add(v);
  }
  return [...all].map((v, i) => valueItem(ctx, site, v, 'version', i, { group: i < 4 ? 0 : 1 }));
}
