/**
 * Which keys of a values file the chart knows, from its values.yaml, its schema and how its
 * templates read them (the use index), and under which keys anything goes (free-form maps).
 */
import { ANY_KEY, pathId, usePathMatches } from './paths';
import { schemaAt } from './schema';
import type { ChartModel, TemplateUse } from './types';
import { isPlainObject } from './valuesTree';

interface UseIndex {
  /** Ids of every used path and all their ancestors. */
  prefixes: Set<string>;
  /** Ids of paths used whole (toYaml, range, bare dot). */
  whole: Set<string>;
  /** Child keys by parent id, from template uses. */
  children: Map<string, Set<string>>;
  /** Ids of values read by an action that may hand them on (a named template, `merge`, `dict`…). */
  passed: Set<string>;
  /** Uses whose path has a key known only at render time (`server.*.config`, see ANY_KEY). */
  patterns: TemplateUse[];
}

const useIndexes = new WeakMap<ChartModel, UseIndex>();

function useIndex(model: ChartModel): UseIndex {
  let index = useIndexes.get(model);
  if (!index) {
    index = {
      prefixes: new Set(),
      whole: new Set(),
      children: new Map(),
      passed: new Set(),
      patterns: [],
    };
    for (const use of model.uses) {
      const any = use.path.indexOf(ANY_KEY);
      if (any >= 0) index.patterns.push(use);
      else if (use.whole) index.whole.add(use.id);
      if (use.passed && any < 0) index.passed.add(use.id);
      // Only the keys before a dynamic one are named by the use.
      for (let i = 1; i <= (any < 0 ? use.path.length : any); i++) {
        const parent = pathId(use.path.slice(0, i - 1));
        index.prefixes.add(pathId(use.path.slice(0, i)));
        let set = index.children.get(parent);
        if (!set) index.children.set(parent, (set = new Set()));
        set.add(use.path[i - 1]!);
      }
    }
    useIndexes.set(model, index);
  }
  return index;
}

/** Keys the chart knows directly under `path`: defaults, commented examples, template reads, schema. */
export function knownChildKeys(model: ChartModel, path: readonly string[]): Set<string> {
  const keys = new Set<string>();
  const node = path.length ? model.byId.get(pathId(path)) : undefined;
  for (const child of path.length ? (node?.children ?? []) : model.roots) keys.add(child.key);
  for (const key of useIndex(model).children.get(pathId(path)) ?? []) keys.add(key);
  const props = model.schema ? schemaAt(model.schema, path)?.properties : undefined;
  if (isPlainObject(props)) for (const key of Object.keys(props)) keys.add(key);
  const sub = subchartScope(model, path);
  if (sub) for (const key of knownChildKeys(sub.model, sub.path)) keys.add(key);
  for (const library of model.rootLibraries ?? [])
    for (const key of knownChildKeys(library, path)) keys.add(key);
  for (const condition of model.meta.conditions ?? []) {
    const parts = condition.split('.');
    if (pathId(parts.slice(0, -1)) === pathId(path)) keys.add(parts[parts.length - 1]!);
  }
  return keys;
}

/**
 * A path under a subchart's key (`minio.persistence.size`) when that subchart's files were
 * given: the subchart and the path inside it (`persistence.size`).
 */
export function subchartScope(
  model: ChartModel,
  path: readonly string[],
): { model: ChartModel; path: string[] } | undefined {
  const sub = path.length ? model.subcharts?.get(path[0]!) : undefined;
  return sub ? { model: sub, path: path.slice(1) } : undefined;
}

/** The chart that decides about a path: the innermost subchart it falls in, else the chart. */
export function valueScope(
  model: ChartModel,
  path: readonly string[],
): { model: ChartModel; path: string[] } {
  return valueScopes(model, path).at(-1)!;
}

/**
 * Every chart that has a say about a path, outermost first: the chart itself, then each
 * subchart the path falls in (with the path inside it). A parent's default under a subchart's
 * key is as much a default as the subchart's own.
 */
export function valueScopes(
  model: ChartModel,
  path: readonly string[],
): { model: ChartModel; path: string[] }[] {
  const scopes = [{ model, path: [...path] }];
  for (let sub = subchartScope(model, path); sub?.path.length;) {
    scopes.push(sub);
    sub = subchartScope(sub.model, sub.path);
  }
  return scopes;
}

/**
 * `global`, `tags` (when dependencies have tags) and the blocks of subcharts whose files were
 * not given (no `helm dependency build`): Helm passes them on, and nothing here knows their keys.
 */
function isPassThrough(model: ChartModel, key: string | undefined): boolean {
  if (key === undefined) return false;
  if (key === 'global' || (key === 'tags' && model.meta.tags)) return true;
  return !!model.meta.dependencies?.includes(key) && !model.subcharts?.has(key);
}

export function isKnownPath(model: ChartModel, path: readonly string[]): boolean {
  if (model.byId.has(pathId(path)) || model.openRoot) return true;
  if (model.rootLibraries?.some((library) => isKnownPath(library, path))) return true;
  if (isPassThrough(model, path[0])) return true;
  if (model.meta.conditions?.includes(pathId(path))) return true;
  const sub = subchartScope(model, path);
  if (sub && (!sub.path.length || isKnownPath(sub.model, sub.path))) return true;
  const index = useIndex(model);
  if (index.prefixes.has(pathId(path))) return true;
  if (index.patterns.some((use) => usePathMatches(use.path, path))) return true;
  return !!(model.schema && schemaAt(model.schema, path));
}

/**
 * Keys under `path` are free-form (labels, annotations, resources, a value passed to toYaml, a
 * map with an empty default). An empty default is not enough when the chart names the keys it
 * takes there (template reads, commented-out examples) and never hands the map on whole.
 */
export function isFreeForm(
  model: ChartModel,
  path: readonly string[],
  { ownOnly = false }: { ownOnly?: boolean } = {},
): boolean {
  if (model.openRoot) return true;
  // A root library's keys are the chart's: where it takes any key (`range .Values.persistence`),
  // so does the chart.
  const byLibrary = (library: ChartModel) =>
    path.length > 0 && isKnownPath(library, path) && isFreeForm(library, path);
  if (!ownOnly && model.rootLibraries?.some(byLibrary)) return true;
  if (!path.length) {
    return model.schema?.additionalProperties === false
      ? false
      : !model.roots.length && !model.uses.length;
  }
  const schema = model.schema ? schemaAt(model.schema, path) : undefined;
  if (schema?.additionalProperties === false) return false;
  if (path.length === 1 && isPassThrough(model, path[0]) && !model.byId.has(pathId(path)))
    return true;
  if (schema && isPlainObject(schema.additionalProperties)) return true;
  const index = useIndex(model);
  for (let i = 1; i <= path.length; i++)
    if (usedAs(index, path.slice(0, i), 'whole', index.whole)) return true;
  // Under a subchart's key, the subchart's values and templates decide (unless `ownOnly`: what
  // the chart's own values.yaml and templates say there, as for its type checks).
  const sub = ownOnly ? undefined : subchartScope(model, path);
  if (sub) return isFreeForm(sub.model, sub.path);
  const node = model.byId.get(pathId(path));
  if (!node) return !schema?.properties && !namesKeysUnder(model, path);
  if (node.unset || node.type === 'null') return !namesKeysUnder(model, path);
  if (node.type === 'object')
    return (
      isPlainObject(node.defaultValue) &&
      !Object.keys(node.defaultValue).length &&
      !schema?.properties &&
      !namesKeysUnder(model, path)
    );
  return false;
}

/**
 * The chart names the keys of an otherwise empty map: the templates read the map and keys under
 * it (or values.yaml documents keys there as commented-out examples: `persistence: {}` over
 * `# existingClaim:`), and no template hands the map on (to a named template, `merge`, `dict`…),
 * which might use it whole. Only then is another key a likely typo. `global` and subchart blocks
 * stay free: the subcharts read them too.
 */
function namesKeysUnder(model: ChartModel, path: readonly string[]): boolean {
  if (isPassThrough(model, path[0])) return false;
  const id = pathId(path);
  const index = useIndex(model);
  if (!index.prefixes.has(id)) return false;
  for (let i = 1; i <= path.length; i++)
    if (usedAs(index, path.slice(0, i), 'passed', index.passed)) return false;
  if (index.children.get(id)?.size) return true;
  return !!model.byId.get(id)?.children.length;
}

/** The path is used whole (or handed on): by id, or by a use with a dynamic key. */
function usedAs(
  index: UseIndex,
  path: readonly string[],
  how: 'whole' | 'passed',
  ids: ReadonlySet<string>,
): boolean {
  if (ids.has(pathId(path))) return true;
  return index.patterns.some((use) => !!use[how] && usePathMatches(use.path, path));
}
