/**
 * Rendered charts in a binding result (the binding preview's chart groups): each object of a
 * render says which render it comes from, the template line of its name and the values behind its
 * name, size and class (where traced); the result lists the renders — chart, release, values
 * files — and a failed one with helm's message. Without them, the workspace's own manifests alone.
 */
import type {
  BindingInput,
  BindingResult,
  RenderedChart,
  RenderedSource,
  RenderedValueRef,
  SourceRef,
} from '../binding/types';
import { isRenderedUri, type RenderedCharts, type RenderedObject } from './index';
import type { NodePath } from './output';
import { claimPlace, linkOf } from './storage';

const isRendered = (source: SourceRef | undefined): boolean =>
  !!source && isRenderedUri(source.uri);

/** The input without the objects of rendered charts. */
export function withoutRendered(input: BindingInput): BindingInput {
  const own = <T extends { source?: SourceRef }>(list: T[]): T[] =>
    list.filter((item) => !isRendered(item.source));
  return {
    ...input,
    volumes: own(input.volumes),
    claims: own(input.claims),
    storageClasses: own(input.storageClasses),
    statefulSets: own(input.statefulSets),
    workloads: own(input.workloads),
  };
}

/** The fields traced for an object: the API's name of each, and its path in the object. */
type Fields = [field: string, path: NodePath][];

const NAME: Fields = [['metadata.name', ['metadata', 'name']]];

/**
 * The result with `source.rendered` on every object of a rendered chart and `charts` listing the
 * renders (those whose objects were left out too, with none counted).
 */
export function withRenderedCharts(result: BindingResult, charts: RenderedCharts): BindingResult {
  const keyOfUri = new Map<string, string>();
  for (const key of charts.keys()) {
    const uri = charts.uriOf(key);
    if (uri) keyOfUri.set(uri, key);
  }
  const counts = new Map<string, number>();
  const objects = new Map<string, RenderedObject[]>();
  const objectsOf = (key: string): RenderedObject[] => {
    let list = objects.get(key);
    if (!list) objects.set(key, (list = charts.objects(key)));
    return list;
  };
  const mark = <T extends { source?: SourceRef }>(
    item: T,
    fields: (objects: RenderedObject[]) => { object: RenderedObject; fields: Fields } | undefined,
  ): T => {
    const source = item.source;
    const key = source && keyOfUri.get(source.uri);
    if (!source || !key) return item;
    counts.set(key, (counts.get(key) ?? 0) + 1);
    const place = fields(objectsOf(key));
    const rendered = place
      ? renderedSource(charts, key, source.uri, place.object, place.fields)
      : { chart: key, values: [] };
    return { ...item, source: { ...source, rendered } };
  };
  const byLine = (source: SourceRef | undefined, fields: Fields) => (list: RenderedObject[]) => {
    const line = source?.range.start.line ?? -1;
    const object = list.find((o) => o.startLine <= line && line <= o.endLine);
    return object && { object, fields };
  };
  const marked: BindingResult = {
    ...result,
    claims: result.claims.map((c) =>
      mark(c, (list) => {
        const place = claimPlace(list, c);
        if (!place) return byLine(c.source, NAME)(list);
        const spec = place.spec;
        return {
          object: place.object,
          fields: [
            ['metadata.name', place.name],
            ['resources.requests.storage', [...spec, 'resources', 'requests', 'storage']],
            ['storageClassName', [...spec, 'storageClassName']],
          ],
        };
      }),
    ),
    volumes: result.volumes.map((v) =>
      mark(
        v,
        byLine(v.source, [
          ...NAME,
          ['capacity.storage', ['spec', 'capacity', 'storage']],
          ['storageClassName', ['spec', 'storageClassName']],
        ]),
      ),
    ),
    storageClasses: result.storageClasses.map((c) => mark(c, byLine(c.source, NAME))),
    workloads: result.workloads.map((w) => mark(w, byLine(w.source, NAME))),
  };
  marked.charts = charts.keys().flatMap((key) => chartOf(charts, key, counts.get(key) ?? 0));
  return marked;
}

function chartOf(charts: RenderedCharts, key: string, objects: number): RenderedChart[] {
  const subject = charts.subjectOf(key);
  if (!subject) return [];
  const problem = charts.problemOf(key);
  return [
    {
      id: key,
      name: subject.chartName,
      ...(subject.release ? { release: subject.release } : {}),
      valuesFiles: subject.merged.layers.map((layer) => layer.label),
      ...(subject.primaryUri ? { valuesUri: subject.primaryUri } : {}),
      objects,
      ...(problem ? { problem: { en: problem.message.en, ru: problem.message.ru } } : {}),
    },
  ];
}

/** The template line of the object's name and the values behind its fields. */
function renderedSource(
  charts: RenderedCharts,
  key: string,
  uri: string,
  object: RenderedObject,
  fields: Fields,
): RenderedSource {
  const chartUri = charts.subjectOf(key)?.chartUri;
  const out: RenderedSource = { chart: key, values: [] };
  const seen = new Set<string>();
  for (const [field, path] of fields) {
    const range = object.rangeOf(path);
    if (!range) continue;
    const link = linkOf(charts, uri, range);
    if (!out.template && link.template)
      out.template = {
        file: link.template.file,
        line: link.template.line - 1,
        ...(chartUri ? { uri: chartUri + link.template.file } : {}),
      };
    const value = link.value;
    if (!value || seen.has(`${field}\u0000${value.path}`)) continue;
    seen.add(`${field}\u0000${value.path}`);
    const ref: RenderedValueRef = { field, path: value.path, label: value.label };
    if (value.uri) ref.uri = value.uri;
    if (value.line !== undefined) ref.line = value.line;
    out.values.push(ref);
  }
  // Helm named the template but no line of it fits: the template file, at its top.
  if (!out.template) {
    const source = charts.traceRange(uri, { start: position(object), end: position(object) });
    const file = source?.trace.template;
    if (file) out.template = { file, ...(chartUri ? { uri: chartUri + file } : {}) };
  }
  return out;
}

const position = (object: RenderedObject) => ({ line: object.startLine, character: 0 });
