/**
 * Placeholders of other template languages (mustache, Jinja, envsubst-like generators):
 * `replicas: {{replicas}}`. YAML reads `{{replicas}}` as a flow mapping whose only key is another
 * flow mapping, `{ {replicas: null}: null }`; nobody writes that on purpose, so such a value is a
 * slot that a tool fills in later, not a wrong type. So is a string holding a substitution
 * (`storage: ${SIZE}`, Flux's `postBuild.substitute`; text/placeholders.ts): the value the API
 * server gets is only known once it is made; so is a `<key>` of argocd-vault-plugin in an object
 * that names its store path. Helm templates are not checked at all (see
 * `parse/helm.ts`); this is for files that are plain YAML apart from their slots.
 */
import { isMap, isPair, isScalar, isSeq, type Document } from 'yaml';
import { keyString, type YamlPath } from '../parse/nodes';
import {
  hasPlaceholder,
  hasVaultKeyPlaceholder,
  VAULT_PATH_ANNOTATION,
} from '../text/placeholders';

/** Paths of the values that are a `{{…}}` placeholder or hold a substitution. */
export function templateSlots(doc: Document): YamlPath[] {
  const slots: YamlPath[] = [];
  const vaultKeys = hasVaultPath(doc);
  const visit = (node: unknown, path: YamlPath, depth: number): void => {
    if (depth > 256) return; // parse/limits.ts refuses deeper documents before this
    if (isSlot(node) || isSubstitution(node) || (vaultKeys && isVaultKey(node))) {
      slots.push(path);
    } else if (isMap(node)) {
      for (const pair of node.items) {
        const key = keyString(pair);
        if (key !== undefined) visit(pair.value, [...path, key], depth + 1);
      }
    } else if (isSeq(node)) {
      node.items.forEach((item, index) => visit(item, [...path, index], depth + 1));
    }
  };
  visit(doc.contents, [], 0);
  return slots;
}

/** `{{name}}` / `{{ a.b }}`: a flow mapping with one pair, whose key is `{name}` with no value. */
function isSlot(node: unknown): boolean {
  if (!isMap(node) || node.flow !== true || node.items.length !== 1) return false;
  const outer = node.items[0]!;
  if (!isEmptyValue(outer.value)) return false;
  const inner = outer.key;
  if (!isMap(inner) || inner.flow !== true || inner.items.length !== 1) return false;
  const pair = inner.items[0]!;
  return isPair(pair) && isScalar(pair.key) && isEmptyValue(pair.value);
}

/**
 * A string a later tool substitutes into: `${SIZE}`, `${SIZE:=10Gi}`, `((size))`, or a whole plain
 * value that is envsubst's `$VAR` without braces (`runAsUser: $ID` in k8up's end-to-end manifests).
 * The bare form counts only here, for the schema: as a name (`claimName: $HOME`) it is still looked
 * up, since `$` is no shell to Kubernetes and such a text may be meant literally.
 */
function isSubstitution(node: unknown): boolean {
  if (!isScalar(node) || typeof node.value !== 'string') return false;
  if (hasPlaceholder(node.value)) return true;
  return node.type === 'PLAIN' && /^\$[A-Za-z_][A-Za-z0-9_]*$/.test(node.value);
}

/** The object names a secret store path for argocd-vault-plugin (`avp.kubernetes.io/path`). */
function hasVaultPath(doc: Document): boolean {
  return doc.hasIn(['metadata', 'annotations', VAULT_PATH_ANNOTATION]);
}

/** A `<key>` argocd-vault-plugin fills in (`LOGIN: <login | base64encode>` in a Secret's data). */
function isVaultKey(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'string' && hasVaultKeyPlaceholder(node.value);
}

function isEmptyValue(node: unknown): boolean {
  return node === null || node === undefined || (isScalar(node) && node.value === null);
}

/** True when `path` is a slot or lies inside one. */
export function insideSlot(path: YamlPath, slots: readonly YamlPath[]): boolean {
  return slots.some(
    (slot) => slot.length <= path.length && slot.every((seg, i) => String(seg) === String(path[i])),
  );
}
