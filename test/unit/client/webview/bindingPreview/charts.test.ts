/**
 * Rendered charts in the preview's graph: a chart's objects are grouped under its chart (a box
 * labelled with the chart, release and values file), bind to the workspace's volumes, and say
 * where they come from; filters and large graphs keep the grouping.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { StatefulSet } from 'kubernetes-types/apps/v1';
import type { PersistentVolume } from 'kubernetes-types/core/v1';
import {
  simulateBindings,
  type BindingResult,
  type RenderedChart,
  type SourceRef,
} from '../../../../../server/src/service/binding';
import {
  buildGraph,
  claimId,
  filterGraph,
} from '../../../../../client/webview/bindingPreview/model';
import {
  chartGroupId,
  chartTitle,
  sourceLines,
} from '../../../../../client/webview/bindingPreview/charts';
import { aggregateGraph, graphKey } from '../../../../../client/webview/bindingPreview/aggregate';
import { chartWidth } from '../../../../../client/webview/bindingPreview/metrics';
import { english } from '../../../../../client/src/bindingPreview/uiText';
import { uiStrings } from '../../../../../client/src/bindingPreview/strings';

const RENDER = 'file:///work/prod-values.yaml';
const VIRTUAL = 'kube-storage-rendered:/1a2b/postgresql.yaml';
const range = (line: number) => ({
  start: { line, character: 0 },
  end: { line: line + 30, character: 0 },
});

/** What lsp/bindings.ts answers: the chart's objects carry `source.rendered`. */
const rendered: SourceRef = {
  uri: VIRTUAL,
  range: range(1),
  rendered: {
    chart: RENDER,
    template: {
      file: 'templates/statefulset.yaml',
      line: 21,
      uri: 'file:///work/postgresql/templates/statefulset.yaml',
    },
    values: [
      {
        field: 'resources.requests.storage',
        path: 'persistence.size',
        label: 'prod-values.yaml',
        uri: RENDER,
        line: 3,
      },
      { field: 'storageClassName', path: 'persistence.storageClass', label: '--set' },
    ],
  },
};

const chart: RenderedChart = {
  id: RENDER,
  name: 'postgresql',
  release: 'myrelease',
  valuesFiles: ['postgresql/values.yaml', 'prod-values.yaml'],
  valuesUri: RENDER,
  objects: 3,
};

function result(): BindingResult {
  const pv: PersistentVolume = {
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-db' },
    spec: {
      capacity: { storage: '10Gi' },
      accessModes: ['ReadWriteOnce'],
      storageClassName: '',
      hostPath: { path: '/srv/db' },
    },
  };
  const sts: StatefulSet = {
    apiVersion: 'apps/v1',
    kind: 'StatefulSet',
    metadata: { name: 'myrelease-postgresql', namespace: 'db' },
    spec: {
      replicas: 2,
      serviceName: 'myrelease-postgresql',
      selector: { matchLabels: { app: 'pg' } },
      template: {
        metadata: { labels: { app: 'pg' } },
        spec: {
          containers: [{ name: 'pg', volumeMounts: [{ name: 'data', mountPath: '/data' }] }],
        },
      },
      volumeClaimTemplates: [
        {
          metadata: { name: 'data' },
          spec: {
            accessModes: ['ReadWriteOnce'],
            storageClassName: '',
            resources: { requests: { storage: '8Gi' } },
          },
        },
      ],
    },
  };
  const data = simulateBindings({
    volumes: [{ object: pv, source: { uri: 'file:///work/pv.yaml', range: range(0) } }],
    claims: [],
    storageClasses: [],
    statefulSets: [{ object: sts, source: rendered }],
    workloads: [
      {
        kind: 'StatefulSet',
        namespace: 'db',
        name: 'myrelease-postgresql',
        podSpec: sts.spec!.template.spec,
        source: rendered,
      },
    ],
  });
  return { ...data, charts: [chart] };
}

const en = uiStrings('en');

void test("a chart's objects are grouped under their chart; one binds to the workspace's volume", () => {
  const g = buildGraph(result(), 'en', en);
  const group = chartGroupId(RENDER);
  assert.deepEqual(
    g.charts?.map((c) => [c.id, c.label, c.detail, c.status]),
    [[group, 'postgresql', 'release myrelease · prod-values.yaml', 'neutral']],
  );
  const first = g.nodes.find((n) => n.id === claimId('db', 'data-myrelease-postgresql-0'))!;
  const second = g.nodes.find((n) => n.id === claimId('db', 'data-myrelease-postgresql-1'))!;
  assert.equal(first.chart, group);
  assert.equal(first.status, 'bound');
  assert.equal(second.status, 'pending', 'one volume for two replicas');
  assert.match(second.reason ?? '', /pv-db/);
  assert.equal(g.nodes.find((n) => n.id === 'volume:pv-db')?.chart, undefined, 'the workspace’s');
  assert.equal(
    g.nodes.find((n) => n.kind === 'workload')?.chart,
    group,
    'the StatefulSet is in the chart too',
  );
  assert.ok(g.edges.some((e) => e.from === 'volume:pv-db' && e.to === first.id));
  assert.match(g.charts![0]!.tooltip, /Chart postgresql \(release myrelease\)/);
  assert.match(g.charts![0]!.tooltip, /postgresql\/values\.yaml, prod-values\.yaml/);
  assert.ok(chartWidth(g.charts![0]!) >= 160);
});

void test('where an object of a chart comes from: the template line and the values, in both languages', () => {
  const en = sourceLines(rendered.rendered!, uiStrings('en'));
  assert.deepEqual(en.template, {
    text: 'Template `templates/statefulset.yaml`, line 22',
    uri: 'file:///work/postgresql/templates/statefulset.yaml',
    line: 21,
  });
  assert.deepEqual(
    en.values.map((v) => [v.text, v.uri, v.line]),
    [
      [
        '`resources.requests.storage` comes from `persistence.size` in prod-values.yaml, line 4',
        RENDER,
        3,
      ],
      [
        '`storageClassName` comes from `persistence.storageClass`, given with `--set`',
        undefined,
        0,
      ],
    ],
  );
  const ru = sourceLines(rendered.rendered!, uiStrings('ru'));
  assert.equal(ru.template?.text, 'Шаблон `templates/statefulset.yaml`, строка 22');
  assert.equal(
    ru.values[0]?.text,
    '`resources.requests.storage` берётся из `persistence.size` в prod-values.yaml, строка 4',
  );
  assert.equal(chartTitle(chart, uiStrings('ru')), 'postgresql (релиз myrelease)');
});

void test('a chart helm could not render is a box of its own with the reason', () => {
  const failed: RenderedChart = {
    ...chart,
    objects: 0,
    problem: { en: '`auth.password` is required', ru: 'нужно `auth.password`' },
  };
  const data = {
    ...simulateBindings({
      volumes: [],
      claims: [],
      storageClasses: [],
      statefulSets: [],
      workloads: [],
    }),
    charts: [failed],
  };
  for (const lang of ['en', 'ru'] as const) {
    const g = buildGraph(data, lang, uiStrings(lang));
    const box = g.charts?.[0];
    assert.equal(box?.status, 'failed');
    assert.equal(box?.detail, lang === 'en' ? 'not rendered' : 'не отрендерен');
    assert.match(box!.tooltip, lang === 'en' ? /“auth.password” is required/ : /«auth.password»/);
    assert.doesNotMatch(box!.tooltip, /`/);
  }
});

void test('filters keep the grouping: a namespace, a search by the chart’s name or release', () => {
  const g = buildGraph(result(), 'en', en);
  const other = filterGraph(g, 'shop', '');
  assert.equal(other.charts, undefined, 'nothing of the chart is in shop');
  const db = filterGraph(g, 'db', '');
  assert.equal(db.charts?.length, 1);
  const byRelease = filterGraph(g, '', 'MYRELEASE');
  assert.ok(byRelease.nodes.some((n) => n.id === claimId('db', 'data-myrelease-postgresql-1')));
  assert.equal(byRelease.charts?.length, 1);
  const byName = filterGraph(g, '', 'postgresql');
  assert.equal(byName.nodes.filter((n) => n.chart).length, 3);
  assert.equal(filterGraph(g, '', 'pv-db').charts?.length, 1, 'the bound claim is a neighbour');
});

void test("a large graph groups a chart's objects apart from the workspace's", () => {
  const g = buildGraph(result(), 'en', en);
  const drawn = aggregateGraph(g, english);
  assert.deepEqual(drawn.charts, g.charts);
  assert.ok(drawn.nodes.filter((n) => n.chart).every((n) => n.chart === chartGroupId(RENDER)));
  // A chart's name changes the picture: the layout is not skipped.
  const renamed = { ...g, charts: g.charts!.map((c) => ({ ...c, label: 'pg' })) };
  assert.notEqual(graphKey(renamed), graphKey(g));
});
