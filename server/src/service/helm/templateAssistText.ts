/**
 * Where the cursor is in a template's text: offsets and positions, the action (`{{ … }}`) that
 * holds an offset, and the field chain (`.Values.a.b`, `$.Release.Name`) under it.
 */
import type { Position } from '../types';
import { builtinAt } from './builtins';
import type { TemplateSite } from './templateSites';
import { templateUsesOf } from './templateUses';

const MAX_ACTION_BACK = 4000;

/** The action (`{{ … }}`) holding an offset: from after `{{` to before `}}` (or the end). */
export function actionAt(text: string, offset: number): { start: number; end: number } | undefined {
  const open = text.lastIndexOf('{{', offset - 2);
  if (open < 0 || offset - open > MAX_ACTION_BACK) return undefined;
  const close = text.indexOf('}}', open + 2);
  if (close !== -1 && close < offset) return undefined;
  return { start: open + 2, end: close === -1 ? text.length : close };
}

export function offsetOf(text: string, position: Position): number {
  let line = 0;
  let i = 0;
  while (line < position.line) {
    const next = text.indexOf('\n', i);
    if (next < 0) return text.length;
    i = next + 1;
    line++;
  }
  const lineEnd = text.indexOf('\n', i);
  return Math.min(i + position.character, lineEnd < 0 ? text.length : lineEnd);
}

export function positionOf(text: string, offset: number): Position {
  let line = 0;
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    start = i + 1;
  }
  return { line, character: offset - start };
}

const CHAIN = /(\$[A-Za-z_]\w*|\$)?((?:\.[A-Za-z_]\w*)+)/g;

export interface Chain {
  base: string;
  fields: string[];
  /** Offsets of the chain and of each field's first letter. */
  start: number;
  fieldStarts: number[];
}

/** The field chain (`.Values.a.b`, `$.Release.Name`) under an offset, and which field it is on. */
export function chainAt(text: string, offset: number): { chain: Chain; field: number } | undefined {
  const action = actionAt(text, offset);
  if (!action) return undefined;
  const body = text.slice(action.start, action.end);
  CHAIN.lastIndex = 0;
  for (let c = CHAIN.exec(body); c; c = CHAIN.exec(body)) {
    const start = action.start + c.index;
    const end = start + c[0].length;
    if (offset < start || offset > end) continue;
    const before = body[c.index - 1];
    if (before && /[\w)\]"'`]/.test(before)) continue;
    const base = c[1] ?? '';
    const fields = c[2]!.slice(1).split('.');
    const fieldStarts: number[] = [];
    let at = start + base.length;
    for (const field of fields) {
      fieldStarts.push(at + 1);
      at += field.length + 1;
    }
    let field = fields.length - 1;
    while (field > 0 && offset < fieldStarts[field]! - 1) field--;
    return { chain: { base, fields, start, fieldStarts }, field };
  }
  return undefined;
}

/** The value path a chain reads up to field `upTo` (with, range and variables resolved). */
export function valuePathOf(site: TemplateSite, chain: Chain, upTo: number): string[] | undefined {
  const fields = chain.fields.slice(0, upTo + 1);
  if ((chain.base === '' || chain.base === '$') && fields[0] === 'Values') return fields.slice(1);
  // `.size` inside `with .Values.persistence`, `$p.size` after `$p := .Values.persistence`.
  const at = positionOf(site.text, chain.start);
  const use = templateUsesOf(site.file, site.text).find(
    (u) => u.line === at.line && u.character === at.character,
  );
  if (!use) return undefined;
  const cut = chain.fields.length - 1 - upTo;
  return cut > 0 ? use.path.slice(0, use.path.length - cut) : use.path;
}

export function isBuiltinChain(chain: Chain): boolean {
  return (
    (chain.base === '$' || chain.base === '') &&
    chain.fields[0] !== 'Values' &&
    builtinAt(chain.fields.slice(0, 1)) !== undefined
  );
}
