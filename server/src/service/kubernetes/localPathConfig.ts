/**
 * rancher/local-path-provisioner's configuration: the `config.json` key of its ConfigMap
 * `local-path-config` (the default of its `--configmap-name` flag, of its manifests and of its
 * chart's `configmap.name`), read with Go's `encoding/json` (`provisioner.go`, `ConfigData`).
 *
 * A class the configuration gives a `sharedFileSystemPath` and no `nodePathMap` is served from a
 * filesystem mounted on every node: `provisionFor` makes its volumes without node affinity
 * (`isSharedFilesystem`), so they are not node-local. With `storageClassConfigs` each class has its
 * own entry, by its exact name (`pickConfig`); without, the top-level fields serve every class of
 * the provisioner (`canonicalizeConfig`).
 */
import { isRecord } from '../plainData';

export const LOCAL_PATH_CONFIG_MAP = 'local-path-config';
const CONFIG_KEY = 'config.json';

/** True for the ConfigMap the provisioner reads its configuration from. */
export function isLocalPathConfigMap(name: string | undefined): boolean {
  return name === LOCAL_PATH_CONFIG_MAP;
}

/**
 * True when the configuration in the ConfigMap (its whole manifest) puts the volumes of class
 * `className` on a shared filesystem. A configuration the provisioner would refuse (not JSON, a
 * field of the wrong type, both `sharedFileSystemPath` and `nodePathMap`) puts them nowhere.
 */
export function servesSharedFileSystem(configMap: unknown, className: string): boolean {
  const config = parsedConfig(configMap);
  if (!config) return false;
  const perClass = goField(config, 'storageClassConfigs');
  if (isRecord(perClass) && Object.keys(perClass).length) {
    // A map key is matched exactly, unlike a struct field.
    return Object.hasOwn(perClass, className) && isSharedFileSystem(perClass[className]);
  }
  return isSharedFileSystem(config);
}

function parsedConfig(configMap: unknown): Record<string, unknown> | undefined {
  const data = isRecord(configMap) ? configMap.data : undefined;
  const text = isRecord(data) ? data[CONFIG_KEY] : undefined;
  if (typeof text !== 'string') return undefined;
  try {
    const parsed: unknown = JSON.parse(text);
    return isRecord(parsed) ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** `isSharedFilesystem`: a path and no node paths (an empty `nodePathMap` is none). */
function isSharedFileSystem(config: unknown): boolean {
  if (!isRecord(config)) return false;
  const path = goField(config, 'sharedFileSystemPath');
  const nodePaths = goField(config, 'nodePathMap');
  const noNodePaths = nodePaths === undefined || nodePaths === null || isEmptyList(nodePaths);
  return typeof path === 'string' && path !== '' && noNodePaths;
}

function isEmptyList(value: unknown): boolean {
  return Array.isArray(value) && value.length === 0;
}

/**
 * A struct field as `encoding/json` fills it: every key equal to the field's name regardless of
 * case sets it, the last one in the text winning (the upstream test data spells
 * `sharedFilesystemPath`).
 */
function goField(object: Record<string, unknown>, field: string): unknown {
  const wanted = field.toLowerCase();
  let value: unknown;
  for (const [k, v] of Object.entries(object)) if (k.toLowerCase() === wanted) value = v;
  return value;
}
