/** The preview's page: the shared webview shell (webviewShell.ts) with the preview's styles. */
import type * as vscode from 'vscode';
import type { Lang } from '../../../server/src/protocol';
import { webviewHtml } from '../webviewShell';

export function previewHtml(
  webview: vscode.Webview,
  scriptUri: vscode.Uri,
  lang: Lang,
  title: string,
): string {
  return webviewHtml({
    cspSource: webview.cspSource,
    scriptUri: scriptUri.toString(),
    lang,
    title,
    styles: STYLES,
    images: true,
    // The graph layout runs in a worker made from a script the bundle carries (layout.ts).
    blobWorkers: true,
  });
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
/* The view fits the panel: the graph scrolls inside its own box, never the page (one scrollbar). */
html, body { height: 100%; box-sizing: border-box; }
body { display: flex; flex-direction: column; overflow: hidden; }
#app { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.body { flex: 1; min-height: 0; position: relative; align-items: stretch; }
.canvas { min-height: 0; }
.details { overflow: auto; }
.zoom { display: inline-flex; gap: 4px; align-items: center; align-self: flex-end; }
.zoom button { min-width: 26px; height: 26px; color: var(--vscode-button-secondaryForeground, var(--vscode-foreground)); background: var(--vscode-button-secondaryBackground, transparent); border: 1px solid var(--vscode-button-border, var(--vscode-contrastBorder, transparent)); border-radius: 2px; cursor: pointer; font: inherit; }
.zoom button:hover { background: var(--vscode-button-secondaryHoverBackground, var(--vscode-list-hoverBackground)); }
.zoom button:focus-visible, .details button:focus-visible { outline: 1px solid var(--vscode-focusBorder); outline-offset: 1px; }
.zoom-level { min-width: 3.5em; text-align: center; color: var(--vscode-descriptionForeground); }
.grouped { margin: 0 0 6px; padding: 4px 8px; border-left: 3px solid var(--vscode-textLink-foreground); background: var(--vscode-textBlockQuote-background, transparent); }
.grouped[hidden] { display: none; }
.details-head { display: flex; justify-content: space-between; align-items: flex-start; gap: 6px; }
.details .close { display: none; background: none; border: none; color: var(--vscode-foreground); cursor: pointer; font: inherit; padding: 0 4px; }
.actions { display: flex; flex-wrap: wrap; gap: 8px; margin-top: 8px; }
.actions button { color: var(--vscode-button-foreground); background: var(--vscode-button-background); border: 1px solid var(--vscode-button-border, transparent); border-radius: 2px; padding: 3px 10px; cursor: pointer; font: inherit; }
.actions button:hover { background: var(--vscode-button-hoverBackground); }
/* Narrow (beside an editor): the details float next to the selected node instead of below the graph. */
@media (max-width: 760px) {
  .body { flex-direction: row; }
  .details { position: absolute; z-index: 2; width: min(300px, calc(100% - 24px)); max-height: calc(100% - 16px); box-sizing: border-box; padding: 6px 10px; background: var(--vscode-editorHoverWidget-background, var(--vscode-editorWidget-background)); border: 1px solid var(--vscode-editorHoverWidget-border, var(--vscode-contrastBorder, transparent)); box-shadow: 0 2px 8px var(--vscode-widget-shadow, rgba(0, 0, 0, 0.36)); }
  .details:not(.open) { display: none; }
  .details .close { display: inline-block; }
}
/* States differ in more than colour: an icon, a text label, and the border's style. */
.status-wait { --c: var(--vscode-charts-blue); }
.node.status-wait rect.box { stroke-dasharray: 7 4; }
.node.status-pending rect.box { stroke-width: 3.5; }
.node.status-lost rect.box, .node.status-failed rect.box { stroke-width: 3; stroke-dasharray: 2 3; }
.node.status-released rect.box { stroke-dasharray: 2 3; }
.node .stack { fill: var(--vscode-editorWidget-background); stroke: var(--c); stroke-width: 1.5; }
/* A rendered chart: a dashed box around its objects, its name and values on top. */
.chart { cursor: pointer; outline: none; --c: var(--vscode-charts-purple, var(--vscode-descriptionForeground)); }
.chart.status-failed { --c: var(--vscode-errorForeground, var(--vscode-editorWarning-foreground)); }
.chart .chart-box { fill: var(--vscode-editor-background); fill-opacity: 0.6; stroke: var(--c); stroke-width: 1.5; stroke-dasharray: 6 3; }
.chart.empty .chart-box { fill: var(--vscode-editorWidget-background); fill-opacity: 1; }
.chart .chart-rule { stroke: var(--c); stroke-opacity: 0.4; }
.chart .label { fill: var(--vscode-editor-foreground); font-weight: 600; font-size: 12px; }
.chart .detail { fill: var(--vscode-descriptionForeground); font-size: 11px; }
.chart:hover .chart-box { stroke-width: 2.5; }
.chart:focus-visible .chart-box, .chart:focus .chart-box { stroke: var(--vscode-focusBorder); stroke-width: 3; }
.chart.selected .chart-box { stroke-width: 3; stroke-dasharray: none; }
.charts-toggle { align-self: flex-end; margin-bottom: 4px; }
.charts-toggle[hidden] { display: none; }
.details .sources { margin: 4px 0; }
.details .rendered p { margin: 6px 0 2px; }
.legend-swatch { display: inline-block; width: 16px; height: 9px; border: 2px solid var(--c); border-radius: 3px; align-self: center; }
.status-wait .legend-swatch { border-style: dashed; }
.status-pending .legend-swatch { border-width: 3px; }
.status-lost .legend-swatch, .status-released .legend-swatch { border-style: dotted; }
`;
