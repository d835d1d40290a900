/**
 * What a file says about itself (getLocalDiagnostics), published while the workspace is read:
 * syntax, schema and local rules, never a link reported missing because its file was not read yet.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

const workload = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: scratch
  namespace: shop
spec:
  accessModes: 5
  resources:
    requests:
      storage: 1Gi
---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: reports
  namespace: shop
spec:
  selector:
    matchLabels: { app: reports }
  template:
    metadata:
      labels: { app: reports }
    spec:
      containers:
        - name: reports
          image: busybox:1.37
          volumeMounts:
            - { name: data, mountPath: /data }
      volumes:
        - name: data
          persistentVolumeClaim:
            claimName: reports-data
`;

const codes = (ds: { code: string }[]): string[] => ds.map((d) => d.code).sort();

describe('getLocalDiagnostics', () => {
  it('keeps syntax, schema and local findings and leaves out links to other files', () => {
    const service = getLanguageService();
    service.setFile('file:///repo/apps/reports/workload.yaml', workload, 'editor', 1);
    const full = codes(service.getDiagnostics('file:///repo/apps/reports/workload.yaml'));
    const local = codes(service.getLocalDiagnostics('file:///repo/apps/reports/workload.yaml'));
    assert.ok(full.includes('claim-not-found'), `full: ${full.join(', ')}`);
    assert.ok(!local.includes('claim-not-found'), `local: ${local.join(', ')}`);
    assert.ok(local.includes('invalid-type'), `local: ${local.join(', ')}`);
    // Everything local is in the full result too: cross-file findings only add.
    for (const code of local) assert.ok(full.includes(code), code);
  });

  it('gives the same local findings whether the rules ran before or not (cache)', () => {
    const service = getLanguageService();
    const uri = 'file:///repo/apps/reports/workload.yaml';
    service.setFile(uri, workload, 'editor', 1);
    const before = service.getLocalDiagnostics(uri);
    service.getDiagnostics(uri);
    assert.deepEqual(service.getLocalDiagnostics(uri), before);
  });

  it('keeps the local findings for the full check, which adds the cross-file ones as before', () => {
    const uri = 'file:///repo/apps/reports/workload.yaml';
    const fresh = getLanguageService();
    fresh.setFile(uri, workload, 'editor', 1);
    const straight = fresh.getDiagnostics(uri);
    const service = getLanguageService();
    service.setFile(uri, workload, 'editor', 1);
    service.getLocalDiagnostics(uri);
    assert.deepEqual(service.getDiagnostics(uri), straight);
    // The claim defined in another file: the cross-file finding goes, the local ones stay.
    const claim = workload
      .split('---')[0]!
      .replace('scratch', 'reports-data')
      .replace('5', '[ReadWriteOnce]');
    service.setFile('file:///repo/apps/reports/claim.yaml', claim, 'disk');
    const after = codes(service.getDiagnostics(uri));
    assert.ok(!after.includes('claim-not-found'), `after: ${after.join(', ')}`);
    assert.ok(after.includes('invalid-type'), `after: ${after.join(', ')}`);
  });
});
