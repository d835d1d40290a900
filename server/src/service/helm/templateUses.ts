/**
 * Where templates read values: `.Values.a.b`, `$.Values.a.b`, `index .Values "a" "b"`,
 * `dig "a" "b" "default" .Values` (Sprig's nested lookup: the keys, a default, the map last), and
 * through `with`/`range` blocks and `$variables` bound to a values path or to the root (`$r := .`,
 * in a helper `$r := .root`: `$r.Values.a`), also as the operand `or`, `coalesce` or `default`
 * returns (`with or ((.Values.spec).config) (.Values.config)`).
 * A small scanner of Go template actions, not a full parser: what it cannot resolve it skips.
 */
import { lineAt, lineStartsOf } from '../text/lines';
import { ANY_KEY, pathId } from './paths';
import { scannedTemplateFiles } from './templateFiles';
import {
  declaredVariables,
  isDynamicKey,
  skipOperand,
  tokenize,
  type Token,
} from './templateTokens';
import type { ChartFiles, TemplateUse, TemplateUseKind } from './types';

type Dot =
  | { kind: 'root' }
  | { kind: 'values'; path: string[] }
  | { kind: 'each'; path: string[] }
  /** What a named template was handed: the root (`include "x" .`) or a dict carrying it. */
  | { kind: 'handed' }
  | { kind: 'unknown' };

const WHOLE = /\b(toYaml|toJson|toPrettyJson|toRawJson|tpl|range)\b/;
/**
 * An action that may hand a value on whole: to a named template (whose reads of it are not
 * followed) or into another map or list (`merge`, `dict`, `set`…).
 */
const PASSES =
  /(?<![\w.$])(?:(?:include|template)\s+"|(?:merge|mergeOverwrite|mustMerge|mustMergeOverwrite|deepCopy|mustDeepCopy|dict|set|list|append|pick|omit|keys|values)\s)/;
/** Functions that return one of their operands (see `pickedOperand`). */
const PICKS_OPERAND = new Set(['or', 'coalesce', 'default']);
/** Tokens that end a call's operands. */
const STOPS_OPERANDS = new Set([')', '|', ',', ':=', '=']);
const ACTION = /\{\{(-?)([\s\S]*?)(-?)\}\}/g;
const PLAIN_KEY = /^[A-Za-z_][\w-]*$/;

interface Frame {
  keyword: string;
  prevDot: Dot;
}

/** What `.` is at a place of a template: the root, a values path, or each item of one (`range`). */
export type TemplateDot = Dot;

/** A scan of one template's actions in order, tracking `.`, the blocks and the `$variables`. */
class UseScanner {
  readonly uses: TemplateUse[] = [];
  /** What `.` is after the actions scanned so far. */
  dot: Dot = { kind: 'root' };
  private readonly lineStarts: number[];
  private readonly stack: Frame[] = [];
  private readonly vars = new Map<string, string[]>();
  /** The `$variables` bound to the root (`$root := .` at the top, `$top := $`). */
  private readonly roots = new Set<string>();
  /** The action being scanned may hand values on (PASSES). */
  private passes = false;

  constructor(
    private readonly file: string,
    private readonly text: string,
  ) {
    this.lineStarts = lineStartsOf(text);
  }

  private lineText(line: number): string {
    const end = (this.lineStarts[line + 1] ?? this.text.length + 1) - 1;
    return this.text.slice(this.lineStarts[line], end).trim();
  }

  private resolve(t: Token): string[] | undefined {
    if (t.type === 'dot') return this.dot.kind === 'values' ? [...this.dot.path] : undefined;
    if (t.type === 'var') return t.text === '$' ? undefined : this.vars.get(t.text);
    if (t.type !== 'chain') return undefined;
    const fields = t.fields!;
    if (t.base === '$' || t.base === '' || this.roots.has(t.base!)) {
      if (fields[0] === 'Values') return fields.slice(1);
      if (t.base === '' && this.dot.kind === 'values') return [...this.dot.path, ...fields];
      // `.root.Values.a` in a helper handed `(dict "root" $)`.
      if (t.base === '' && this.dot.kind === 'handed' && fields[1] === 'Values')
        return fields.slice(2);
      return undefined;
    }
    const bound = this.vars.get(t.base!);
    return bound ? [...bound, ...fields] : undefined;
  }

  private record(path: string[], offset: number, kind: TemplateUseKind, whole: boolean): void {
    if (!path.length) return;
    const line = lineAt(this.lineStarts, offset);
    this.uses.push({
      path,
      id: pathId(path),
      file: this.file,
      line,
      character: offset - this.lineStarts[line]!,
      kind,
      whole,
      ...(this.passes ? { passed: true as const } : {}),
      text: this.lineText(line).slice(0, 200),
    });
  }

  /**
   * Resolves the expression starting at token i (an `index` call, a call that returns one of its
   * operands, or a value), with its end. `picked`: the path is an operand's, which the tokens
   * after `end` still read.
   */
  private expression(
    tokens: Token[],
    i: number,
  ): { path?: string[]; end: number; key?: [number, number]; picked?: true } {
    let j = i;
    while (tokens[j]?.text === '(') j++;
    const t = tokens[j];
    if (!t) return { end: j };
    if (t.type === 'ident' && PICKS_OPERAND.has(t.text)) return this.pickedOperand(tokens, j);
    if (t.type === 'ident' && t.text === 'dig') return this.digged(tokens, j);
    if (t.type === 'ident' && t.text === 'index') {
      const base = tokens[j + 1];
      if (!base) return { end: j + 1 };
      let path = this.isValuesRoot(base) ? [] : this.resolve(base);
      let k = j + 2;
      while (path && tokens[k]?.type === 'str') path = [...path, tokens[k++]!.base!];
      let key: [number, number] | undefined;
      if (path?.length && isDynamicKey(tokens[k])) {
        // `(index .Values.server .mode).config`: any child of the path, then the fields after.
        key = [k, (k = skipOperand(tokens, k))];
        path = [...path, ANY_KEY];
        const close = tokens[k];
        const after = tokens[k + 1];
        const adjacent = !!close && after?.type === 'chain' && after.offset === close.offset + 1;
        if (close?.text === ')' && adjacent && after.base === '') {
          path = [...path, ...after.fields!];
          k += 2;
        }
      }
      return { path: path?.length ? path : undefined, end: k, key };
    }
    const path = this.resolve(t);
    return { path: path?.length ? path : undefined, end: j + 1 };
  }

  /**
   * `or A B`, `coalesce A B`, `default D V` return one of their operands: the values path among
   * them (`or ((.Values.spec).config) (.Values.config)` gives `config`). Of several paths, the
   * one `default` returns when set (its last operand), else the first.
   */
  private pickedOperand(
    tokens: Token[],
    j: number,
  ): { path?: string[]; end: number; picked: true } {
    const operands: (string[] | undefined)[] = [];
    for (let k = j + 1; k < tokens.length && !STOPS_OPERANDS.has(tokens[k]!.text);) {
      const next = skipOperand(tokens, k);
      operands.push(this.operandPath(tokens.slice(k, next)));
      k = next;
    }
    const path = tokens[j]!.text === 'default' ? operands.at(-1) : operands.find(Boolean);
    return { path, end: j + 1, picked: true };
  }

  /**
   * `dig "a" "b" DEFAULT MAP` reads `MAP.a.b`: string keys, then the default, then the map (a values
   * path or `.Values`). `at` is where the map is written. Nothing when the map is piped in
   * (`.Values.x | dig "a" ""`) or a key is not a string: the operands are then scanned as they are.
   */
  private digged(tokens: Token[], j: number): { path?: string[]; end: number; at?: number } {
    const operands: Token[][] = [];
    let k = j + 1;
    while (k < tokens.length && !STOPS_OPERANDS.has(tokens[k]!.text)) {
      const next = skipOperand(tokens, k);
      operands.push(tokens.slice(k, next));
      k = next;
    }
    const map = operands.at(-1);
    const keys = operands.slice(0, -2);
    if (!map || !keys.length || !keys.every((o) => o.length === 1 && o[0]!.type === 'str'))
      return { end: j + 1 };
    const base = map.length === 1 && this.isValuesRoot(map[0]!) ? [] : this.operandPath(map);
    if (!base) return { end: j + 1 };
    return { path: [...base, ...keys.map((o) => o[0]!.base!)], end: k, at: map[0]!.offset };
  }

  /** The values path an operand is as a whole (`.Values.a`, `(.Values.a)`, `$x`), else undefined. */
  private operandPath(operand: Token[]): string[] | undefined {
    const { path, end, key } = this.expression(operand, 0);
    if (!path || key || path.includes(ANY_KEY)) return undefined;
    return operand.slice(end).every((t) => t.text === ')') ? path : undefined;
  }

  /** Records every value the tokens read, with `.` being `at`. */
  private scanRest(list: Token[], at: Dot, whole: boolean): void {
    const saved = this.dot;
    this.dot = at;
    for (let i = 0; i < list.length; i++) {
      const t = list[i]!;
      if (t.type === 'ident' && t.text === 'index') {
        const { path, end, key } = this.expression(list, i);
        if (path) this.record(path, list[i + 1]!.offset, 'index', whole);
        // The values a dynamic key reads (`index .Values.a .Values.mode`), with the same `.`.
        if (key) this.scanRest(list.slice(...key), this.dot, false);
        i = end - 1;
        continue;
      }
      if (t.type === 'ident' && t.text === 'dig') {
        // The operands are scanned on as well: the map and the default are read too.
        const { path, at } = this.digged(list, i);
        if (path) this.record(path, at!, 'index', whole);
        continue;
      }
      if (t.type === 'dot' && this.dot.kind === 'values') {
        // Handed to a named template or `merge` (`include "x" .`), `.` is passed, not printed whole.
        this.record(this.dot.path, t.offset, 'with', whole || !this.passes);
        continue;
      }
      if (t.type !== 'chain' && t.type !== 'var') continue;
      if (t.type === 'var' && list[i + 1]?.text === ':=') continue;
      const path = this.resolve(t);
      if (path?.length) this.record(path, t.offset, this.useKind(t), whole);
    }
    this.dot = saved;
  }

  /** `with`/`range` (`from` is 1 for `else with`): records the expression, moves `.` into it. */
  private block(tokens: Token[], from: number, kw: 'with' | 'range', whole: boolean): void {
    const { declared, at: i } = declaredVariables(tokens, from + 1);
    const { path, end, picked } = this.expression(tokens, i);
    const outer = this.dot;
    if (from === 0) this.stack.push({ keyword: kw, prevDot: outer });
    if (path && !picked) {
      const kind = tokens[i]?.text === 'index' ? 'index' : kw === 'range' ? 'range' : 'direct';
      this.record(path, tokens[i]!.offset, kind, kw === 'range' || whole);
    }
    // Other values read by the same action (`with .Values.a | default .Values.b`).
    this.scanRest(tokens.slice(end), outer, whole);
    if (kw === 'with') {
      this.dot = path ? { kind: 'values', path } : { kind: 'unknown' };
      if (declared.length === 1 && path) this.vars.set(declared[0]!, path);
    } else {
      this.dot = path && !declared.length ? { kind: 'each', path } : { kind: 'unknown' };
      for (const v of declared) this.vars.delete(v);
    }
    for (const v of declared) this.roots.delete(v);
  }

  /** `end` and `else` restore the `.` of the block; true when the action is done with. */
  private closing(tokens: Token[], keyword: string): boolean {
    if (keyword === 'end') {
      const frame = this.stack.pop();
      if (frame) this.dot = frame.prevDot;
      return true;
    }
    const frame = this.stack[this.stack.length - 1];
    if (frame) this.dot = frame.prevDot;
    return tokens[1]?.text !== 'with';
  }

  /**
   * `$x := .` where `.` is the root, or `$x := $`: `$x.Values` reads the values. In a helper also
   * `$x := .root`, `$x := index . "context"`: what has a `.Values` there is the root handed on.
   */
  private bindsRoot(tokens: Token[]): boolean {
    const bound = tokens[2];
    if (!bound) return false;
    if (this.dot.kind === 'handed' && this.takesHandedField(tokens)) return true;
    if (tokens.length !== 3) return false;
    if (bound.type === 'var') return bound.text === '$' || this.roots.has(bound.text);
    return bound.type === 'dot' && (this.dot.kind === 'root' || this.dot.kind === 'handed');
  }

  /** `$x := .field` or `$x := index . "field"`. */
  private takesHandedField(tokens: Token[]): boolean {
    const [, , a, b, c] = tokens;
    const field = a?.type === 'chain' && a.base === '' && a.fields!.length === 1;
    if (tokens.length === 3) return field && a.fields![0] !== 'Values';
    return tokens.length === 5 && a?.text === 'index' && b?.type === 'dot' && c?.type === 'str';
  }

  /** `.Values`, `$.Values` or `$root.Values`, as in `index .Values "a"`. */
  private isValuesRoot(t: Token): boolean {
    return (
      t.type === 'chain' &&
      (t.base === '$' || t.base === '' || this.roots.has(t.base!)) &&
      t.fields!.length === 1 &&
      t.fields![0] === 'Values'
    );
  }

  private useKind(t: Token): TemplateUseKind {
    const root = t.base === '' || t.base === '$' || this.roots.has(t.base!);
    if (t.type === 'var' || !root) return 'variable';
    const handed = this.dot.kind === 'handed' && t.fields![1] === 'Values';
    return t.fields![0] === 'Values' || handed ? 'direct' : 'with';
  }

  /**
   * The body with each chain, `$variable` and `.` that reads a values path written out as
   * `.Values.a.b` (`.className` inside `with .Values.storage` is `.Values.storage.className`), for
   * scanners that know only `.Values` paths. Call it before `action` of the same body.
   */
  resolvedBody(body: string, bodyStart: number): string {
    const tokens = tokenize(body, bodyStart);
    let out = '';
    let at = 0;
    tokens.forEach((t, i) => {
      if (t.type !== 'chain' && t.type !== 'var' && t.type !== 'dot') return;
      const plain = (t.base === '' || t.base === '$') && t.fields?.[0] === 'Values';
      if (plain || tokens[i + 1]?.text === ':=') return;
      const path = this.resolve(t);
      if (!path?.length || !path.every((key) => PLAIN_KEY.test(key))) return;
      const from = t.offset - bodyStart;
      out += `${body.slice(at, from)}.Values.${path.join('.')}`;
      at = from + t.text.length;
    });
    return out + body.slice(at);
  }

  /** One action's body, starting at `bodyStart` of the text. */
  action(body: string, bodyStart: number): void {
    if (/^\s*\/\*/.test(body)) return;
    const tokens = tokenize(body, bodyStart);
    if (!tokens.length) return;
    const whole = WHOLE.test(body);
    this.passes = PASSES.test(body);
    const first = tokens[0]!;
    const keyword = first.type === 'ident' ? first.text : '';
    if ((keyword === 'end' || keyword === 'else') && this.closing(tokens, keyword)) {
      // `else if .Values.a`: the condition reads values, with the `.` of the block.
      if (keyword === 'else' && tokens[1]?.text === 'if')
        this.scanRest(tokens.slice(2), this.dot, whole);
      return;
    }
    if (keyword === 'else') return this.block(tokens, 1, 'with', whole);
    if (keyword === 'with' || keyword === 'range') return this.block(tokens, 0, keyword, whole);
    if (keyword === 'define' || keyword === 'block') {
      this.stack.push({ keyword, prevDot: this.dot });
      this.dot = { kind: 'handed' };
      return;
    }
    if (keyword === 'if') this.stack.push({ keyword, prevDot: this.dot });
    // `$x := expr` binds a variable
    if (first.type === 'var' && tokens[1]?.text === ':=') {
      const { path } = this.expression(tokens, 2);
      if (path) this.vars.set(first.text, path);
      else this.vars.delete(first.text);
      if (this.bindsRoot(tokens)) this.roots.add(first.text);
      else this.roots.delete(first.text);
    }
    this.scanRest(tokens, this.dot, whole);
  }
}

/** The actions of a template in order: each body and where it starts. */
function* actionsOf(text: string): Generator<{ body: string; start: number; end: number }> {
  ACTION.lastIndex = 0;
  for (let m = ACTION.exec(text); m; m = ACTION.exec(text))
    yield { body: m[2]!, start: m.index + 2 + m[1]!.length, end: m.index + m[0].length };
}

/** The bodies of a template's actions in order, with the values paths they read written out. */
export function resolvedActions(text: string): string[] {
  const scanner = new UseScanner('', text);
  const out: string[] = [];
  for (const a of actionsOf(text)) {
    out.push(scanner.resolvedBody(a.body, a.start));
    scanner.action(a.body, a.start);
  }
  return out;
}

/** Scans one template file. `file` is the chart-relative path used in the results. */
export function templateUsesOf(file: string, text: string): TemplateUse[] {
  const scanner = new UseScanner(file, text);
  for (const a of actionsOf(text)) scanner.action(a.body, a.start);
  return scanner.uses;
}

/** What `.` is at an offset of a template (after the actions that end before it). */
export function dotAt(text: string, offset: number): Dot {
  const scanner = new UseScanner('', text);
  for (const a of actionsOf(text)) {
    if (a.end > offset) break;
    scanner.action(a.body, a.start);
  }
  return scanner.dot;
}

/** Every template of a chart, scanned (see scannedTemplateFiles). */
export function chartTemplateUses(files: ChartFiles): TemplateUse[] {
  const out: TemplateUse[] = [];
  for (const name of scannedTemplateFiles(files))
    out.push(...templateUsesOf(name, files.get(name)!));
  return out;
}
