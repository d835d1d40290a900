import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  HelmRenderedNotification,
  HelmRenderedRequest,
  WorkspaceTrustNotification,
} from '../../server/src/protocol';
import type { RenderedStorage } from '../../server/src/service';
import { messageOf, TestClient } from './support/client';
import { realTool } from '../support/tools';
import { makeTempDir } from '../support/tempDir';

const helm = realTool('helm');
const ledger = resolve(__dirname, '../fixtures/helm-render/ledger');

function workspace(): string {
  const dir = makeTempDir('ks-helm-render-lsp-');
  cpSync(ledger, join(dir, 'ledger'), { recursive: true });
  return dir;
}

const values = 'auth:\n  password: s3cret\npersistence:\n  size: 10GB\n';

/** The server on `dir` with the real helm (release `books` in `accounting`), workspace trusted. */
async function trustedServer(dir: string): Promise<TestClient> {
  const client = await TestClient.start({
    rootPath: dir,
    settings: { helm: { path: helm.path, namespace: 'accounting', release: 'books' } },
  });
  await client.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
  return client;
}

describe('rendering open values files with helm', { skip: helm.missing }, () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = workspace();
    writeFileSync(join(dir, 'my-values.yaml'), values);
    client = await trustedServer(dir);
  });
  after(() => client.stop());

  it('a wrong size is flagged on its line, and goes away when fixed', async () => {
    const uri = pathToFileURL(join(dir, 'my-values.yaml')).href;
    await client.open(uri, values);
    const found = await client.waitForDiagnostics(uri, (d) =>
      d.some((x) => x.code === 'invalid-quantity'),
    );
    const size = found.find((x) => x.code === 'invalid-quantity')!;
    assert.equal(size.range.start.line, 3);
    assert.match(messageOf(size), /StatefulSet books-ledger/);
    assert.match(messageOf(size), /templates\/statefulset\.yaml.?, line 63/);

    // The template shows it too, on the line that prints the size.
    const template = pathToFileURL(join(dir, 'ledger/templates/statefulset.yaml')).href;
    await client.open(
      template,
      readFileSync(join(dir, 'ledger/templates/statefulset.yaml'), 'utf8'),
    );
    const onTemplate = await client.waitForDiagnostics(template, (d) =>
      d.some((x) => x.code === 'invalid-quantity'),
    );
    assert.equal(onTemplate.find((x) => x.code === 'invalid-quantity')!.range.start.line, 62);

    await client.replace(uri, values.replace('10GB', '10Gi'));
    await client.waitForDiagnostics(uri, (d) => !d.some((x) => x.code === 'invalid-quantity'));
  });

  it('a missing required value: helm’s message on the values file', async () => {
    const uri = pathToFileURL(join(dir, 'my-values.yaml')).href;
    await client.replace(uri, 'persistence:\n  size: 10Gi\n');
    const failed = await client.waitForDiagnostics(uri, (d) =>
      d.some((x) => x.code === 'helm-render-failed'),
    );
    const d = failed.find((x) => x.code === 'helm-render-failed')!;
    assert.equal(d.range.start.line, 0);
    assert.equal(d.severity, 1);
    assert.match(messageOf(d), /auth\.password is required/);
  });
});

describe('rendering is off in an untrusted workspace', { skip: helm.missing }, () => {
  it('the values file says why the chart is not checked', async () => {
    const dir = workspace();
    writeFileSync(join(dir, 'my-values.yaml'), values);
    const client = await TestClient.start({
      rootPath: dir,
      settings: { helm: { path: helm.path } },
    });
    try {
      const uri = pathToFileURL(join(dir, 'my-values.yaml')).href;
      await client.open(uri, values);
      const d = await client.waitForDiagnostics(uri, (list) =>
        list.some((x) => x.code === 'helm-render-untrusted'),
      );
      assert.ok(!d.some((x) => x.code === 'invalid-quantity'));
      assert.equal(d.find((x) => x.code === 'helm-render-untrusted')!.severity, 3);
    } finally {
      await client.stop();
    }
  });
});

describe('what the values file creates, for the inspector', { skip: helm.missing }, () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = workspace();
    client = await trustedServer(dir);
  });
  after(() => client.stop());

  it('claims per replica with class, size, modes, outcome and the value behind each; updated on edit', async () => {
    const uri = pathToFileURL(join(dir, 'my-values.yaml')).href;
    const text =
      'auth:\n  password: s3cret\nreplicaCount: 2\npersistence:\n  storageClass: fast-ssd\n  size: 30Gi\n';
    writeFileSync(join(dir, 'my-values.yaml'), text);
    const changed = new Promise<string>((done) =>
      client.connection.onNotification(HelmRenderedNotification, (p) => done(p.valuesUri)),
    );
    await client.open(uri, text);
    assert.equal(await changed, uri);
    const storage = await client.request(HelmRenderedRequest, { valuesUri: uri });
    assert.equal(storage.state, 'rendered');
    const data = storage.claims.filter((c) => c.statefulSet === 'books-ledger');
    assert.deepEqual(
      data.map((c) => `${c.namespace}/${c.name} ${c.storageClass} ${c.size} ${c.accessModes}`),
      [
        'accounting/data-books-ledger-0 fast-ssd 30Gi ReadWriteOnce',
        'accounting/data-books-ledger-1 fast-ssd 30Gi ReadWriteOnce',
        'accounting/wal-books-ledger-0  2Gi ReadWriteOnce',
        'accounting/wal-books-ledger-1  2Gi ReadWriteOnce',
      ].sort(),
    );
    const first = data.find((c) => c.name === 'data-books-ledger-0')!;
    // No class `fast-ssd` in the workspace, and no cluster: the claim waits for its class.
    assert.equal(first.outcome, 'pending');
    assert.match(first.reason.en, /fast-ssd/);
    assert.deepEqual(first.links.size.template, { file: 'templates/statefulset.yaml', line: 63 });
    assert.deepEqual(first.links.size.value, {
      path: 'persistence.size',
      label: 'my-values.yaml',
      uri,
      line: 5,
    });
    assert.equal(first.links.class.value?.path, 'persistence.storageClass');
    const wal = data.find((c) => c.name === 'wal-books-ledger-0')!;
    assert.equal(wal.links.size.value?.label, 'ledger/values.yaml', 'the chart default');
    const sts = storage.workloads.find((w) => w.kind === 'StatefulSet')!;
    assert.equal(sts.replicas, 2);
    assert.deepEqual(sts.claimTemplates, ['data', 'wal']);
    assert.ok(sts.volumes.some((v) => v.name === 'scratch' && v.source === 'emptyDir 512Mi'));

    // Editing the size renders again: the rows follow.
    const again = new Promise<void>((done) =>
      client.connection.onNotification(HelmRenderedNotification, () => done()),
    );
    await client.replace(uri, text.replace('30Gi', '50Gi'));
    await again;
    const edited = await client.request(HelmRenderedRequest, { valuesUri: uri });
    assert.equal(edited.claims.find((c) => c.name === 'data-books-ledger-1')?.size, '50Gi');
  });

  it('a values file that is not rendered says why', async () => {
    const storage = await client.request(HelmRenderedRequest, {
      valuesUri: pathToFileURL(join(dir, 'elsewhere.yaml')).href,
    });
    assert.equal(storage.state, 'none');
    assert.match(storage.message?.ru ?? '', /не рендерится/);
  });
});

describe(
  'a chart changed on disk renders its open values files again',
  { skip: helm.missing },
  () => {
    let dir: string;
    let client: TestClient;
    before(async () => {
      dir = workspace();
      client = await trustedServer(dir);
    });
    after(() => client.stop());

    /** Waits for the next render of `uri` and asks what it creates. */
    async function nextRender(uri: string, change: () => void) {
      const rendered = new Promise<void>((done) =>
        client.connection.onNotification(HelmRenderedNotification, (p) => {
          if (p.valuesUri === uri) done();
        }),
      );
      change();
      await rendered;
      return client.request(HelmRenderedRequest, { valuesUri: uri });
    }

    const sizes = (storage: RenderedStorage) =>
      storage.claims.map((c) => `${c.name} ${c.size}`).sort();

    /** A chart file changed on disk, as a save or a checkout would (no editor has it open). */
    const replaceOnDisk = (path: string, from: string, to: string) =>
      writeFileSync(path, readFileSync(path, 'utf8').replace(from, to));

    it(
      'the chart’s values.yaml, a template and _helpers.tpl saved: the claims follow',
      { timeout: 60000 },
      async () => {
        const uri = pathToFileURL(join(dir, 'my-values.yaml')).href;
        const text = 'auth:\n  password: s3cret\nreplicaCount: 1\npersistence:\n  size: 10Gi\n';
        writeFileSync(join(dir, 'my-values.yaml'), text);
        const first = await nextRender(uri, () => void client.open(uri, text));
        assert.deepEqual(sizes(first), ['data-books-ledger-0 10Gi', 'wal-books-ledger-0 2Gi']);

        // The chart's default of wal.size, changed on disk (no editor has the file open).
        const chartValues = join(dir, 'ledger/values.yaml');
        const walDefault = await nextRender(uri, () =>
          replaceOnDisk(chartValues, 'size: 2Gi', 'size: 3Gi'),
        );
        assert.deepEqual(sizes(walDefault), ['data-books-ledger-0 10Gi', 'wal-books-ledger-0 3Gi']);

        // A template saved with a fixed size for the log claim.
        const sts = join(dir, 'ledger/templates/statefulset.yaml');
        const fixed = await nextRender(uri, () =>
          replaceOnDisk(sts, '{{ .Values.wal.size | quote }}', '"5Gi"'),
        );
        assert.deepEqual(sizes(fixed), ['data-books-ledger-0 10Gi', 'wal-books-ledger-0 5Gi']);

        // _helpers.tpl (not YAML: the editor's watcher does not report it) names the objects.
        const helpers = join(dir, 'ledger/templates/_helpers.tpl');
        const renamed = await nextRender(uri, () =>
          replaceOnDisk(
            helpers,
            'printf "%s-%s" .Release.Name .Chart.Name',
            'printf "%s-%s-db" .Release.Name .Chart.Name',
          ),
        );
        assert.deepEqual(sizes(renamed), [
          'data-books-ledger-db-0 10Gi',
          'wal-books-ledger-db-0 5Gi',
        ]);
      },
    );
  },
);
