/** Rendered storage rows for the Helm inspector: where each claim's fields are in its object. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Deployment } from 'kubernetes-types/apps/v1';
import { simulateBindings } from '../../../../server/src/service/binding';
import type { RenderedCharts, RenderedObject } from '../../../../server/src/service/rendered';
import { renderedStorage } from '../../../../server/src/service/rendered/storage';
import type { NodePath } from '../../../../server/src/service/rendered/output';

const uri = 'kube-storage-rendered:/media/thumbnailer.yaml';

const deployment: Deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'thumbnailer', namespace: 'media' },
  spec: {
    selector: { matchLabels: { app: 'thumbnailer' } },
    template: {
      metadata: { labels: { app: 'thumbnailer' } },
      spec: {
        containers: [{ name: 'thumbnailer', image: 'registry.example.com/thumbnailer:1.8' }],
        volumes: [
          { name: 'cache', emptyDir: {} },
          {
            name: 'work',
            ephemeral: {
              volumeClaimTemplate: {
                spec: {
                  accessModes: ['ReadWriteOnce'],
                  storageClassName: 'scratch-ssd',
                  resources: { requests: { storage: '20Gi' } },
                },
              },
            },
          },
        ],
      },
    },
  },
};

void test("a generic ephemeral volume's claim reads its size, class and modes from the template", () => {
  const asked: NodePath[] = [];
  const object: RenderedObject = {
    kind: 'Deployment',
    name: 'thumbnailer',
    startLine: 0,
    endLine: 40,
    data: deployment,
    rangeOf(path) {
      asked.push(path);
      return undefined;
    },
  };
  const charts = {
    uriOf: () => uri,
    problemOf: () => undefined,
    objects: () => [object],
    traceRange: () => undefined,
    layerOf: () => undefined,
  } as unknown as RenderedCharts;
  const source = {
    uri,
    range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
  };
  const bindings = simulateBindings({
    volumes: [],
    claims: [],
    storageClasses: [],
    statefulSets: [],
    workloads: [
      {
        kind: 'Deployment',
        name: 'thumbnailer',
        namespace: 'media',
        podSpec: deployment.spec!.template.spec,
        source,
      },
    ],
  });
  const rows = renderedStorage(charts, 'chart', bindings).claims;
  assert.deepEqual(
    rows.map((r) => [r.name, r.size, r.storageClass, r.accessModes]),
    [['thumbnailer-…-work', '20Gi', 'scratch-ssd', ['ReadWriteOnce']]],
  );
  const template = ['spec', 'template', 'spec', 'volumes', 1];
  // The claim row's links (then the workload row's name).
  assert.deepEqual(asked.slice(0, 4), [
    [...template, 'name'],
    [...template, 'ephemeral', 'volumeClaimTemplate', 'spec', 'resources', 'requests', 'storage'],
    [...template, 'ephemeral', 'volumeClaimTemplate', 'spec', 'storageClassName'],
    [...template, 'ephemeral', 'volumeClaimTemplate', 'spec', 'accessModes'],
  ]);
});
