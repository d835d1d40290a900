/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Webviews in the workbench: finding a view's content frame by what it shows, and checking that
 * text from manifests and charts stayed text (no markup, no handlers, no script ran).
 */
import type { ConsoleMessage, Frame, Page } from 'playwright-core';
import { poll } from './steps';

/**
 * The content frame (`#active-frame` inside `iframe.webview`) of the webview that holds `selector`.
 * Webviews are recreated when hidden and shown again, so ask again after such a change.
 */
export async function webviewWith(page: Page, selector: string, timeoutMs = 60000): Promise<Frame> {
  return poll(
    page,
    `a webview showing ${selector}`,
    async () => {
      // Frame names are those seen when a frame attached (VS Code renames `pending-frame` to
      // `active-frame` later), so every child frame is asked.
      for (const frame of page.frames()) {
        if (frame === page.mainFrame() || frame.isDetached()) continue;
        const found = await frame
          .locator(selector)
          .count()
          .catch(() => 0);
        if (found > 0) return frame;
      }
      return undefined;
    },
    timeoutMs,
    250,
  );
}

/** What a webview document holds that text from a manifest must never turn into. */
export interface InertReport {
  /** Elements that only markup injection could create in these views. */
  foreignElements: string[];
  /** Inline event handler attributes (`onerror`, `onload`, …) on any element. */
  handlers: string[];
  /** Scripts other than VS Code's API shim and the view's own nonce-carrying bundle. */
  strayScripts: string[];
  /** Style elements without the view's nonce (other than VS Code's default styles). */
  strayStyles: string[];
  /** `javascript:` URLs in href/src attributes. */
  scriptUrls: string[];
  /** Set by a payload's handler if one ever runs. */
  pwned: string | null;
}

export async function inertReport(frame: Frame): Promise<InertReport> {
  // No named inner functions here: tsx would wrap them in a `__name` helper the page lacks.
  return frame.evaluate(() => {
    const all = [...document.querySelectorAll('*')];
    return {
      foreignElements: [
        ...document.querySelectorAll(
          'img, iframe, frame, frameset, object, embed, a, b, i, link, base, form, input, video, audio, foreignObject',
        ),
      ].map((e) => e.outerHTML.slice(0, 120)),
      handlers: all.flatMap((e) =>
        [...e.attributes]
          .filter((a) => /^on/i.test(a.name))
          .map((a) => `${e.tagName.toLowerCase()}[${a.name}]`),
      ),
      strayScripts: [...document.querySelectorAll('script')]
        .filter((s) => s.id !== '_vscodeApiScript' && !(s.nonce || s.getAttribute('nonce')))
        .map((e) => e.outerHTML.slice(0, 120)),
      strayStyles: [...document.querySelectorAll('style')]
        .filter((s) => s.id !== '_defaultStyles' && !(s.nonce || s.getAttribute('nonce')))
        .map((e) => e.outerHTML.slice(0, 120)),
      scriptUrls: all.flatMap((e) =>
        [...e.attributes]
          .filter((a) => /^(href|src|xlink:href|action|formaction)$/i.test(a.name))
          .filter((a) => /^\s*javascript:/i.test(a.value))
          .map((a) => `${e.tagName.toLowerCase()}[${a.name}=${a.value}]`),
      ),
      pwned: document.documentElement.dataset.pwned ?? null,
    };
  });
}

export const INERT: InertReport = {
  foreignElements: [],
  handlers: [],
  strayScripts: [],
  strayStyles: [],
  scriptUrls: [],
  pwned: null,
};

/**
 * Console lines from webview frames that would betray an attempt: the sandbox refusing a dialog,
 * CSP refusing an inline handler or script. Returns the live list.
 */
export function watchWebviewConsole(page: Page): string[] {
  const seen: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    const text = message.text();
    if (
      /alert\(|Ignored call to|Refused to (execute|apply|load)|Content Security Policy/i.test(text)
    )
      seen.push(`${message.type()} ${message.location().url.slice(0, 80)}: ${text.slice(0, 300)}`);
  });
  return seen;
}
