/**
 * Our texts for the `yaml` package's syntax errors. The package reuses one code for errors of
 * different meaning (MISSING_CHAR is a missing `-`, `:`, comma, space, quote or bracket), so a
 * text follows the package's message; each code keeps a generic text for a message not listed
 * here (a newer version of the package), and an unknown code shows the package's own message.
 *
 * The messages are those of `yaml` 2.x (node_modules/yaml/dist/compose/*.js and parse/*.js);
 * the package appends " at line N, column M:" and the source line, so a pattern matches the start.
 */
import { localize } from './format';
import type { LocalizedText } from '../types';

interface KnownMessage {
  code: string;
  /** The start of the package's message; a `flow` group names the `[ ]` or `{ }` collection. */
  pattern: RegExp;
  text: LocalizedText;
}

const FLOW_GROUP = '(?<flow>flow map|flow sequence)';
const flow = (source: string): RegExp => new RegExp(source.replace('FLOW', FLOW_GROUP), 'i');

/** The package's messages, per code; the first pattern that matches the message wins. */
const knownMessages: readonly KnownMessage[] = [
  // MISSING_CHAR
  {
    code: 'MISSING_CHAR',
    pattern: /^Sequence item without - indicator/,
    text: {
      en: 'this line stands among the items of a list but does not start with `- `; line it up with the keys of the item above, or start a new item with `- `',
      ru: 'строка стоит среди элементов списка, но не начинается с `- `: выровняйте её по ключам элемента выше или начните новый элемент с `- `',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Implicit map keys need to be followed by map values/,
    text: {
      en: 'a key without a colon: each line of a mapping is `key: value`; add the `:`, or indent the line if it continues the value above',
      ru: 'ключ без двоеточия: каждая строка отображения — это `ключ: значение`; допишите `:` или добавьте строке отступ, если она продолжает значение выше',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Missing closing "quote/,
    text: { en: 'the closing `"` is missing', ru: 'не хватает закрывающей кавычки `"`' },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Missing closing 'quote/,
    text: { en: "the closing `'` is missing", ru: "не хватает закрывающей кавычки `'`" },
  },
  {
    code: 'MISSING_CHAR',
    pattern: flow('^FLOW must end with a'),
    text: {
      en: 'the closing `{close}` is missing',
      ru: 'не хватает закрывающей скобки `{close}`',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: flow('^Missing , between FLOW items'),
    text: {
      en: 'a comma is missing between the items of `{flow}`',
      ru: 'между элементами `{flow}` не хватает запятой',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: flow('^Missing , or : between FLOW items'),
    text: {
      en: 'a comma or a colon is missing between the items of `{flow}`',
      ru: 'между элементами `{flow}` не хватает запятой или двоеточия',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: flow('^Missing space after : in FLOW'),
    text: { en: 'put a space after `:` in `{flow}`', ru: 'в `{flow}` после `:` нужен пробел' },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Tags and anchors must be separated from the next token by white space/,
    text: {
      en: 'a tag or an anchor (`!tag`, `&name`) must be followed by a space',
      ru: 'после тега или якоря (`!tag`, `&name`) нужен пробел',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Comments must be separated from other tokens by white space/,
    text: {
      en: 'a comment needs a space before its `#`',
      ru: 'перед `#` комментария нужен пробел',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Missing directives-end/,
    text: {
      en: 'a `%YAML` or `%TAG` directive must be followed by a `---` line',
      ru: 'после директивы `%YAML` или `%TAG` нужна строка `---`',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Block collection cannot start on same line with directives-end marker/,
    text: {
      en: 'a list or a mapping cannot start on the `---` line; move it to the next line',
      ru: 'список или отображение не может начинаться в строке `---`: перенесите его на следующую строку',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Missing newline after block sequence props/,
    text: {
      en: 'after the tag or anchor of a list, start the list on the next line',
      ru: 'после тега или якоря списка сам список начните со следующей строки',
    },
  },
  {
    code: 'MISSING_CHAR',
    pattern: /^Block scalars with more-indented leading empty lines/,
    text: {
      en: 'this `|` or `>` text starts with blank lines indented deeper than its first line; write the indentation after the indicator (`|2`), or remove the blanks',
      ru: 'текст `|` или `>` начинается с пустых строк, у которых отступ больше, чем у первой строки текста: укажите отступ после символа (`|2`) или уберите лишние пробелы',
    },
  },
  // BAD_INDENT
  {
    code: 'BAD_INDENT',
    pattern: /^All mapping items must start at the same column/,
    text: {
      en: 'wrong indentation; keys of one mapping must start in the same column',
      ru: 'неверный отступ: ключи одного отображения должны начинаться в одной колонке',
    },
  },
  {
    code: 'BAD_INDENT',
    pattern: /^All sequence items must start at the same column/,
    text: {
      en: 'wrong indentation; the `-` items of one list must start in the same column',
      ru: 'неверный отступ: элементы `-` одного списка должны начинаться в одной колонке',
    },
  },
  {
    code: 'BAD_INDENT',
    pattern: flow('^FLOW in block collection must be sufficiently indented and end with a'),
    text: {
      en: 'the closing `{close}` is missing, or the lines inside the brackets are not indented past the key; add the `{close}` or indent the lines',
      ru: 'не хватает закрывающей скобки `{close}`, или строки внутри скобок не сдвинуты правее ключа: допишите `{close}` или добавьте строкам отступ',
    },
  },
  {
    code: 'BAD_INDENT',
    pattern: /^Flow end indicator should be more indented than parent/,
    text: {
      en: 'the closing `]` or `}` should be indented past the key it belongs to',
      ru: 'закрывающую `]` или `}` лучше сдвинуть правее ключа, к которому она относится',
    },
  },
  {
    code: 'BAD_INDENT',
    pattern: /^Block scalar values in collections must be indented/,
    text: {
      en: 'the text of `|` or `>` must be indented past its key',
      ru: 'текст после `|` или `>` должен идти с отступом правее ключа',
    },
  },
  {
    code: 'BAD_INDENT',
    pattern: /^Block scalar lines must not be less indented than their/,
    text: {
      en: 'a line of this `|` or `>` text is indented less than the text starts; indent it at least as deep',
      ru: 'строка текста `|` или `>` сдвинута левее, чем начало текста: добавьте ей отступ не меньше',
    },
  },
  // BLOCK_AS_IMPLICIT_KEY
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    pattern: /^A block sequence may not be used as an implicit map key/,
    text: {
      en: 'a `-` list cannot be a key; is a colon or an indent missing?',
      ru: 'список `-` не может быть ключом; не пропущены ли двоеточие или отступ?',
    },
  },
  {
    code: 'BLOCK_AS_IMPLICIT_KEY',
    pattern: /^Nested mappings are not allowed in compact mappings/,
    text: {
      en: "a nested mapping cannot start inside a value written on its key's line; quote the value if it contains `: `, or line this key up with the keys around it",
      ru: 'внутри значения, записанного в строке ключа, не может начинаться вложенное отображение: возьмите значение в кавычки, если в нём есть `: `, или выровняйте этот ключ по соседним',
    },
  },
  // UNEXPECTED_TOKEN
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: flow('^Unexpected , in FLOW'),
    text: { en: 'an extra comma in `{flow}`', ru: 'лишняя запятая в `{flow}`' },
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: flow('^Unexpected empty item in FLOW'),
    text: {
      en: 'an empty item in `{flow}`: two commas in a row',
      ru: 'пустой элемент в `{flow}`: две запятые подряд',
    },
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: /^Unexpected block-seq-ind on same line with key/,
    text: {
      en: 'a `- ` list cannot start on the line of its key; move it to the next line, indented',
      ru: 'список `- ` не может начинаться в строке своего ключа: перенесите его на следующую строку с отступом',
    },
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern:
      /^(Block scalar header includes extra characters|Unexpected token in block scalar header)/,
    text: {
      en: 'only an indentation digit and `+` or `-` may follow `|` or `>` on its line; start the text on the next line (and put a space before the `#` of a comment)',
      ru: 'в строке с `|` или `>` после символа могут стоять только цифра отступа и `+` или `-`: текст начните со следующей строки (а перед `#` комментария нужен пробел)',
    },
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: /^Unexpected flow-seq-end token/,
    text: { en: 'a `]` without a matching `[`', ru: 'лишняя скобка `]`: открывающей `[` нет' },
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: /^Unexpected flow-map-end token/,
    text: { en: 'a `}` without a matching `{`', ru: 'лишняя скобка `}`: открывающей `{` нет' },
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: /^Unexpected doc-end without preceding document/,
    text: {
      en: '`...` ends a document, but there is no document before it',
      ru: '`...` завершает документ, но документа перед ним нет',
    },
  },
  {
    code: 'UNEXPECTED_TOKEN',
    pattern: /^Unexpected scalar at node end/,
    text: {
      en: 'extra text after a value; is a colon missing, or the indentation wrong?',
      ru: 'лишний текст после значения; не пропущено ли двоеточие, не сбит ли отступ?',
    },
  },
  // BAD_ALIAS
  {
    code: 'BAD_ALIAS',
    pattern: /^Alias cannot be an empty string/,
    text: { en: 'a `*` needs the name of an anchor after it', ru: 'после `*` нужно имя якоря' },
  },
  {
    code: 'BAD_ALIAS',
    pattern: /^Anchor cannot be an empty string/,
    text: { en: 'an `&` needs a name after it', ru: 'после `&` нужно имя якоря' },
  },
  {
    code: 'BAD_ALIAS',
    pattern: /^(Alias|Anchor) ending in : is ambiguous/,
    text: {
      en: 'the name of this anchor or alias ends with `:`; if the colon belongs to a key, put a space before it',
      ru: 'имя якоря или алиаса заканчивается на `:`; если это двоеточие ключа, поставьте перед ним пробел',
    },
  },
];

/** One text per code, for a message of that code not listed above. */
const genericTexts: Record<string, LocalizedText> = {
  MISSING_CHAR: {
    en: 'a character is missing here: a colon, a `-`, a comma, a space, a closing bracket or quote',
    ru: 'здесь не хватает символа: двоеточия, `-`, запятой, пробела, закрывающей скобки или кавычки',
  },
  BAD_INDENT: {
    en: 'wrong indentation; lines of one level must start in the same column, nested ones further right',
    ru: 'неверный отступ: строки одного уровня должны начинаться в одной колонке, вложенные — правее',
  },
  TAB_AS_INDENT: {
    en: 'tabs cannot indent YAML; use spaces',
    ru: 'в YAML нельзя делать отступы табуляцией, используйте пробелы',
  },
  BLOCK_AS_IMPLICIT_KEY: {
    en: 'a nested block cannot be used as a key; is a colon or an indent missing?',
    ru: 'вложенный блок не может быть ключом; не пропущены ли двоеточие или отступ?',
  },
  MULTILINE_IMPLICIT_KEY: {
    en: 'a key cannot span several lines; is a colon missing?',
    ru: 'ключ не может занимать несколько строк; не пропущено ли двоеточие?',
  },
  UNEXPECTED_TOKEN: {
    en: 'unexpected text here; check the indentation of this line and of the line above',
    ru: 'здесь неожиданный текст; проверьте отступ этой строки и строки выше',
  },
  BAD_SCALAR_START: {
    en: 'a plain value cannot start with this character; quote the value',
    ru: 'значение без кавычек не может начинаться с этого символа, возьмите его в кавычки',
  },
  BAD_ALIAS: {
    en: 'the name of this anchor or alias is not valid',
    ru: 'у якоря или алиаса неверное имя',
  },
  ALIAS_PROPS: {
    en: 'an alias (`*name`) cannot have a tag or an anchor',
    ru: 'у алиаса (`*name`) не может быть тега или якоря',
  },
  BAD_PROP_ORDER: {
    en: 'a tag or an anchor must come after `-`, `?` or `:`, not before it',
    ru: 'тег или якорь ставится после `-`, `?` или `:`, а не перед ними',
  },
  BAD_DQ_ESCAPE: {
    en: 'invalid escape sequence in a double-quoted string',
    ru: 'неверная escape-последовательность в строке в двойных кавычках',
  },
  BLOCK_IN_FLOW: {
    en: 'block syntax cannot be used inside [ ] or { }',
    ru: 'блочный синтаксис нельзя использовать внутри [ ] или { }',
  },
  MULTIPLE_ANCHORS: {
    en: 'a node can have only one anchor',
    ru: 'у узла может быть только один якорь',
  },
  MULTIPLE_TAGS: { en: 'a node can have only one tag', ru: 'у узла может быть только один тег' },
  KEY_OVER_1024_CHARS: {
    en: 'an implicit key cannot be longer than 1024 characters',
    ru: 'неявный ключ не может быть длиннее 1024 символов',
  },
  TAG_RESOLVE_FAILED: {
    en: 'the value does not match its tag',
    ru: 'значение не соответствует своему тегу',
  },
  BAD_DIRECTIVE: { en: 'unknown or malformed directive', ru: 'неизвестная или неверная директива' },
  IMPOSSIBLE: {
    en: 'this part cannot be read as YAML (it follows from the error before it on this line)',
    ru: 'эту часть не удаётся прочитать как YAML (это следствие ошибки перед ней в этой строке)',
  },
  BAD_COLLECTION_TYPE: {
    en: 'the tag does not fit this kind of value (a list, a mapping or a plain value)',
    ru: 'тег не подходит к такому значению (списку, отображению или простому значению)',
  },
  RESOURCE_EXHAUSTION: {
    en: 'lists and mappings nest too deeply to be read; the document was not checked',
    ru: 'списки и отображения вложены слишком глубоко, их не прочитать; документ не проверялся',
  },
};

const FLOWS: Record<string, { flow: string; close: string }> = {
  'flow map': { flow: '{ }', close: '}' },
  'flow sequence': { flow: '[ ]', close: ']' },
};

/**
 * Our text for one of the package's errors: the text of its message when we know the message,
 * else the generic text of its code; undefined for a code we have no text for.
 */
export function yamlErrorText(code: string, message: string): LocalizedText | undefined {
  for (const known of knownMessages) {
    if (known.code !== code) continue;
    const match = known.pattern.exec(message);
    if (!match) continue;
    const name = match.groups?.flow?.toLowerCase();
    return name ? localize(known.text, FLOWS[name]) : known.text;
  }
  return genericTexts[code];
}

/** For tests: every message pattern with its code. */
export const knownYamlMessages: readonly Pick<KnownMessage, 'code' | 'pattern'>[] = knownMessages;
