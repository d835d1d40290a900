/**
 * argocd-vault-plugin's `<key>` in an object annotated with its store path is filled in before
 * Argo CD applies it: the rules that read a name (a claim's, a class's, a service's) skip it, as
 * the schema checks do; without the annotation the plugin leaves `<key>` alone and it is checked.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { diagnose } from './helpers';

const VAULT = '    avp.kubernetes.io/path: "secret/data/shop"\n';

function deployment(annotation: string): string {
  return [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: orders',
    '  namespace: shop',
    '  annotations:',
    annotation + '    owner: shop-team',
    'spec:',
    '  serviceName: <service-name>',
    '  replicas: 2',
    '  selector:',
    '    matchLabels: {app: orders}',
    '  template:',
    '    metadata:',
    '      labels: {app: orders}',
    '    spec:',
    '      containers:',
    '        - name: orders',
    '          image: registry.example.com/orders:2.4',
    '          volumeMounts:',
    '            - {name: ledger, mountPath: /var/lib/ledger}',
    '      volumes:',
    '        - name: ledger',
    '          persistentVolumeClaim:',
    '            claimName: <ledger-claim>',
    '  volumeClaimTemplates:',
    '    - metadata:',
    '        name: data',
    '      spec:',
    '        storageClassName: <storage-class>',
    '        accessModes: [ReadWriteOnce]',
    '        resources:',
    '          requests:',
    '            storage: 5Gi',
    '',
  ].join('\n');
}

const codes = (text: string) =>
  diagnose({ 'file:///w/orders.yaml': text })
    .map((d) => d.code)
    .sort();

void test('with the vault path annotation, `<key>` names are not missing or invalid', () => {
  const found = codes(deployment(VAULT));
  for (const code of ['claim-not-found', 'invalid-name', 'storage-class-not-found'])
    assert.ok(!found.includes(code), `${code} in ${found.join(', ')}`);
  assert.ok(!found.some((c) => c.includes('service')), found.join(', '));
});

void test('without it the plugin leaves `<key>` alone: the same names are reported', () => {
  const found = codes(deployment(''));
  assert.ok(found.includes('claim-not-found'), found.join(', '));
  assert.ok(found.includes('invalid-name'), found.join(', '));
});
