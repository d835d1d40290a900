/**
 * `npm run screenshots`: the README's pictures, taken from the real editor (code-server in
 * Chromium) on a copy of examples/. Writes docs/images/*.png. Needs `npm run build` and the e2e
 * install (`bash test/e2e/install.sh && . ~/.cache/kube-storage-e2e/env.sh`).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPO, startCodeServer } from '../test/e2e/support/codeServer';
import { showProblems, suggestUntil } from '../test/e2e/support/steps';
import { webviewWith } from '../test/e2e/support/webviews';
import {
  goToPosition,
  hoverAt,
  openFile,
  openWorkbench,
  RESULTS,
  runCommand,
  screenshot,
} from '../test/e2e/support/workbench';

const IMAGES = join(REPO, 'docs', 'images');

async function keep(page: Page, name: string): Promise<void> {
  await screenshot(page, `readme-${name}`);
  mkdirSync(IMAGES, { recursive: true });
  copyFileSync(join(RESULTS, `readme-${name}.png`), join(IMAGES, `${name}.png`));
  process.stdout.write(`docs/images/${name}.png\n`);
}

async function english(): Promise<void> {
  const server = await startCodeServer({ workspace: join(REPO, 'examples') });
  const bench = await openWorkbench(server.url);
  const { page } = bench;
  try {
    await openFile(page, 'mysql-on-emptydir.yaml');
    await page.locator('.squiggly-warning').first().waitFor({ timeout: 60000 });
    await showProblems(page);
    await page
      .locator('.markers-panel .monaco-list-row', { hasText: 'emptyDir' })
      .first()
      .waitFor();
    await goToPosition(page, 35, 26);
    await keep(page, 'diagnostics');
    await page.keyboard.press('Control+J');

    await openFile(page, 'shared-uploads.yaml');
    await page.locator('.squiggly-error').first().waitFor({ timeout: 60000 });
    await goToPosition(page, 9, 20);
    await page.keyboard.press('Control+.');
    await page.locator('.action-widget', { hasText: 'ReadWriteOnce' }).first().waitFor();
    await keep(page, 'quick-fix');
    await page.keyboard.press('Escape');

    await openFile(page, 'storage-classes.yaml');
    await runCommand(page, 'Kubernetes Storage: Show Binding Preview');
    await webviewWith(page, 'svg .node.kind-claim');
    // The preview opens beside the editor; give it the whole window for the picture.
    await runCommand(page, 'View: Close Primary Side Bar');
    await runCommand(page, 'View: Join All Editor Groups');
    await page.locator('.tabs-container .tab', { hasText: 'Binding Preview' }).click();
    await webviewWith(page, 'svg .node.kind-claim');
    await keep(page, 'binding-preview');
    await page.keyboard.press('Control+B');

    await openFile(page, 'media.yaml');
    await goToPosition(page, 9, 21);
    await page.keyboard.press('Shift+End');
    await page.keyboard.press('Delete');
    await suggestUntil(page, ['fast-ssd', 'local-disks']);
    await keep(page, 'completion');
    await page.keyboard.press('Escape');

    await openFile(page, 'Chart.yaml');
    await runCommand(page, 'Kubernetes Storage: Inspect Helm Chart Values');
    await webviewWith(page, 'table tr.group');
    await keep(page, 'helm-values');
  } finally {
    await bench.close();
    await server.stop();
  }
}

async function russian(): Promise<void> {
  const server = await startCodeServer({ workspace: join(REPO, 'examples'), locale: 'ru' });
  const bench = await openWorkbench(server.url);
  const { page } = bench;
  try {
    await openFile(page, 'postgres.yaml');
    await hoverAt(page, 54, 12);
    await keep(page, 'hover-ru');
    await page.keyboard.press('Escape');
    await hoverAt(page, 58, 24);
    await keep(page, 'hover-quantity-ru');
  } finally {
    await bench.close();
    await server.stop();
  }
}

async function main(): Promise<void> {
  await english();
  await russian();
}

main().catch((e: unknown) => {
  process.stderr.write(
    `screenshots failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`,
  );
  process.exit(1);
});
