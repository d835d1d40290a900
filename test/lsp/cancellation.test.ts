/**
 * Every request runs through lsp/runner.ts runSafe: a request the client cancels while the server
 * works on it answers RequestCancelled (not an empty result), and a handler that throws is logged
 * to the client's console and answers its fallback, without taking the server down.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CancellationTokenSource, ResponseError } from 'vscode-jsonrpc/node';
import { LSPErrorCodes, type Hover, type LogMessageParams } from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';

const URI = 'file:///tmp/kube-storage-cancellation-test/claim.yaml';
const CLAIM = `apiVersion: v1
kind: PersistentVolumeClaim
metadata:
  name: data
spec:
  accessModes: [ReadWriteOnce]
  resources:
    requests:
      storage: 1Gi
`;
const ON_STORAGE = { line: 8, character: 7 };

describe('LSP: cancellation and failures of requests', () => {
  let client: TestClient;
  const logged: string[] = [];

  before(async () => {
    client = await TestClient.start();
    client.connection.onNotification('window/logMessage', (p: LogMessageParams) => {
      logged.push(p.message);
    });
    await client.open(URI, CLAIM);
    await client.waitForDiagnostics(URI);
  });

  after(async () => {
    await client.stop();
  });

  void it('a hover cancelled while the server waits for the settings answers RequestCancelled', async () => {
    // The server asks the client for the settings (the cache is dropped on a configuration
    // change); the client holds its answer until the hover is cancelled.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let asked!: () => void;
    const settingsAsked = new Promise<void>((resolve) => (asked = resolve));
    client.connection.onRequest('workspace/configuration', async (p: { items: unknown[] }) => {
      asked();
      await held;
      return p.items.map(() => ({}));
    });
    await client.changeSettings({});
    const source = new CancellationTokenSource();
    // Observed at once: on a busy machine the server may answer before the hover even starts
    // (the cancellation arrived first), which is RequestCancelled too.
    const hover = client.connection
      .sendRequest<Hover | null>(
        'textDocument/hover',
        { textDocument: { uri: URI }, position: ON_STORAGE },
        source.token,
      )
      .then(
        (value) => ({ value }),
        (error: unknown) => ({ error }),
      );
    await settingsAsked;
    source.cancel();
    // Let the $/cancelRequest reach the server before the settings do.
    await new Promise((resolve) => setTimeout(resolve, 50));
    release();
    const answer = await hover;
    assert.ok('error' in answer, `answered ${JSON.stringify(answer)}`);
    assert.ok(answer.error instanceof ResponseError, String(answer.error));
    assert.equal(answer.error.code, LSPErrorCodes.RequestCancelled);
    // The server still answers the next hover.
    const next = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: ON_STORAGE,
    });
    assert.ok(next, 'hover after the cancelled one');
  });

  void it('a handler that throws is logged and answers its fallback', async () => {
    logged.length = 0;
    // A position that is not one: the service throws reading it.
    const result = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: null,
    });
    assert.equal(result, null);
    assert.ok(
      logged.some((m) => /^hover failed: \w*Error/.test(m)),
      `logged: ${JSON.stringify(logged)}`,
    );
    const next = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: URI },
      position: ON_STORAGE,
    });
    assert.ok(next, 'the server still answers');
  });
});
