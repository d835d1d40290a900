/**
 * UI strings of the binding preview, in the UI language (uiLanguage/: `kubeStorage.language`,
 * else VS Code's display language). Keys are the English texts (the `l10n/bundle.l10n*.json`
 * convention). No `vscode` import.
 */
import type { Lang } from '../../../server/src/protocol';
import type { UiStrings } from '../../../server/src/webviewProtocol/bindingPreview';
import { translate } from '../uiLanguage/texts';
import { english } from './uiText';

export function uiStrings(lang: Lang): UiStrings {
  const out = {} as UiStrings;
  for (const [name, key] of Object.entries(english) as [keyof UiStrings, string][])
    out[name] = translate(lang, key);
  return out;
}
