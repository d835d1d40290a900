/**
 * Whether a `fail` or `required` that stopped `helm template` can depend on a `lookup`: the
 * template text that runs up to the failing line (the enclosing `define` from its start, or the
 * template file from its top) calls `lookup`, or includes a named template that calls it,
 * directly or through other named templates. A chart that looks objects up elsewhere says nothing
 * about a required value left empty (neo4j's `neo4j.name is required`).
 */
const EXECUTION_AT = /execution error at \(([^\s:()]+):(\d+)(?::\d+)?\)/;
const LOOKUP_CALL = /\{\{[^}]*?\blookup\b/;
const DEFINE = /\{\{-?\s*define\s+"([^"]+)"/g;
const INCLUDE = /\b(?:include|template)\s+"([^"]+)"/g;

interface Define {
  name: string;
  file: string;
  /** Offsets of the `define` action and of the next `define` in its file (or the file's end). */
  start: number;
  end: number;
}

/** `undefined` when the failing template or line is not known (the note is then kept). */
export function failureReachesLookup(
  stderr: string,
  templates: ReadonlyMap<string, string>,
): boolean | undefined {
  const at = EXECUTION_AT.exec(stderr);
  if (!at) return undefined;
  const file = at[1]!.slice(at[1]!.indexOf('/') + 1);
  const text = templates.get(file);
  if (text === undefined) return undefined;
  const lineEnd = endOfLine(text, Number(at[2]));
  if (lineEnd === undefined) return undefined;
  const defines = definesOf(templates);
  const reaching = lookupDefines(defines, templates);
  const enclosing = defines.find((d) => d.file === file && d.start < lineEnd && lineEnd <= d.end);
  const scope = text.slice(enclosing?.start ?? 0, lineEnd);
  if (LOOKUP_CALL.test(scope)) return true;
  return [...scope.matchAll(INCLUDE)].some((m) => reaching.has(m[1]!));
}

/** The offset just past the 1-based `line` of `text`. */
function endOfLine(text: string, line: number): number | undefined {
  let offset = 0;
  for (let i = 1; i < line; i++) {
    const next = text.indexOf('\n', offset);
    if (next < 0) return undefined;
    offset = next + 1;
  }
  const end = text.indexOf('\n', offset);
  return end < 0 ? text.length : end;
}

function definesOf(templates: ReadonlyMap<string, string>): Define[] {
  const out: Define[] = [];
  for (const [file, text] of templates) {
    const starts = [...text.matchAll(DEFINE)];
    starts.forEach((m, i) =>
      out.push({ name: m[1]!, file, start: m.index, end: starts[i + 1]?.index ?? text.length }),
    );
  }
  return out;
}

/** The named templates that call `lookup`, directly or through the ones they include. */
function lookupDefines(
  defines: readonly Define[],
  templates: ReadonlyMap<string, string>,
): Set<string> {
  const body = (d: Define) => templates.get(d.file)!.slice(d.start, d.end);
  const reaching = new Set(defines.filter((d) => LOOKUP_CALL.test(body(d))).map((d) => d.name));
  for (let grew = true; grew;) {
    grew = false;
    for (const d of defines) {
      if (reaching.has(d.name)) continue;
      if ([...body(d).matchAll(INCLUDE)].some((m) => reaching.has(m[1]!))) {
        reaching.add(d.name);
        grew = true;
      }
    }
  }
  return reaching;
}
