/** Navigation test helpers: a multi-file in-memory workspace, one file carrying a `|` cursor. */
import { Workspace } from '../../../../server/src/service/workspace/workspace';
import type { Position } from '../../../../server/src/service/types';
import { cursor } from '../../../support/cursor';

export interface Setup {
  workspace: Workspace;
  uri: string;
  position: Position;
  texts: Record<string, string>;
}

/** Files as uri -> text; exactly one of them holds the `|` cursor. */
export function workspaceWith(files: Record<string, string>): Setup {
  const workspace = new Workspace();
  const texts: Record<string, string> = {};
  let at: { uri: string; position: Position } | undefined;
  for (const [uri, text] of Object.entries(files)) {
    if (text.includes('|') && !at) {
      const c = cursor(text);
      at = { uri, position: c.position };
      texts[uri] = c.text;
    } else {
      texts[uri] = text;
    }
    workspace.setFile(uri, texts[uri]!);
  }
  if (!at) throw new Error('no cursor in any file');
  return { workspace, ...at, texts };
}

/** The text a location covers, for readable assertions: `file.yaml:line:text`. */
export function show(
  texts: Record<string, string>,
  loc: { uri: string; range: { start: Position; end: Position } },
): string {
  const lines = texts[loc.uri]!.split('\n');
  const r = loc.range;
  const text = lines[r.start.line]!.slice(r.start.character, r.end.character);
  return `${loc.uri.split('/').pop()}:${r.start.line + 1}:${text}`;
}
