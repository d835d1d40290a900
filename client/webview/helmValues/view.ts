/**
 * The inspector's table, pure (no DOM): how values read in a cell, and which rows carry the
 * storage tag and the storage explanation. Unit-tested under Node.
 */
import type { HelmValueRow } from '../../../server/src/protocol';

const MAX_VALUE = 400;

const RESERVED = /^(true|false|null|yes|no|on|off|~)$/i;
const NUMBER = /^[-+]?(\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|\.\d+|0x[\da-f]+|0o[0-7]+)$/i;

/** A key or a string shown bare when YAML would read it back as the same string (`8Gi`). */
function bare(text: string): string {
  return /^\w[\w./-]*$/.test(text) && !RESERVED.test(text) && !NUMBER.test(text)
    ? text
    : JSON.stringify(text);
}

/** YAML flow style with a space after each comma: `[ReadWriteOnce, ReadOnlyMany]`, `{size: 8Gi}`. */
function flow(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(flow).join(', ')}]`;
  if (value !== null && typeof value === 'object')
    return `{${Object.entries(value)
      .map(([k, v]) => `${bare(k)}: ${flow(v)}`)
      .join(', ')}}`;
  if (typeof value === 'string') return bare(value);
  return String(value);
}

/**
 * A value for a table cell. Lists and maps are written in YAML flow style, so the cell wraps
 * between items (after `, `), never inside a token like `ReadWriteOnce`.
 */
export function formatValue(value: unknown): string {
  if (value === undefined) return '';
  if (value === null) return 'null';
  if (typeof value === 'string') return value === '' ? '""' : value;
  if (typeof value === 'object') {
    const text = flow(value);
    return text.length > MAX_VALUE ? text.slice(0, MAX_VALUE) + '…' : text;
  }
  return String(value);
}

/** The nearest row above `row` in the tree (its map), if the chart lists it. */
function parentOf(row: HelmValueRow, byPath: Map<string, HelmValueRow>): HelmValueRow | undefined {
  for (let n = row.keys.length - 1; n > 0; n--) {
    const parent = byPath.get(JSON.stringify(row.keys.slice(0, n)));
    if (parent) return parent;
  }
  return undefined;
}

/**
 * Paths whose storage explanation is shown: a row whose kind is its map's kind (everything
 * under `volumePermissions`) would only repeat the map's text, so only the map shows it.
 */
export function ownStorageTexts(rows: HelmValueRow[]): Set<string> {
  const byPath = new Map(rows.map((r) => [JSON.stringify(r.keys), r]));
  const shown = new Set<string>();
  for (const row of rows) {
    if (!row.storageText || !row.storageKind) continue;
    if (parentOf(row, byPath)?.storageKind === row.storageKind) continue;
    shown.add(row.path);
  }
  return shown;
}

/** Paths whose chart comment is shown: a comment equal to its map's comment is not repeated. */
export function ownComments(rows: HelmValueRow[]): Set<string> {
  const byPath = new Map(rows.map((r) => [JSON.stringify(r.keys), r]));
  const shown = new Set<string>();
  for (const row of rows) {
    if (!row.comment) continue;
    if (parentOf(row, byPath)?.comment === row.comment) continue;
    shown.add(row.path);
  }
  return shown;
}
