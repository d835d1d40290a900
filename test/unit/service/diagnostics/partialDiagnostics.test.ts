/**
 * What a file of partial objects is checked for (diagnostics/partialDiagnostics.ts): strategic
 * merge patch directives in a kustomize patch, expressions in a chainsaw assertion file.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const codes = (uri: string, service: ReturnType<typeof getLanguageService>) =>
  service
    .getDiagnostics(uri)
    .map((d) => `${d.code}@${d.range.start.line + 1}`)
    .sort();

const kustomization = 'resources: [app.yaml]\npatches:\n  - path: patch.yaml\n';

const patch = [
  '$patch: delete',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: web}',
  'spec:',
  '  template:',
  '    spec:',
  '      $setElementOrder/containers:',
  '        - name: web',
  '      $retainKeys: [containers, volumes]',
  '      containers:',
  '        - name: web',
  '          args: [a]',
  '          $deleteFromPrimitiveList/args: [b]',
  '          volumeMounts:',
  '            - mountPath: /cache',
  '              $patch: delete',
  '        - name: sidecar',
  '          $patch: remove',
  '      volumes:',
  '        - $patch: replace',
  '        - name: cache',
  '          emptyDir: {}',
  '          sizeLimitt: 1Gi',
  '',
].join('\n');

void test('in a patch, strategic merge patch directives are not unknown fields', () => {
  const service = getLanguageService();
  service.setFile('file:///k/patch.yaml', patch);
  const alone = codes('file:///k/patch.yaml', service);
  assert.ok(alone.filter((c) => c.startsWith('unknown-field')).length >= 6, alone.join(', '));
  service.setFile('file:///k/kustomization.yaml', kustomization);
  // What is left: the misspelled field, and a `$patch` value kustomize refuses.
  assert.deepEqual(codes('file:///k/patch.yaml', service), ['invalid-enum@19', 'unknown-field@24']);
  const [invalid] = service
    .getDiagnostics('file:///k/patch.yaml')
    .filter((d) => d.code === 'invalid-enum');
  assert.deepEqual(invalid!.range.start, { line: 18, character: 18 });
  assert.match(
    invalid!.message.en,
    /^`remove` is not a patch directive: kustomize accepts `\$patch`/,
  );
  assert.match(invalid!.message.ru, /^`remove` — не директива патча: kustomize понимает `\$patch`/);
});

void test('in a whole manifest, `$patch` is still an unknown field', () => {
  const service = getLanguageService();
  service.setFile(
    'file:///m/svc.yaml',
    'apiVersion: v1\nkind: Service\nmetadata: {name: s}\n$patch: delete\n',
  );
  assert.deepEqual(codes('file:///m/svc.yaml', service), ['unknown-field@4']);
});

const TEST = 'file:///e2e/keep-pvc/chainsaw-test.yaml';
const chainsawTest = [
  'apiVersion: chainsaw.kyverno.io/v1alpha1',
  'kind: Test',
  'metadata: {name: keep-pvc}',
  'spec:',
  '  steps:',
  '    - try:',
  '        - apply: {file: cluster.yaml}',
  '        - assert: {file: ready-pvc.yaml}',
  '',
].join('\n');

/** What chainsaw compares: a claim's status, a StatefulSet without its selector, expressions. */
const assertion = [
  'apiVersion: v1',
  'kind: PersistentVolumeClaim',
  'metadata:',
  '  name: data-db-0',
  '  ownerReferences:',
  '    - {apiVersion: apps/v1, kind: StatefulSet, name: db}',
  'status:',
  '  phase: Bound',
  '  capacity: {storage: ($size)}',
  '---',
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata: {name: db}',
  'spec:',
  '  replicas: ($replicas)',
  '  (volumeClaimTemplates[0].spec.storageClassName): fast',
  '  ~.(template.spec.containers)->c:',
  '    image: redis',
  '  podManagementPolicy: Paralel',
  'statuss: {}',
  '',
].join('\n');

void test('a file a chainsaw test asserts is checked for what it writes, expressions aside', () => {
  const service = getLanguageService();
  const uri = 'file:///e2e/keep-pvc/ready-pvc.yaml';
  service.setFile(uri, assertion);
  const alone = codes(uri, service);
  assert.ok(alone.includes('claim-without-storage-request@4'), alone.join(', '));
  assert.ok(alone.includes('missing-required@6'), alone.join(', '));
  service.setFile(TEST, chainsawTest);
  assert.deepEqual(codes(uri, service), ['invalid-enum@19', 'unknown-field@20']);
  assert.deepEqual(codes(TEST, service), []);
  // Its claim is not one the workspace's pods can mount.
  service.setFile(
    'file:///e2e/keep-pvc/pod.yaml',
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: web}',
      'spec:',
      '  containers: [{name: web, image: nginx, volumeMounts: [{name: d, mountPath: /d}]}]',
      '  volumes: [{name: d, persistentVolumeClaim: {claimName: data-db-0}}]',
      '',
    ].join('\n'),
  );
  assert.ok(codes('file:///e2e/keep-pvc/pod.yaml', service).includes('claim-not-found@6'));
});

void test('a kuttl assertion file is known by its name', () => {
  const service = getLanguageService();
  const uri = 'file:///kuttl/resize/01-assert.yaml';
  service.setFile(
    uri,
    'apiVersion: v1\nkind: PersistentVolumeClaim\nmetadata: {name: d}\nstatus: {phase: Bound}\n',
  );
  assert.deepEqual(codes(uri, service), []);
});

/** A StatefulSet turned into a Deployment: the patch deletes what a Deployment has no field for. */
const toDeployment = [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata: {name: queue}',
  'spec:',
  '  updateStrategy:',
  '    $patch: delete',
  '  serviceName: null',
  '  volumeClaimTemplates:',
  '  podManagementPolicy: ~',
  '  minReadySecond: 5',
  '  template:',
  '    spec:',
  '      volumes:',
  '        - name: spool',
  '          $patch: delete',
  '          emptyDirr: {}',
  '        - name: cache',
  '          emptyDir: {}',
  '',
].join('\n');

const kindChange = [
  'resources: [queue.yaml]',
  'patches:',
  '  - path: to-deployment.yaml',
  '    target: {kind: StatefulSet, name: queue}',
  '    options: {allowKindChange: true}',
  '',
].join('\n');

void test('in a patch, `key: null`, `key:` and `$patch: delete` delete fields: never reported', () => {
  const service = getLanguageService();
  const uri = 'file:///kc/to-deployment.yaml';
  service.setFile(uri, toDeployment);
  const alone = codes(uri, service);
  assert.ok(alone.includes('unknown-field@7'), alone.join(', '));
  service.setFile('file:///kc/kustomization.yaml', kindChange);
  // What kustomize writes into the Deployment is still checked against the Deployment.
  assert.deepEqual(codes(uri, service), ['unknown-field@10']);
});

void test('an unknown field of a patch: kustomize merges it, then the API server rejects it', () => {
  const service = getLanguageService();
  const uri = 'file:///kc/to-deployment.yaml';
  service.setFile(uri, toDeployment);
  service.setFile('file:///kc/kustomization.yaml', kindChange);
  const [unknown] = service.getDiagnostics(uri);
  assert.equal(
    unknown!.message.en,
    'Unknown field `minReadySecond` in `DeploymentSpec`: kustomize merges it into the object, and the API server then rejects it (or drops it without strict validation). Did you mean `minReadySeconds`?',
  );
  assert.match(
    unknown!.message.ru,
    /^Неизвестное поле `minReadySecond` в `DeploymentSpec`: kustomize добавит его в объект, а API-сервер потом его отклонит/,
  );
  // A whole manifest keeps the plain text.
  service.setFile('file:///m/web.yaml', toDeployment.replace('queue', 'web'));
  const plain = service
    .getDiagnostics('file:///m/web.yaml')
    .find((d) => d.code === 'unknown-field');
  assert.match(plain!.message.en, /; the API server rejects it/);
});
