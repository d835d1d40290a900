/**
 * Where templates read values: `.Values.a.b`, `$.Values.a.b`, `index .Values "a" "b"`, and
 * through `with`/`range` blocks and `$variables` when the expression they bind is a values path.
 * A small scanner of Go template actions, not a full parser: what it cannot resolve it skips.
 */
import { pathId } from './paths';
import type { ChartFiles, TemplateUse, TemplateUseKind } from './types';

type Dot = { kind: 'root' } | { kind: 'values'; path: string[] } | { kind: 'unknown' };

interface Token {
  type: 'str' | 'chain' | 'var' | 'dot' | 'ident' | 'punct';
  text: string;
  /** For chains: `$`, `$name` or '' (starting at dot); for strings: the unquoted value. */
  base?: string;
  fields?: string[];
  offset: number;
}

const TOKEN =
  /("(?:[^"\\]|\\.)*"|`[^`]*`)|(\$[A-Za-z_]\w*|\$)?((?:\.[A-Za-z_]\w*)+)|(\$[A-Za-z_]\w*|\$)|(\.)(?![\w.])|([A-Za-z_]\w*)|(:=|=|\(|\)|\||,)/g;

function tokenize(source: string, start: number): Token[] {
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
    else out.push({ type: 'punct', text: m[0], offset });
  }
  return out;
}

const WHOLE = /\b(toYaml|toJson|toPrettyJson|toRawJson|tpl|range)\b/;
const ACTION = /\{\{(-?)([\s\S]*?)(-?)\}\}/g;

interface Frame {
  keyword: string;
  prevDot: Dot;
}

/** Scans one template file. `file` is the chart-relative path used in the results. */
export function templateUsesOf(file: string, text: string): TemplateUse[] {
  ACTION.lastIndex = 0;
  const uses: TemplateUse[] = [];
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const lineOf = (offset: number): number => {
    let lo = 0;
    let hi = lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  const lineText = (line: number): string =>
    text.slice(lineStarts[line], (lineStarts[line + 1] ?? text.length + 1) - 1).trim();

  let dot: Dot = { kind: 'root' };
  const stack: Frame[] = [];
  const vars = new Map<string, string[]>();

  const resolve = (t: Token): string[] | undefined => {
    if (t.type === 'dot') return dot.kind === 'values' ? [...dot.path] : undefined;
    if (t.type === 'var') return t.text === '$' ? undefined : vars.get(t.text);
    if (t.type !== 'chain') return undefined;
    const fields = t.fields!;
    if (t.base === '$' || t.base === '') {
      if (fields[0] === 'Values') return fields.slice(1);
      if (t.base === '' && dot.kind === 'values') return [...dot.path, ...fields];
      return undefined;
    }
    const bound = vars.get(t.base!);
    return bound ? [...bound, ...fields] : undefined;
  };
  const isValuesRoot = (t: Token): boolean =>
    t.type === 'chain' &&
    (t.base === '$' || t.base === '') &&
    t.fields!.length === 1 &&
    t.fields![0] === 'Values';

  const record = (path: string[], offset: number, kind: TemplateUseKind, whole: boolean): void => {
    if (!path.length) return;
    const line = lineOf(offset);
    uses.push({
      path,
      id: pathId(path),
      file,
      line,
      character: offset - lineStarts[line]!,
      kind,
      whole,
      text: lineText(line).slice(0, 200),
    });
  };

  /** Resolves the expression starting at token i (an `index` call or a value), with its end. */
  const expression = (tokens: Token[], i: number): { path?: string[]; end: number } => {
    let j = i;
    while (tokens[j]?.text === '(') j++;
    const t = tokens[j];
    if (!t) return { end: j };
    if (t.type === 'ident' && t.text === 'index') {
      const base = tokens[j + 1];
      if (!base) return { end: j + 1 };
      let path = isValuesRoot(base) ? [] : resolve(base);
      let k = j + 2;
      while (path && tokens[k]?.type === 'str') path = [...path, tokens[k++]!.base!];
      return { path: path?.length ? path : undefined, end: k };
    }
    const path = resolve(t);
    return { path: path?.length ? path : undefined, end: j + 1 };
  };

  const scanRest = (list: Token[], at: Dot, whole: boolean): void => {
    const saved = dot;
    dot = at;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t.type === 'ident' && t.text === 'index') {
        const { path, end } = expression(list, i);
        if (path) record(path, list[i + 1]!.offset, 'index', whole);
        i = end - 1;
        continue;
      }
      if (t.type === 'dot' && dot.kind === 'values') {
        record(dot.path, t.offset, 'with', true);
        continue;
      }
      if (t.type !== 'chain' && t.type !== 'var') continue;
      if (t.type === 'var' && list[i + 1]?.text === ':=') continue;
      const path = resolve(t);
      if (!path?.length) continue;
      const kind: TemplateUseKind =
        t.type === 'var' || (t.base !== '' && t.base !== '$')
          ? 'variable'
          : t.fields![0] === 'Values'
            ? 'direct'
            : 'with';
      record(path, t.offset, kind, whole);
    }
    dot = saved;
  };

  for (let m = ACTION.exec(text); m; m = ACTION.exec(text)) {
    const body = m[2]!;
    if (/^\s*\/\*/.test(body)) continue;
    const bodyStart = m.index + 2 + m[1]!.length;
    const tokens = tokenize(body, bodyStart);
    if (!tokens.length) continue;
    const whole = WHOLE.test(body);
    const first = tokens[0]!;
    let from = 0;
    const keyword = first.type === 'ident' ? first.text : '';

    if (keyword === 'end') {
      const frame = stack.pop();
      if (frame) dot = frame.prevDot;
      continue;
    }
    if (keyword === 'else') {
      const frame = stack[stack.length - 1];
      if (frame) dot = frame.prevDot;
      if (tokens[1]?.text !== 'with') continue;
      from = 1;
    }
    const kw = from === 1 ? 'with' : keyword;
    if (kw === 'with' || kw === 'range') {
      let i = from + 1;
      // `with $x := expr`, `range $i, $v := expr`
      const declared: string[] = [];
      while (tokens[i]?.type === 'var' || tokens[i]?.text === ',') {
        if (tokens[i]!.type === 'var') declared.push(tokens[i]!.text);
        i++;
      }
      if (tokens[i]?.text === ':=') i++;
      else {
        i = from + 1;
        declared.length = 0;
      }
      const { path, end } = expression(tokens, i);
      const frameDot = dot;
      if (from === 0) stack.push({ keyword: kw, prevDot: dot });
      if (path) {
        const at = tokens[i]!.offset;
        record(
          path,
          at,
          tokens[i]?.text === 'index' ? 'index' : kw === 'range' ? 'range' : 'direct',
          kw === 'range' || whole,
        );
      }
      // Other values read by the same action (`with .Values.a | default .Values.b`).
      scanRest(tokens.slice(end), frameDot, whole);
      if (kw === 'with') {
        dot = path ? { kind: 'values', path } : { kind: 'unknown' };
        if (declared.length === 1 && path) vars.set(declared[0]!, path);
      } else {
        dot = { kind: 'unknown' };
        for (const v of declared) vars.delete(v);
      }
      continue;
    }
    if (keyword === 'define' || keyword === 'block') {
      stack.push({ keyword, prevDot: dot });
      dot = { kind: 'unknown' };
      continue;
    }
    if (keyword === 'if') stack.push({ keyword, prevDot: dot });
    // `$x := expr` binds a variable
    if (first.type === 'var' && tokens[1]?.text === ':=') {
      const { path } = expression(tokens, 2);
      if (path) vars.set(first.text, path);
      else vars.delete(first.text);
    }
    scanRest(tokens, dot, whole);
  }
  return uses;
}

/** Every template of a chart (`templates/**`, not subcharts), scanned. */
export function chartTemplateUses(files: ChartFiles): TemplateUse[] {
  const out: TemplateUse[] = [];
  const names = [...files.keys()]
    .filter((f) => /^templates\/.+\.(ya?ml|tpl|txt|json)$/i.test(f))
    .sort();
  for (const name of names) out.push(...templateUsesOf(name, files.get(name)!));
  return out;
}
