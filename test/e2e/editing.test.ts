/**
 * Editing manifests in a real VS Code (code-server in Chromium): completion from the workspace,
 * a quick fix from the Problems panel, a snippet, go to definition. One code-server for the file;
 * each scenario waits on conditions and ends with a screenshot under test-results/e2e/.
 */
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { parseAllDocuments } from 'yaml';
import { startCodeServer, type CodeServer } from './support/codeServer';
import {
  cursorStatus,
  hidePanel,
  poll,
  problemsByFile,
  showProblems,
  suggestUntil,
} from './support/steps';
import {
  editorText,
  goToPosition,
  openFile,
  openWorkbench,
  screenshot,
  suggestRows,
  waitForEditorText,
  type Workbench,
} from './support/workbench';

const WORKSPACE = join(__dirname, 'workspace');

interface Manifest {
  kind: string;
  metadata: { name: string };
  spec: {
    clusterIP?: string;
    serviceName?: string;
    volumeClaimTemplates: { metadata: { name: string }; spec: { storageClassName?: string } }[];
    template: { spec: { containers: { volumeMounts: { name: string }[] }[] } };
  };
}

void describe('editing manifests in VS Code', () => {
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

  void it('completes storageClassName with the StorageClasses of the workspace', async () => {
    const { page } = bench;
    await openFile(page, 'new-claim.yaml');
    // `accessModes: [ReadWriteOnce]` is line 7; a new key goes under it at the same indent.
    await goToPosition(page, 7, 1);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('storageClassName: ');
    await waitForEditorText(page, (t) => /^ {2}storageClassName: $/m.test(t));
    await page.keyboard.press('Escape');
    const labels = await suggestUntil(page, ['fast-ssd', 'archive-hdd']);
    // The default class (fast-ssd carries the is-default-class annotation) comes first.
    assert.match(labels[0]!, /^fast-ssd, /);
    assert.ok(
      labels.some((l) => l.startsWith('archive-hdd, ')),
      labels.join(' | '),
    );
    await screenshot(page, '05-completion-storage-class');
    // Accept the first one: the value lands in the file.
    await suggestRows(page).first().click();
    await waitForEditorText(page, (t) => /^ {2}storageClassName: fast-ssd$/m.test(t));
  });

  void it('lists a storage diagnostic in the Problems panel and its quick fix repairs the file', async () => {
    const { page } = bench;
    await openFile(page, 'broken.yaml');
    await page.locator('.editor-instance .squiggly-error').first().waitFor({ timeout: 30000 });
    await showProblems(page);
    const row = page
      .locator('.markers-panel .monaco-list-row', { hasText: 'ReadWriteOnse' })
      .first();
    await row.waitFor({ timeout: 15000 });
    assert.match(
      (await row.getAttribute('aria-label')) ?? '',
      /^Error: .*ReadWriteOnse.*kube-storage/,
    );
    // Selecting the marker shows its light bulb ("Show fixes"); the menu lists the fix.
    await row.click();
    const bulb = row.locator('.markers-panel-action-quickfix');
    await bulb.waitFor();
    await bulb.click();
    const fix = page
      .locator('.context-view .monaco-menu .action-menu-item', { hasText: 'ReadWriteOnce' })
      .first();
    await fix.waitFor();
    // A quick-fix title is plain text: the name in quotes, no Markdown backticks.
    assert.match(await fix.innerText(), /Change to “ReadWriteOnce”/);
    await screenshot(page, '06-quick-fix-menu');
    await fix.click();
    await waitForEditorText(page, (t) => /^ {4}- ReadWriteOnce$/m.test(t));
    await page
      .locator('.editor-instance .squiggly-error')
      .first()
      .waitFor({ state: 'detached', timeout: 30000 });
    await poll(page, 'broken.yaml to leave the Problems panel', async () =>
      (await problemsByFile(page)).has('broken.yaml') ? undefined : true,
    );
    assert.doesNotMatch(await editorText(page), /ReadWriteOnse/);
    await screenshot(page, '07-quick-fix-applied');
    await hidePanel(page);
  });

  void it('inserts a StatefulSet from a snippet into a new file, with no error', async () => {
    const { page } = bench;
    const file = join(server.workspace, 'database.yaml');
    writeFileSync(file, '');
    await openFile(page, 'database.yaml');
    await page.keyboard.type('ks-sts');
    const row = page.locator(
      '.editor-widget.suggest-widget.visible .monaco-list-row[aria-label^="ks-sts, "]',
    );
    await poll(page, 'the ks-sts snippet suggestion', async () => {
      if (await row.isVisible()) return true;
      await page.keyboard.press('Control+Space');
      await row.waitFor({ timeout: 3000 }).catch(() => undefined);
      return (await row.isVisible()) || undefined;
    });
    assert.match((await row.getAttribute('aria-label')) ?? '', /Snippet/);
    await row.click();
    await waitForEditorText(page, (t) => /^kind: StatefulSet$/m.test(t));
    // The first placeholder is the name, mirrored into the Service, labels and serviceName.
    await page.keyboard.type('db');
    await waitForEditorText(page, (t) => /^ {2}serviceName: db$/m.test(t));
    // Leave snippet mode (the first Escape may only close a suggestion list).
    await poll(page, 'the end of snippet mode', async () => {
      if (/^Ln \d+, Col \d+$/.test(await cursorStatus(page))) return true;
      await page.keyboard.press('Escape');
      return undefined;
    });
    await page.keyboard.press('Control+S');
    const saved = await poll(page, 'database.yaml saved', async () => {
      const text = readFileSync(file, 'utf8');
      return text.includes('volumeClaimTemplates') ? text : undefined;
    });
    const docs = parseAllDocuments(saved).map((d) => d.toJS() as Manifest);
    assert.deepEqual(
      docs.map((d) => d.kind),
      ['Service', 'StatefulSet'],
    );
    const sts = docs[1]!;
    assert.equal(sts.metadata.name, 'db');
    assert.equal(sts.spec.serviceName, 'db');
    assert.equal(sts.spec.volumeClaimTemplates[0].metadata.name, 'data');
    assert.equal(sts.spec.template.spec.containers[0].volumeMounts[0].name, 'data');
    assert.equal(docs[0]!.spec.clusterIP, 'None');

    // The server offered the workspace's classes, its default first, instead of a hard-coded
    // `standard`: the StatefulSet is clean. Once the Problems panel lists the other files the
    // server has checked the workspace; this file never appears there, and nothing is squiggled.
    assert.equal(sts.spec.volumeClaimTemplates[0].spec.storageClassName, 'fast-ssd');
    await showProblems(page);
    await poll(page, 'the Problems panel to list the examples', async () =>
      (await problemsByFile(page)).size > 0 ? true : undefined,
    );
    await page.waitForTimeout(2000);
    assert.equal((await problemsByFile(page)).get('database.yaml'), undefined);
    assert.equal(await page.locator('.editor-instance .squiggly-error').count(), 0);
    await hidePanel(page);
    await goToPosition(page, 1, 1);
    await waitForEditorText(page, (t) => /^kind: StatefulSet$/m.test(t));
    await screenshot(page, '08-snippet-statefulset');
  });

  void it('goes to the claim from a claimName (F12)', async () => {
    const { page } = bench;
    await openFile(page, 'app.yaml');
    // `        claimName: uploads` is line 20; the value starts at column 20.
    await goToPosition(page, 20, 22);
    await page.keyboard.press('F12');
    await page.locator('.tabs-container .tab.active[data-resource-name="claims.yaml"]').waitFor();
    // The cursor lands on the claim's metadata.name (line 4, `  name: uploads`).
    await poll(page, 'the cursor on line 4', async () =>
      /^Ln 4, Col \d+/.test(await cursorStatus(page)) ? true : undefined,
    );
    assert.match(await editorText(page), /^ {2}name: uploads$/m);
    await screenshot(page, '09-go-to-definition');
  });
});
