/** The client's UI language from VS Code: the `kubeStorage.language` setting, else the display language (texts.ts). */
import * as vscode from 'vscode';
import type { Lang } from '../../../server/src/protocol';
import { resolveUiLang, uiL10n, type UiL10n } from './texts';

export { l10nTable, translate, uiL10n, type UiL10n } from './texts';

/** The language of the client's texts now (read each time: the setting may change). */
export function uiLang(): Lang {
  return resolveUiLang(
    vscode.workspace.getConfiguration('kubeStorage').get<string>('language'),
    vscode.env.language,
  );
}

/** `l10n.t` in the UI language (the setting may differ from VS Code's display language). */
export function uiText(): UiL10n {
  return uiL10n(uiLang());
}

/** True when a configuration change may change the UI language. */
export function affectsUiLang(e: vscode.ConfigurationChangeEvent): boolean {
  return e.affectsConfiguration('kubeStorage.language');
}
