/**
 * The storage snippets (`snippets/*.code-snippets`, read by the caller) as completion items, only
 * where a new object can start: column 0 of an empty `---` document. A `storageClassName`
 * placeholder becomes a choice of the workspace's StorageClasses (the default first); with no
 * class in the workspace the line is left out, so the cluster's default class provisions.
 */
import { isDefaultClass } from './facts';
import {
  lineRange,
  sortKey,
  type CompletionContext,
  type KubeCompletionItem,
  type SnippetTemplate,
  type KeySite,
} from './types';

/** The snippets of a `.code-snippets` file (JSON); entries without a prefix or body are skipped. */
export function parseSnippetFile(text: string): SnippetTemplate[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    return [];
  }
  if (typeof data !== 'object' || data === null) return [];
  const out: SnippetTemplate[] = [];
  for (const [name, entry] of Object.entries(data as Record<string, unknown>)) {
    const e = entry as { prefix?: unknown; body?: unknown; description?: unknown };
    const prefixes = (Array.isArray(e.prefix) ? e.prefix : [e.prefix]).filter(
      (p): p is string => typeof p === 'string' && p !== '',
    );
    const body = Array.isArray(e.body) ? e.body.join('\n') : e.body;
    if (!prefixes.length || typeof body !== 'string') continue;
    out.push({
      name,
      prefixes,
      description: typeof e.description === 'string' ? e.description : '',
      body,
    });
  }
  return out;
}

/** The workspace's class names usable in a snippet choice, the default class first. */
export function workspaceClassNames(ctx: CompletionContext): string[] {
  const classes = ctx.workspace
    .objectsOfKind('StorageClass')
    .filter((o) => o.name && /^[a-z0-9.-]+$/.test(o.name))
    .sort((a, b) => Number(isDefaultClass(b)) - Number(isDefaultClass(a)));
  return [...new Set(classes.map((o) => o.name!))];
}

const DEFAULT_CLASS_NOTE = {
  en: "storageClassName left out: the cluster's default StorageClass provisions the volume",
  ru: 'storageClassName не указан: том выделит класс хранилища кластера по умолчанию',
};

/**
 * `storageClassName: <value>` for tab stop `stop` at `indent`: a choice of the workspace's
 * classes, or, with none, a comment saying the cluster's default class will be used.
 */
export function storageClassLine(ctx: CompletionContext, indent: string, stop: number): string {
  const names = workspaceClassNames(ctx);
  if (!names.length) return `${indent}# ${DEFAULT_CLASS_NOTE[ctx.lang]}`;
  return `${indent}storageClassName: \${${stop}|${names.join(',')}|}`;
}

/** A placeholder class (`${4:standard}`); `""` and choices are deliberate and stay. */
const CLASS_PLACEHOLDER = /^( *)storageClassName: \$\{(\d+):[a-z0-9][a-z0-9.-]*\}$/gm;

/** Claims only: the class of a PersistentVolume is its own, it has no default to fall back on. */
function adaptBody(ctx: CompletionContext, body: string): string {
  return body
    .split(/^(?=---$)/m)
    .map((doc) =>
      /^kind: PersistentVolume$/m.test(doc)
        ? doc
        : doc.replace(CLASS_PLACEHOLDER, (_m, indent: string, stop: string) =>
            storageClassLine(ctx, indent, Number(stop)),
          ),
    )
    .join('');
}

export function snippetItems(
  ctx: CompletionContext,
  site: KeySite,
  templates: readonly SnippetTemplate[],
): KubeCompletionItem[] {
  const items: KubeCompletionItem[] = [];
  templates.forEach((t, i) => {
    const [descEn, descRu] = splitDescription(t.description);
    const insertText = adaptBody(ctx, t.body);
    for (const prefix of t.prefixes) {
      items.push({
        label: prefix,
        kind: 'snippet',
        detail: t.name,
        documentation: ctx.lang === 'ru' ? descRu : descEn,
        insertText,
        snippet: true,
        range: lineRange(ctx, site.start, site.end),
        sortText: sortKey(2, prefix, i),
        filterText: prefix,
      });
    }
  });
  return items;
}

function splitDescription(text: string): [string, string] {
  const [en, ru] = text.split(' — ');
  return [en ?? text, ru ?? en ?? text];
}
