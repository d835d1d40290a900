/**
 * Values that name other objects, from the workspace index: claims, volumes, classes, Services,
 * ConfigMaps, Secrets, and a pod's own volumes. Each item says where the object is defined and
 * its key facts.
 */
import type { PersistentVolume, PodSpec, Volume } from 'kubernetes-types/core/v1';
import type { PersistentVolumeClaim } from 'kubernetes-types/core/v1';
import { fill } from '../i18n/format';
import { isNamespaced, linkTargetKind, type LinkRule } from '../navigation/linkRules';
import { objectData, type IndexedObject } from '../workspace/file';
import { isDefaultClass, isHeadless, objectFacts } from './facts';
import { completionMessages as m } from './itemMessages';
import type { CompletionContext, KubeCompletionItem, ValueSite } from './types';
import { valueItem } from './valueItem';

export function linkItems(
  ctx: CompletionContext,
  site: ValueSite,
  rule: LinkRule,
): KubeCompletionItem[] {
  if (rule.link === 'volume') return volumeItems(ctx, site, rule);
  const kind = linkTargetKind[rule.link];
  let objects = ctx.workspace.objectsOfKind(kind).filter((o) => o.name && !o.template);
  if (rule.namespaceFrom) {
    const ns = valueAt(ctx, rule.namespaceFrom);
    if (typeof ns === 'string' && ns)
      objects = objects.filter((o) => (o.namespace ?? 'default') === ns);
  } else if (isNamespaced(rule.link)) {
    objects = objects.filter((o) => (o.namespace ?? 'default') === ctx.namespace);
  }
  if (rule.link === 'service') objects = objects.filter(isHeadless);
  const items = objects.map((o, i) => objectItem(ctx, site, o, i, groupOf(ctx, rule, o)));
  if (rule.link === 'storageclass') {
    items.push(
      valueItem(ctx, site, '""', 'value', items.length, {
        group: 4,
        label: '""',
        detail: m.noClass[ctx.lang],
        documentation: m.noClassDoc[ctx.lang],
        filterText: '""',
      }),
    );
  }
  return items;
}

/** Lower groups come first: the default class, free volumes. */
function groupOf(ctx: CompletionContext, rule: LinkRule, o: IndexedObject): number {
  if (rule.link === 'storageclass') return isDefaultClass(o) ? 0 : 1;
  if (rule.link === 'pv') {
    const ref = objectData<PersistentVolume>(o)?.spec?.claimRef;
    if (!ref?.name) return 0;
    const me = valueAt(ctx, ['metadata', 'name']);
    // Pre-bound to another claim: binding to it would fail, so it goes last.
    return ref.name === me && (ref.namespace ?? 'default') === ctx.namespace ? 0 : 3;
  }
  return 0;
}

function objectItem(
  ctx: CompletionContext,
  site: ValueSite,
  o: IndexedObject,
  index: number,
  group: number,
): KubeCompletionItem {
  const facts = objectFacts(o, ctx.lang);
  return valueItem(ctx, site, o.name!, 'reference', index, {
    group,
    detail: facts.detail,
    documentation: facts.doc,
  });
}

/** `volumeMounts[].name` / `volumeDevices[].name`: the pod's volumes and the set's claim templates. */
function volumeItems(
  ctx: CompletionContext,
  site: ValueSite,
  rule: LinkRule,
): KubeCompletionItem[] {
  const items: KubeCompletionItem[] = [];
  const pod = valueAt(ctx, rule.scope!.split('.')) as PodSpec | undefined;
  const seen = new Set<string>();
  for (const volume of (Array.isArray(pod?.volumes) ? pod.volumes : []) as Volume[]) {
    if (!volume || typeof volume.name !== 'string' || seen.has(volume.name)) continue;
    seen.add(volume.name);
    const source = Object.keys(volume).find((k) => k !== 'name') ?? '?';
    const claim = volume.persistentVolumeClaim?.claimName;
    const text = fill(m.podVolume[ctx.lang], { source: claim ? `${source}: ${claim}` : source });
    items.push(
      valueItem(ctx, site, volume.name, 'reference', items.length, {
        detail: text,
        documentation: text,
      }),
    );
  }
  if (ctx.kind === 'StatefulSet') {
    const templates = valueAt(ctx, ['spec', 'volumeClaimTemplates']);
    for (const t of (Array.isArray(templates) ? templates : []) as PersistentVolumeClaim[]) {
      const name = t?.metadata?.name;
      if (typeof name !== 'string' || seen.has(name)) continue;
      seen.add(name);
      const size = t.spec?.resources?.requests?.storage;
      const text = fill(m.claimTemplate[ctx.lang], { name });
      items.push(
        valueItem(ctx, site, name, 'reference', items.length, {
          detail: size ? `${text} · ${String(size)}` : text,
          documentation: text,
        }),
      );
    }
  }
  return items;
}

/** PV `claimRef.namespace`: the namespaces that hold claims. */
export function claimNamespaceItems(ctx: CompletionContext, site: ValueSite): KubeCompletionItem[] {
  const byNs = new Map<string, string[]>();
  for (const o of ctx.workspace.objectsOfKind('PersistentVolumeClaim')) {
    if (!o.name || o.template) continue;
    const ns = o.namespace ?? 'default';
    byNs.set(ns, [...(byNs.get(ns) ?? []), o.name]);
  }
  return [...byNs].map(([ns, names], i) =>
    valueItem(ctx, site, ns, 'reference', i, {
      detail: names.join(', '),
      documentation: fill(m.claimNamespaceItem[ctx.lang], {
        names: names.map((n) => `\`${n}\``).join(', '),
      }),
    }),
  );
}

/** A value of the document under the cursor (as parsed; broken lines elsewhere may hide parts). */
export function valueAt(ctx: CompletionContext, path: (string | number)[]): unknown {
  const value = ctx.document?.value();
  let current: unknown = value?.ok ? value.data : undefined;
  for (const segment of path) {
    if (!current || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[String(segment)];
  }
  return current;
}

const SNAPSHOT_GROUP = 'snapshot.storage.k8s.io';

/**
 * A claim's `dataSource` / `dataSourceRef`: what to pre-fill the new volume from (a claim to
 * clone or a snapshot), the API group that goes with it, and the names of such objects.
 */
export function dataSourceItems(
  ctx: CompletionContext,
  site: ValueSite,
): KubeCompletionItem[] | undefined {
  const path = site.path;
  const field = path[path.length - 1];
  const parent = path[path.length - 2];
  if (parent !== 'dataSource' && parent !== 'dataSourceRef') return undefined;
  if (field === 'kind') {
    return [
      valueItem(ctx, site, 'PersistentVolumeClaim', 'kind', 0, { detail: m.cloneClaim[ctx.lang] }),
      valueItem(ctx, site, 'VolumeSnapshot', 'kind', 1, { detail: m.fromSnapshot[ctx.lang] }),
    ];
  }
  if (field === 'apiGroup') {
    return [valueItem(ctx, site, SNAPSHOT_GROUP, 'value', 0, { detail: m.fromSnapshot[ctx.lang] })];
  }
  if (field === 'name') {
    const kind = valueAt(ctx, [...path.slice(0, -1), 'kind']);
    const target = kind === 'VolumeSnapshot' ? 'VolumeSnapshot' : 'PersistentVolumeClaim';
    // `dataSourceRef.namespace`: a source in another namespace.
    const given = valueAt(ctx, [...path.slice(0, -1), 'namespace']);
    const namespace = typeof given === 'string' && given ? given : ctx.namespace;
    return ctx.workspace
      .objectsOfKind(target)
      .filter((o) => o.name && !o.template && (o.namespace ?? 'default') === namespace)
      .filter((o) => o.document !== ctx.document) // a claim cannot clone itself
      .map((o, i) => objectItem(ctx, site, o, i, 0));
  }
  return undefined;
}

/** Kinds whose namespaces are worth offering for `metadata.namespace` (index lookups by kind). */
const NAMESPACED_KINDS = [
  'PersistentVolumeClaim',
  'StatefulSet',
  'Deployment',
  'Pod',
  'Service',
  'ConfigMap',
  'Secret',
];

/** `metadata.namespace`: Namespace objects of the workspace and namespaces other objects use. */
export function namespaceItems(ctx: CompletionContext, site: ValueSite): KubeCompletionItem[] {
  const defined = new Set(
    ctx.workspace
      .objectsOfKind('Namespace')
      .filter((o) => o.name && !o.template)
      .map((o) => o.name!),
  );
  const used = new Map<string, number>();
  for (const kind of NAMESPACED_KINDS) {
    for (const o of ctx.workspace.objectsOfKind(kind)) {
      if (o.template || o.document === ctx.document) continue;
      const ns = o.namespace ?? 'default';
      used.set(ns, (used.get(ns) ?? 0) + 1);
    }
  }
  const names = [...new Set([...defined, ...used.keys()])];
  return names.map((ns, i) =>
    valueItem(ctx, site, ns, 'reference', i, {
      group: defined.has(ns) ? 0 : 1,
      detail: [
        defined.has(ns) ? m.namespaceDefined[ctx.lang] : undefined,
        used.has(ns) ? fill(m.namespaceUsed[ctx.lang], { count: used.get(ns)! }) : undefined,
      ]
        .filter(Boolean)
        .join(' · '),
    }),
  );
}
