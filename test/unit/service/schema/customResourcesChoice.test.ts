/**
 * Several CustomResourceDefinitions for one kind (found on operator repositories): the one the API
 * server would serve is chosen whatever order the files are read in — v1 over an old v1beta1 copy
 * kept among test data, the nearest to the object, the shallowest of copies as near (a built
 * `all-crds.yaml` over the raw input a kustomization patches) — and a CRD's own problems are
 * reported whether or not it is chosen. A v1beta1 CRD that keeps unknown fields refuses none.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';

/** A CRD of kind Db (group example.com, version v1) whose `spec` has these properties. */
function dbCrd(apiVersion: string, properties: string, extra: string[] = []): string {
  const v1 = apiVersion === 'apiextensions.k8s.io/v1';
  const schema = [
    '      openAPIV3Schema:',
    '        type: object',
    '        properties:',
    '          spec:',
    '            type: object',
    `            properties: ${properties}`,
  ];
  return [
    `apiVersion: ${apiVersion}`,
    'kind: CustomResourceDefinition',
    'metadata: {name: dbs.example.com}',
    'spec:',
    '  group: example.com',
    '  scope: Namespaced',
    '  names: {kind: Db, plural: dbs}',
    ...extra,
    '  versions:',
    '    - name: v1',
    '      served: true',
    '      storage: true',
    ...(v1 ? ['      schema:', ...schema.map((l) => `  ${l}`)] : []),
    ...(v1 ? [] : ['  validation:', ...schema.map((l) => l.slice(2))]),
    '',
  ].join('\n');
}

const V1 = dbCrd('apiextensions.k8s.io/v1', '{size: {type: integer}, config: {type: object}}');
const BETA = dbCrd('apiextensions.k8s.io/v1beta1', '{size: {type: integer}}');
const DB =
  'apiVersion: example.com/v1\nkind: Db\nmetadata: {name: a}\nspec:\n  size: 3\n  config: {a: 1}\n';

function codes(files: [string, string][], uri: string): string[] {
  const s = getLanguageService();
  for (const [u, text] of files) s.setFile(u, text);
  return s.getDiagnostics(uri).map((d: KubeDiagnostic) => `${d.range.start.line} ${d.code}`);
}

void describe('choosing among several CRDs of one kind', () => {
  test('a v1 CRD wins over a v1beta1 copy, whichever is read last', () => {
    const cr = 'file:///ws/samples/db.yaml';
    const v1 = ['file:///ws/config/crd/bases/db.yaml', V1] as [string, string];
    const beta = ['file:///ws/tests/testdata/old.yaml', BETA] as [string, string];
    assert.deepEqual(codes([v1, beta, [cr, DB]], cr), []);
    assert.deepEqual(codes([beta, v1, [cr, DB]], cr), []);
    // Even beside the object (same folder), the v1beta1 copy is not served.
    const near = ['file:///ws/samples/old.yaml', BETA] as [string, string];
    assert.deepEqual(codes([v1, near, [cr, DB]], cr), []);
  });

  test('of several v1 CRDs, the one in the same file, then folder, then nearest ancestor', () => {
    const strict = dbCrd('apiextensions.k8s.io/v1', '{size: {type: integer}}');
    const a = ['file:///ws/a/crd.yaml', V1] as [string, string];
    const b = ['file:///ws/b/crd.yaml', strict] as [string, string];
    assert.deepEqual(codes([a, b, ['file:///ws/a/db.yaml', DB]], 'file:///ws/a/db.yaml'), []);
    assert.deepEqual(codes([b, a, ['file:///ws/a/x/db.yaml', DB]], 'file:///ws/a/x/db.yaml'), []);
    assert.deepEqual(codes([a, b, ['file:///ws/b/db.yaml', DB]], 'file:///ws/b/db.yaml'), [
      '5 unknown-field',
    ]);
    const own = `${strict}---\n${DB}`;
    assert.deepEqual(codes([a, ['file:///ws/a/own.yaml', own]], 'file:///ws/a/own.yaml'), [
      '24 unknown-field',
    ]);
  });

  test('of copies as near, the shallowest (the built CRDs over the raw input that gets patched)', () => {
    const raw = dbCrd('apiextensions.k8s.io/v1', '{size: {type: integer}}');
    const built = ['file:///ws/crds/all-crds.yaml', V1] as [string, string];
    const input = ['file:///ws/crds/resources/dbs.yaml', raw] as [string, string];
    const cr = ['file:///ws/db.yaml', DB] as [string, string];
    assert.deepEqual(codes([built, input, cr], cr[0]), []);
    assert.deepEqual(codes([input, built, cr], cr[0]), []);
  });

  test('a CRD that is not chosen still has its own problems reported', () => {
    const broken = V1.replace('size: {type: integer}', 'size: {type: integr}');
    const a = ['file:///ws/crd.yaml', V1] as [string, string];
    const b = ['file:///ws/deep/er/crd.yaml', broken] as [string, string];
    for (const order of [
      [a, b],
      [b, a],
    ]) {
      assert.ok(codes(order, b[0]).some((c) => c.endsWith('crd-schema-invalid')));
      assert.ok(!codes(order, a[0]).some((c) => c.endsWith('crd-schema-invalid')));
    }
  });
});

void describe('several releases of one CRD, none beside the object', () => {
  // An operator's install manifests of two releases, each in its own folder; the object is in a
  // third folder, so which release the cluster runs is not known: a field the newer one added
  // is no error, a field neither defines still is.
  const older = dbCrd('apiextensions.k8s.io/v1', '{size: {type: integer}}');
  const releases: [string, string][] = [
    ['file:///ws/install/db-1.0.yaml', older],
    ['file:///ws/v2/install/db-2.0.yaml', V1],
  ];
  const cr = 'file:///ws/apps/orders/db.yaml';

  test('a field one of the releases defines is not reported', () => {
    assert.deepEqual(codes([...releases, [cr, DB]], cr), []);
    assert.deepEqual(codes([releases[1]!, releases[0]!, [cr, DB]], cr), []);
  });

  test('a field no release defines is, and so are wrong types', () => {
    const typo = DB.replace('config: {a: 1}', 'confg: {a: 1}');
    assert.deepEqual(codes([...releases, [cr, typo]], cr), ['5 unknown-field']);
    const wrong = DB.replace('size: 3', 'size: three');
    assert.deepEqual(codes([...releases, [cr, wrong]], cr), ['4 invalid-type']);
  });

  test('a release in a folder above the object is the one applied with it', () => {
    const own = 'file:///ws/apps/crd.yaml';
    assert.deepEqual(codes([releases[1]!, [own, older], [cr, DB]], cr), ['5 unknown-field']);
  });
});

void describe('a v1beta1 CRD alone', () => {
  const cr = 'file:///ws/db.yaml';
  const bad = DB.replace('size: 3', 'size: three');

  test('keeps unknown fields (preserveUnknownFields defaults to true), but checks types', () => {
    assert.deepEqual(
      codes(
        [
          ['file:///ws/crd.yaml', BETA],
          [cr, bad],
        ],
        cr,
      ),
      ['4 invalid-type'],
    );
  });

  test('with preserveUnknownFields: false it prunes, so an unknown field is refused', () => {
    const pruning = dbCrd('apiextensions.k8s.io/v1beta1', '{size: {type: integer}}', [
      '  preserveUnknownFields: false',
    ]);
    assert.deepEqual(
      codes(
        [
          ['file:///ws/crd.yaml', pruning],
          [cr, bad],
        ],
        cr,
      ),
      ['4 invalid-type', '5 unknown-field'],
    );
  });

  test('a single `version` (v1beta1 without `versions`) is a served version', () => {
    const single = BETA.replace(
      '  versions:\n    - name: v1\n      served: true\n      storage: true\n',
      '  version: v1\n',
    );
    assert.notEqual(single, BETA);
    assert.deepEqual(
      codes(
        [
          ['file:///ws/crd.yaml', single],
          [cr, bad],
        ],
        cr,
      ),
      ['4 invalid-type'],
    );
  });
});
