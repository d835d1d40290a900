/**
 * What a template line prints when each of its actions falls back to a literal default: with the
 * value unset, `- name: {{ .Values.data.name | default "data" }}` prints `- name: data`. A clue
 * for telling apart template lines written alike (templateLines.ts): two claim templates, two
 * volumes, whose names come from values with different defaults.
 */
import { tokenize, type Token } from '../helm/templateTokens';

/**
 * The line as printed with every action replaced by its default, or undefined when the line has
 * no action or one that is not a read with a literal default (`{{ include … }}`, `{{ .Values.x }}`).
 * An action's `{{-`/`-}}` eats the blanks before/after it, as Helm does.
 */
export function printedWithDefaults(line: string): string | undefined {
  const parts = line.split(/(\{\{-?[\s\S]*?-?\}\})/);
  if (parts.length === 1) return undefined;
  let out = '';
  for (let i = 0; i < parts.length; i++) {
    let part = parts[i]!;
    if (i % 2 === 1) {
      const literal = defaultLiteral(part.replace(/^\{\{-?|-?\}\}$/g, ''));
      if (literal === undefined) return undefined;
      out += literal;
      continue;
    }
    if (parts[i - 1]?.endsWith('-}}')) part = part.trimStart();
    if (parts[i + 1]?.startsWith('{{-')) part = part.trimEnd();
    out += part;
  }
  return out;
}

/**
 * The text an action prints when the value it reads is unset: `.Values.a | default "x"` and
 * `default "x" .Values.a` print `x`, with `| quote` after them `"x"`.
 */
function defaultLiteral(body: string): string | undefined {
  const commands = pipeline(tokenize(body, 0));
  const [first, second] = commands;
  let literal: string | undefined;
  let rest: Token[][];
  if (first && isDefault(first, 3) && isRead(first[2])) {
    literal = first[1]!.base;
    rest = commands.slice(1);
  } else if (first?.length === 1 && isRead(first[0]) && second && isDefault(second, 2)) {
    literal = second[1]!.base;
    rest = commands.slice(2);
  } else return undefined;
  for (const command of rest) {
    if (command.length !== 1 || command[0]!.text !== 'quote') return undefined;
    literal = JSON.stringify(literal);
  }
  return literal;
}

/** `default "x"` followed by nothing else than `length` tokens in all. */
function isDefault(command: readonly Token[], length: number): boolean {
  return command.length === length && command[0]!.text === 'default' && command[1]!.type === 'str';
}

/** A value read: `.Values.a.b`, `$claim.name`. */
function isRead(token: Token | undefined): boolean {
  return token?.type === 'chain';
}

/** The commands of a pipeline, split at its `|`. */
function pipeline(tokens: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  for (const token of tokens) {
    if (token.text === '|') out.push([]);
    else out[out.length - 1]!.push(token);
  }
  return out;
}
