/**
 * Test harness awareness: which files a test compares with live objects instead of applying them.
 * Such a file holds partial objects (only the fields the test looks at) and, in kyverno chainsaw,
 * JMESPath expressions in parentheses as keys and values: it is never sent to an API server, so
 * the workspace neither lints it as a whole object nor counts it among the objects others link to.
 *
 * - chainsaw (kyverno/chainsaw `pkg/apis/v1alpha1`): a `Test` or `StepTemplate` of
 *   `chainsaw.kyverno.io` lists operations in `try`, `catch`, `finally` and `cleanup`; `assert`
 *   and `error` compare the objects of their `file` with the cluster's, `patch` merges them into
 *   existing objects, while `apply`, `create` and `update` send whole objects (a file named there
 *   stays a manifest). A `file` is a path against the test's folder, a folder or a glob.
 * - kuttl, and chainsaw's tests without a test file (`pkg/discovery/step.go`): in a test folder,
 *   `NN-assert.yaml` and `NN-errors.yaml` (also `NN-assert-more.yaml`) are compared, the other
 *   `NN-name.yaml` applied.
 */
import { parseAllDocuments } from 'yaml';
import { isRecord } from '../plainData';
import { fileKey } from './kustomize';
import { escapeRegExp } from '../text/regExp';

/** The files one chainsaw test file names: those it compares (or patches) and those it applies. */
export interface TestFileRefs {
  checked: FileMatcher[];
  applied: FileMatcher[];
}

/** A file (`fileKey`) or the files of a folder or glob. */
export type FileMatcher = string | RegExp;

/** `NN-assert.yaml`, `NN-errors-more.yml`, kuttl's `NN-assert.gotmpl.yaml`. */
const ASSERTION_NAME = /^\d+-(?:assert|errors)(?:-[^./]+)?(?:\.gotmpl)?\.ya?ml$/;

const CHAINSAW_API_VERSION = /^apiVersion:[ \t]*["']?chainsaw\.kyverno\.io\//m;

const CHECKS = new Set(['assert', 'error', 'patch']);
const APPLIES = new Set(['apply', 'create', 'update']);

/** True for a kuttl or chainsaw assertion file, by its name. */
export function isAssertionFileName(uri: string): boolean {
  return ASSERTION_NAME.test(uri.slice(uri.lastIndexOf('/') + 1));
}

/** True when the text holds a chainsaw test (or step template), whatever the file's name. */
export function isChainsawTest(text: string): boolean {
  return text.includes('chainsaw.kyverno.io/') && CHAINSAW_API_VERSION.test(text);
}

/** The files a chainsaw test file names in its operations; empty lists when it cannot be read. */
export function chainsawFileRefs(uri: string, text: string): TestFileRefs {
  const refs: TestFileRefs = { checked: [], applied: [] };
  let docs;
  try {
    docs = parseAllDocuments(text, { prettyErrors: false });
  } catch {
    return refs;
  }
  if (!Array.isArray(docs)) return refs;
  for (const doc of docs) {
    let data: unknown;
    try {
      data = doc.toJS({ maxAliasCount: 100 });
    } catch {
      continue;
    }
    if (!isRecord(data) || !String(data.apiVersion).startsWith('chainsaw.kyverno.io/')) continue;
    collect(data.spec, uri, refs, 0);
  }
  return refs;
}

/** Walks the test for operations (`assert: {file: …}`): they sit at any depth of its steps. */
function collect(value: unknown, uri: string, refs: TestFileRefs, depth: number): void {
  if (depth > 32) return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, uri, refs, depth + 1);
    return;
  }
  if (!isRecord(value)) return;
  for (const [key, operation] of Object.entries(value)) {
    const file = isRecord(operation) ? operation.file : undefined;
    const matcher = typeof file === 'string' ? fileMatcher(file.trim(), uri) : undefined;
    if (matcher && CHECKS.has(key)) refs.checked.push(matcher);
    else if (matcher && APPLIES.has(key)) refs.applied.push(matcher);
    else collect(operation, uri, refs, depth + 1);
  }
}

/**
 * A chainsaw `file` against the test file's URI: a file, a glob (`*.yaml`) or a folder (its YAML
 * files); undefined for an expression (`($file)`), a remote file or nothing.
 */
function fileMatcher(path: string, base: string): FileMatcher | undefined {
  if (!path || path.startsWith('(') || /^[a-z][a-z0-9+.-]*:/i.test(path)) return undefined;
  let key: string;
  try {
    // `?` would start a URL's query: it is kept aside while the path is resolved.
    key = fileKey(new URL(path.replace(/\?/g, '\u0001'), base).href).replace(/\u0001/g, '?');
  } catch {
    return undefined;
  }
  if (/[*?]/.test(path)) return new RegExp(`^${globSource(key)}$`);
  if (/\.(?:ya?ml|json)$/i.test(path)) return key;
  return new RegExp(`^${escapeRegExp(key.replace(/\/+$/, ''))}/[^/]+\\.(?:ya?ml|json)$`);
}

/** A glob as a regular expression: `*` within a folder, `**` across folders, `?` one character. */
function globSource(glob: string): string {
  return glob
    .split(/(\*\*\/?|\*|\?)/)
    .map((part) => {
      if (part === '**/') return '(?:.*/)?';
      if (part === '**') return '.*';
      if (part === '*') return '[^/]*';
      if (part === '?') return '[^/]';
      return escapeRegExp(part);
    })
    .join('');
}
