import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { WorkspaceTrustNotification } from '../../server/src/protocol';
import { messageOf, TestClient } from './support/client';
import { realTool } from '../support/tools';

const helm = realTool('helm');
const ledger = resolve(__dirname, '../fixtures/helm-render/ledger');

function workspace(): string {
  const dir = mkdtempSync(join(tmpdir(), 'ks-helm-render-lsp-'));
  cpSync(ledger, join(dir, 'ledger'), { recursive: true });
  return dir;
}

const values = 'auth:\n  password: s3cret\npersistence:\n  size: 10GB\n';

describe('rendering open values files with helm', { skip: helm.missing }, () => {
  let dir: string;
  let client: TestClient;
  before(async () => {
    dir = workspace();
    writeFileSync(join(dir, 'my-values.yaml'), values);
    client = await TestClient.start({
      rootPath: dir,
      settings: { helm: { path: helm.path, namespace: 'accounting', release: 'books' } },
    });
    await client.connection.sendNotification(WorkspaceTrustNotification, { trusted: true });
  });
  after(async () => {
    await client.stop();
    rmSync(dir, { recursive: true, force: true });
  });

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
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
