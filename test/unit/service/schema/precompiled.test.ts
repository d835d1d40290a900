import assert from 'node:assert/strict';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { ValidateFunction } from 'ajv';
import {
  createAjv,
  schemaFormats,
  usePrecompiledValidators,
  validateObject,
  validatorFor,
  type PrecompiledValidators,
} from '../../../../server/src/service/schema/validate';
import { parseDocument } from 'yaml';

const root = join(__dirname, '../../../..');
const KINDS = ['core.v1.PersistentVolumeClaim', 'apps.v1.StatefulSet', 'storage.v1.StorageClass'];

/** The build's standalone module for a few kinds, loaded the way dist/validators.js is. */
async function precompiledFor(kinds: string[]): Promise<PrecompiledValidators> {
  const script = (await import(join(root, 'scripts/build-validators.mjs'))) as {
    standaloneSource(only?: string[]): string;
  };
  const source = script.standaloneSource(kinds);
  const module = { exports: {} as unknown };
  new Function('module', 'exports', 'require', source)(
    module,
    module.exports,
    createRequire(root + '/'),
  );
  return (module.exports as (formats: typeof schemaFormats) => PrecompiledValidators)(
    schemaFormats,
  );
}

const samples: [string, unknown][] = [
  [
    'core.v1.PersistentVolumeClaim',
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'data', labels: { a: 1 } },
      spec: { accessModes: 5, colour: 'blue', resources: { requests: { storage: '1Gx' } } },
    },
  ],
  [
    'core.v1.PersistentVolumeClaim',
    {
      apiVersion: 'v1',
      kind: 'PersistentVolumeClaim',
      metadata: { name: 'ok' },
      spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '10Gi' } } },
    },
  ],
  [
    'apps.v1.StatefulSet',
    {
      apiVersion: 'apps/v1',
      kind: 'StatefulSet',
      metadata: { name: 'db' },
      spec: {
        serviceName: 'db',
        replicas: 'three',
        selector: { matchLabels: { app: 'db' } },
        template: {
          spec: {
            containers: [{ name: 'db', image: 'pg', ports: [{ containerPort: 'x' }], bogus: 1 }],
            volumes: [{ name: 'v', secret: { secretName: 's', defaultMode: 'rw' } }],
          },
        },
        volumeClaimTemplates: [
          { metadata: { name: 'data' }, spec: { resources: { requests: { storage: 5 } } } },
        ],
      },
    },
  ],
  [
    'storage.v1.StorageClass',
    { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'x' } },
  ],
];

const strip = (errors: ValidateFunction['errors']) =>
  (errors ?? []).map(({ instancePath, keyword, params, message, data }) => ({
    instancePath,
    keyword,
    params,
    message,
    data,
  }));

void describe('schema validators precompiled at build time', () => {
  void it('report exactly what the run-time compiled validators report', async () => {
    const precompiled = await precompiledFor(KINDS);
    const ajv = createAjv();
    for (const [definition, data] of samples) {
      const runtime = ajv.compile({ $ref: `k8s#/definitions/${definition}` });
      const ahead = precompiled[definition]!;
      assert.equal(typeof ahead, 'function', definition);
      assert.equal(ahead(data), runtime(data), definition);
      assert.deepEqual(strip(ahead.errors), strip(runtime.errors), definition);
    }
  });

  void it('are used by validateObject when the host supplies them, with the same problems', async () => {
    const precompiled = await precompiledFor(KINDS);
    const text =
      'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: d\nspec:\n  accessModes: 5\n  colour: blue\n';
    const doc = parseDocument(text);
    const data = doc.toJS() as unknown;
    const before = validateObject(doc, data, 'core.v1.PersistentVolumeClaim', [0, text.length]);
    let loads = 0;
    usePrecompiledValidators(() => {
      loads++;
      return precompiled;
    });
    // A definition compiled before stays cached; a new one comes from the precompiled set.
    assert.notEqual(validatorFor('apps.v1.StatefulSet'), undefined);
    assert.equal(validatorFor('apps.v1.StatefulSet'), precompiled['apps.v1.StatefulSet']);
    assert.equal(loads, 1);
    validatorFor('storage.v1.StorageClass');
    assert.equal(loads, 1, 'loaded once');
    assert.deepEqual(
      validateObject(doc, data, 'core.v1.PersistentVolumeClaim', [0, text.length]),
      before,
    );
    assert.equal(before.length, 2);
  });

  void it('falls back to run-time compilation when the host has none', () => {
    usePrecompiledValidators(() => {
      throw new Error('no file');
    });
    assert.equal(typeof validatorFor('core.v1.PersistentVolume'), 'function');
  });
});
