/** The release and namespace of a render, checked before they reach helm's command line. */

const RELEASE_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/** A render's inputs are fine to pass to helm (no option smuggled in as a name). */
export function checkRenderNames(release: string, namespace: string): string | undefined {
  if (!RELEASE_NAME.test(release) || release.length > 53)
    return `invalid release name "${release}": lower-case letters, digits and "-", at most 53`;
  if (!NAMESPACE.test(namespace) || namespace.length > 63)
    return `invalid namespace "${namespace}": lower-case letters, digits and "-", at most 63`;
  return undefined;
}
