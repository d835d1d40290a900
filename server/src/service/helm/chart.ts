/** A chart's files -> the model: values tree, docs, template uses, schema, storage marks. */
import { parse } from 'yaml';
import { localize } from '../i18n/format';
import type { LocalizedText } from '../types';
import { helmMessages } from './valuesMessages';
import { schemaCompileError } from './schema';
import { storageKindOf } from './storage';
import { chartTemplateUses } from './templateUses';
import { dashComparisons } from './classDash';
import type { ChartFiles, ChartMeta, ChartModel } from './types';
import { buildValuesTree, isPlainObject, walkNodes } from './valuesTree';

export function valuesFileName(files: ChartFiles): string | undefined {
  return ['values.yaml', 'values.yml'].find((name) => files.has(name));
}

export function buildChartModel(files: ChartFiles): ChartModel {
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
  return {
    meta,
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
    const data: unknown = parse(text, { logLevel: 'error' });
    if (!isPlainObject(data)) return {};
    const str = (v: unknown) =>
      typeof v === 'string' || typeof v === 'number' ? String(v) : undefined;
    return {
      name: str(data.name),
      version: str(data.version),
      appVersion: str(data.appVersion),
      description: str(data.description),
      dependencies: dependencyNames(data.dependencies, requirements),
    };
  } catch {
    return {};
  }
}

/** The chart's defaults as plain JS. */
export function chartDefaults(model: ChartModel): Record<string, unknown> {
  return model.defaults;
}
function dependencyNames(fromChart: unknown, requirements: string | undefined): string[] {
  let list: unknown = fromChart;
  if (!Array.isArray(list) && requirements) {
    try {
      const data: unknown = parse(requirements, { logLevel: 'error' });
      list = isPlainObject(data) ? data.dependencies : undefined;
    } catch {
      list = undefined;
    }
  }
  if (!Array.isArray(list)) return [];
  const names: string[] = [];
  for (const dep of list) {
    if (!isPlainObject(dep)) continue;
    const name =
      typeof dep.alias === 'string'
        ? dep.alias
        : typeof dep.name === 'string'
          ? dep.name
          : undefined;
    if (name) names.push(name);
  }
  return names;
}
