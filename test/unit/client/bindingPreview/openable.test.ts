/** The preview opens only files of its last result: sources, a rendered chart's template and values. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { openableUris } from '../../../../client/src/bindingPreview/openable';
import type { BindingResult } from '../../../../server/src/protocol';

void test("a rendered chart's object opens its template and values files, not only its virtual file", () => {
  const range = { start: { line: 0, character: 0 }, end: { line: 9, character: 0 } };
  const data = {
    claims: [],
    volumes: [{ name: 'pv', source: { uri: 'file:///w/pv.yaml', range } }],
    storageClasses: [],
    workloads: [
      {
        kind: 'StatefulSet',
        namespace: 'db',
        name: 'pg',
        claims: [],
        source: {
          uri: 'kube-storage-rendered:/1/pg.yaml',
          range,
          rendered: {
            chart: 'file:///w/prod.yaml',
            template: {
              file: 'templates/sts.yaml',
              line: 3,
              uri: 'file:///w/pg/templates/sts.yaml',
            },
            values: [
              {
                field: 'metadata.name',
                path: 'fullname',
                label: 'prod.yaml',
                uri: 'file:///w/prod.yaml',
                line: 1,
              },
            ],
          },
        },
      },
    ],
    charts: [
      {
        id: 'file:///w/prod.yaml',
        name: 'pg',
        valuesFiles: [],
        valuesUri: 'file:///w/other.yaml',
        objects: 1,
      },
    ],
  } as unknown as BindingResult;
  assert.deepEqual([...openableUris(data)].sort(), [
    'file:///w/other.yaml',
    'file:///w/pg/templates/sts.yaml',
    'file:///w/prod.yaml',
    'file:///w/pv.yaml',
    'kube-storage-rendered:/1/pg.yaml',
  ]);
});
