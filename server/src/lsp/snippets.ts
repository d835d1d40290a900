/**
 * The storage snippets for completion: read once from `snippets/*.code-snippets` beside the
 * bundle (`dist/../snippets`, also in the .vsix and the npm package). The server offers them only
 * where a new object can start, so they never crowd the values of a key.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseSnippetFile, type SnippetTemplate } from '../service';

export function loadSnippetTemplates(dir = join(__dirname, '..', 'snippets')): SnippetTemplate[] {
  try {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.code-snippets'))
      .sort()
      .flatMap((f) => parseSnippetFile(readFileSync(join(dir, f), 'utf8')));
  } catch {
    return []; // no snippets beside this build: completion works without them
  }
}
