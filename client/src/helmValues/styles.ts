/** The inspector's styles: colours only from `--vscode-*` variables, so every theme works. */
export const STYLES = `
body { color: var(--vscode-foreground); background: var(--vscode-editor-background); font-family: var(--vscode-font-family); font-size: var(--vscode-font-size); padding: 0 12px; }
header { position: sticky; top: 0; background: var(--vscode-editor-background); padding: 8px 0; display: flex; flex-wrap: wrap; gap: 8px; align-items: center; z-index: 1; border-bottom: 1px solid var(--vscode-panel-border); }
h1 { font-size: 1.2em; margin: 0 12px 0 0; }
.muted { color: var(--vscode-descriptionForeground); }
table { border-collapse: collapse; width: 100%; margin-top: 8px; }
th, td { text-align: left; vertical-align: top; padding: 3px 6px; border-bottom: 1px solid var(--vscode-panel-border); }
th { background: var(--vscode-editor-background); font-weight: 600; }
tr:focus { outline: 1px solid var(--vscode-focusBorder); outline-offset: -1px; }
tr.group td { font-weight: 600; background: var(--vscode-sideBarSectionHeader-background); color: var(--vscode-sideBarSectionHeader-foreground); }
code, pre { font-family: var(--vscode-editor-font-family); font-size: var(--vscode-editor-font-size); }
/* Cells wrap between words and list items, never inside a token (ReadWriteOnce); a table wider than the panel scrolls. */
pre { margin: 0; white-space: pre-wrap; overflow-wrap: break-word; word-break: normal; max-height: 9em; overflow: auto; }
.table-scroll { overflow-x: auto; }
td.path code.key, td.type { white-space: nowrap; }
.search { flex: 1 1 24em; min-width: 16em; max-width: 36em; }
.differs td.override { color: var(--vscode-gitDecoration-modifiedResourceForeground); font-weight: 600; }
.unknown td.path { color: var(--vscode-editorWarning-foreground); }
.badge { display: inline-block; margin-left: 4px; padding: 0 4px; border-radius: 3px; font-size: 0.85em; background: var(--vscode-badge-background); color: var(--vscode-badge-foreground); }
.comment { white-space: pre-wrap; overflow-wrap: break-word; min-width: 12em; max-width: 40em; }
.storage-text { color: var(--vscode-descriptionForeground); white-space: normal; margin-top: 2px; }
button.link { background: none; border: none; padding: 0; color: var(--vscode-textLink-foreground); cursor: pointer; font: inherit; text-align: left; }
button.link:focus { outline: 1px solid var(--vscode-focusBorder); }
.diag { margin: 4px 0; }
.diag.error { color: var(--vscode-errorForeground); }
.diag.warning { color: var(--vscode-editorWarning-foreground); }
#status { margin: 8px 0; }
`;
