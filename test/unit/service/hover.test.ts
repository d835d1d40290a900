import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService, type Lang } from '../../../server/src/service';
import { getFieldDoc, getTypeDoc, getValueDoc } from '../../../server/src/service/docs/lookup';
import { cursor } from '../../support/cursor';

/** Hover at the `|` marker of a manifest. */
function hover(marked: string, lang: Lang = 'en', uri = 'file:///work/manifest.yaml') {
  const { text, position } = cursor(marked);
  const service = getLanguageService();
  service.setFile(uri, text, 'editor', 1);
  return service.hover(uri, position, lang);
}

function fieldText(definition: string, field: string, lang: Lang = 'en'): string {
  const doc = getFieldDoc(definition, field, lang);
  assert.ok(doc, `a text for ${definition}.${field} (${lang})`);
  return doc.text;
}

const statefulSet = (inner: string): string => `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: db
spec:
  serviceName: db
  selector:
    matchLabels: {app: db}
${inner}`;

void describe('hover on keys', () => {
  void test('a key inside nested lists: volumeMounts of a container of a StatefulSet template', () => {
    const h = hover(
      statefulSet(`  template:
    metadata:
      labels: {app: db}
    spec:
      containers:
        - name: db
          image: postgres:16
          volumeMounts:
            - name: data
              mount|Path: /var/lib/postgresql/data
`),
    );
    assert.ok(h);
    assert.match(h.contents, /VolumeMount\.mountPath/);
    assert.ok(h.contents.includes(fieldText('core.v1.VolumeMount', 'mountPath')));
    assert.match(h.contents, /\[Kubernetes docs\]\(https:\/\/kubernetes\.io\//);
    assert.deepEqual(h.range, {
      start: { line: 17, character: 14 },
      end: { line: 17, character: 23 },
    });
  });

  void test('a claim spec inside volumeClaimTemplates gets the PersistentVolumeClaimSpec texts', () => {
    const h = hover(
      statefulSet(`  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        access|Modes: [ReadWriteOnce]
`),
    );
    assert.ok(h);
    assert.match(h.contents, /PersistentVolumeClaimSpec\.accessModes/);
    assert.ok(h.contents.includes(fieldText('core.v1.PersistentVolumeClaimSpec', 'accessModes')));
    assert.match(h.contents, /`\[\]string`/);
    assert.match(h.contents, /Allowed values: `ReadWriteOnce`, `ReadOnlyMany`/);
  });

  void test('keys in flow mappings, also inside a flow sequence', () => {
    const inMap = hover(
      statefulSet(`  volumeClaimTemplates:
    - metadata: {na|me: data}
`),
    );
    assert.ok(inMap);
    assert.ok(inMap.contents.includes(fieldText('meta.v1.ObjectMeta', 'name')));

    const inSeq = hover(`apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: app, image: busybox}]
  volumes: [{name: data, persistentVolumeClaim: {claim|Name: data-db-0}}]
`);
    assert.ok(inSeq);
    assert.match(inSeq.contents, /PersistentVolumeClaimVolumeSource\.claimName/);
    assert.ok(
      inSeq.contents.includes(fieldText('core.v1.PersistentVolumeClaimVolumeSource', 'claimName')),
    );
  });

  void test('a StatefulSet spec field with a required marker and a link', () => {
    const h = hover(
      statefulSet(`  pod|ManagementPolicy: Parallel
`),
    );
    assert.ok(h);
    assert.match(
      h.contents,
      /\*\*`StatefulSetSpec\.podManagementPolicy`\*\* · `string` · optional/,
    );
    assert.ok(h.contents.includes(fieldText('apps.v1.StatefulSetSpec', 'podManagementPolicy')));
    const selector = hover(
      statefulSet(`  replicas: 3
`).replace('  selector:', '  sel|ector:'),
    );
    assert.ok(selector);
    assert.match(selector.contents, /· required/);
  });

  void test('a key inside a map (resources.requests.storage) explains the map field', () => {
    const h = hover(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  resources:
    requests:
      stor|age: 10Gi
`);
    assert.ok(h);
    assert.match(h.contents, /^`storage` — key in `VolumeResourceRequirements\.requests`/);
    assert.ok(h.contents.includes(fieldText('core.v1.VolumeResourceRequirements', 'requests')));
  });

  void test('apiVersion and kind keys use the texts for every object', () => {
    const h = hover(`api|Version: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: ebs.csi.aws.com
`);
    assert.ok(h);
    assert.ok(h.contents.includes(fieldText('*', 'apiVersion')));
  });

  void test('a field without a text of ours gets a generated card: type, required, API reference', () => {
    const h = hover(
      statefulSet(`status:
  re|plicas: 3
`),
    );
    assert.ok(h);
    assert.match(h.contents, /StatefulSetStatus\.replicas`\*\* · `integer` · required/);
    assert.ok(
      h.contents.includes(
        'https://kubernetes.io/docs/reference/generated/kubernetes-api/v1.36/#statefulsetstatus-v1-apps',
      ),
    );
  });
});

void describe('hover on values', () => {
  void test('enum values: the value text, with the other allowed values', () => {
    const cases: [string, string, string, string][] = [
      [
        `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: local}
provisioner: kubernetes.io/no-provisioner
volumeBindingMode: WaitFor|FirstConsumer
`,
        'storage.v1.StorageClass',
        'volumeBindingMode',
        'WaitForFirstConsumer',
      ],
      [
        `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: keep}
provisioner: ebs.csi.aws.com
reclaimPolicy: Re|tain
`,
        'storage.v1.StorageClass',
        'reclaimPolicy',
        'Retain',
      ],
      [
        statefulSet(`  podManagementPolicy: Par|allel
`),
        'apps.v1.StatefulSetSpec',
        'podManagementPolicy',
        'Parallel',
      ],
      [
        statefulSet(`  updateStrategy:
    type: OnDel|ete
`),
        'apps.v1.StatefulSetUpdateStrategy',
        'type',
        'OnDelete',
      ],
      [
        statefulSet(`  persistentVolumeClaimRetentionPolicy: {whenDeleted: Retain, whenScaled: De|lete}
`),
        'apps.v1.StatefulSetPersistentVolumeClaimRetentionPolicy',
        'whenScaled',
        'Delete',
      ],
    ];
    for (const [manifest, definition, field, value] of cases) {
      const h = hover(manifest);
      assert.ok(h, `hover on ${value}`);
      const text = getValueDoc(definition, field, value, 'en');
      assert.ok(text, `a text for ${field}=${value}`);
      assert.ok(h.contents.startsWith(`\`${value}\` — value of`), h.contents);
      assert.ok(h.contents.includes(text), `${field}=${value} text in the card`);
      assert.match(
        h.contents,
        new RegExp(`\\*\\*\`${value}\`\\*\\*`),
        'the current value is marked',
      );
    }
  });

  void test('enum values inside a flow sequence, and an item of a block sequence', () => {
    const flow = hover(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWriteOnce, ReadWrite|OncePod]
`);
    assert.ok(flow);
    assert.ok(
      flow.contents.includes(
        getValueDoc('core.v1.PersistentVolumeClaimSpec', 'accessModes', 'ReadWriteOncePod', 'en')!,
      ),
    );
    assert.deepEqual(flow.range, {
      start: { line: 4, character: 31 },
      end: { line: 4, character: 47 },
    });

    const block = hover(`apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1}
spec:
  capacity: {storage: 5Gi}
  accessModes:
    - ReadOnly|Many
  hostPath: {path: /data, type: DirectoryOrCreate}
`);
    assert.ok(block);
    assert.ok(
      block.contents.includes(
        getValueDoc('core.v1.PersistentVolumeSpec', 'accessModes', 'ReadOnlyMany', 'en')!,
      ),
    );
  });

  void test('hostPath type value', () => {
    const h = hover(`apiVersion: v1
kind: PersistentVolume
metadata: {name: pv1}
spec:
  hostPath: {path: /data, type: Directory|OrCreate}
`);
    assert.ok(h);
    assert.ok(
      h.contents.includes(
        getValueDoc('core.v1.HostPathVolumeSource', 'type', 'DirectoryOrCreate', 'en')!,
      ),
    );
  });

  void test('a value that is not allowed says so and lists the allowed ones', () => {
    const h = hover(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  accessModes: [ReadWrite|All]
`);
    assert.ok(h);
    assert.match(h.contents, /`ReadWriteAll` is not an allowed value/);
    assert.match(h.contents, /`ReadWriteOncePod`/);
  });

  void test('a quantity in bytes, decimal and binary units', () => {
    const h = hover(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  resources:
    requests:
      storage: 10|Gi
`);
    assert.ok(h);
    // One number formatter per language: English groups with commas, `≈` marks a rounded value.
    assert.match(h.contents, /= \*\*10,737,418,240\*\* bytes/);
    assert.match(h.contents, /≈ 10\.74\u00a0G in decimal units/);
    assert.match(h.contents, /= 10\u00a0Gi in binary units/);

    const ru = hover(
      `apiVersion: v1
kind: PersistentVolume
metadata: {name: pv}
spec:
  capacity: {storage: 50|0M}
`,
      'ru',
    );
    assert.ok(ru);
    // Russian: non-breaking spaces between groups, a decimal comma (`476,84 Mi`, not `476.84Mi`).
    assert.match(ru.contents, /= \*\*500\u00a0000\u00a0000\*\* байт/);
    assert.match(ru.contents, /= 500\u00a0M в десятичных единицах/);
    assert.match(ru.contents, /≈ 476,84\u00a0Mi в двоичных единицах/);
  });

  void test('a CPU quantity in cores, memory in bytes', () => {
    const pod = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: busybox
      resources: {requests: {cpu: 250m, memory: 64Mi}}
`;
    const cpu = hover(pod.replace('250m', '25|0m'));
    assert.ok(cpu);
    assert.match(cpu.contents, /\*\*0\.25\*\* CPU cores/);
    const memory = hover(pod.replace('64Mi', '6|4Mi'));
    assert.ok(memory);
    assert.match(memory.contents, /\*\*67,108,864\*\* bytes/);
  });

  void test('a quantity that is not one says how to write it', () => {
    const h = hover(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  resources:
    requests:
      storage: 10G|B
`);
    assert.ok(h);
    assert.match(h.contents, /`10GB` is not a Kubernetes quantity/);
  });

  void test('the kind value tells what the object is', () => {
    const h = hover(`apiVersion: v1
kind: Persistent|Volume
metadata: {name: pv1}
`);
    assert.ok(h);
    const text = getTypeDoc('core.v1.PersistentVolume', 'en');
    assert.ok(text);
    assert.ok(h.contents.includes(text));
    assert.match(h.contents, /^\*\*PersistentVolume\*\* · `v1`/);

    const inTemplate = hover(
      statefulSet(`  volumeClaimTemplates:
    - apiVersion: v1
      kind: PersistentVolume|Claim
      metadata: {name: data}
`),
    );
    assert.ok(inTemplate);
    assert.ok(inTemplate.contents.includes(getTypeDoc('core.v1.PersistentVolumeClaim', 'en')!));
  });

  void test('the apiVersion value: group, version, and whether it serves the kind', () => {
    const ok = hover(`apiVersion: apps|/v1
kind: StatefulSet
metadata: {name: db}
`);
    assert.ok(ok);
    assert.match(ok.contents, /API group `apps`, version `v1`/);
    assert.match(ok.contents, /`StatefulSet` is served here/);

    const wrong = hover(`apiVersion: v|1
kind: StorageClass
metadata: {name: db}
provisioner: x
`);
    assert.ok(wrong);
    assert.match(
      wrong.contents,
      /`StorageClass` is not served as `v1`; use `storage\.k8s\.io\/v1`/,
    );
  });

  void test('any other value shows its field card', () => {
    const h = hover(
      statefulSet(`  serviceName: d|b
`).replace('  serviceName: db\n', ''),
    );
    assert.ok(h);
    assert.ok(h.contents.includes(fieldText('apps.v1.StatefulSetSpec', 'serviceName')));
  });
});

void describe('where hover stays silent', () => {
  void test('an unknown custom resource has no hover', () => {
    const crd = `apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  storage: 10Gi
  accessModes: [ReadWriteOnce]
`;
    for (const marked of [
      crd.replace('storage:', 'stor|age:'),
      crd.replace('10Gi', '10|Gi'),
      crd.replace('[ReadWriteOnce]', '[ReadWrite|Once]'),
      crd.replace('kind: Widget', 'kind: Wid|get'),
    ]) {
      assert.equal(hover(marked), undefined, marked);
    }
  });

  void test('plain YAML, unknown fields and blank space have no hover', () => {
    assert.equal(hover('name: a|bc\nitems: [1, 2]\n'), undefined);
    assert.equal(
      hover(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
  sizeInGi|gabytes: 10
`),
      undefined,
    );
    assert.equal(
      hover(`apiVersion: v1
kind: PersistentVolumeClaim
metadata: {name: data}
spec:
|
  volumeMode: Block
`),
      undefined,
    );
  });
});

void describe('languages and documents', () => {
  void test('the same position in English and in Russian', () => {
    const manifest = `apiVersion: storage.k8s.io/v1
kind: StorageClass
metadata: {name: fast}
provisioner: ebs.csi.aws.com
volume|BindingMode: WaitForFirstConsumer
`;
    const en = hover(manifest, 'en');
    const ru = hover(manifest, 'ru');
    assert.ok(en && ru);
    assert.ok(
      en.contents.includes(fieldText('storage.v1.StorageClass', 'volumeBindingMode', 'en')),
    );
    assert.ok(
      ru.contents.includes(fieldText('storage.v1.StorageClass', 'volumeBindingMode', 'ru')),
    );
    assert.match(ru.contents, /необязательное/);
    assert.match(ru.contents, /Допустимые значения/);
    assert.match(ru.contents, /\[Документация Kubernetes\]/);
    assert.doesNotMatch(en.contents, /[а-яё]/i);
    assert.deepEqual(en.range, ru.range);
  });

  void test('a position in the second document of a file', () => {
    const h = hover(`apiVersion: v1
kind: Service
metadata: {name: db}
spec:
  clusterIP: None
---
apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  service|Name: db
`);
    assert.ok(h);
    assert.ok(h.contents.includes(fieldText('apps.v1.StatefulSetSpec', 'serviceName')));
    assert.equal(h.range.start.line, 10);
  });

  void test('a value that is only a Helm action gets the card of the field it fills', () => {
    const chart = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: {{ include "app.fullname" . }}
spec:
  serviceName: {{ include "app.fullname" . }}-headless
  podManagementPolicy: {{ .Values.podManagementPolicy }}
  volumeClaimTemplates:
    - metadata: {name: data}
      spec:
        accessModes:
          - {{ .Values.persistence.accessMode }}
`;
    const uri = 'file:///chart/templates/statefulset.yaml';
    const policy = hover(chart.replace('{{ .Values.pod', '{{ .Val|ues.pod'), 'en', uri);
    assert.ok(policy);
    assert.match(policy.contents, /StatefulSetSpec\.podManagementPolicy/);
    assert.match(policy.contents, /Allowed values: `OrderedReady`, `Parallel`/);
    assert.deepEqual(policy.range, {
      start: { line: 6, character: 23 },
      end: { line: 6, character: 56 },
    });
    const mode = hover(
      chart.replace('{{ .Values.persistence', '{{ .Values.pers|istence'),
      'ru',
      uri,
    );
    assert.ok(mode);
    assert.match(mode.contents, /PersistentVolumeClaimSpec\.accessModes/);
    assert.match(mode.contents, /Допустимые значения/);
    const service = hover(chart.replace('}}-headless', '}}-head|less'), 'en', uri);
    assert.ok(service);
    assert.ok(service.contents.includes(fieldText('apps.v1.StatefulSetSpec', 'serviceName')));
    assert.equal(
      hover(
        chart.replace('{{ include "app.fullname" . }}-', '{{ incl|ude "app.fullname" . }}-'),
        'en',
        uri,
      )?.range.start.line,
      5,
    );
  });

  void test('a Helm-templated value shows the field card, not a misleading value card', () => {
    const h = hover(
      `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: {{ .Release.Name }}-data
spec:
  accessModes: [{{ .Values.persistence.accessMode }}]
  resources:
    requests:
      storage: {{ .Values.persistence.size }}
  volumeMode: Filesystem
`.replace('volumeMode:', 'volume|Mode:'),
      'en',
      'file:///chart/templates/pvc.yaml',
    );
    assert.ok(h);
    assert.ok(h.contents.includes(fieldText('core.v1.PersistentVolumeClaimSpec', 'volumeMode')));
  });
});
