/**
 * Custom resources over stdio: the resources in one file are checked against a CRD in another,
 * and checked again when the CRD is edited; hover shows the CRD's description.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';

const CRD_URI = 'file:///tmp/kube-storage-crd-test/crd.yaml';
const CR_URI = 'file:///tmp/kube-storage-crd-test/schedules.yaml';
const fixtures = join(__dirname, '../fixtures/crds');
const CRD = readFileSync(join(fixtures, 'backup-schedule-crd.yaml'), 'utf8');
const CR = readFileSync(join(fixtures, 'backup-schedules.yaml'), 'utf8');

const has = (code: string) => (ds: Diagnostic[]) => ds.some((d) => d.code === code);

void describe('custom resources over LSP', () => {
  let client: TestClient;

  before(async () => {
    client = await TestClient.start({ locale: 'en' });
    await client.open(CRD_URI, CRD);
    await client.open(CR_URI, CR);
  });

  after(async () => {
    await client.stop();
  });

  void it('checks the resources against the CRD of the other file', async () => {
    const ds = await client.waitForDiagnostics(CR_URI, has('invalid-enum'));
    const d = ds.find((x) => x.code === 'invalid-enum')!;
    assert.deepEqual(d.range, {
      start: { line: 11, character: 8 },
      end: { line: 11, character: 23 },
    });
  });

  void it('hover shows the CRD description', async () => {
    const result = await client.request<Hover | null>('textDocument/hover', {
      textDocument: { uri: CR_URI },
      position: { line: 7, character: 4 },
    });
    assert.match((result?.contents as MarkupContent).value, /A cron expression/);
  });

  void it('an edited CRD re-checks the resources of the other file', async () => {
    await client.replace(
      CRD_URI,
      CRD.replace('enum: [CrashConsistent, ApplicationConsistent]', 'enum: [CrashConsistant]'),
    );
    const ds = await client.waitForDiagnostics(CR_URI, (x) => !has('invalid-enum')(x));
    assert.ok(ds.some((d) => d.code === 'unknown-field'));
  });
});
