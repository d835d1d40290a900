/** The inspector's `show` message for the webview. No `vscode` import: unit-tested under Node. */
import type { HelmInspectData, Lang } from '../../../server/src/protocol';
import type { InspectorState, ToWebview } from '../../../server/src/webviewProtocol/helmInspector';
import { l10nTable } from '../uiLanguage/texts';

/**
 * The rows and the webview's own labels in one language, `kubeStorage.language`'s: the labels'
 * table goes with every message (an empty one for English replaces an earlier Russian one).
 */
export function showMessage(data: HelmInspectData, state: InspectorState, lang: Lang): ToWebview {
  return { type: 'show', data, lang, state, l10n: l10nTable(lang) };
}
