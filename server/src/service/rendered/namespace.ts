/**
 * `helm install --namespace ns` puts every namespaced object that names no namespace into `ns`
 * (helm's kube client sets the namespace of such objects, as `kubectl apply -n ns` does); `helm
 * template` prints them without one. The rendered output gets the namespace written in, so the
 * binding simulation and the rules see the objects where the install would put them.
 *
 * Each `---` document is read with the `yaml` parser, and only its text is edited: a namespace
 * is added where `metadata` has none (a line before metadata's first key, or an entry after the
 * `{` of a flow map), or written where it is empty (`namespace: ""`, `namespace:`), which helm
 * treats as none. A key that is there is never added again, whatever its style (quoted, with a
 * comment, last in the document, flow). The items of a list (`kind: List`, `PodList`) get it as
 * objects do. Documents that do not parse, and objects without a `metadata` map, are left as
 * they are. Every other character of the output is kept, its line ends too (CRLF). Documents of
 * a cluster-scoped kind, and those whose block `metadata` plainly holds a namespace (most charts
 * write one), are told by their lines and not parsed: that keeps the cost of a render small.
 */
import { isMap, isScalar, isSeq, parseDocument, type Node, type YAMLMap } from 'yaml';
import { splitDocuments } from '../parse/split';

/** Kinds that live outside namespaces (the ones a chart may create). */
const CLUSTER_SCOPED = new Set([
  'PersistentVolume',
  'StorageClass',
  'VolumeAttributesClass',
  'CSIDriver',
  'CSINode',
  'VolumeAttachment',
  'VolumeSnapshotClass',
  'VolumeSnapshotContent',
  'Namespace',
  'Node',
  'ClusterRole',
  'ClusterRoleBinding',
  'CustomResourceDefinition',
  'PriorityClass',
  'RuntimeClass',
  'IngressClass',
  'APIService',
  'ValidatingWebhookConfiguration',
  'MutatingWebhookConfiguration',
  'ValidatingAdmissionPolicy',
  'ValidatingAdmissionPolicyBinding',
  'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding',
  'PodSecurityPolicy',
  'CertificateSigningRequest',
  'FlowSchema',
  'PriorityLevelConfiguration',
]);

const NAMESPACE = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A top-level `kind:` line naming a cluster-scoped kind: such a document needs no parsing. */
const KIND_LINE = /^kind:[ \t]*["']?([\w.-]+)/m;

interface Edit {
  /** Offset in the document's text. */
  at: number;
  /** Characters replaced from `at` (0: an insertion). */
  remove: number;
  text: string;
}

export function withNamespace(output: string, namespace: string | undefined): string {
  if (!namespace || !NAMESPACE.test(namespace)) return output;
  let changed = false;
  const parts = splitDocuments(output).map(({ text }) => {
    const edited = documentWithNamespace(text, namespace);
    if (edited !== text) changed = true;
    return edited;
  });
  return changed ? parts.join('') : output;
}

/** One `---` document (its text as split, its line end kept) with the namespace written in. */
function documentWithNamespace(text: string, namespace: string): string {
  const kindLine = KIND_LINE.exec(text)?.[1];
  if (kindLine && CLUSTER_SCOPED.has(kindLine)) return text;
  if (!text.includes('metadata') || namespaceWritten(text)) return text;
  const doc = parseDocument(text, { uniqueKeys: false, version: '1.1', logLevel: 'error' });
  if (doc.errors.length || !isMap(doc.contents)) return text;
  const root = doc.contents;
  const kind = scalarText(valueOf(root, 'kind'));
  if (kind === undefined) return text;
  const edits: Edit[] = [];
  const items = valueOf(root, 'items');
  if (kind === 'List' || (kind.endsWith('List') && kind.length > 4 && isSeq(items))) {
    // A typed list's items may leave out their kind: they are of the list's kind.
    const itemKind = kind === 'List' ? undefined : kind.slice(0, -'List'.length);
    if (isSeq(items))
      for (const item of items.items) {
        if (!isMap(item)) continue;
        const edit = objectEdit(
          text,
          item,
          scalarText(valueOf(item, 'kind')) ?? itemKind,
          namespace,
        );
        if (edit) edits.push(edit);
      }
  } else {
    const edit = objectEdit(text, root, kind, namespace);
    if (edit) edits.push(edit);
  }
  let out = text;
  for (const edit of edits.sort((a, b) => b.at - a.at))
    out = out.slice(0, edit.at) + edit.text + out.slice(edit.at + edit.remove);
  return out;
}

const METADATA_LINE = /^metadata:[ \t]*(?:#.*)?\r?$/gm;
const NAMESPACE_KEY = /^(?:namespace|"namespace"|'namespace')[ \t]*:/;
/** A value that names a namespace, quoted or not, then maybe a comment. */
const NAMESPACE_VALUE =
  /^[ \t]+(?:[a-z0-9][-a-z0-9]*|"[a-z0-9][-a-z0-9]*"|'[a-z0-9][-a-z0-9]*')[ \t]*(?:#.*)?\r?$/;

/**
 * The common case, told without parsing (most charts write the namespace): a top-level block
 * `metadata:` whose own keys (the lines at its first key's indentation, up to the next top-level
 * line) hold one `namespace:` with a non-empty value. Anything else is left to the parser.
 */
function namespaceWritten(text: string): boolean {
  if (/^kind:[ \t]*["']?\w*List\b/m.test(text)) return false;
  METADATA_LINE.lastIndex = 0;
  const meta = METADATA_LINE.exec(text);
  if (!meta || METADATA_LINE.exec(text)) return false;
  const lines = text.slice(meta.index + meta[0].length + 1).split('\n');
  let indent: string | undefined;
  let found = 0;
  let named = false;
  for (const line of lines) {
    if (!line.trim() || /^[ \t]*#/.test(line)) continue;
    const lead = /^ */.exec(line)![0];
    if (!lead) break;
    indent ??= lead;
    if (lead !== indent) continue;
    const key = NAMESPACE_KEY.exec(line.slice(indent.length));
    if (!key) continue;
    found++;
    named = NAMESPACE_VALUE.test(line.slice(indent.length + key[0].length));
  }
  return found === 1 && named;
}

/** The edit that gives one object (a document's root or a list's item) the namespace. */
function objectEdit(
  text: string,
  object: YAMLMap,
  kind: string | undefined,
  namespace: string,
): Edit | undefined {
  if (kind === undefined || CLUSTER_SCOPED.has(kind)) return undefined;
  const metadata = onlyValueOf(object, 'metadata');
  if (!isMap(metadata) || !metadata.range) return undefined;
  const pairs = metadata.items.filter((p) => isScalar(p.key) && p.key.value === 'namespace');
  if (pairs.length > 1) return undefined;
  if (pairs.length === 1) return emptyValueEdit(text, pairs[0]!.value as Node | null, namespace);
  if (metadata.flow) {
    // `{name: x}` -> `{namespace: ns, name: x}`: nothing moves to another line.
    const open = metadata.range[0];
    if (text[open] !== '{') return undefined;
    const entry = metadata.items.length ? `namespace: ${namespace}, ` : `namespace: ${namespace}`;
    return { at: open + 1, remove: 0, text: entry };
  }
  // A line of its own before the first key, indented like it.
  const first = metadata.items[0]?.key as Node | null | undefined;
  const start = first?.range?.[0];
  if (start === undefined) return undefined;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  if (!/^[ ]*$/.test(indent) || !indent) return undefined;
  const lineEnd = text.indexOf('\n', start);
  const eol = lineEnd > 0 && text[lineEnd - 1] === '\r' ? '\r\n' : '\n';
  return { at: lineStart, remove: 0, text: `${indent}namespace: ${namespace}${eol}` };
}

/** `namespace: ""`, `namespace: ~` or `namespace:` left empty: the value written in its place. */
function emptyValueEdit(
  text: string,
  value: Node | null | undefined,
  namespace: string,
): Edit | undefined {
  if (!isScalar(value) || !value.range) return undefined;
  if (value.value !== null && value.value !== '') return undefined;
  if (value.tag || value.anchor) return undefined;
  const [start, end] = value.range;
  const before = start > 0 && !/\s/.test(text[start - 1]!) ? ' ' : '';
  const after = text[end] === '#' ? ' ' : '';
  return { at: start, remove: end - start, text: `${before}${namespace}${after}` };
}

function valueOf(map: YAMLMap, key: string): unknown {
  return map.items.find((p) => isScalar(p.key) && p.key.value === key)?.value;
}

/** The value of a key written once (a repeated key is left to the duplicate-key rule). */
function onlyValueOf(map: YAMLMap, key: string): unknown {
  const pairs = map.items.filter((p) => isScalar(p.key) && p.key.value === key);
  return pairs.length === 1 ? pairs[0]!.value : undefined;
}

function scalarText(node: unknown): string | undefined {
  return isScalar(node) && typeof node.value === 'string' ? node.value : undefined;
}
