/**
 * Rendered charts in the binding result: the chart's claims bind to the workspace's volumes, and
 * each object of the render says which chart, template line and values file it comes from.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { getLanguageService } from '../../../../server/src/service';
import { withoutRendered } from '../../../../server/src/service/rendered/bindingCharts';
import { MergedValues, type RenderSubject } from '../../../../server/src/service/rendered';
import { bindingInputFromWorkspace } from '../../../../server/src/service/binding';

const template = [
  'apiVersion: apps/v1',
  'kind: StatefulSet',
  'metadata:',
  '  name: {{ .Release.Name }}-postgresql',
  'spec:',
  '  replicas: {{ .Values.replicaCount }}',
  '  serviceName: {{ .Release.Name }}-postgresql',
  '  selector:',
  '    matchLabels: { app: postgresql }',
  '  template:',
  '    metadata:',
  '      labels: { app: postgresql }',
  '    spec:',
  '      containers:',
  '        - name: postgresql',
  '          image: postgres:16',
  '          volumeMounts:',
  '            - name: data',
  '              mountPath: /var/lib/postgresql/data',
  '  volumeClaimTemplates:',
  '    - metadata:',
  '        name: data',
  '      spec:',
  '        accessModes: [ReadWriteOnce]',
  '        storageClassName: {{ .Values.persistence.storageClass | quote }}',
  '        resources:',
  '          requests:',
  '            storage: {{ .Values.persistence.size }}',
  '',
].join('\n');

/** What `helm template myrelease ./postgresql -f prod.yaml` prints. */
const output = [
  '---',
  '# Source: postgresql/templates/statefulset.yaml',
  ...template
    .replaceAll('{{ .Release.Name }}', 'myrelease')
    .replace('{{ .Values.replicaCount }}', '2')
    .replace('{{ .Values.persistence.storageClass | quote }}', '""')
    .replace('{{ .Values.persistence.size }}', '8Gi')
    .split('\n'),
].join('\n');

const volume = `apiVersion: v1
kind: PersistentVolume
metadata:
  name: pv-db
spec:
  capacity:
    storage: 10Gi
  accessModes: [ReadWriteOnce]
  storageClassName: ""
  hostPath:
    path: /srv/db
`;

const subject: RenderSubject = {
  key: 'file:///work/prod.yaml',
  chartName: 'postgresql',
  release: 'myrelease',
  chartUri: 'file:///work/postgresql/',
  templates: new Map([['templates/statefulset.yaml', template]]),
  merged: new MergedValues([
    { kind: 'chart', label: 'postgresql/values.yaml', text: 'replicaCount: 1\n' },
    { kind: 'file', label: 'prod.yaml', uri: 'file:///work/prod.yaml', text: 'replicaCount: 2\n' },
  ]),
  primaryUri: 'file:///work/prod.yaml',
};

function service() {
  const service = getLanguageService();
  service.setFile('file:///work/pv.yaml', volume);
  service.setRendered(subject, output);
  return service;
}

describe('rendered charts in the binding result', () => {
  it("the chart's claims bind to the workspace's volume, each marked with its chart", () => {
    const s = service();
    const result = s.bindingsWithCharts();
    const first = result.claims.find((c) => c.name === 'data-myrelease-postgresql-0');
    const second = result.claims.find((c) => c.name === 'data-myrelease-postgresql-1');
    assert.equal(first?.volume, 'pv-db');
    assert.equal(first?.phase, 'Bound');
    assert.equal(second?.phase, 'Pending', 'one volume for two replicas');
    assert.match(second!.reason.en, /pv-db/);
    for (const claim of [first!, second!]) {
      assert.equal(claim.source?.rendered?.chart, subject.key);
      // The claim is named by its claim template: line 22 of the template (`name: data`).
      assert.deepEqual(claim.source?.rendered?.template, {
        file: 'templates/statefulset.yaml',
        line: 21,
        uri: 'file:///work/postgresql/templates/statefulset.yaml',
      });
    }
    const workload = result.workloads.find((w) => w.name === 'myrelease-postgresql');
    assert.equal(workload?.source?.rendered?.template?.line, 3);
    const pv = result.volumes.find((v) => v.name === 'pv-db');
    assert.equal(pv?.source?.rendered, undefined, "the workspace's own volume");
    assert.deepEqual(result.charts, [
      {
        id: subject.key,
        name: 'postgresql',
        release: 'myrelease',
        valuesFiles: ['postgresql/values.yaml', 'prod.yaml'],
        valuesUri: 'file:///work/prod.yaml',
        objects: 3,
      },
    ]);
  });

  it('without rendered charts: the workspace alone, the chart still listed', () => {
    const s = service();
    const input = withoutRendered(bindingInputFromWorkspace(s.workspace));
    assert.deepEqual(
      input.statefulSets.map((x) => x.object.metadata?.name),
      [],
    );
    assert.equal(input.volumes.length, 1);
    const result = s.bindingsWithCharts({ renderedCharts: false });
    assert.deepEqual(
      result.claims.map((c) => c.name),
      [],
    );
    assert.equal(result.volumes[0]?.phase, 'Available');
    assert.equal(result.charts?.[0]?.objects, 0);
  });

  it('a chart that failed to render is listed with the reason', () => {
    const s = getLanguageService();
    s.setRenderFailed(subject, {
      code: 'helm-render-failed',
      severity: 'error',
      message: { en: 'auth.password is required', ru: 'нужен auth.password' },
    });
    const result = s.bindingsWithCharts();
    assert.deepEqual(result.charts?.[0]?.problem, {
      en: 'auth.password is required',
      ru: 'нужен auth.password',
    });
    assert.equal(result.charts?.[0]?.objects, 0);
  });
});
