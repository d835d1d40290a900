/** The preview's HTML shell: strict CSP with a nonce, the bundled script, styles from theme variables only. */
import { randomBytes } from 'node:crypto';
import type * as vscode from 'vscode';

export function nonce(): string {
  return randomBytes(18).toString('base64');
}

export function previewHtml(
  webview: vscode.Webview,
  scriptUri: vscode.Uri,
  lang: string,
  title: string,
): string {
  const n = nonce();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
    `style-src ${webview.cspSource} 'nonce-${n}'`,
    `script-src 'nonce-${n}'`,
  ].join('; ');
  const escape = (t: string): string => t.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<!DOCTYPE html>
<html lang="${escape(lang)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>${escape(title)}</title>
<style nonce="${n}">${STYLES}</style>
</head>
<body>
<div id="app"></div>
<script nonce="${n}" src="${scriptUri.toString()}"></script>
</body>
</html>`;
}

/** Colours come only from `--vscode-*` variables, so light, dark and high-contrast themes all work. */
export const STYLES = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); margin: 0; padding: 8px 12px; }
.toolbar { display: flex; flex-wrap: wrap; gap: 12px; align-items: flex-end; margin-bottom: 6px; }
.field { display: flex; flex-direction: column; gap: 2px; color: var(--vscode-descriptionForeground); }
.field vscode-textfield { min-width: 220px; }
.status { color: var(--vscode-descriptionForeground); margin: 4px 0; }
.legend { display: flex; flex-wrap: wrap; gap: 12px; margin-bottom: 6px; color: var(--vscode-descriptionForeground); }
.legend-item { display: inline-flex; gap: 4px; }
.legend-icon { color: var(--c); }
.body { display: flex; gap: 12px; align-items: flex-start; }
.canvas { flex: 1; overflow: auto; border: 1px solid var(--vscode-panel-border, var(--vscode-contrastBorder, transparent)); min-height: 200px; }
.details { width: 320px; flex-shrink: 0; overflow-wrap: anywhere; }
.canvas { min-width: 0; }
/* Beside an editor the view is narrow: the graph takes the whole width, the details go below it. */
@media (max-width: 760px) {
  .body { flex-direction: column; align-items: stretch; }
  .details { width: auto; }
}
.details h2 { font-size: 1.1em; margin: 4px 0; }
.details h3 { font-size: 1em; margin: 8px 0 4px; }
.details .detail, .hint { color: var(--vscode-descriptionForeground); }
.details ul { padding-left: 18px; margin: 0; }
.details code, .legend code { font-family: var(--vscode-editor-font-family); }
.reason { border-left: 3px solid var(--c, var(--vscode-textBlockQuote-border)); padding-left: 8px; }
button.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; }
button.link:focus-visible { outline: 1px solid var(--vscode-focusBorder); }
.empty { padding: 16px; color: var(--vscode-descriptionForeground); }
.status-bound { --c: var(--vscode-testing-iconPassed, var(--vscode-charts-green)); }
.status-provision { --c: var(--vscode-charts-blue); }
.status-wait { --c: var(--vscode-charts-yellow); }
.status-pending { --c: var(--vscode-editorWarning-foreground); }
.status-lost, .status-failed { --c: var(--vscode-errorForeground); }
.status-available { --c: var(--vscode-charts-green); }
.status-released { --c: var(--vscode-disabledForeground, var(--vscode-descriptionForeground)); }
.status-neutral { --c: var(--vscode-charts-purple); }
.kind-workload.status-neutral { --c: var(--vscode-descriptionForeground); }
svg { display: block; }
.node { cursor: pointer; outline: none; }
.node rect { fill: var(--vscode-editorWidget-background); stroke: var(--c); stroke-width: 2; }
.node .icon { fill: var(--c); font-size: 14px; }
.node .label { fill: var(--vscode-editor-foreground); font-weight: 600; font-size: 12px; }
.node .detail { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.node .detail .code { font-family: var(--vscode-editor-font-family); }
.node:hover rect { fill: var(--vscode-list-hoverBackground); }
.node:focus-visible rect, .node:focus rect { stroke: var(--vscode-focusBorder); stroke-width: 3; }
.node.selected rect { fill: var(--vscode-list-activeSelectionBackground); }
.node.selected .label, .node.selected .detail { fill: var(--vscode-list-activeSelectionForeground, var(--vscode-editor-foreground)); }
.edge { fill: none; stroke: var(--vscode-descriptionForeground); stroke-width: 1.5; }
.edge.dashed { stroke-dasharray: 5 4; }
.arrow { fill: var(--vscode-descriptionForeground); }
body.vscode-high-contrast .node rect, body.vscode-high-contrast-light .node rect { stroke-width: 3; }
body.vscode-high-contrast .edge, body.vscode-high-contrast-light .edge { stroke: var(--vscode-contrastBorder); }
`;
