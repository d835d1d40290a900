/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Workbench steps the feature scenarios share: suggestions, the Problems panel, the cursor
 * position, and a watch over dialogs. Every step waits on a condition, never on a fixed delay.
 */
import type { Frame, Page } from 'playwright-core';
import { runCommand, suggestRows } from './workbench';

/** Polls `probe` until it returns a value other than undefined, or throws with the last state. */
export async function poll<T>(
  page: Page,
  what: string,
  probe: () => Promise<T | undefined>,
  timeoutMs = 20000,
  intervalMs = 150,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  while (Date.now() < deadline) {
    try {
      const value = await probe();
      if (value !== undefined) return value;
    } catch (error) {
      lastError = error;
    }
    await page.waitForTimeout(intervalMs);
  }
  throw new Error(`timed out waiting for ${what}${lastError ? `: ${String(lastError)}` : ''}`);
}

/** The aria-labels of the visible suggest rows ("fast-ssd, Reference"). */
export async function suggestLabels(page: Page): Promise<string[]> {
  return suggestRows(page).evaluateAll((rows) =>
    rows.map((r) => (r.getAttribute('aria-label') ?? '').split('\n')[0]!),
  );
}

/**
 * Asks for suggestions (Ctrl+Space) until the list holds every wanted label. The language server
 * may still be indexing on the first request, so an incomplete list is dismissed and asked again.
 */
export async function suggestUntil(
  page: Page,
  wanted: string[],
  timeoutMs = 30000,
): Promise<string[]> {
  return poll(
    page,
    `suggestions ${wanted.join(', ')}`,
    async () => {
      if (!(await suggestRows(page).first().isVisible())) {
        await page.keyboard.press('Control+Space');
        await suggestRows(page)
          .first()
          .waitFor({ timeout: 3000 })
          .catch(() => undefined);
      }
      const labels = await suggestLabels(page);
      if (wanted.every((w) => labels.some((l) => l.startsWith(`${w},`)))) return labels;
      await page.keyboard.press('Escape');
      return undefined;
    },
    timeoutMs,
    500,
  );
}

/** The status bar's cursor position, e.g. "Ln 4, Col 9". */
export async function cursorStatus(page: Page): Promise<string> {
  return (await page.locator('[id="status.editor.selection"]').innerText()).trim();
}

/** Opens the Problems panel (if it is not open) and returns its locator. */
export async function showProblems(page: Page): Promise<void> {
  await runCommand(page, 'View: Focus Problems');
  await page.locator('.markers-panel').waitFor();
}

/** Types `text` into the Problems panel's filter (the panel must be shown). */
export async function filterProblems(page: Page, text: string): Promise<void> {
  const input = page
    .locator('.markers-panel-container .viewpane-filter input, .panel .viewpane-filter input')
    .first();
  await input.fill(text);
}

export async function hidePanel(page: Page): Promise<void> {
  await runCommand(page, 'View: Hide Panel');
  await page.locator('.markers-panel').waitFor({ state: 'hidden' });
}

/**
 * The Problems panel's rows in order as [file, aria-label of each marker] groups: the file rows
 * say "N problems in file NAME of folder ...", the marker rows "Error: message at line ...".
 */
export async function problemsByFile(page: Page): Promise<Map<string, string[]>> {
  const labels = await page
    .locator('.markers-panel .monaco-list-row')
    .evaluateAll((rows) =>
      rows
        .sort((a, b) => Number(a.dataset.index) - Number(b.dataset.index))
        .map((r) => r.getAttribute('aria-label') ?? ''),
    );
  const byFile = new Map<string, string[]>();
  let current: string[] | undefined;
  for (const label of labels) {
    const file = /problems? in file (\S+)/.exec(label);
    if (file) byFile.set(file[1]!, (current = []));
    else current?.push(label);
  }
  return byFile;
}

/**
 * Records every dialog (alert, confirm, prompt, beforeunload) any frame of the page opens, and
 * dismisses it so the page is not blocked.
 */
export function watchDialogs(page: Page): string[] {
  const seen: string[] = [];
  page.on('dialog', (dialog) => {
    seen.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return seen;
}

/** Every frame of the page whose document URL looks like a webview's content frame. */
export function webviewContentFrames(page: Page): Frame[] {
  return page.frames().filter((f) => /webview/i.test(f.url()) && f !== page.mainFrame());
}
