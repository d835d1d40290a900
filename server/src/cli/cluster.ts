/**
 * `--cluster FILE` (repeatable) and `--default-class NAME|none`: the cluster the manifests go to.
 * Snapshot files (what `kubectl get … -o yaml` printed; folders are searched for YAML files) are
 * read into the workspace as cluster objects: they satisfy links and take part in binding, and
 * are not checked as manifests.
 */
import { promises as fs } from 'node:fs';
import { parseDefaultClass, type LanguageService } from '../service';
import type { FlagSpec } from './args';
import { collectYamlFiles, fileUri, UsageError } from './files';

export const clusterFlags: Record<string, FlagSpec> = {
  '--cluster': { repeat: true },
  '--default-class': {},
};

export const clusterUsage = '[--cluster <snapshot.yaml>]... [--default-class <name>|none]';

/** Reads the snapshots into the service; returns their paths (absolute). */
export async function loadCluster(
  service: LanguageService,
  flags: Map<string, string[]>,
): Promise<string[]> {
  const defaultClass = flags.get('--default-class')?.[0];
  if (defaultClass !== undefined && !defaultClass.trim())
    throw new UsageError('--default-class needs a class name or none');
  const inputs = flags.get('--cluster') ?? [];
  const paths = inputs.length ? await collectYamlFiles(inputs) : [];
  const uris = new Set(paths.map(fileUri));
  service.setCluster({
    isSnapshot: (uri) => uris.has(uri),
    defaultStorageClass: parseDefaultClass(defaultClass),
  });
  for (const path of paths) service.setFile(fileUri(path), await fs.readFile(path, 'utf8'), 'disk');
  return paths;
}
