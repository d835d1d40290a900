/** `--cluster FILE` (repeatable) and `--default-class NAME|none` of `lint` and `bindings`. */
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import type { BindingsJson } from '../../../server/src/cli/bindings';
import { makeTempDir } from '../../support/tempDir';

const fixtures = 'test/fixtures/cluster';
const snapshot = `${fixtures}/snapshot.yaml`;
const app = `${fixtures}/app.yaml`;

interface LintJson {
  files: { file: string; diagnostics: { code: string; range: { start: { line: number } } }[] }[];
}

async function lint(...args: string[]): Promise<{ code: number; report: LintJson }> {
  const { code, out, err } = await run(['lint', ...args, '--format', 'json']);
  assert.equal(err, '');
  return { code, report: JSON.parse(out) as LintJson };
}

async function bindings(...args: string[]): Promise<{ code: number; report: BindingsJson }> {
  const { code, out, err } = await run(['bindings', ...args, '--format', 'json']);
  assert.equal(err, '');
  return { code, report: JSON.parse(out) as BindingsJson };
}

const UNUSED_OFF = ['--rule', 'claim-used-by-no-pod=off'];

/**
 * A manifest that mounts a claim only the cluster has, and a claim without class (which nothing
 * mounts: `claim-used-by-no-pod` is turned off where a test counts every finding).
 */
function manifests(): string {
  const dir = makeTempDir('kube-storage-cluster-');
  const file = join(dir, 'jobs.yaml');
  writeFileSync(
    file,
    [
      'apiVersion: batch/v1',
      'kind: Job',
      'metadata:',
      '  name: vacuum',
      '  namespace: shop',
      'spec:',
      '  template:',
      '    spec:',
      '      restartPolicy: Never',
      '      containers:',
      '        - name: vacuum',
      '          image: postgres:16.4',
      '          command: [vacuumdb, --all]',
      '          volumeMounts:',
      '            - name: data',
      '              mountPath: /var/lib/postgresql/data',
      '      volumes:',
      '        - name: data',
      '          persistentVolumeClaim:',
      '            claimName: data-postgres-0',
      '---',
      'apiVersion: v1',
      'kind: PersistentVolumeClaim',
      'metadata:',
      '  name: exports',
      '  namespace: shop',
      'spec:',
      '  accessModes: [ReadWriteOnce]',
      '  resources:',
      '    requests:',
      '      storage: 1Gi',
      '',
    ].join('\n'),
  );
  return file;
}

describe('kube-storage --cluster and --default-class', () => {
  it('lint: a claim that exists in the cluster is no broken link; the snapshot is not checked', async () => {
    const file = manifests();
    const without = await lint(file);
    const missing = without.report.files[0]!.diagnostics.filter(
      (d) => d.code === 'claim-not-found',
    );
    assert.equal(missing.length, 1);

    const withCluster = await lint(file, '--cluster', snapshot, ...UNUSED_OFF);
    assert.deepEqual(
      withCluster.report.files.map((f) => [
        f.file.endsWith('jobs.yaml'),
        f.diagnostics.map((d) => d.code),
      ]),
      [[true, []]],
      'only the manifest is reported, without findings',
    );
  });

  it('lint: a folder that holds the snapshot skips it; the snapshot given as a manifest is checked', async () => {
    const skipped = await lint(fixtures, '--cluster', snapshot);
    assert.deepEqual(
      skipped.report.files.map((f) => f.file),
      [app],
    );
    const checked = await lint(snapshot);
    assert.ok(checked.report.files[0]!.diagnostics.length > 0);
  });

  it('lint: a snapshot whose YAML is broken is reported', async () => {
    const dir = makeTempDir('kube-storage-cluster-');
    const broken = join(dir, 'broken.yaml');
    writeFileSync(
      broken,
      'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: [PersistentVolume\n',
    );
    const { code, report } = await lint(manifests(), '--cluster', broken);
    const reported = report.files.find((f) => f.file.endsWith('broken.yaml'));
    assert.ok(reported);
    assert.ok(reported.diagnostics.every((d) => d.code === 'yaml-syntax'));
    assert.equal(code, 1);
  });

  it('bindings: the snapshot is the existing state; repeated --cluster files add up', async () => {
    const dir = makeTempDir('kube-storage-cluster-');
    const more = join(dir, 'more-pv.yaml');
    writeFileSync(
      more,
      [
        'apiVersion: v1',
        'kind: PersistentVolumeList',
        'metadata: {resourceVersion: "9"}',
        'items:',
        '  - metadata: {name: pv-exports, uid: 41c1f0d2-2b5e-4a17-9c38-5e6f7a8b9c0d}',
        '    spec:',
        '      capacity: {storage: 1Gi}',
        '      accessModes: [ReadWriteOnce]',
        '      storageClassName: standard',
        '      nfs: {server: 10.20.0.15, path: /exports/jobs}',
        '    status: {phase: Available}',
        '',
      ].join('\n'),
    );
    const { code, report } = await bindings(app, '--cluster', snapshot, '--cluster', more);
    const byName = Object.fromEntries(report.claims.map((c) => [c.name, c]));
    assert.equal(byName['data-postgres-0']!.inCluster, true);
    assert.equal(byName['data-postgres-0']!.reason.code, 'bound-existing');
    assert.equal(byName['data-postgres-1']!.outcome, 'provision');
    assert.equal(byName['archive']!.volume, 'pv-archive-01');
    assert.equal(byName['archive']!.inCluster, false);
    assert.ok(report.volumes.some((v) => v.name === 'pv-exports' && v.inCluster));
    assert.equal(code, 0);
  });

  it('bindings: --default-class unset, none, or a name', async () => {
    const file = manifests();
    const unset = await bindings(file);
    const exports = (r: BindingsJson) => r.claims.find((c) => c.name === 'exports')!;
    assert.equal(exports(unset.report).reason.code, 'provision-cluster-default');
    assert.equal(unset.code, 0, 'provisioned by the default class: nothing stays Pending');

    const none = await bindings(file, '--default-class', 'none');
    assert.equal(exports(none.report).reason.code, 'pending-no-class');
    assert.equal(none.code, 1);

    const named = await bindings(file, '--default-class', 'gp3');
    assert.equal(exports(named.report).storageClass, 'gp3');
    assert.equal(exports(named.report).reason.code, 'provision-cluster-default-named');

    // The snapshot marks `standard` default: it decides, whatever the flag says.
    const snap = await bindings(file, '--cluster', snapshot, '--default-class', 'none');
    assert.equal(exports(snap.report).storageClass, 'standard');
  });

  it('lint: --default-class none makes a classless claim a Pending warning', async () => {
    const file = manifests();
    const codes = async (...extra: string[]) =>
      (
        await lint(file, '--cluster', snapshot, ...UNUSED_OFF, ...extra)
      ).report.files[0]!.diagnostics.map((d) => d.code);
    assert.deepEqual(await codes(), []);
    const dir = makeTempDir('kube-storage-cluster-');
    const noDefault = join(dir, 'no-default.yaml');
    writeFileSync(noDefault, 'apiVersion: v1\nkind: List\nitems: []\n');
    const found = (
      await lint(file, '--cluster', noDefault, '--default-class', 'none', ...UNUSED_OFF)
    ).report.files[0]!.diagnostics;
    assert.deepEqual(
      found.map((d) => d.code),
      ['claim-not-found', 'claim-will-stay-pending'],
    );
  });

  it('usage errors: a missing snapshot, an empty class', async () => {
    const missing = await run(['bindings', app, '--cluster', 'no/such/snapshot.yaml']);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /no such file or folder/);
    const empty = await run(['lint', app, '--default-class', ' ']);
    assert.equal(empty.code, 2);
    assert.match(empty.err, /--default-class needs a class name or none/);
  });
});
