/** Reading the workspace from disk: the only file-system access of the server. */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import picomatch from 'picomatch';

export interface ServerFileSystem {
  /** Every YAML file under a folder (URI), skipping excluded globs; stops at `limit` files. */
  findYamlFiles(folderUri: string, exclude: string[], limit: number): Promise<string[]>;
  readFile(uri: string): Promise<string | undefined>;
}

/** Files larger than this are not indexed from disk (they stay fully usable when opened). */
export const MAX_INDEXED_FILE_BYTES = 4 * 1024 * 1024;

export class NodeFileSystem implements ServerFileSystem {
  async findYamlFiles(folderUri: string, exclude: string[], limit: number): Promise<string[]> {
    if (!folderUri.startsWith('file:')) return [];
    const root = fileURLToPath(folderUri);
    const isExcluded = picomatch(exclude, { dot: true });
    const found: string[] = [];
    const walk = async (dir: string, relative: string): Promise<void> => {
      let entries;
      try {
        entries = await fs.readdir(dir, { withFileTypes: true });
      } catch {
        return;
      }
      for (const entry of entries) {
        if (found.length >= limit) return;
        const rel = relative ? `${relative}/${entry.name}` : entry.name;
        if (entry.isDirectory()) {
          if (isExcluded(rel) || isExcluded(`${rel}/`) || isExcluded(`${rel}/x`)) continue;
          await walk(join(dir, entry.name), rel);
        } else if (entry.isFile() && /\.ya?ml$/i.test(entry.name) && !isExcluded(rel)) {
          found.push(pathToFileURL(join(dir, entry.name)).href);
        }
      }
    };
    await walk(root, '');
    return found;
  }

  async readFile(uri: string): Promise<string | undefined> {
    if (!uri.startsWith('file:')) return undefined;
    try {
      const path = fileURLToPath(uri);
      const stat = await fs.stat(path);
      if (!stat.isFile() || stat.size > MAX_INDEXED_FILE_BYTES) return undefined;
      return await fs.readFile(path, 'utf8');
    } catch {
      return undefined;
    }
  }
}
