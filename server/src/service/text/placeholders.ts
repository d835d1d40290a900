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
