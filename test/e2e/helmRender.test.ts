/**
 * A values file rendered with the real helm in a real VS Code (code-server in Chromium): the
 * user's values.yaml beside the chart `broker` (test/e2e/workspace-helm), the Helm inspector's
 * "Rendered storage" shows the claims of the chart's StatefulSet per replica with the size from
 * `persistence.size`; editing that size changes the rows, and a size Kubernetes would refuse is
 * flagged on its line of values.yaml (Problems panel and squiggle).
 */
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright-core';
import { realTool } from '../support/tools';
import { startCodeServer, type CodeServer } from './support/codeServer';
import { hidePanel, poll, problemsByFile, showProblems } from './support/steps';
import { webviewWith } from './support/webviews';
import {
  goToPosition,
  openWorkbench,
  runCommand,
  screenshot,
  waitForEditorText,
  type Workbench,
} from './support/workbench';

const helm = realTool('helm');

/** `  size: 8Gi` is line 7 of workspace-helm/values.yaml; the value starts at column 9. */
const SIZE_LINE = 7;
const SIZE_COLUMN = 9;

interface ClaimRow {
  name: string;
  cls: string;
  size: string;
}

/** The claim rows of the inspector's "Rendered storage" (name, class and size cells). */
async function renderedClaims(frame: Frame): Promise<ClaimRow[]> {
  return frame
    .locator('section.rendered table')
    .first()
    .locator('tbody tr')
    .evaluateAll((trs) =>
      // No named inner functions: tsx would wrap them in a `__name` helper the page lacks.
      trs.map((tr) => {
        const [name, cls, size] = [...tr.querySelectorAll('td')].map(
          (td) => td.querySelector('code, button')?.textContent ?? '',
        );
        return { name: name ?? '', cls: cls ?? '', size: size ?? '' };
      }),
    );
}

/** Waits until the rendered claims are exactly `wanted` (as "name class size" lines). */
async function waitForClaims(page: Page, wanted: string[]): Promise<void> {
  let last: string[] = [];
  let section = '';
  await poll(
    page,
    `rendered claims ${wanted.join(', ')}`,
    async () => {
      // The webview is rebuilt when shown again: ask for the frame each time.
      const frame = await webviewWith(page, 'section.rendered', 5000);
      section = await frame.locator('section.rendered').innerText();
      last = (await renderedClaims(frame)).map((c) => `${c.name} ${c.cls} ${c.size}`);
      return JSON.stringify(last) === JSON.stringify(wanted) || undefined;
    },
    60000,
    300,
  ).catch((error: Error) => {
    throw new Error(`${error.message}\nlast rows: ${last.join(' | ')}\nsection: ${section}`);
  });
}

/** Replaces the size value on its line of the open values.yaml with `size`. */
async function typeSize(page: Page, size: string): Promise<void> {
  await goToPosition(page, SIZE_LINE, SIZE_COLUMN);
  await page.keyboard.press('Shift+End');
  await page.keyboard.type(size);
  // Typing a quantity may open quantity suggestions: close them so Enter is never taken.
  await page.keyboard.press('Escape');
  const escaped = size.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await waitForEditorText(page, (t) => new RegExp(`^ {2}size: ${escaped}$`, 'm').test(t));
}

void describe('a values file rendered with helm in VS Code', { skip: helm.missing }, () => {
  let server: CodeServer;
  let bench: Workbench;

  before(async () => {
    server = await startCodeServer({
      workspace: join(__dirname, 'workspace-helm'),
      settings: {
        'kubeStorage.helm.path': helm.path,
        'kubeStorage.helm.release': 'queue',
      },
    });
    // `kubeStorage.helm.path` is machine-scoped: a remote window (code-server's) takes it from
    // the machine's settings, so it goes there too before the window opens.
    const machine = join(server.runDir, 'user-data', 'Machine');
    mkdirSync(machine, { recursive: true });
    writeFileSync(
      join(machine, 'settings.json'),
      JSON.stringify({ 'kubeStorage.helm.path': helm.path }),
    );
    bench = await openWorkbench(server.url);
  });

  after(async () => {
    await bench?.close();
    await server?.stop();
  });

  void it('the inspector shows the rendered claims of values.yaml', async () => {
    const { page } = bench;
    // The user's values.yaml at the top of the workspace (the chart's own is inside broker/):
    // opened from the Explorer, where the broker folder is still collapsed.
    // (Clicked again until its tab is active: the Explorer may still be redrawing its rows.)
    const row = page
      .locator('.explorer-folders-view .monaco-list-row[aria-label^="values.yaml"]')
      .first();
    const tab = page.locator('.tabs-container .tab.active[data-resource-name="values.yaml"]');
    await poll(
      page,
      'values.yaml open from the Explorer',
      async () => {
        await row.click({ timeout: 5000 });
        return (
          (await tab
            .waitFor({ timeout: 3000 })
            .then(() => true)
            .catch(() => false)) || undefined
        );
      },
      60000,
      500,
    );
    await waitForEditorText(page, (t) => t.includes('erlangCookie: change-me'));
    await runCommand(page, 'Kubernetes Storage: Inspect Helm Chart Values');
    const frame = await webviewWith(page, 'section.rendered');
    assert.equal(await frame.locator('h1').innerText(), 'broker 1.4.0');
    // Two replicas: one claim of the template `data` per pod, the class and size of values.yaml.
    await waitForClaims(page, [
      'default/data-queue-broker-0 standard 8Gi',
      'default/data-queue-broker-1 standard 8Gi',
    ]);
    // The size cell names the value behind it: persistence.size, values.yaml line 7.
    const sizeCell = frame.locator('section.rendered table tbody tr').first().locator('td').nth(2);
    assert.match(await sizeCell.innerText(), /persistence\.size \(values\.yaml:7\)/);
    // The inspector moves to the right: values.yaml and the inspector side by side.
    await runCommand(page, 'View: Move Editor into Right Group');
    await runCommand(page, 'View: Focus First Editor Group');
    await page.locator('.tabs-container .tab.active[data-resource-name="values.yaml"]').waitFor();
    await screenshot(page, '40-helm-rendered-storage');
  });

  void it('editing persistence.size changes the rendered claims', async () => {
    const { page } = bench;
    await typeSize(page, '20Gi');
    await waitForClaims(page, [
      'default/data-queue-broker-0 standard 20Gi',
      'default/data-queue-broker-1 standard 20Gi',
    ]);
    await screenshot(page, '41-helm-rendered-storage-after-edit');
  });

  void it('a wrong size is flagged on its line of values.yaml', async () => {
    const { page } = bench;
    await typeSize(page, '10Gb');
    // The squiggle in the editor, and the finding on line 7 of values.yaml in the Problems panel.
    await page.locator('.editor-instance .monaco-editor .squiggly-error').first().waitFor({
      timeout: 60000,
    });
    await showProblems(page);
    const markers = await poll(
      page,
      'the wrong size in the Problems panel',
      async () => {
        const found = (await problemsByFile(page)).get('values.yaml') ?? [];
        return found.some((m) => /10Gb/.test(m)) ? found : undefined;
      },
      60000,
    );
    const size = markers.find((m) => /10Gb/.test(m))!;
    assert.match(size, /^Error: /, size);
    assert.match(size, /StatefulSet queue-broker/, size);
    assert.match(size, new RegExp(`at line ${SIZE_LINE} and character ${SIZE_COLUMN}\\b`), size);
    await screenshot(page, '42-helm-rendered-wrong-size');
    // Fixed again: the finding goes, the claims follow the new size.
    await hidePanel(page);
    await runCommand(page, 'View: Focus First Editor Group');
    await typeSize(page, '16Gi');
    await waitForClaims(page, [
      'default/data-queue-broker-0 standard 16Gi',
      'default/data-queue-broker-1 standard 16Gi',
    ]);
    await showProblems(page);
    await poll(
      page,
      'the finding to go away',
      async () =>
        !((await problemsByFile(page)).get('values.yaml') ?? []).some((m) => /10Gb/.test(m)) ||
        undefined,
      60000,
    );
  });
});
