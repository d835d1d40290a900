/** Completion test helpers: an in-memory workspace, a `|` cursor, and item lookups. */
import { Workspace } from '../../../../server/src/service/workspace/workspace';
import { complete, type KubeCompletionItem } from '../../../../server/src/service/completion';
import type { Lang } from '../../../../server/src/service/types';
import { cursor } from '../../../support/cursor';

export const URI = 'file:///ws/current.yaml';

/** Completion at the `|` of `text`, with other files of the workspace given as uri -> text. */
export function completeAt(
  text: string,
  others: Record<string, string> = {},
  lang: Lang = 'en',
): KubeCompletionItem[] {
  const { text: clean, position } = cursor(text);
  const workspace = new Workspace();
  for (const [uri, content] of Object.entries(others)) workspace.setFile(uri, content);
  workspace.setFile(URI, clean, 'editor', 1);
  return complete(workspace, URI, position, lang);
}

export function labels(items: KubeCompletionItem[]): string[] {
  return sorted(items).map((i) => i.label);
}

export function sorted(items: KubeCompletionItem[]): KubeCompletionItem[] {
  return [...items].sort((a, b) =>
    a.sortText < b.sortText ? -1 : a.sortText > b.sortText ? 1 : 0,
  );
}

export function item(items: KubeCompletionItem[], label: string): KubeCompletionItem {
  const found = items.find((i) => i.label === label);
  if (!found) throw new Error(`no item ${label} in ${items.map((i) => i.label).join(', ')}`);
  return found;
}
