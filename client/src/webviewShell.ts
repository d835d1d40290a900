/**
 * The HTML shell of both webviews (binding preview, Helm inspector): a strict Content Security
 * Policy with a fresh nonce, the bundled script and the page's styles under that nonce, the page's
 * language. Colours come from `--vscode-*` variables in each page's styles. No `vscode` import at
 * run time: unit-tested under Node.
 */
import { randomBytes } from 'node:crypto';
import type { Lang } from '../../server/src/protocol';

export interface WebviewPage {
  /** `webview.cspSource`. */
  cspSource: string;
  /** `webview.asWebviewUri(...)` of the bundled script, as a string. */
  scriptUri: string;
  lang: Lang;
  title: string;
  /** The page's CSS (themed with `--vscode-*` variables). */
  styles: string;
  /** Attributes of the `#app` element, e.g. `role="main"`. */
  appAttributes?: string;
  /** Images from the extension and `data:` URIs. */
  images?: boolean;
  /** Web Workers made from a `blob:` (the preview's graph layout). */
  blobWorkers?: boolean;
}

/** A fresh nonce for one page: 128 bits, base64 without `+/=` (safe in attributes and CSP). */
export function nonce(): string {
  return randomBytes(16)
    .toString('base64')
    .replace(/[^A-Za-z0-9]/g, '');
}

export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

export function contentSecurityPolicy(page: WebviewPage, n: string): string {
  return [
    "default-src 'none'",
    ...(page.images ? [`img-src ${page.cspSource} data:`] : []),
    `font-src ${page.cspSource}`,
    `style-src ${page.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
    ...(page.blobWorkers ? ['worker-src blob:'] : []),
  ].join('; ');
}

export function webviewHtml(page: WebviewPage, n: string = nonce()): string {
  const app = page.appAttributes
    ? `<div id="app" ${page.appAttributes}></div>`
    : '<div id="app"></div>';
  return `<!DOCTYPE html>
<html lang="${escapeHtmlText(page.lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(page, n)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escapeHtmlText(page.title)}</title>
<style nonce="${n}">${page.styles}</style>
</head>
<body>
${app}
<script nonce="${n}" src="${escapeHtmlText(page.scriptUri)}"></script>
</body>
</html>`;
}
