import { isRecord } from '../plainData';

/**
 * Values that are not final as written: a substitution left for a tool that runs before
 * `kubectl apply` — `${VAR}` of envsubst and Flux's `postBuild.substitute` (also with a default,
 * `${VAR:=10Gi}`), `$(VAR)` of kustomize's vars, a Go template's `{{ }}` outside a chart, the
 * `((var))` of Concourse and BOSH, k3s's `%{VAR}%` in the manifests it ships (replaced before it
 * applies them: k3s-io/k3s `pkg/server/server.go`, `stageFiles`), argocd-vault-plugin's
 * `<path:…#key>` (`VAULT_PATH_PLACEHOLDER`).
 * What such a value becomes is not known here, so it is neither checked against the schema nor
 * looked up among the workspace's objects.
 */
export function hasPlaceholder(value: string): boolean {
  return (
    /\$\{|\$\(|\{\{|\(\(.*\)\)|%\{[A-Z][A-Z0-9_]*\}%/.test(value) ||
    VAULT_PATH_PLACEHOLDER.test(value)
  );
}

/**
 * argocd-vault-plugin (Argo CD's config management plugin) replaces a `<path:secret/data/app#key>`
 * (optionally `#version`, and `| base64encode` or another modifier) in any manifest with a value
 * from the secret store before Argo CD applies it (argoproj-labs/argocd-vault-plugin,
 * `pkg/kube/util.go`, `specificPathPlaceholder`).
 */
const VAULT_PATH_PLACEHOLDER = /<path:[^#>]+#[^#>]+(?:#[^#>]+)?(?:\|[^>]*)?>/;

/**
 * The annotation that gives argocd-vault-plugin the secret store path of an object; then every
 * `<key>` in its values is a placeholder too (`genericPlaceholder` in the plugin's `util.go`, used
 * only when the annotation is present).
 */
export const VAULT_PATH_ANNOTATION = 'avp.kubernetes.io/path';

/**
 * A `<key>` or `<key | base64encode>` that argocd-vault-plugin fills in from the path its
 * annotation names (`VAULT_PATH_ANNOTATION`): in an object without that annotation the plugin
 * leaves such text alone, and so is it taken as written.
 */
export function hasVaultKeyPlaceholder(value: string): boolean {
  return /<[^<>]+>/.test(value);
}

/** The object names its secret store path for argocd-vault-plugin (`VAULT_PATH_ANNOTATION`). */
export function namesVaultPath(object: unknown): boolean {
  const metadata = isRecord(object) ? object.metadata : undefined;
  const annotations = isRecord(metadata) ? metadata.annotations : undefined;
  return isRecord(annotations) && VAULT_PATH_ANNOTATION in annotations;
}

/**
 * A value of `object` that a later tool fills in: a placeholder of any tool (`hasPlaceholder`), or
 * argocd-vault-plugin's `<key>` in an object that names its store path. What it becomes is not
 * known here: the one test the rules that read a name (a claim's, a class's, a Secret's) ask.
 */
export function filledInLater(value: string, object?: unknown): boolean {
  return hasPlaceholder(value) || (hasVaultKeyPlaceholder(value) && namesVaultPath(object));
}

/**
 * A `$VAR` of envsubst (the GCP Marketplace deployer fills `name: $OPERATOR_SERVICE_ACCOUNT` this
 * way): an uppercase variable after `$`. No object name can hold a `$`, so in a name it is always
 * a substitution; elsewhere (`$HOME` in a value) it is taken as written.
 */
export function hasEnvVariable(value: string): boolean {
  return /\$[A-Z_][A-Z0-9_]*(?![a-z])/.test(value);
}
