/**
 * The tokens of a Go template action, as the use scanner (templateUses) reads them: strings,
 * field chains (`.Values.a`, `$x.b`), variables, `.`, identifiers, numbers and punctuation.
 */

export interface Token {
  type: 'str' | 'chain' | 'var' | 'dot' | 'ident' | 'num' | 'punct';
  text: string;
  /** For chains: `$`, `$name` or '' (starting at dot); for strings: the unquoted value. */
  base?: string;
  fields?: string[];
  offset: number;
}

const TOKEN =
  /("(?:[^"\\]|\\.)*"|`[^`]*`)|(\$[A-Za-z_]\w*|\$)?((?:\.[A-Za-z_]\w*)+)|(\$[A-Za-z_]\w*|\$)|(\.)(?![\w.])|([A-Za-z_]\w*)|([-+]?\.?\d[\w.+-]*)|(:=|=|\(|\)|\||,)/g;

export function tokenize(source: string, start: number): Token[] {
  const out: Token[] = [];
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(source); m; m = TOKEN.exec(source)) {
    const offset = start + m.index;
    if (m[1] !== undefined) {
      const raw = m[1];
      let value = raw.slice(1, -1);
      if (raw.startsWith('"')) {
        try {
          value = JSON.parse(raw) as string;
        } catch {
          // keep the raw inner text
        }
      }
      out.push({ type: 'str', text: raw, base: value, offset });
    } else if (m[3] !== undefined) {
      out.push({
        type: 'chain',
        text: m[0],
        base: m[2] ?? '',
        fields: m[3].slice(1).split('.'),
        offset,
      });
    } else if (m[4] !== undefined) out.push({ type: 'var', text: m[4], offset });
    else if (m[5] !== undefined) out.push({ type: 'dot', text: '.', offset });
    else if (m[6] !== undefined) out.push({ type: 'ident', text: m[6], offset });
    // A number is an operand too (`dig "a" "b" 0 .Values.x`: the default), though never a path.
    else if (m[7] !== undefined) out.push({ type: 'num', text: m[7], offset });
    else out.push({ type: 'punct', text: m[0], offset });
  }
  return out;
}

/** A key of `index` known only at render time: a variable, a field, a call in parentheses. */
export function isDynamicKey(t: Token | undefined): boolean {
  if (!t) return false;
  return t.type === 'chain' || t.type === 'var' || t.type === 'dot' || t.text === '(';
}

/** The token after the operand at i (a parenthesized call is skipped whole). */
export function skipOperand(tokens: Token[], i: number): number {
  if (tokens[i]?.text !== '(') return i + 1;
  let depth = 0;
  for (let k = i; k < tokens.length; k++) {
    if (tokens[k]!.text === '(') depth++;
    else if (tokens[k]!.text === ')' && --depth === 0) return k + 1;
  }
  return tokens.length;
}

/** `with $x := expr`, `range $i, $v := expr`: the variables, and where the expression starts. */
export function declaredVariables(
  tokens: Token[],
  start: number,
): { declared: string[]; at: number } {
  const declared: string[] = [];
  let i = start;
  while (tokens[i]?.type === 'var' || tokens[i]?.text === ',') {
    if (tokens[i]!.type === 'var') declared.push(tokens[i]!.text);
    i++;
  }
  return tokens[i]?.text === ':=' ? { declared, at: i + 1 } : { declared: [], at: start };
}
