/**
 * How a chart's templates use each `.Values` path, for tracing (attribution.ts): printed as it is
 * (safe), printed whole, compared with constants, or used in a way a marker could change (a
 * comparison, a loop bound, a variable). Reads inside `with` blocks and through `$variables` are
 * resolved to their paths first (helm/templateUses.ts resolvedActions).
 */
import { scannedTemplateFiles } from '../helm/templateFiles';
import { resolvedActions } from '../helm/templateUses';
import { valuePathId } from './values';

/** Functions and keywords that print or test truthiness without depending on the exact value. */
const SAFE_WORDS = new Set([
  'quote',
  'squote',
  'toString',
  'toYaml',
  'toJson',
  'toPrettyJson',
  'toRawJson',
  'nindent',
  'indent',
  'default',
  'required',
  'printf',
  'print',
  'trunc',
  'trimSuffix',
  'trimPrefix',
  'trim',
  'lower',
  'upper',
  'b64enc',
  'int',
  'int64',
  'float64',
  'tpl',
  'include',
  'template',
  'if',
  'else',
  'end',
  'with',
  'range',
  'not',
  'and',
  'or',
  'empty',
  'nil',
]);
/**
 * Functions that only hand a structure on (to a helper, into a dict): they neither make a value
 * count nor compare it, so they do not keep the values under it from being changed.
 */
const PASSING_WORDS = new Set([
  'dict',
  'list',
  'merge',
  'mergeOverwrite',
  'deepCopy',
  'hasKey',
  'omit',
  'pick',
  'fromYaml',
]);

/**
 * Functions that print a whole structure as it is, and `range`, whose items are printed one by
 * one: every value under the path is used the same way.
 */
const WHOLE_WORDS = new Set(['toYaml', 'toJson', 'toPrettyJson', 'toRawJson', 'range']);

/** A key of a path that stands for any key (`index .Values.server .mode`): see dynamicIndex. */
export const ANY_KEY = '__any__';

/** A use of a path with a key known only at render time (`server.<any>.config`). */
export interface PatternUse {
  keys: string[];
  safe: boolean;
  whole: boolean;
}

export interface PathUses {
  safe: Set<string>;
  /** Paths printed whole (toYaml): their descendants are safe too. */
  whole: Set<string>;
  unsafe: Set<string>;
  /**
   * Paths compared with constants (`eq "-" .Values.storageClass`): the texts they are compared
   * with. A value equal to none of them may be changed (a marker equals none of them either).
   */
  comparedTo: Map<string, Set<string>>;
  /** Uses whose path has a key known only at render time. */
  patterns: PatternUse[];
}

/** The uses of a chart's templates, kept while the chart is not read again (node/helm/render.ts). */
const usesCache = new WeakMap<ReadonlyMap<string, string>, PathUses>();

/** How the chart's templates use each `.Values` path (by text: `.Values.a.b`, `$.Values.a.b`). */
export function valueUses(templates: ReadonlyMap<string, string>): PathUses {
  const hit = usesCache.get(templates);
  if (hit) return hit;
  const uses = readValueUses(templates);
  usesCache.set(templates, uses);
  return uses;
}

function readValueUses(templates: ReadonlyMap<string, string>): PathUses {
  const uses: PathUses = {
    safe: new Set(),
    whole: new Set(),
    unsafe: new Set(),
    comparedTo: new Map(),
    patterns: [],
  };
  for (const [prefix, keys] of chartRoots(templates)) {
    const files = prefix ? filesUnder(templates, prefix) : templates;
    for (const file of scannedTemplateFiles(files)) {
      for (const body of resolvedActions(files.get(file)!)) {
        if (body.trim().startsWith('/*')) continue;
        for (const use of actionUses(constantIndex(dynamicIndex(body)))) addUse(uses, use, keys);
      }
    }
  }
  return uses;
}

/** One use, its path seen from the parent chart (a subchart's `.Values.a` is `<sub>.a`). */
function addUse(uses: PathUses, use: ReturnType<typeof actionUses>[number], under: string[]) {
  let keys = use.path.split('.').slice(1);
  // A subchart's `.Values.global` is the parent's `global`, copied down by helm.
  const own = !under.length || keys[0] === 'global' ? [] : under;
  keys = [...own, ...keys];
  if (keys.includes(ANY_KEY)) {
    uses.patterns.push({ keys, safe: use.safe, whole: use.whole });
    return;
  }
  const path = own.map((k) => `.${k}`).join('') + use.path;
  (use.safe ? uses.safe : uses.unsafe).add(path);
  if (use.whole) uses.whole.add(path);
  if (use.comparedTo) {
    const texts = uses.comparedTo.get(path) ?? new Set<string>();
    for (const text of use.comparedTo) texts.add(text);
    uses.comparedTo.set(path, texts);
  }
}

/**
 * The chart and its unpacked subcharts among the files (node/helm/subcharts.ts puts them under
 * `charts/<key>/`, by the key the parent's values use): folder prefix -> that key path. Packaged
 * ones (`charts/x-1.0.0.tgz/`) are left out: a finding is never traced into them.
 */
function chartRoots(files: ReadonlyMap<string, string>): Map<string, string[]> {
  const roots = new Map<string, string[]>([['', []]]);
  for (const path of files.keys()) {
    const m = /^((?:charts\/[^/]+\/)+)templates\//.exec(path);
    if (!m || roots.has(m[1]!)) continue;
    const keys = m[1]!.split('/').filter((_, k) => k % 2 === 1);
    if (!keys.some((k) => /\.tgz$/i.test(k))) roots.set(m[1]!, keys);
  }
  return roots;
}

function filesUnder(files: ReadonlyMap<string, string>, prefix: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const [path, text] of files)
    if (path.startsWith(prefix)) out.set(path.slice(prefix.length), text);
  return out;
}

const DYNAMIC_INDEX =
  /\(\s*index\s+(\$?\.Values(?:\.[A-Za-z_][\w-]*)+)((?:\s+"[A-Za-z_][\w-]*")*)\s+([$.][\w.$-]*)\s*\)((?:\.[A-Za-z_][\w-]*)*)/g;

/**
 * `(index .Values.server .mode).config` written as the path it reads,
 * `.Values.server.__any__.config`, and its key read by `index` (which no marker may change).
 */
export function dynamicIndex(body: string): string {
  return body.replace(DYNAMIC_INDEX, (_all, path: string, keys: string, key: string, fields) => {
    const named = keys.trim()
      ? `.${keys
          .trim()
          .split(/\s+/)
          .map((k) => k.slice(1, -1))
          .join('.')}`
      : '';
    return `${path}${named}.${ANY_KEY}${String(fields)} (index ${key})`;
  });
}

const CONSTANT_KEY = String.raw`(?:"[A-Za-z_][\w-]*"|\x60[A-Za-z_][\w-]*\x60)`;
/** `index .Values.a "b" \`c-d\``: a path and constant keys, with no operand after them. */
const CONSTANT_INDEX = new RegExp(
  String.raw`(?<![\w.$])index\s+(\$?\.Values(?:\.[A-Za-z_][\w-]*)*)((?:\s+${CONSTANT_KEY})+)(?=\s*(?:\)|\||$))`,
  'g',
);

/**
 * `index .Values.conf \`http-port\`` (the way to read a key with a dash) written as the path it
 * reads, `.Values.conf.http-port`: only that value is used as `index`'s caller uses it, not every
 * value under `conf` (cockroachdb reads `index .Values.conf \`single-node\`` beside its
 * `conf.log.persistentVolume.storageClass`).
 */
export function constantIndex(body: string): string {
  return body.replace(CONSTANT_INDEX, (_all, path: string, keys: string) => {
    const named = keys
      .trim()
      .split(/\s+/)
      .map((k) => k.slice(1, -1));
    return [path, ...named].join('.');
  });
}

const STRING = /"(?:[^"\\]|\\.)*"|`[^`]*`/g;
const TOKEN =
  /"(?:[^"\\]|\\.)*"|`[^`]*`|[()]|\$?\.Values(?:\.[A-Za-z_][\w-]*)+|[$.][\w.$-]*|[A-Za-z_]\w*|-?\d+(?:\.\d+)?|\S/g;

/**
 * A parenthesized part of an action: the functions written at its level, the paths in it, the
 * constants (strings, numbers) and how many other operands (`$x`, `.Release.Name`, `|`).
 */
interface Group {
  words: string[];
  paths: string[];
  groups: Group[];
  constants: string[];
  others: number;
}

/** Words that only decide, from a value, whether a branch runs (they print nothing of it). */
const BRANCH_WORDS = new Set(['if', 'else', 'with']);

/** A constant's text: "…" with its escapes read (as JSON reads them), `…` raw, a number. */
function constantText(token: string): string {
  if (!token.startsWith('"')) return token.startsWith('`') ? token.slice(1, -1) : token;
  try {
    return String(JSON.parse(token));
  } catch {
    return token.slice(1, -1);
  }
}

/**
 * How one action uses each `.Values` path in it. A path is used safely when every function it
 * flows into is safe: the ones written at its own level of parentheses and at each enclosing
 * level, not the ones of a sibling group (in `and (eq .Values.a "x") (not .Values.b)`, `eq`
 * compares `a` only). An action that assigns a variable uses all its paths unsafely, except
 * those only tested for truth (`not .Values.a`: the variable gets a boolean). A path only
 * compared with constants (`eq "-" .Values.a`, `ne .Values.a "x" "y"`) is safe for a value
 * equal to none of them (`comparedTo`): the comparison then decides the same for a marker.
 */
export function actionUses(
  body: string,
): { path: string; safe: boolean; whole: boolean; comparedTo?: string[] }[] {
  const code = body.replace(STRING, (s) => ' '.repeat(s.length));
  const assigns = /:?=/.test(body.replace(/"(?:[^"\\]|\\.)*"/g, ''));
  const group = (): Group => ({ words: [], paths: [], groups: [], constants: [], others: 0 });
  const root = group();
  const stack: Group[] = [root];
  TOKEN.lastIndex = 0;
  for (let t = TOKEN.exec(body); t; t = TOKEN.exec(body)) {
    const token = t[0];
    const top = stack[stack.length - 1]!;
    if (token === '(') {
      const child = group();
      top.groups.push(child);
      stack.push(child);
    } else if (token === ')') {
      if (stack.length > 1) stack.pop();
    } else if (/^["`]/.test(token) || /^-?\d/.test(token)) {
      top.constants.push(constantText(token));
    } else if (/^\$?\.Values\./.test(token)) {
      if (t.index > 0 && /[\w.]/.test(code[t.index - 1]!)) continue;
      top.paths.push(valuePathId(token.slice(token.indexOf('.Values.') + 8).split('.')));
    } else if (/^[A-Za-z_]/.test(token)) {
      top.words.push(token);
    } else if (token !== '-' && token !== ':=' && token !== '=') {
      top.others++;
    }
  }
  const out: { path: string; safe: boolean; whole: boolean; comparedTo?: string[] }[] = [];
  const walk = (group: Group, chain: readonly string[]) => {
    const words = [...chain, ...group.words];
    const safe = !assigns && words.every((w) => SAFE_WORDS.has(w) || PASSING_WORDS.has(w));
    const whole = safe && words.some((w) => WHOLE_WORDS.has(w));
    const own = group.words.filter((w) => !BRANCH_WORDS.has(w));
    // What encloses a truth test or a comparison gets a boolean, whatever the value.
    const truth = own.length === 1 && (own[0] === 'not' || own[0] === 'empty');
    const compared =
      own.length === 1 &&
      (own[0] === 'eq' || own[0] === 'ne') &&
      group.paths.length === 1 &&
      group.constants.length > 0 &&
      !group.others &&
      !group.groups.length;
    for (const path of group.paths) {
      if (compared) out.push({ path, safe: true, whole: false, comparedTo: group.constants });
      else if (truth) out.push({ path, safe: true, whole: false });
      else out.push({ path, safe, whole });
    }
    for (const child of group.groups) walk(child, words);
  };
  walk(root, []);
  return out;
}
