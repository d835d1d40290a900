/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/** Driving the VS Code workbench in Chromium with Playwright: every step waits on a condition. */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  chromium,
  type BrowserContext,
  type FrameLocator,
  type Locator,
  type Page,
} from 'playwright-core';
import { REPO } from './codeServer';
import { makeTempDir } from '../../support/tempDir';

export const RESULTS = join(REPO, 'test-results', 'e2e');

export interface Workbench {
  page: Page;
  context: BrowserContext;
  close(): Promise<void>;
}

export async function openWorkbench(url: string): Promise<Workbench> {
  const profile = makeTempDir('kube-storage-chromium-');
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.E2E_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
    viewport: { width: 1400, height: 900 },
  });
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(url);
  await page.locator('.monaco-workbench .part.statusbar').waitFor({ timeout: 60000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60000 });
  return { page, context, close: () => context.close() };
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  await page.screenshot({ path: join(RESULTS, `${name}.png`) });
}

/** Tries to open the command palette with `title` typed; false when it closed or stayed inert. */
async function typeCommand(page: Page, title: string, timeoutMs?: number): Promise<boolean> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  try {
    await input.fill(`>${title}`, { timeout: timeoutMs });
    return true;
  } catch (e) {
    if (timeoutMs === undefined) throw e;
    return false;
  }
}

/** Clicks the palette's row of `title` and waits for the palette to close; false when it did not. */
async function pickCommand(page: Page, title: string, timeoutMs?: number): Promise<boolean> {
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: title })
    .first();
  try {
    await row.click({ timeout: timeoutMs });
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: timeoutMs });
    return true;
  } catch (e) {
    if (timeoutMs === undefined) throw e;
    return false;
  }
}

/**
 * Runs a command from the palette. Right after a layout change (an editor moved to another group)
 * the workbench may take the focus back from a palette it has just opened, or re-lay its list out
 * under the pointer, and the palette then stays inert: it is closed and opened again, up to three
 * times, before the last try may fail.
 */
export async function runCommand(page: Page, title: string): Promise<void> {
  const tries = 3;
  for (let attempt = 1; attempt <= tries; attempt++) {
    // The last try waits as long as Playwright's default, and fails the test if it must.
    const timeoutMs = attempt < tries ? 5000 : undefined;
    if ((await typeCommand(page, title, timeoutMs)) && (await pickCommand(page, title, timeoutMs)))
      return;
    await page.keyboard.press('Escape');
    await page
      .locator('.quick-input-widget')
      .waitFor({ state: 'hidden', timeout: 5000 })
      .catch(() => undefined);
  }
}

/**
 * Opens a workspace file through Quick Open. A file created on disk a moment ago may not be in
 * Quick Open's file list yet (the workbench learns of it from its file watcher), so the search is
 * asked again until the file shows up.
 */
export async function openFile(page: Page, name: string, timeoutMs = 60000): Promise<void> {
  const base = name.split('/').pop()!;
  const input = page.locator('.quick-input-widget .quick-input-box input');
  const row = page
    .locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: base })
    .first();
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await page.keyboard.press('Control+P');
    await input.waitFor();
    await input.fill(name);
    const found = await row
      .waitFor({ timeout: 5000 })
      .then(() => true)
      .catch(() => false);
    if (found) break;
    await page.keyboard.press('Escape');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    if (Date.now() > deadline) throw new Error(`Quick Open never listed ${name}`);
  }
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[data-resource-name="${base}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

/** Moves the cursor: `line` and `column` are 1-based, as in the editor's Go to Line box. */
export async function goToPosition(page: Page, line: number, column: number): Promise<void> {
  await page.keyboard.press('Control+G');
  const input = page.locator('.quick-input-widget .quick-input-box input');
  await input.waitFor();
  await input.fill(`:${line}:${column}`);
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The visible editor text, lines ordered by position (Monaco renders spaces as U+00A0). */
export async function editorText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const lines = [
      ...document.querySelectorAll<HTMLElement>(
        '.editor-instance .monaco-editor .view-lines .view-line',
      ),
    ];
    return lines
      .sort((a, b) => parseFloat(a.style.top) - parseFloat(b.style.top))
      .map((l) => (l.textContent ?? '').replace(/\u00a0/g, ' '))
      .join('\n');
  });
}

export async function waitForEditorText(
  page: Page,
  test: (text: string) => boolean,
  timeoutMs = 15000,
): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  let text = '';
  while (Date.now() < deadline) {
    text = await editorText(page);
    if (test(text)) return text;
    await page.waitForTimeout(100);
  }
  throw new Error(`editor text did not match in time:\n${text}`);
}

/** Hovers with the keyboard (Ctrl+K Ctrl+I) at a position and returns the hover's text. */
export async function hoverAt(page: Page, line: number, column: number): Promise<string> {
  await goToPosition(page, line, column);
  const hover = page.locator('.monaco-hover:not(.hidden) .monaco-hover-content').last();
  for (let attempt = 0; attempt < 3; attempt++) {
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    try {
      await hover.waitFor({ timeout: 5000 });
      return (await hover.innerText()).trim();
    } catch {
      await page.keyboard.press('Escape');
    }
  }
  throw new Error(`no hover at ${line}:${column}`);
}

export function suggestRows(page: Page): Locator {
  return page.locator('.editor-widget.suggest-widget.visible .monaco-list-row');
}

export function webviewFrame(page: Page): FrameLocator {
  return page.frameLocator('iframe.webview.ready').last().frameLocator('iframe#active-frame');
}
