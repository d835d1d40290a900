/**
 * The extension in a real VS Code (code-server) driven through Chromium, the way a person meets
 * it. Each scenario waits on conditions and ends with a screenshot under test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { hoverAt, openFile, openWorkbench, screenshot, type Workbench } from './support/workbench';

const WORKSPACE = join(__dirname, 'workspace');

describe('kube-storage in VS Code (English UI)', () => {
  let server: CodeServer;
  let bench: Workbench;

  before(async () => {
    server = await startCodeServer({ workspace: WORKSPACE });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  it('activates on a YAML manifest and reports a schema error', async () => {
    const { page } = bench;
    await openFile(page, 'broken.yaml');
    await page.locator('.squiggly-error').first().waitFor({ timeout: 30000 });
    await screenshot(page, '01-activation-diagnostic');
  });

  it('lists the problem in the Problems panel with its code and source', async () => {
    const { page } = bench;
    await page.keyboard.press('Control+Shift+M');
    const row = page
      .locator('.markers-panel .monaco-list-row', { hasText: 'ReadWriteOnse' })
      .first();
    await row.waitFor({ timeout: 15000 });
    const label = (await row.getAttribute('aria-label')) ?? (await row.innerText());
    assert.match(label, /ReadWriteOnse/);
    await screenshot(page, '02-problems-panel');
    await page.keyboard.press('Control+Shift+M');
  });

  it('shows English hover docs for accessModes', async () => {
    const { page } = bench;
    await openFile(page, 'claims.yaml');
    const text = await hoverAt(page, 7, 5);
    assert.match(text, /accessModes/);
    assert.match(text, /[A-Za-z]{4,} /);
    assert.doesNotMatch(text, /[А-Яа-я]/);
    await screenshot(page, '03-hover-en');
  });
});

describe('kube-storage in VS Code (Russian display language)', () => {
  let server: CodeServer;
  let bench: Workbench;

  before(async () => {
    server = await startCodeServer({ workspace: WORKSPACE, locale: 'ru' });
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  it('shows Russian hover docs for accessModes', async () => {
    const { page } = bench;
    await openFile(page, 'claims.yaml');
    const text = await hoverAt(page, 7, 5);
    assert.match(text, /accessModes/);
    assert.match(text, /[А-Яа-яё]{4,}/);
    await screenshot(page, '04-hover-ru');
  });
});
