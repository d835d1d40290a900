/**
 * What real manifests contain and the API server accepts: YAML nulls from Helm output, `""` that
 * defaulting replaces, placeholders of other template languages. None of it is an error; the
 * precise findings about volume sources left empty are checked here too.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { curatedEnums, emptyMeansUnset } from '../../../../scripts/schema-enums';
import { getLanguageService, type KubeDiagnostic } from '../../../../server/src/service';
import { definitions } from '../../../../server/src/service/schema/registry';

/** Everything but the storage rules, which have their own tests. */
const SCHEMA_CODES = new Set([
  'yaml-syntax',
  'duplicate-key',
  'unknown-api-version',
  'unknown-kind',
  'unknown-field',
  'missing-required',
  'invalid-type',
  'invalid-enum',
  'invalid-quantity',
  'schema',
  'empty-dir-null',
  'volume-source-null',
]);

const URI = 'file:///w/real.yaml';

function diagnose(text: string): KubeDiagnostic[] {
  const service = getLanguageService();
  service.setFile(URI, text, 'editor', 1);
  return service.getDiagnostics(URI).filter((d) => SCHEMA_CODES.has(d.code));
}

function brief(d: KubeDiagnostic): string {
  const r = d.range;
  return `${r.start.line}:${r.start.character}-${r.end.line}:${r.end.character} ${d.severity} ${d.code}`;
}

const podWith = (spec: string): string =>
  `apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - name: app\n      image: busybox\n${spec}`;

describe('YAML null is an absent field', () => {
  it('accepts the nulls Helm leaves in a rendered Deployment', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  annotations:
spec:
  replicas: 1
  strategy:
    type: RollingUpdate
    rollingUpdate:
  selector:
    matchLabels: {app: web}
  template:
    metadata:
      labels: {app: web}
      annotations:
    spec:
      affinity:
        podAffinity:
        podAntiAffinity:
        nodeAffinity:
      automountServiceAccountToken:
      initContainers:
      containers:
        - name: web
          image: nginx:1.27
          args:
          env:
            - name: MODE
              value:
          envFrom:
          resources:
          lifecycle:
          volumeMounts:
            - name: data
              mountPath: /data
              subPath:
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: web
---
apiVersion: v1
kind: Service
metadata:
  name: web
spec:
  type: ClusterIP
  ports:
    - port: 80
      targetPort: http
      nodePort: null
`;
    assert.deepEqual(diagnose(text).map(brief), []);
  });

  it('accepts nulls in a PersistentVolume, a NetworkPolicy and a ConfigMap', () => {
    const text = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: nfs
spec:
  capacity: {storage: 10Gi}
  accessModes: [ReadWriteMany]
  mountOptions:
  nfs: {server: 10.0.0.2, path: /exports}
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: db
spec:
  podSelector: {}
  ingress:
    - from:
      ports:
        - port:
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: c
data:
`;
    assert.deepEqual(diagnose(text).map(brief), []);
  });

  it('reads a null enum value as absent: defaulting then picks the value', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  podManagementPolicy:
  selector: {matchLabels: {app: db}}
  template:
    metadata: {labels: {app: db}}
    spec:
      containers: [{name: db, image: postgres:16}]
`;
    assert.deepEqual(diagnose(text).map(brief), []);
  });

  it('reads a null list item as the zero value, which validation then checks', () => {
    const found = diagnose(
      'apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n    - null\n',
    );
    assert.deepEqual(found.map(brief), ['6:6-6:10 error missing-required']);
    assert.match(found[0]!.message.en, /`name`/);
  });

  it('still reports a wrong type next to the nulls', () => {
    const found = diagnose(podWith('  affinity:\n  terminationGracePeriodSeconds: soon\n'));
    assert.deepEqual(found.map(brief), ['9:33-9:37 error invalid-type']);
  });
});

describe('volume sources left empty', () => {
  it('`emptyDir:` works (Kubernetes defaults a volume without a source to emptyDir): a hint with a fix', () => {
    const text = podWith('  volumes:\n    - name: scratch\n      emptyDir:\n');
    const found = diagnose(text);
    assert.deepEqual(found.map(brief), ['10:6-10:15 hint empty-dir-null']);
    assert.match(found[0]!.message.en, /Write `emptyDir: \{\}`/);
    assert.match(found[0]!.message.ru, /Напишите `emptyDir: \{\}`/);

    const service = getLanguageService();
    service.setFile(URI, text, 'editor', 1);
    const [action] = service.getCodeActions(URI, found[0]!.range);
    assert.ok(action, 'a quick fix');
    assert.equal(action.title.en, 'Write `emptyDir: {}`');
    const [edit] = action.edits;
    const lines = text.split('\n');
    const line = lines[edit!.range.start.line]!;
    lines[edit!.range.start.line] =
      line.slice(0, edit!.range.start.character) +
      edit!.newText +
      line.slice(edit!.range.end.character);
    const fixed = lines.join('\n');
    assert.match(fixed, /\n {6}emptyDir: \{\}\n/);
    assert.deepEqual(diagnose(fixed), []);
  });

  it('marks a written null (`~`, `null`) too, and the fix replaces it', () => {
    const found = diagnose(podWith('  volumes:\n    - name: scratch\n      emptyDir: ~\n'));
    assert.deepEqual(found.map(brief), ['10:6-10:17 hint empty-dir-null']);
  });

  it('another pod volume source left empty becomes an emptyDir: a warning that says so', () => {
    const found = diagnose(podWith('  volumes:\n    - name: host-logs\n      hostPath:\n'));
    assert.deepEqual(found.map(brief), ['10:6-10:15 warning volume-source-null']);
    assert.match(found[0]!.message.en, /volume `host-logs` has no source.*empty `emptyDir`/);
    assert.match(found[0]!.message.ru, /у тома `host-logs` не остаётся источника/);
  });

  it('says nothing when another source of the same volume is set', () => {
    const text = podWith(
      '  volumes:\n    - name: conf\n      emptyDir:\n      configMap:\n        name: conf\n',
    );
    assert.deepEqual(diagnose(text).map(brief), []);
  });

  it('a PersistentVolume whose only source is empty is rejected ("must specify a volume type")', () => {
    const text =
      'apiVersion: v1\nkind: PersistentVolume\nmetadata:\n  name: pv\nspec:\n  capacity: {storage: 1Gi}\n  accessModes: [ReadWriteOnce]\n  hostPath:\n';
    const found = diagnose(text);
    assert.deepEqual(found.map(brief), ['7:2-7:11 error volume-source-null']);
    assert.match(found[0]!.message.en, /must specify a volume type/);
    assert.match(found[0]!.message.ru, /API-сервер его не примет/);
  });
});

describe('empty strings that defaulting replaces', () => {
  it('accepts "" where a SetDefaults_* function or validation accepts it', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: mysql
spec:
  serviceName: mysql
  podManagementPolicy: ""
  updateStrategy:
    type: ""
  persistentVolumeClaimRetentionPolicy:
    whenDeleted: ""
    whenScaled: ""
  selector: {matchLabels: {app: mysql}}
  template:
    metadata: {labels: {app: mysql}}
    spec:
      restartPolicy: ""
      dnsPolicy: ""
      tolerations:
        - key: dedicated
          operator: ""
          value: db
          effect: ""
      containers:
        - name: mysql
          image: mysql:8.4
          imagePullPolicy: ""
          terminationMessagePolicy: ""
          ports:
            - containerPort: 3306
              protocol: ""
---
apiVersion: v1
kind: Service
metadata:
  name: mysql
spec:
  type: ""
  sessionAffinity: ""
  externalTrafficPolicy: ""
  ports:
    - port: 3306
      protocol: ""
---
apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata:
  name: fast
provisioner: ebs.csi.aws.com
reclaimPolicy: ""
---
apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv
spec:
  capacity: {storage: 1Gi}
  accessModes: [ReadWriteOnce]
  persistentVolumeReclaimPolicy: ""
  nfs: {server: nfs.local, path: /x}
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: backup
spec:
  schedule: "0 3 * * *"
  concurrencyPolicy: ""
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers: [{name: b, image: busybox}]
`;
    assert.deepEqual(diagnose(text).map(brief), []);
  });

  it('still rejects "" where nothing defaults it, and shows it as `""`', () => {
    const text = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  volumeMode: ""
  accessModes: [ReadWriteOnce]
  resources: {requests: {storage: 1Gi}}
`;
    const found = diagnose(text);
    assert.deepEqual(found.map(brief), ['5:14-5:16 error invalid-enum']);
    assert.match(found[0]!.message.en, /^`""` is not a valid value of `spec.volumeMode`/);
  });

  it('accepts a container restartPolicy of Never (ContainerRestartRules, on since 1.35)', () => {
    const text = podWith('      restartPolicy: Never\n');
    assert.deepEqual(diagnose(text).map(brief), []);
  });

  it('names the upstream code for every field where "" means unset, and the schema marks them', () => {
    const marked = new Set<string>();
    for (const [name, definition] of Object.entries(definitions)) {
      for (const [field, schema] of Object.entries(definition.properties ?? {})) {
        if (schema['x-empty-means-unset']) marked.add(`${name}.${field}`);
      }
    }
    const listed = new Set<string>();
    for (const [name, fields] of Object.entries(emptyMeansUnset)) {
      for (const [field, upstream] of Object.entries(fields)) {
        listed.add(`${name}.${field}`);
        assert.match(upstream, /^(SetDefaults_\w+|validate\w+|`\+default=)/, `${name}.${field}`);
        assert.ok(!curatedEnums[name]?.[field]?.includes(''), `${name}.${field} lists ""`);
      }
    }
    assert.deepEqual([...marked].sort(), [...listed].sort());
  });
});

describe('placeholders of other template languages', () => {
  it('does not report a value that is only a {{…}} slot, and still reports real mistakes', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{name}}
  namespace: {{ namespace }}
  labels:
    app: {{name}}
spec:
  replicas: {{replicas}}
  revisionHistoryLimit: ten
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: {{image}}
          ports:
            - containerPort: {{port}}
          resources: {{resources}}
      volumes:
        - {{extraVolume}}
`;
    assert.deepEqual(diagnose(text).map(brief), ['9:24-9:27 error invalid-type']);
  });

  it('does not check a string a later tool substitutes into (Flux, envsubst), and still checks the rest', () => {
    const text = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: \${APP}-data
  namespace: \${NAMESPACE}
spec:
  accessModes: ["\${ACCESS_MODE}"]
  volumeMode: \${VOLUME_MODE:=Filesystem}
  storageClassName: ((storage_class))
  resources:
    requests:
      storage: \${SIZE}Gi
    limits:
      storage: 10GB
`;
    assert.deepEqual(diagnose(text).map(brief), ['13:15-13:19 error invalid-quantity']);
  });

  it('does not check a whole plain `$VAR` of envsubst where a number goes; a quoted one is checked', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: writer
spec:
  securityContext:
    runAsGroup: $GID
    fsGroup: "$GID"
  containers:
    - name: app
      image: busybox
      securityContext:
        runAsUser: $ID
`;
    assert.deepEqual(diagnose(text).map(brief), ['7:13-7:19 error invalid-type']);
  });

  it('a flow mapping that is not a slot is still checked', () => {
    const found = diagnose(podWith('  hostname: {a: 1}\n'));
    assert.deepEqual(found.map(brief), ['8:12-8:18 error invalid-type']);
  });
});
