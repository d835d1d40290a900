/** CRDs as a kustomization installs them: its JSON 6902 patches applied (schema/crdPatches.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const CRD = `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: datacenters.example.com
spec:
  group: example.com
  scope: Namespaced
  names: {kind: Datacenter, plural: datacenters}
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              x-kubernetes-preserve-unknown-fields: true
              properties:
                size: {type: integer}
                config: {type: string}
`;

const RESOURCE = `apiVersion: example.com/v1
kind: Datacenter
metadata:
  name: dc1
spec:
  size: 3
  config:
    cassandra-yaml:
      num_tokens: 16
`;

const REMOVE_CONFIG = `- op: remove
  path: /spec/versions/0/schema/openAPIV3Schema/properties/spec/properties/config
`;

const kustomization = (patch: string) => `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - bases/datacenters.yaml
patches:
${patch}`;

const FILE_PATCH = `  - path: patches/config_removal.yaml
    target:
      group: apiextensions.k8s.io
      kind: CustomResourceDefinition
      name: datacenters.example.com
`;

function codes(files: Record<string, string>, uri: string): string[] {
  const service = getLanguageService();
  for (const [u, text] of Object.entries(files)) service.setFile(u, text);
  return service.getDiagnostics(uri).map((d) => d.code);
}

const base = {
  'file:///op/config/crd/bases/datacenters.yaml': CRD,
  'file:///op/config/samples/dc1.yaml': RESOURCE,
};

void test('a field a kustomization removes from the CRD is not checked in its resources', () => {
  assert.deepEqual(codes(base, 'file:///op/config/samples/dc1.yaml'), ['invalid-type']);
  const patched = {
    ...base,
    'file:///op/config/crd/kustomization.yaml': kustomization(FILE_PATCH),
    'file:///op/config/crd/patches/config_removal.yaml': REMOVE_CONFIG,
  };
  assert.deepEqual(codes(patched, 'file:///op/config/samples/dc1.yaml'), []);
  // A patch file whose name the editor's URI escapes is found by its plain path too.
  const escaped = {
    ...base,
    'file:///op/config/crd/kustomization.yaml': kustomization(
      FILE_PATCH.replace('config_removal.yaml', 'config removal.yaml'),
    ),
    'file:///op/config/crd/patches/config%20removal.yaml': REMOVE_CONFIG,
  };
  assert.deepEqual(codes(escaped, 'file:///op/config/samples/dc1.yaml'), []);
});

void test('an inline patch counts too; one that does not apply leaves the CRD as it is', () => {
  const inline = `  - target:
      kind: CustomResourceDefinition
      name: datacenters.example.com
    patch: |-
${REMOVE_CONFIG.split('\n')
  .map((l) => (l ? `      ${l}` : l))
  .join('\n')}`;
  const withInline = { ...base, 'file:///op/config/crd/kustomization.yaml': kustomization(inline) };
  assert.deepEqual(codes(withInline, 'file:///op/config/samples/dc1.yaml'), []);
  const wrongPath = inline.replace('/properties/config', '/properties/other');
  const broken = { ...base, 'file:///op/config/crd/kustomization.yaml': kustomization(wrongPath) };
  assert.deepEqual(codes(broken, 'file:///op/config/samples/dc1.yaml'), ['invalid-type']);
});
