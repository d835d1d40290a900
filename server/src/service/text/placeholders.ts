/**
 * Values that are not final as written: a substitution left for a tool that runs before
 * `kubectl apply` — `${VAR}` of envsubst and Flux's `postBuild.substitute` (also with a default,
 * `${VAR:=10Gi}`), `$(VAR)` of kustomize's vars, a Go template's `{{ }}` outside a chart, the
 * `((var))` of Concourse and BOSH. What such a value becomes is not known here, so it is neither
 * checked against the schema nor looked up among the workspace's objects.
 */
export function hasPlaceholder(value: string): boolean {
  return /\$\{|\$\(|\{\{|\(\(.*\)\)/.test(value);
}

/**
 * A `$VAR` of envsubst (the GCP Marketplace deployer fills `name: $OPERATOR_SERVICE_ACCOUNT` this
 * way): an uppercase variable after `$`. No object name can hold a `$`, so in a name it is always
 * a substitution; elsewhere (`$HOME` in a value) it is taken as written.
 */
export function hasEnvVariable(value: string): boolean {
  return /\$[A-Z_][A-Z0-9_]*(?![a-z])/.test(value);
}
