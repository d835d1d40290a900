/** A chart's files -> the model: values tree, docs, template uses, schema, storage marks. */
import { parse, parseAllDocuments, type Document } from 'yaml';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { helmMessages } from './valuesMessages';
import { schemaCompileError } from './schema';
import { storageKindOf } from './storage';
import { chartTemplateUses } from './templateUses';
import { dashComparisons } from './classDash';
import { generatedByMissingLibrary, setsRootValues } from './rootLibraries';
import type { ChartFiles, ChartMeta, ChartModel } from './types';
import { buildValuesTree, isPlainObject, walkNodes } from './valuesTree';
import { readLeniently } from '../parse/goYaml';

export function valuesFileName(files: ChartFiles): string | undefined {
  return ['values.yaml', 'values.yml'].find((name) => files.has(name));
}

/** Subcharts inside subcharts are read this deep (as node/helm/subcharts.ts gives them). */
const MAX_SUBCHART_DEPTH = 3;

export function buildChartModel(files: ChartFiles, depth = 0): ChartModel {
  const problems: LocalizedText[] = [];
  const meta = readMeta(
    files.get('Chart.yaml') ?? files.get('Chart.yml'),
    files.get('requirements.yaml'),
  );
  const name = valuesFileName(files);
  const valuesText = name ? files.get(name)! : '';
  const tree = buildValuesTree(valuesText);
  problems.push(...tree.problems);
  const uses = chartTemplateUses(files);
  for (const node of walkNodes(tree.roots)) node.storage = storageKindOf(node, uses);

  let schema: Record<string, unknown> | undefined;
  const schemaText = files.get('values.schema.json');
  if (schemaText !== undefined) {
    try {
      const parsed: unknown = JSON.parse(schemaText);
      if (!isPlainObject(parsed)) throw new Error('not a JSON object');
      const error = schemaCompileError(parsed);
      if (error) throw new Error(error);
      schema = parsed;
    } catch (e) {
      problems.push(
        localize(helmMessages.schemaUnreadable, {
          detail: e instanceof Error ? e.message : String(e),
        }),
      );
    }
  }
  const subcharts = subchartModels(files, depth);
  const rootLibraries = [...new Set(subcharts.values())].filter((m) => m.setsRootValues);
  const openRoot = generatedByMissingLibrary(files, meta.dependencies, new Set(subcharts.keys()));
  return {
    meta,
    ...(subcharts.size ? { subcharts } : {}),
    ...(setsRootValues(files) ? { setsRootValues: true as const } : {}),
    ...(rootLibraries.length ? { rootLibraries } : {}),
    ...(openRoot ? { openRoot: true as const } : {}),
    valuesText,
    defaults: tree.data,
    roots: tree.roots,
    byId: tree.byId,
    uses,
    classDash: dashComparisons(files),
    schema,
    problems,
  };
}

function readMeta(text: string | undefined, requirements?: string): ChartMeta {
  if (!text) return {};
  try {
    const data: unknown = parsePlainLeniently(text);
    if (!isPlainObject(data)) return {};
    const str = (v: unknown) =>
      typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    return {
      name: str(data.name),
      version: str(data.version),
      appVersion: str(data.appVersion),
      description: str(data.description),
      ...dependencyInfo(data.dependencies, requirements),
    };
  } catch {
    return {};
  }
}

/** The chart's defaults as plain JS. */
export function chartDefaults(model: ChartModel): Record<string, unknown> {
  return model.defaults;
}
function dependencyList(fromChart: unknown, requirements: string | undefined): unknown[] {
  let list: unknown = fromChart;
  if (!Array.isArray(list) && requirements) {
    try {
      const data: unknown = parse(requirements, { logLevel: 'error' });
      list = isPlainObject(data) ? data.dependencies : undefined;
    } catch {
      list = undefined;
    }
  }
  return Array.isArray(list) ? list : [];
}

function dependencyInfo(
  fromChart: unknown,
  requirements: string | undefined,
): Pick<ChartMeta, 'dependencies' | 'conditions' | 'tags'> {
  const names: string[] = [];
  const conditions: string[] = [];
  let tags = false;
  for (const dep of dependencyList(fromChart, requirements)) {
    if (!isPlainObject(dep)) continue;
    const name =
      typeof dep.alias === 'string'
        ? dep.alias
        : typeof dep.name === 'string'
          ? dep.name
          : undefined;
    if (name) names.push(name);
    if (typeof dep.condition === 'string')
      for (const c of dep.condition.split(',')) if (c.trim()) conditions.push(c.trim());
    if (Array.isArray(dep.tags) && dep.tags.length) tags = true;
  }
  return {
    dependencies: names,
    ...(conditions.length ? { conditions } : {}),
    ...(tags ? { tags } : {}),
  };
}

/**
 * The subcharts among the files, by the key the parent's values use for them: an unpacked one
 * is given under that key (`charts/<alias or name>/Chart.yaml`), a packaged one under its file
 * name (`charts/minio-5.0.0.tgz/Chart.yaml`), named by its Chart.yaml and the parent's aliases.
 */
function subchartModels(files: ChartFiles, depth: number): Map<string, ChartModel> {
  const out = new Map<string, ChartModel>();
  if (depth >= MAX_SUBCHART_DEPTH) return out;
  const dirs = new Set<string>();
  for (const path of files.keys()) {
    const m = /^charts\/([^/]+)\/Chart\.ya?ml$/.exec(path);
    if (m) dirs.add(m[1]!);
  }
  if (!dirs.size) return out;
  const aliases = aliasesOf(files.get('Chart.yaml') ?? files.get('Chart.yml'), files);
  for (const dir of [...dirs].sort()) {
    const prefix = `charts/${dir}/`;
    const own = new Map<string, string>();
    for (const [path, text] of files)
      if (path.startsWith(prefix)) own.set(path.slice(prefix.length), text);
    const model = buildChartModel(own, depth + 1);
    const name = model.meta.name ?? dir;
    const shown = /\.tgz$/i.test(dir) ? (aliases.get(name) ?? [name]) : [dir];
    for (const key of shown) if (!out.has(key)) out.set(key, model);
  }
  return out;
}

/** Chart name -> the keys its dependencies give it (the alias, else the name). */
function aliasesOf(chartYaml: string | undefined, files: ChartFiles): Map<string, string[]> {
  const out = new Map<string, string[]>();
  let data: unknown;
  try {
    data = chartYaml ? parsePlainLeniently(chartYaml) : undefined;
  } catch {
    data = undefined;
  }
  const fromChart = isPlainObject(data) ? data.dependencies : undefined;
  for (const dep of dependencyList(fromChart, files.get('requirements.yaml'))) {
    if (!isPlainObject(dep) || typeof dep.name !== 'string' || !dep.name) continue;
    const key = typeof dep.alias === 'string' && dep.alias ? dep.alias : dep.name;
    out.set(dep.name, [...(out.get(dep.name) ?? []), key]);
  }
  return out;
}

/**
 * The first document of a small file (a chart's Chart.yaml) as plain data, read as go-yaml reads
 * it: a `description:` whose quoted continuation lines start at column 0 is Helm's to accept.
 * Throws, as `yaml`'s `parse` does, when even go-yaml would refuse the text.
 */
function parsePlainLeniently(text: string): unknown {
  const parseAll = (source: string): Document.Parsed[] => [
    ...parseAllDocuments(source, { logLevel: 'error' }),
  ];
  const docs = readLeniently(text, parseAll(text), parseAll);
  const doc = docs[0];
  if (!doc) return undefined;
  const error = doc.errors.find((e) => e.code !== 'DUPLICATE_KEY');
  if (error) throw error;
  return doc.toJS({ maxAliasCount: 100 });
}
