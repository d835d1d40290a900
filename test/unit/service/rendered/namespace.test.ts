import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { withNamespace } from '../../../../server/src/service/rendered/namespace';
import { renderedDocuments } from '../../../../server/src/service/rendered/output';

/** Each document's `metadata.namespace` keys, as a YAML reader sees them. */
function namespaces(text: string): (string | null)[][] {
  return parseAllDocuments(text, { uniqueKeys: false }).map((doc) => {
    assert.deepEqual(doc.errors, [], `parses: ${text}`);
    const meta = doc.getIn(['metadata'], true) as { items?: { key: unknown; value: unknown }[] };
    return (meta?.items ?? [])
      .filter((p) => String((p.key as { value?: unknown }).value) === 'namespace')
      .map((p) => {
        const v = (p.value as { value?: unknown } | null)?.value;
        return v === null || v === undefined ? null : String(v);
      });
  });
}

describe('the namespace of the install', () => {
  it('goes into namespaced objects that have none, not into cluster-scoped ones', () => {
    const out = withNamespace(
      '---\n# Source: x/templates/pv.yaml\napiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: a\n---\n# Source: x/templates/pvc.yaml\napiVersion: v1\nkind: PersistentVolumeClaim\nmetadata:\n  name: b\n  labels:\n    app: b\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n  namespace: other\n',
      'shop',
    );
    assert.deepEqual(namespaces(out), [[], ['shop'], ['other']]);
    assert.deepEqual(
      renderedDocuments(out).map((d) => `${d.source ?? '-'}#${d.index}`),
      ['x/templates/pv.yaml#0', 'x/templates/pvc.yaml#0', '-#0'],
    );
  });

  it('is not added again when metadata is the last key of a document (F1)', () => {
    const input =
      '---\n# Source: c/templates/cm.yaml\napiVersion: v1\nkind: PersistentVolumeClaim\nspec: {}\nmetadata:\n  name: data\n  namespace: other\n---\n# Source: c/templates/cm.yaml\napiVersion: v1\nkind: Pod\nmetadata:\n  name: p\n  namespace: other\n';
    const out = withNamespace(input, 'shop');
    assert.equal(out, input);
    assert.deepEqual(namespaces(out), [['other'], ['other']]);
  });

  it('keeps each document its final line end, and every line of the output', () => {
    const input =
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n';
    const out = withNamespace(input, 'shop');
    assert.equal(
      out,
      'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: shop\n  name: a\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  namespace: shop\n  name: b\n',
    );
  });

  it('reads namespace keys written in any style', () => {
    const cases: [string, string][] = [
      ['quoted key', 'kind: Pod\nmetadata:\n  name: p\n  "namespace": other\n'],
      ['quoted value', "kind: Pod\nmetadata:\n  name: p\n  namespace: 'other'\n"],
      ['comment', 'kind: Pod\nmetadata:\n  name: p\n  namespace: other # the team\n'],
      ['comment line after', 'kind: Pod\nmetadata:\n  name: p\n  namespace: other\n# end\n'],
      ['no final newline', 'kind: Pod\nmetadata:\n  name: p\n  namespace: other'],
      ['CRLF', 'kind: Pod\r\nmetadata:\r\n  name: p\r\n  namespace: other\r\n'],
      ['flow metadata', 'kind: Pod\nmetadata: {name: p, namespace: other}\n'],
      ['flow document', '{kind: Pod, metadata: {name: p, namespace: other}}\n'],
      ['deeper indent', 'kind: Pod\nmetadata:\n    name: p\n    namespace: other\n'],
      ['marker with a comment', '--- # the pod\nkind: Pod\nmetadata:\n  namespace: other\n'],
    ];
    for (const [name, input] of cases) {
      const marker = input.startsWith('---') ? '' : '---\n';
      const out = withNamespace(`kind: ConfigMap\nmetadata:\n  name: x\n${marker}${input}`, 'shop');
      assert.deepEqual(namespaces(out), [['shop'], ['other']], name);
      assert.ok(out.endsWith(input), name);
    }
  });

  it('is added in the style of the metadata it goes into', () => {
    const cases: [string, string, string][] = [
      [
        'flow',
        'kind: Pod\nmetadata: {name: p}\n',
        'kind: Pod\nmetadata: {namespace: shop, name: p}\n',
      ],
      ['empty flow', 'kind: Pod\nmetadata: {}\n', 'kind: Pod\nmetadata: {namespace: shop}\n'],
      [
        'CRLF',
        'kind: Pod\r\nmetadata:\r\n  name: p\r\n',
        'kind: Pod\r\nmetadata:\r\n  namespace: shop\r\n  name: p\r\n',
      ],
      [
        'no final newline',
        'kind: Pod\nspec: {}\nmetadata:\n    name: p',
        'kind: Pod\nspec: {}\nmetadata:\n    namespace: shop\n    name: p',
      ],
      [
        'comment before the first key',
        'kind: Pod\nmetadata:\n  # who\n  name: p\n',
        'kind: Pod\nmetadata:\n  # who\n  namespace: shop\n  name: p\n',
      ],
      [
        'marker with a comment',
        '--- # pod\nkind: Pod\nmetadata:\n  name: p\n',
        '--- # pod\nkind: Pod\nmetadata:\n  namespace: shop\n  name: p\n',
      ],
    ];
    for (const [name, input, expected] of cases)
      assert.equal(withNamespace(input, 'shop'), expected, name);
  });

  it('is added when a namespace key is deeper in metadata or in another top-level key', () => {
    const cases: [string, string][] = [
      [
        'kind: Pod\nmetadata:\n  labels:\n    namespace: x\n  name: p\n',
        'kind: Pod\nmetadata:\n  namespace: shop\n  labels:\n    namespace: x\n  name: p\n',
      ],
      [
        'kind: Pod\nmetadata:\n  name: p\n# a comment\nspec:\n  namespace: x\n',
        'kind: Pod\nmetadata:\n  namespace: shop\n  name: p\n# a comment\nspec:\n  namespace: x\n',
      ],
      [
        'kind: Pod\nmetadata:\n  name: p\n  annotations: {namespace: x}\n',
        'kind: Pod\nmetadata:\n  namespace: shop\n  name: p\n  annotations: {namespace: x}\n',
      ],
    ];
    for (const [input, expected] of cases) assert.equal(withNamespace(input, 'shop'), expected);
  });

  it('fills an empty namespace, which helm treats as none, in place', () => {
    const cases: [string, string][] = [
      [
        'kind: Pod\nmetadata:\n  namespace: ""\n  name: p\n',
        'kind: Pod\nmetadata:\n  namespace: shop\n  name: p\n',
      ],
      [
        'kind: Pod\nmetadata:\n  namespace:\n  name: p\n',
        'kind: Pod\nmetadata:\n  namespace: shop\n  name: p\n',
      ],
      ['kind: Pod\nmetadata:\n  namespace: ~\n', 'kind: Pod\nmetadata:\n  namespace: shop\n'],
      ['kind: Pod\nmetadata:\n  namespace: # c\n', 'kind: Pod\nmetadata:\n  namespace: shop # c\n'],
      [
        'kind: Pod\nmetadata: {name: p, namespace: }\n',
        'kind: Pod\nmetadata: {name: p, namespace: shop}\n',
      ],
    ];
    for (const [input, expected] of cases) assert.equal(withNamespace(input, 'shop'), expected);
  });

  it('goes into the items of a list that have none', () => {
    const out = withNamespace(
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: PersistentVolumeClaim\n  metadata:\n    name: a\n- apiVersion: v1\n  kind: PersistentVolume\n  metadata:\n    name: b\n- apiVersion: v1\n  kind: Pod\n  metadata:\n    name: c\n    namespace: other\nmetadata:\n  resourceVersion: ""\n',
      'shop',
    );
    const doc = parseAllDocuments(out)[0]!;
    assert.deepEqual(
      (doc.toJS() as { items: { metadata: { namespace?: string } }[] }).items.map(
        (i) => i.metadata.namespace ?? null,
      ),
      ['shop', null, 'other'],
    );
    // The list itself is not an object: its own metadata gets nothing.
    assert.equal(
      (doc.toJS() as { metadata: { namespace?: string } }).metadata.namespace,
      undefined,
    );
    const typed = withNamespace(
      'apiVersion: v1\nkind: PersistentVolumeClaimList\nitems:\n- metadata:\n    name: a\n',
      'shop',
    );
    assert.equal(
      typed,
      'apiVersion: v1\nkind: PersistentVolumeClaimList\nitems:\n- metadata:\n    namespace: shop\n    name: a\n',
    );
  });

  it('leaves alone what it cannot read for sure', () => {
    for (const input of [
      'kind: Pod\nmetadata:\n  name: p\n  namespace: a\n  namespace: b\n',
      'kind: Pod\nmetadata:\n  name: [p\n',
      'kind: Pod\nspec: {}\n',
      'kind: Pod\nmetadata:\n',
      'metadata:\n  name: p\n',
      'kind: Pod\nmetadata:\n  name: p\nmetadata:\n  labels: {}\n',
    ])
      assert.equal(withNamespace(input, 'shop'), input, input);
    assert.equal(
      withNamespace('kind: Pod\nmetadata:\n  name: p\n', 'Not_A_Namespace'),
      'kind: Pod\nmetadata:\n  name: p\n',
    );
  });
});
