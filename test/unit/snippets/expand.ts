/**
 * A small parser and expander for VS Code's snippet syntax, enough to check our snippets the way
 * the editor would insert them: `$1`, `${1}`, `${1:default}` (nested), `${1|a,b|}`, `$0`,
 * variables (`$NAME`, `${NAME:default}`), transforms (parsed, applied as plain mirrors) and the
 * escapes `\$`, `\}`, `\\` (plus `\,` and `\|` inside choices). Malformed syntax throws, so a
 * broken snippet fails the test instead of being inserted as odd text.
 */

export type SnippetNode =
  | { type: 'text'; value: string }
  | { type: 'tabstop'; index: number }
  | { type: 'placeholder'; index: number; children: SnippetNode[] }
  | { type: 'choice'; index: number; options: string[] }
  | { type: 'variable'; name: string; children: SnippetNode[] | undefined };

export class SnippetSyntaxError extends Error {}

export function parseSnippet(source: string): SnippetNode[] {
  let pos = 0;
  const fail = (what: string): never => {
    throw new SnippetSyntaxError(`${what} at offset ${pos} in ${JSON.stringify(source)}`);
  };

  /** Reads nodes until the end, or until an unescaped `}` when `nested`. */
  function parseNodes(nested: boolean): SnippetNode[] {
    const nodes: SnippetNode[] = [];
    let text = '';
    const flush = (): void => {
      if (text) nodes.push({ type: 'text', value: text });
      text = '';
    };
    while (pos < source.length) {
      const ch = source[pos]!;
      if (ch === '\\') {
        const next = source[pos + 1];
        if (next === '$' || next === '}' || next === '\\') {
          text += next;
          pos += 2;
        } else {
          text += ch;
          pos += 1;
        }
      } else if (ch === '}' && nested) {
        flush();
        return nodes;
      } else if (ch === '$') {
        const node = parseDollar();
        if (node) {
          flush();
          nodes.push(node);
        } else {
          text += ch;
          pos += 1;
        }
      } else {
        text += ch;
        pos += 1;
      }
    }
    if (nested) fail('unclosed ${');
    flush();
    return nodes;
  }

  /** At a `$`: a tab stop, placeholder, choice or variable; undefined for a lone `$`. */
  function parseDollar(): SnippetNode | undefined {
    const rest = source.slice(pos + 1);
    const simpleIndex = /^\d+/.exec(rest);
    if (simpleIndex) {
      pos += 1 + simpleIndex[0].length;
      return { type: 'tabstop', index: Number(simpleIndex[0]) };
    }
    const simpleName = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(rest);
    if (simpleName) {
      pos += 1 + simpleName[0].length;
      return { type: 'variable', name: simpleName[0], children: undefined };
    }
    if (!rest.startsWith('{')) return undefined;
    pos += 2;
    const index = /^\d+/.exec(source.slice(pos));
    if (index) {
      pos += index[0].length;
      const n = Number(index[0]);
      const next = source[pos];
      if (next === '}') {
        pos += 1;
        return { type: 'tabstop', index: n };
      }
      if (next === ':') {
        pos += 1;
        const children = parseNodes(true);
        pos += 1; // the closing brace
        return { type: 'placeholder', index: n, children };
      }
      if (next === '|') {
        pos += 1;
        return { type: 'choice', index: n, options: parseChoice() };
      }
      if (next === '/') {
        skipTransform();
        return { type: 'tabstop', index: n };
      }
      return fail('bad tab stop');
    }
    const name = /^[_a-zA-Z][_a-zA-Z0-9]*/.exec(source.slice(pos));
    if (!name) return fail('bad ${...}');
    pos += name[0].length;
    const next = source[pos];
    if (next === '}') {
      pos += 1;
      return { type: 'variable', name: name[0], children: undefined };
    }
    if (next === ':') {
      pos += 1;
      const children = parseNodes(true);
      pos += 1;
      return { type: 'variable', name: name[0], children };
    }
    if (next === '/') {
      skipTransform();
      return { type: 'variable', name: name[0], children: undefined };
    }
    return fail('bad variable');
  }

  /** After `${n|`: options separated by `,`, ended by `|}`. */
  function parseChoice(): string[] {
    const options: string[] = [];
    let current = '';
    while (pos < source.length) {
      const ch = source[pos]!;
      if (ch === '\\' && pos + 1 < source.length && ',|\\$}'.includes(source[pos + 1]!)) {
        current += source[pos + 1];
        pos += 2;
      } else if (ch === ',') {
        options.push(current);
        current = '';
        pos += 1;
      } else if (ch === '|' && source[pos + 1] === '}') {
        options.push(current);
        pos += 2;
        return options;
      } else {
        current += ch;
        pos += 1;
      }
    }
    return fail('unclosed choice');
  }

  /** `/regex/format/options}`: three slash-separated parts, escapes honoured. */
  function skipTransform(): void {
    let slashes = 0;
    while (pos < source.length) {
      const ch = source[pos]!;
      if (ch === '\\') {
        pos += 2;
        continue;
      }
      pos += 1;
      if (ch === '/' && slashes < 3) slashes += 1;
      else if (ch === '}' && slashes === 3) return;
    }
    fail('unclosed transform');
  }

  return parseNodes(false);
}

/** Every tab stop index used, in order of appearance (with repeats), nested ones included. */
export function tabStopIndices(nodes: readonly SnippetNode[]): number[] {
  const out: number[] = [];
  const walk = (list: readonly SnippetNode[]): void => {
    for (const node of list) {
      if (node.type === 'tabstop' || node.type === 'choice') out.push(node.index);
      else if (node.type === 'placeholder') {
        out.push(node.index);
        walk(node.children);
      } else if (node.type === 'variable' && node.children) walk(node.children);
    }
  };
  walk(nodes);
  return out;
}

/** Values that stand in for the editor's variables; an unknown variable expands to its name. */
export const defaultVariables: Readonly<Record<string, string>> = {
  TM_SELECTED_TEXT: '',
  TM_CURRENT_LINE: '',
  TM_CURRENT_WORD: '',
  TM_LINE_INDEX: '0',
  TM_LINE_NUMBER: '1',
  TM_FILENAME: 'manifest.yaml',
  TM_FILENAME_BASE: 'manifest',
  TM_DIRECTORY: '/workspace',
  TM_FILEPATH: '/workspace/manifest.yaml',
  WORKSPACE_NAME: 'workspace',
  CURRENT_YEAR: '2026',
  LINE_COMMENT: '#',
};

/**
 * The text VS Code inserts when the user accepts every default: a placeholder's default, a
 * choice's first option, and the same text wherever the tab stop is mirrored.
 */
export function expandSnippet(
  source: string,
  variables: Readonly<Record<string, string>> = defaultVariables,
): string {
  const nodes = parseSnippet(source);
  const defaults = new Map<number, string>();
  const render = (list: readonly SnippetNode[]): string =>
    list
      .map((node): string => {
        switch (node.type) {
          case 'text':
            return node.value;
          case 'tabstop':
            return defaults.get(node.index) ?? '';
          case 'placeholder': {
            const text = render(node.children);
            if (!defaults.has(node.index)) defaults.set(node.index, text);
            return defaults.get(node.index)!;
          }
          case 'choice': {
            if (!defaults.has(node.index)) defaults.set(node.index, node.options[0] ?? '');
            return defaults.get(node.index)!;
          }
          case 'variable': {
            const known = variables[node.name];
            if (known !== undefined && (known !== '' || !node.children)) return known;
            return node.children ? render(node.children) : node.name;
          }
        }
      })
      .join('');
  // First pass fixes each tab stop's text (mirrors may come before their definition).
  render(nodes);
  return render(nodes);
}
