import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import { realTool } from '../../support/tools';
import { makeTempDir } from '../../support/tempDir';

const helm = realTool('helm');
const ledger = resolve(__dirname, '../../fixtures/helm-render/ledger');
const namespaced = resolve(__dirname, '../../fixtures/helm-render/namespaced');
const sharedClaim = resolve(__dirname, '../../fixtures/helm-render/shared-claim');

function workspace(): { dir: string; values: string } {
  const dir = makeTempDir('ks-cli-chart-');
  const values = join(dir, 'prod-values.yaml');
  writeFileSync(
    values,
    'auth:\n  password: s3cret\npersistence:\n  storageClass: fast-ssd\n  size: 10GB\n',
  );
  writeFileSync(
    join(dir, 'classes.yaml'),
    'apiVersion: storage.k8s.io/v1\nkind: StorageClass\nmetadata:\n  name: fast-ssd\nprovisioner: ebs.csi.aws.com\nvolumeBindingMode: WaitForFirstConsumer\n',
  );
  return { dir, values };
}

interface JsonFinding {
  code: string;
  range: { start: { line: number } };
  rendered?: {
    object: string;
    template: string;
    templateLine: number | null;
    values: { path: string; file: string | null; line: number | null; set: string | null }[];
  };
}

describe('kube-storage lint/bindings --chart', { skip: helm.missing }, () => {
  it('lint: a finding on a rendered object is reported on the values line, with its trace', async () => {
    const { dir, values } = workspace();
    const { code, out } = await run([
      'lint',
      dir,
      '--chart',
      ledger,
      '-f',
      values,
      '--set',
      'replicaCount=1',
      '--release',
      'books',
      '--namespace',
      'accounting',
      '--helm',
      helm.path!,
      '--format',
      'json',
    ]);
    assert.equal(code, 1);
    const report = JSON.parse(out) as { files: { file: string; diagnostics: JsonFinding[] }[] };
    const onValues = report.files.find((f) => f.file.endsWith('prod-values.yaml'));
    const size = onValues?.diagnostics.find((d) => d.code === 'invalid-quantity');
    assert.ok(size, out);
    assert.equal(size.range.start.line, 4);
    assert.equal(size.rendered?.object, 'StatefulSet books-ledger');
    assert.match(size.rendered!.template, /ledger\/templates\/statefulset\.yaml$/);
    assert.equal(size.rendered?.templateLine, 62);
    assert.deepEqual(size.rendered?.values, [
      { path: 'persistence.size', file: size.rendered!.values[0]!.file, line: 4, set: null },
    ]);
    // The class comes from the workspace: no storage-class-not-found for the rendered claims.
    const all = report.files.flatMap((f) => f.diagnostics.map((d) => d.code));
    assert.ok(!all.includes('storage-class-not-found'), all.join());
  });

  it('lint: a problem one value gives several objects is reported once on its line', async () => {
    const dir = makeTempDir('ks-cli-shared-');
    const values = join(dir, 'values-prod.yaml');
    writeFileSync(values, 'uploads:\n  existingClaim: pictures\n');
    const { out } = await run([
      'lint',
      '--chart',
      sharedClaim,
      '-f',
      values,
      '--helm',
      helm.path!,
      '--format',
      'json',
    ]);
    const report = JSON.parse(out) as {
      files: { file: string; diagnostics: (JsonFinding & { message: string })[] }[];
    };
    const found = report.files.flatMap((f) =>
      f.diagnostics.filter((d) => d.code === 'claim-not-found').map((d) => ({ file: f.file, d })),
    );
    assert.equal(found.length, 1, out);
    assert.ok(found[0]!.file.endsWith('values-prod.yaml'));
    assert.equal(found[0]!.d.range.start.line, 1);
    assert.match(found[0]!.d.message, /\(Deployment release-name-\w+ and one more object; value/);
    assert.match(found[0]!.d.message, /`pictures`/);
  });

  it('lint: the chart’s values.yaml is named by its real path in messages, not by the chart name', async () => {
    const copy = join(makeTempDir('ks-cli-folder-'), 'charts-ledger');
    cpSync(ledger, copy, { recursive: true });
    const valuesPath = join(copy, 'values.yaml');
    writeFileSync(valuesPath, readFileSync(valuesPath, 'utf8').replace('size: 8Gi', 'size: 8GB'));
    for (const lang of ['en', 'ru']) {
      const { out } = await run([
        'lint',
        '--chart',
        copy,
        '--set',
        'auth.password=x',
        '--helm',
        helm.path!,
        '--lang',
        lang,
      ]);
      const line = out.split('\n').find((l) => l.includes('[invalid-quantity]'));
      assert.ok(line, out);
      assert.ok(line.startsWith(`${valuesPath}:22:`), out);
      assert.ok(line.includes(`${valuesPath}, ${lang === 'en' ? 'line' : 'строка'} 22)`), line);
      assert.ok(!line.includes('(ledger/values.yaml'), line);
    }
  });

  it('lint: a subchart’s finding is traced to the parent’s values line and the subchart’s template line', async () => {
    const dir = makeTempDir('ks-cli-shop-');
    const values = join(dir, 'shop-values.yaml');
    writeFileSync(values, 'cache:\n  storageClass: fast\n');
    const shop = resolve(__dirname, '../../fixtures/helm-render/shop');
    const args = ['lint', '--chart', shop, '-f', values, '--helm', helm.path!];
    const { out } = await run([...args, '--format', 'json']);
    const report = JSON.parse(out) as {
      files: { file: string; diagnostics: (JsonFinding & { message: string })[] }[];
    };
    const onValues = report.files.find((f) => f.file.endsWith('shop-values.yaml'));
    const found = onValues?.diagnostics.find((d) => d.code === 'storage-class-not-found');
    assert.ok(found, out);
    assert.equal(found.range.start.line, 1);
    assert.match(found.rendered!.template, /charts\/cache\/templates\/statefulset\.yaml$/);
    assert.equal(found.rendered?.templateLine, 29);
    assert.equal(found.rendered?.values[0]?.path, 'cache.storageClass');
    assert.match(found.message, /statefulset\.yaml[”`"]?, line 30; value/);
    const text = await run(args);
    assert.match(text.out, /shop-values\.yaml:2:\d+: warning \[storage-class-not-found\]/);
  });

  it('lint: a finding no value produced is reported on the template line', async () => {
    const { code, out } = await run([
      'lint',
      '--chart',
      ledger,
      '--set',
      'auth.password=x',
      '--set',
      'backup.enabled=true',
      '--helm',
      helm.path!,
      '--format',
      'json',
    ]);
    assert.equal(code, 0);
    const report = JSON.parse(out) as { files: { file: string; diagnostics: JsonFinding[] }[] };
    const pending = report.files
      .flatMap((f) => f.diagnostics.map((d) => ({ file: f.file, d })))
      .find((x) => x.d.code === 'claim-will-stay-pending');
    assert.ok(pending, out);
    assert.match(pending.file, /templates\/backup-pvc\.yaml$/);
    assert.equal(pending.d.rendered?.object, 'PersistentVolumeClaim release-name-ledger-backup');
  });

  it('lint: stable-chart idioms land on the value that wrote the text, else on the template line', async () => {
    const idioms = resolve(__dirname, '../../fixtures/helm-render/idioms');
    const dir = makeTempDir('ks-cli-idioms-');
    const lint = async (valuesText: string) => {
      const values = join(dir, 'prod.yaml');
      writeFileSync(values, valuesText);
      const args = ['lint', '--chart', idioms, '-f', values, '--helm', helm.path!];
      const { out } = await run([...args, '--format', 'json']);
      const report = JSON.parse(out) as { files: { file: string; diagnostics: JsonFinding[] }[] };
      const find = (code: string) => {
        for (const f of report.files) {
          const d = f.diagnostics.find((x) => x.code === code);
          if (d) return { file: f.file, line: d.range.start.line, d };
        }
        assert.fail(`${code} not in ${out}`);
      };
      return find;
    };
    let find = await lint('persistence:\n  storageClass: fast-ssd\n');
    // `if (eq "-" .Values.persistence.storageClass)`: the class printed is the value's.
    const sc = find('storage-class-not-found');
    assert.match(sc.file, /prod\.yaml$/);
    assert.equal(sc.line, 1);
    assert.equal(sc.d.rendered?.templateLine, 15);
    // A literal `selector:` written under metadata: the template line, not `name: web`.
    const unknown = find('unknown-field');
    assert.match(unknown.file, /idioms\/templates\/deployment\.yaml$/);
    assert.equal(unknown.line, 7);
    assert.deepEqual(unknown.d.rendered?.values, []);
    // NFS `server` missing: the empty `nfs.server:`, not its sibling `nfs.path`.
    const missing = find('missing-required');
    assert.match(missing.file, /idioms\/values\.yaml$/);
    assert.equal(missing.line, 6);
    assert.equal(missing.d.rendered?.templateLine, 34);
    assert.deepEqual(
      missing.d.rendered?.values.map((v) => v.path),
      ['nfs.server'],
    );
    // existingClaim is printed, and only tested for truth in `$ownClaim := and … (not …)`.
    find = await lint('persistence:\n  existingClaim: mydata\n');
    const claim = find('claim-not-found');
    assert.match(claim.file, /prod\.yaml$/);
    assert.equal(claim.line, 1);
  });

  it('lint: a chart with no finding counts its rendered templates and values files', async () => {
    const { values } = workspace();
    writeFileSync(values, 'auth:\n  password: s3cret\npersistence:\n  size: 1Gi\n');
    const args = ['lint', '--chart', ledger, '-f', values];
    const en = await run([...args, '--helm', helm.path!]);
    assert.equal(en.code, 0, en.out);
    assert.equal(
      en.out,
      '5 file(s) checked (chart “ledger”: 3 rendered template(s), 2 values file(s)): 0 error(s), 0 warning(s).\n',
    );
    const ru = await run([...args, '--helm', helm.path!, '--lang', 'ru']);
    assert.equal(
      ru.out,
      'Файлов проверено: 5, из них отрендеренных шаблонов чарта «ledger» — 3, файлов значений — 2; ошибок: 0, предупреждений: 0.\n',
    );
  });

  it('lint: files given and a chart are counted once each', async () => {
    const { dir, values } = workspace();
    const { out } = await run([
      'lint',
      dir,
      values,
      '--chart',
      ledger,
      '-f',
      values,
      '--set',
      'persistence.size=1Gi',
      '--helm',
      helm.path!,
    ]);
    // classes.yaml and prod-values.yaml, 3 templates and the chart's values.yaml.
    assert.match(
      out,
      /^6 file\(s\) checked \(chart “ledger”: 3 rendered template\(s\), 2 values file\(s\)\)/m,
    );
  });

  it('lint: a namespace written last, in flow style or quoted is not added again', async () => {
    for (const namespace of ['default', 'shop']) {
      const { code, out } = await run([
        'lint',
        '--chart',
        namespaced,
        '--namespace',
        namespace,
        '--helm',
        helm.path!,
      ]);
      assert.equal(code, 0, out);
      assert.doesNotMatch(out, /duplicate-key|claim-not-found/);
      assert.match(out, /^2 file\(s\) checked/m);
    }
    const { out } = await run([
      'bindings',
      '--chart',
      namespaced,
      '--namespace',
      'shop',
      '--helm',
      helm.path!,
      '--format',
      'json',
    ]);
    const claims = (JSON.parse(out) as { claims: { namespace: string; name: string }[] }).claims;
    assert.deepEqual(
      claims.map((c) => `${c.namespace}/${c.name}`),
      ['other/data'],
    );
  });

  it('lint: helm’s failure is an error on the values file', async () => {
    const { values } = workspace();
    writeFileSync(values, 'persistence:\n  size: 1Gi\n');
    const { code, out } = await run([
      'lint',
      '--chart',
      ledger,
      '-f',
      values,
      '--helm',
      helm.path!,
    ]);
    assert.equal(code, 1);
    assert.match(
      out,
      /prod-values\.yaml:1:1: error \[helm-render-failed\].*auth\.password is required/,
    );
  });

  it('lint: a chart whose values schema is on the web is checked, with a note on the values file', async () => {
    const { dir, values } = workspace();
    writeFileSync(
      values,
      'persistence:\n  photos:\n    existingClaim: photos\n    mountPath: /p\n',
    );
    const { code, out } = await run([
      'lint',
      dir,
      '--chart',
      resolve(__dirname, '../../fixtures/helm-render/remote-schema'),
      '-f',
      values,
      '--helm',
      helm.path!,
    ]);
    assert.equal(code, 0, out);
    assert.match(out, /prod-values\.yaml:1:1: information \[helm-schema-not-validated\]/);
    assert.doesNotMatch(out, /helm-render-failed/);
    // The rendered Deployment was checked: its claim is not in the workspace.
    assert.match(out, /\[claim-not-found\].*photos/);
  });

  it('bindings: the chart’s claims are listed with the namespace and their template', async () => {
    const { dir, values } = workspace();
    const { out } = await run([
      'bindings',
      dir,
      '--chart',
      ledger,
      '-f',
      values,
      '--namespace',
      'accounting',
      '--helm',
      helm.path!,
      '--format',
      'json',
    ]);
    const result = JSON.parse(out) as {
      claims: {
        namespace: string;
        name: string;
        storageClass: string;
        outcome: string;
        source: { file: string; range: { start: { line: number } } } | null;
      }[];
    };
    const data = result.claims.filter((c) => c.name.startsWith('data-release-name-ledger-'));
    assert.deepEqual(
      data.map((c) => `${c.namespace}/${c.name} ${c.storageClass} ${c.outcome}`),
      [0, 1, 2].map(
        (i) => `accounting/data-release-name-ledger-${i} fast-ssd wait-for-first-consumer`,
      ),
    );
    assert.match(data[0]!.source!.file, /ledger\/templates\/statefulset\.yaml$/);
  });

  it('usage errors: flags of a chart without --chart, a bad release name', async () => {
    const noChart = await run(['lint', '.', '-f', 'x.yaml']);
    assert.equal(noChart.code, 2);
    assert.match(noChart.err, /-f needs --chart/);
    const badName = await run(['lint', '--chart', ledger, '--release', 'Bad_Name']);
    assert.equal(badName.code, 2);
    assert.match(badName.err, /invalid release name/);
  });
});
