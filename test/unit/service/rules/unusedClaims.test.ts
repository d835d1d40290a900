/** `claim-used-by-no-pod`: where it fires, what counts as using a claim, and what its fix writes. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { applyFirstFix, diagnose, fixtureText } from './helpers';

const RULE = 'claim-used-by-no-pod';
const URI = 'file:///notes/app.yaml';

const lines = (...l: string[]): string => l.join('\n') + '\n';

const claim = (name: string): string =>
  lines(
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    `metadata: {name: ${name}}`,
    'spec:',
    '  accessModes: [ReadWriteOnce]',
    '  resources: {requests: {storage: 1Gi}}',
  );

/** A Deployment whose one volume `data` is `volume` (a flow map). */
const deployment = (volume: string, env = ''): string =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata: {name: notes}',
    'spec:',
    '  selector: {matchLabels: {app: notes}}',
    '  template:',
    '    metadata: {labels: {app: notes}}',
    '    spec:',
    '      containers:',
    '        - name: notes',
    '          image: example.org/notes:2',
    ...(env ? [`          env: ${env}`] : []),
    '          volumeMounts: [{name: data, mountPath: /srv}]',
    `      volumes: [{name: data, ${volume}}]`,
  );

const joined = (...docs: string[]): string => docs.join('---\n');

const hits = (files: Record<string, string>, uri = URI): string[] =>
  diagnose(files, uri)
    .filter((d) => d.code === RULE)
    .map((d) => d.message.en);

void describe(RULE, () => {
  test('a claim beside a Deployment on an emptyDir: reported, naming the emptyDir', () => {
    const found = hits({ [URI]: joined(claim('notes-data'), deployment('emptyDir: {}')) });
    assert.equal(found.length, 1);
    assert.match(found[0]!, /No pod uses claim `notes-data`/);
    assert.match(found[0]!, /Deployment `notes` with emptyDir `data`/);
    assert.match(found[0]!, /kept on an emptyDir/);
  });

  test('a typo in the claimName: reported (the workload mounts another claim)', () => {
    const text = joined(
      claim('notes-data'),
      deployment('persistentVolumeClaim: {claimName: note-data}'),
    );
    const found = hits({ [URI]: text });
    assert.equal(found.length, 1);
    assert.match(found[0]!, /kept elsewhere/);
  });

  test('a file of claims alone is not checked', () => {
    assert.deepEqual(hits({ [URI]: joined(claim('a'), claim('b')) }), []);
  });

  test('mounted by a workload in another file: not reported', () => {
    const files = {
      [URI]: joined(claim('notes-data'), deployment('emptyDir: {}')),
      'file:///notes/backup.yaml': deployment('persistentVolumeClaim: {claimName: notes-data}'),
    };
    assert.deepEqual(hits(files), []);
  });

  test("a StatefulSet's claim template makes the claim: not reported", () => {
    const statefulSet = lines(
      'apiVersion: apps/v1',
      'kind: StatefulSet',
      'metadata: {name: db}',
      'spec:',
      '  replicas: 2',
      '  serviceName: db',
      '  selector: {matchLabels: {app: db}}',
      '  template:',
      '    metadata: {labels: {app: db}}',
      '    spec:',
      '      containers: [{name: db, image: postgres:17, volumeMounts: [{name: data, mountPath: /var/lib/postgresql/data}]}]',
      '  volumeClaimTemplates:',
      '    - metadata: {name: data}',
      '      spec: {accessModes: [ReadWriteOnce], resources: {requests: {storage: 1Gi}}}',
    );
    assert.deepEqual(hits({ [URI]: joined(claim('data-db-1'), statefulSet) }), []);
  });

  test('named by another object of the file where claims are named: not reported', () => {
    const operatorResource = lines(
      'apiVersion: example.org/v1',
      'kind: Backup',
      'metadata: {name: nightly}',
      'spec: {storage: {existingClaim: notes-data}}',
    );
    const agentTemplate = lines(
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: agents}',
      'data:',
      '  pod.yaml: |',
      '    volumes:',
      '      - name: work',
      '        persistentVolumeClaim:',
      '          claimName: notes-data',
    );
    const base = [claim('notes-data'), deployment('emptyDir: {}')];
    assert.deepEqual(hits({ [URI]: joined(...base, operatorResource) }), []);
    assert.deepEqual(hits({ [URI]: joined(...base, agentTemplate) }), []);
    const envByName = deployment('emptyDir: {}', '[{name: WORK_PVC, value: notes-data}]');
    assert.deepEqual(hits({ [URI]: joined(claim('notes-data'), envByName) }), []);
  });

  test('the same name elsewhere (a Service URL, an object name): still reported', () => {
    const env = deployment('emptyDir: {}', '[{name: NOTES_URL, value: "http://notes-data:80"}]');
    const service = lines(
      'apiVersion: v1',
      'kind: Service',
      'metadata: {name: notes-data}',
      'spec: {selector: {app: notes}, ports: [{port: 80}]}',
    );
    assert.equal(hits({ [URI]: joined(claim('notes-data'), env, service) }).length, 1);
  });

  test('a kustomize patch that mounts the claim counts', () => {
    const files = {
      'file:///k/overlay/kustomization.yaml': lines(
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'resources: [app.yaml]',
        'patches:',
        '  - path: patch.yaml',
      ),
      'file:///k/overlay/app.yaml': joined(claim('notes-data'), deployment('emptyDir: {}')),
      'file:///k/overlay/patch.yaml': deployment('persistentVolumeClaim: {claimName: notes-data}'),
    };
    assert.deepEqual(hits(files, 'file:///k/overlay/app.yaml'), []);
  });

  test('a clone or a restore is not checked (the copy is for whatever reads it)', () => {
    const clone = claim('notes-copy').replace(
      '  accessModes:',
      '  dataSource: {kind: PersistentVolumeClaim, name: notes-data}\n  accessModes:',
    );
    const source = deployment('persistentVolumeClaim: {claimName: notes-data}');
    assert.deepEqual(hits({ [URI]: joined(claim('notes-data'), source, clone) }), []);
  });

  test('the source of a clone or a snapshot is in use', () => {
    const clone = claim('notes-copy').replace(
      '  accessModes:',
      '  dataSource: {kind: PersistentVolumeClaim, name: notes-data}\n  accessModes:',
    );
    const snapshot = lines(
      'apiVersion: snapshot.storage.k8s.io/v1',
      'kind: VolumeSnapshot',
      'metadata: {name: nightly}',
      'spec: {source: {persistentVolumeClaimName: notes-data}}',
    );
    const base = [claim('notes-data'), deployment('emptyDir: {}')];
    assert.deepEqual(hits({ [URI]: joined(...base), 'file:///notes/copy.yaml': clone }), []);
    assert.deepEqual(hits({ [URI]: joined(...base), 'file:///notes/snap.yaml': snapshot }), []);
  });

  test('named under a key about claims in another file (an operator resource): not reported', () => {
    const cluster = lines(
      'apiVersion: example.org/v1',
      'kind: DatabaseCluster',
      'metadata: {name: main}',
      'spec:',
      '  extraVolumes:',
      '    - name: extra',
      '      claimName: "notes-data"',
    );
    const base = joined(claim('notes-data'), deployment('emptyDir: {}'));
    assert.deepEqual(hits({ [URI]: base, 'file:///notes/cluster.yaml': cluster }), []);
    // The name as a part of a longer one does not count.
    const longer = cluster.replace('"notes-data"', '"notes-data-2"');
    assert.equal(hits({ [URI]: base, 'file:///notes/cluster.yaml': longer }).length, 1);
  });

  test('named in other files the ways tools name claims: not reported', () => {
    const base = joined(claim('notes-data'), deployment('emptyDir: {}'));
    const others: Record<string, string> = {
      // GitLab Runner: the TOML table header says pvc, the name is below it.
      runner: lines(
        'apiVersion: v1',
        'kind: ConfigMap',
        'metadata: {name: runner}',
        'data:',
        '  config.toml: |',
        '    [[runners.kubernetes.volumes.pvc]]',
        '      name = "notes-data"',
        '      mount_path = "/cache"',
      ),
      // A JSON 6902 patch that points a volume at the claim.
      patch: lines(
        'apiVersion: kustomize.config.k8s.io/v1beta1',
        'kind: Kustomization',
        'patches:',
        '  - target: {kind: Deployment, name: notes}',
        '    patch: |-',
        '      - op: replace',
        '        path: /spec/template/spec/volumes/0/persistentVolumeClaim/claimName',
        '        value: notes-data',
      ),
      // Argo CD's --set parameters, in block form.
      argo: lines(
        'apiVersion: argoproj.io/v1alpha1',
        'kind: Application',
        'metadata: {name: notes}',
        'spec:',
        '  source:',
        '    helm:',
        '      parameters:',
        '        - name: persistence.existingClaim',
        '          value: notes-data',
      ),
    };
    for (const [name, text] of Object.entries(others))
      assert.deepEqual(hits({ [URI]: base, [`file:///notes/${name}.yaml`]: text }), [], name);
    // A patch that only targets the claim (its kind and name) does not use it.
    const target = lines(
      'apiVersion: kustomize.config.k8s.io/v1beta1',
      'kind: Kustomization',
      'patches:',
      '  - target:',
      '      kind: PersistentVolumeClaim',
      '      name: notes-data',
      '    patch: |-',
      '      - {op: replace, path: /spec/resources/requests/storage, value: 2Gi}',
    );
    assert.equal(hits({ [URI]: base, 'file:///notes/kustomization.yaml': target }).length, 1);
  });

  test('a name the user fills in later is not checked', () => {
    assert.deepEqual(hits({ [URI]: joined(claim('${APP}-data'), deployment('emptyDir: {}')) }), []);
  });

  test('the fix mounts the claim in place of the one emptyDir', () => {
    const { after, text, title } = applyFirstFix(fixtureText(RULE, 'bad'), RULE, URI);
    assert.equal(
      title,
      'Mount claim `notes-app` as volume `data` of Deployment `notes-app` instead of its emptyDir',
    );
    assert.match(
      text,
      /\n {8}- name: data\n {10}persistentVolumeClaim:\n {12}claimName: notes-app\n/,
    );
    assert.deepEqual(
      after.filter((d) => d.code === RULE || d.severity === 'error'),
      [],
    );
  });

  test('two emptyDirs: only the removal (which one was meant is not known)', () => {
    const text = fixtureText(RULE, 'bad').replace(
      '        - name: data\n          emptyDir: {}\n',
      '        - name: data\n          emptyDir: {}\n        - name: cache\n          emptyDir: {}\n',
    );
    const service = getLanguageService();
    service.setFile(URI, text);
    const found = service.getDiagnostics(URI).filter((d) => d.code === RULE);
    assert.equal(found.length, 1);
    const titles = service
      .getCodeActions(URI, found[0]!.range)
      .filter((a) => a.diagnostic.code === RULE)
      .map((a) => a.title.en);
    assert.deepEqual(
      titles.filter((t) => !/^Disable /.test(t)),
      ['Remove claim `notes-app`, which no pod uses'],
    );
  });

  test('the removal takes the claim document with its marker and comments, nothing else', () => {
    const deploymentText = deployment('persistentVolumeClaim: {claimName: notes-data}');
    const text = joined(
      deploymentText,
      '# left over from the first layout\n' + claim('old-notes'),
      claim('notes-data'),
    );
    const service = getLanguageService();
    service.setFile(URI, text);
    const found = service.getDiagnostics(URI).filter((d) => d.code === RULE);
    assert.equal(found.length, 1);
    const removal = service
      .getCodeActions(URI, found[0]!.range)
      .find((a) => a.title.en.startsWith('Remove claim'));
    assert.ok(removal);
    const edit = removal.edits[0]!;
    const lines = text.split('\n');
    const before = lines.slice(0, edit.range.start.line).join('\n');
    const after = lines.slice(edit.range.end.line).join('\n');
    assert.equal(before + '\n' + after, joined(deploymentText, claim('notes-data')));
  });
});
