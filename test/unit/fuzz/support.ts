/**
 * Shared pieces of the fuzz suite: the seed and run counts (fixed by default, scaled by
 * `FUZZ_RUNS` / `FUZZ_SEED`), the corpus of real manifests from test/fixtures, text mutations,
 * a timer that fails a request slower than the bound, and the list of service requests to probe.
 *
 * The service facade grows while features land, so requests that may not exist yet are looked up
 * at run time by name and called through a typed signature; a request that exists is exercised.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import fc from 'fast-check';
import {
  getLanguageService,
  type KubeDiagnostic,
  type Lang,
  type LanguageService,
  type Position,
  type Range,
} from '../../../server/src/service';

// ---------------------------------------------------------------- seed, runs, bounds

const envRuns = Number(process.env.FUZZ_RUNS);
/** Base number of cases; each property takes a share of it (see `params`). */
export const BASE_RUNS = Number.isFinite(envRuns) && envRuns > 0 ? Math.floor(envRuns) : 0;

function chooseSeed(): number {
  const raw = process.env.FUZZ_SEED;
  if (raw === 'random') return (Date.now() ^ Math.floor(Math.random() * 0x7fffffff)) | 0;
  const n = Number(raw);
  return raw !== undefined && raw !== '' && Number.isFinite(n) ? n | 0 : 20261121;
}

export const SEED = chooseSeed();
if (BASE_RUNS > 0)
  console.log(`fuzz: seed ${SEED}, FUZZ_RUNS ${BASE_RUNS} (replay: FUZZ_SEED=${SEED})`);

/** A request slower than this fails the test (generous: the machine is shared and may be loaded). */
export const BOUND_MS = Number(process.env.FUZZ_BOUND_MS) || 2000;

/**
 * fast-check parameters: the fixed seed and `ciRuns` cases unless FUZZ_RUNS is set, then
 * FUZZ_RUNS × `weight` (heavier properties take a smaller share of a long campaign).
 */
export function params<T>(ciRuns: number, weight = 1): fc.Parameters<T> {
  const numRuns = BASE_RUNS > 0 ? Math.max(1, Math.round(BASE_RUNS * weight)) : ciRuns;
  return { seed: SEED, numRuns, endOnFailure: false };
}

/** Counts inputs and calls across the suite, printed at the end of each file (see `report`). */
export const counts = { inputs: 0, calls: 0, slowest: 0, slowestCall: '' };

export function report(name: string): string {
  return `${name}: seed ${SEED}, inputs ${counts.inputs}, requests ${counts.calls}, slowest ${counts.slowest.toFixed(0)} ms CPU (${counts.slowestCall}), bound ${BOUND_MS} ms`;
}

/**
 * Runs one request, counting it and failing if it takes longer than the bound. The bound is on
 * the process's CPU time (user + system), so other work on a shared machine does not fail the
 * suite; wall time is recorded for the report.
 */
export function timed<T>(label: string, run: () => T): T {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const result = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpuStart);
  const cpu = (used.user + used.system) / 1000;
  counts.calls++;
  if (cpu > counts.slowest) {
    counts.slowest = cpu;
    counts.slowestCall = `${label}, wall ${wall.toFixed(0)} ms`;
  }
  assert.ok(cpu <= BOUND_MS, `${label} took ${cpu.toFixed(0)} ms of CPU (bound ${BOUND_MS} ms)`);
  return result;
}

/** One-time costs (schema compilation, docs loading) are paid here, before anything is timed. */
export function warmUp(): void {
  const service = getLanguageService();
  for (const file of corpus) {
    const uri = uriOf(file);
    service.setFile(uri, file.text);
    service.getDiagnostics(uri);
    service.hover(uri, { line: 1, character: 2 }, 'en');
    service.hover(uri, { line: 3, character: 4 }, 'ru');
  }
}

// ---------------------------------------------------------------- corpus

const fixturesRoot = resolve(__dirname, '..', '..', 'fixtures');

export interface CorpusFile {
  /** Path under test/fixtures, with `/`. */
  path: string;
  text: string;
}

function walk(dir: string, out: CorpusFile[]): void {
  for (const entry of readdirSync(dir).sort()) {
    const full = join(dir, entry);
    if (statSync(full).isDirectory()) walk(full, out);
    else if (/\.(ya?ml|tpl)$/.test(entry)) {
      out.push({
        path: relative(fixturesRoot, full).split('\\').join('/'),
        text: readFileSync(full, 'utf8'),
      });
    }
  }
}

/** Every YAML (and Helm template) file under test/fixtures, sorted by path. */
export const corpus: readonly CorpusFile[] = (() => {
  const out: CorpusFile[] = [];
  walk(fixturesRoot, out);
  assert.ok(out.length > 10, 'the fixtures are there');
  return out;
})();

/** A corpus file as a URI; files of a chart keep their chart layout so template detection applies. */
export function uriOf(file: CorpusFile): string {
  return `file:///fuzz/${file.path}`;
}

export const corpusFile = fc.constantFrom(...corpus);

// ---------------------------------------------------------------- text pieces and mutations

const loneSurrogate = fc.integer({ min: 0xd800, max: 0xdfff }).map((c) => String.fromCharCode(c));
const yamlToken = fc.constantFrom(
  '\n',
  '\r\n',
  '\r',
  ' ',
  '  ',
  '\t',
  ': ',
  ':',
  '- ',
  '-',
  '---\n',
  '...\n',
  '#',
  '# comment\n',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '&a ',
  '*a',
  '&b [*a, *a]',
  '!!str ',
  '!<tag:x> ',
  '? ',
  '|\n',
  '>-\n',
  '%YAML 1.2\n',
  '{{ .Values.persistence.size }}',
  '{{- if .Values.x }}',
  '{{ end }}',
  '\uFEFF',
  '\u0000',
  '\u2028',
  '\u00a0',
  'ё',
  'Заявка',
  '😀',
  'kind: PersistentVolumeClaim\n',
  'apiVersion: v1\n',
  'apiVersion: apps/v1\nkind: StatefulSet\n',
  'storage: 10Gi',
  'storage: 1e400',
  'claimName: data',
  'volumeMounts:\n- name: data\n  mountPath: /data\n',
  'accessModes: [ReadWriteOnce]',
  'storageClassName: ',
  'metadata:\n  name: x\n',
);

/** Random text: YAML-significant tokens mixed with arbitrary Unicode and lone surrogates. */
export const noise = (maxLength = 8): fc.Arbitrary<string> =>
  fc
    .array(
      fc.oneof(
        { weight: 6, arbitrary: yamlToken },
        { weight: 3, arbitrary: fc.string({ maxLength: 6 }) },
        { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
        { weight: 1, arbitrary: loneSurrogate },
      ),
      { maxLength },
    )
    .map((parts) => parts.join(''));

export type Mutation = (text: string) => string;

/** The index `fraction` of the way into a text of `length` (fractions keep shrinking stable). */
export const at = (fraction: number, length: number): number =>
  Math.min(length, Math.floor(fraction * (length + 1)));

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** One mutation of a manifest, shown by name when a property fails. */
export const mutation: fc.Arbitrary<{ name: string; apply: Mutation }> = fc.oneof(
  fraction.map((f) => ({
    name: `truncate@${f.toFixed(3)}`,
    apply: (t: string) => t.slice(0, at(f, t.length)),
  })),
  fc.tuple(fraction, noise()).map(([f, s]) => ({
    name: `insert@${f.toFixed(3)} ${JSON.stringify(s)}`,
    apply: (t: string) => t.slice(0, at(f, t.length)) + s + t.slice(at(f, t.length)),
  })),
  fc.tuple(fraction, fraction, noise()).map(([a, b, s]) => ({
    name: `replace@${a.toFixed(3)}-${b.toFixed(3)} ${JSON.stringify(s)}`,
    apply: (t: string) => {
      const [x, y] = [at(a, t.length), at(b, t.length)].sort((p, q) => p - q) as [number, number];
      return t.slice(0, x) + s + t.slice(y);
    },
  })),
  fc.tuple(fraction, fc.integer({ min: 0, max: 255 })).map(([f, byte]) => ({
    name: `byte@${f.toFixed(3)} ${byte}`,
    apply: (t: string) =>
      t.slice(0, at(f, t.length)) + String.fromCharCode(byte) + t.slice(at(f, t.length)),
  })),
  fc.constant({ name: 'crlf', apply: (t: string) => t.replace(/\r?\n/g, '\r\n') }),
  fc.constant({ name: 'cr-only', apply: (t: string) => t.replace(/\r?\n/g, '\r') }),
  fc.constant({ name: 'bom', apply: (t: string) => '\uFEFF' + t }),
  fc.constant({
    name: 'tabs',
    apply: (t: string) => t.replace(/^( {2})+/gm, (m) => '\t'.repeat(m.length / 2)),
  }),
  fc.constant({ name: 'strip-indent', apply: (t: string) => t.replace(/^ +/gm, '') }),
  fc.integer({ min: 1, max: 3000 }).map((n) => ({
    name: `dashes×${n}`,
    apply: (t: string) => '---\n'.repeat(n) + t,
  })),
  fc
    .tuple(fraction, fc.integer({ min: 1, max: 400 }), fc.constantFrom('[', '{', '{a: ', '- '))
    .map(([f, n, open]) => ({
      name: `nest@${f.toFixed(3)} ${JSON.stringify(open)}×${n}`,
      apply: (t: string) => t.slice(0, at(f, t.length)) + open.repeat(n) + t.slice(at(f, t.length)),
    })),
  fc.tuple(fraction, fraction).map(([a, b]) => ({
    name: `swap-lines@${a.toFixed(3)},${b.toFixed(3)}`,
    apply: (t: string) => {
      const lines = t.split('\n');
      const i = at(a, lines.length - 1);
      const j = at(b, lines.length - 1);
      [lines[i], lines[j]] = [lines[j]!, lines[i]!];
      return lines.join('\n');
    },
  })),
  fc.tuple(fraction, fc.integer({ min: 1, max: 8 })).map(([f, n]) => ({
    name: `duplicate-line@${f.toFixed(3)}×${n}`,
    apply: (t: string) => {
      const lines = t.split('\n');
      const i = at(f, lines.length - 1);
      lines.splice(i, 0, ...Array<string>(n).fill(lines[i] ?? ''));
      return lines.join('\n');
    },
  })),
);

// ---------------------------------------------------------------- positions

/** Positions inside, at the end of and beyond the text (lines and characters out of range too). */
export function positionIn(text: string, f: number, g: number, wild: boolean): Position {
  const lines = text.split('\n');
  if (wild) return { line: Math.floor(f * (lines.length + 3)), character: Math.floor(g * 300) };
  const line = at(f, lines.length - 1);
  return { line, character: at(g, (lines[line] ?? '').length) };
}

/** A cursor: two fractions (line, character) and whether to aim outside the text. */
export const cursor = fc.tuple(fraction, fraction, fc.boolean());

// ---------------------------------------------------------------- service requests

/**
 * Requests the facade may offer, with the signatures we call them by. Looked up by name at run
 * time: while a feature has not landed, its request is simply absent and not exercised.
 */
export interface OptionalRequests {
  completion: (uri: string, position: Position, lang: Lang) => unknown;
  getCompletions: (uri: string, position: Position, lang: Lang) => unknown;
  complete: (uri: string, position: Position, lang: Lang) => unknown;
  definition: (uri: string, position: Position) => unknown;
  getDefinition: (uri: string, position: Position) => unknown;
  references: (uri: string, position: Position, includeDeclaration: boolean) => unknown;
  getReferences: (uri: string, position: Position, includeDeclaration: boolean) => unknown;
  prepareRename: (uri: string, position: Position) => unknown;
  rename: (uri: string, position: Position, newName: string) => unknown;
  documentSymbols: (uri: string) => unknown;
  getDocumentSymbols: (uri: string) => unknown;
  workspaceSymbols: (query: string) => unknown;
  documentLinks: (uri: string) => unknown;
  codeLenses: (uri: string) => unknown;
  foldingRanges: (uri: string) => unknown;
  bindings: (options?: Record<string, unknown>) => unknown;
  getBindings: (uri: string) => unknown;
  bindingPreview: (uri: string) => unknown;
}

export type RequestName = keyof OptionalRequests;

export function optionalRequest<K extends RequestName>(
  service: LanguageService,
  name: K,
): OptionalRequests[K] | undefined {
  const candidate: unknown = Reflect.get(service, name);
  if (typeof candidate !== 'function') return undefined;
  // The facade is typed; only the presence of the method is unknown at compile time.
  return candidate.bind(service) as OptionalRequests[K];
}

const positionRequests = [
  'completion',
  'getCompletions',
  'complete',
  'definition',
  'getDefinition',
  'references',
  'getReferences',
  'prepareRename',
  'rename',
] as const satisfies readonly RequestName[];

const fileRequests = [
  'documentSymbols',
  'getDocumentSymbols',
  'documentLinks',
  'codeLenses',
  'foldingRanges',
  'getBindings',
  'bindingPreview',
] as const satisfies readonly RequestName[];

/** Which optional requests the facade has now (for the report). */
export function availableRequests(service: LanguageService): string[] {
  const names: RequestName[] = [
    ...positionRequests,
    ...fileRequests,
    'workspaceSymbols',
    'bindings',
  ];
  return names.filter((n) => optionalRequest(service, n) !== undefined);
}

/** Methods of the facade this suite does not know yet (reported so the suite can grow). */
export function unknownFacadeMethods(service: LanguageService): string[] {
  const known = new Set<string>([
    'constructor',
    'setFile',
    'closeFile',
    'removeFile',
    'getDiagnostics',
    'getCodeActions',
    'hover',
    ...positionRequests,
    ...fileRequests,
    'workspaceSymbols',
    'bindings',
    'isLargeFile',
    'hasTooDeep',
    'tooDeepAt',
  ]);
  const proto: object = Object.getPrototypeOf(service) as object;
  return Object.getOwnPropertyNames(proto).filter(
    (n) => !known.has(n) && typeof Reflect.get(proto, n) === 'function',
  );
}

/** Every file-level request, for a file the service holds. */
export function probeFile(service: LanguageService, uri: string): KubeDiagnostic[] {
  const diagnostics = timed(`getDiagnostics ${uri}`, () => service.getDiagnostics(uri));
  checkDiagnostics(diagnostics);
  timed('getDiagnostics(no unknown fields)', () =>
    service.getDiagnostics(uri, { enable: true, unknownFields: false }),
  );
  for (const name of fileRequests) {
    const request = optionalRequest(service, name);
    if (request) timed(`${name} ${uri}`, () => request(uri));
  }
  const bindings = optionalRequest(service, 'bindings');
  if (bindings) timed('bindings', () => bindings({}));
  const symbols = optionalRequest(service, 'workspaceSymbols');
  if (symbols) {
    timed('workspaceSymbols ""', () => symbols(''));
    timed('workspaceSymbols "data"', () => symbols('data'));
  }
  return diagnostics;
}

/** Every position-level request at one position. */
export function probePosition(service: LanguageService, uri: string, position: Position): void {
  const where = `${uri}@${position.line}:${position.character}`;
  for (const lang of ['en', 'ru'] as const) {
    timed(`hover ${lang} ${where}`, () => service.hover(uri, position, lang));
  }
  const range: Range = { start: position, end: position };
  timed(`getCodeActions ${where}`, () => service.getCodeActions(uri, range));
  for (const name of positionRequests) {
    const request = optionalRequest(service, name);
    if (!request) continue;
    // Each request gets the arguments its signature asks for; extra ones are ignored by JS.
    timed(`${name} ${where}`, () =>
      (request as (u: string, p: Position, a: Lang | boolean | string) => unknown)(
        uri,
        position,
        name === 'rename' ? 'fuzz-name' : name.includes('eferences') ? true : 'en',
      ),
    );
  }
}

/** Sane diagnostics: ordered ranges, both languages present, a code. */
export function checkDiagnostics(diagnostics: readonly KubeDiagnostic[]): void {
  for (const d of diagnostics) {
    const { start, end } = d.range;
    assert.ok(start.line >= 0 && start.character >= 0, `non-negative start (${d.code})`);
    assert.ok(
      end.line > start.line || (end.line === start.line && end.character >= start.character),
      `range ends after it starts (${d.code})`,
    );
    assert.ok(d.code, 'a code');
    assert.ok(d.message.en.length > 0 && d.message.ru.length > 0, `both languages (${d.code})`);
  }
}

/** Diagnostics without the parts that may legitimately differ (none today), for comparison. */
export function comparable(diagnostics: readonly KubeDiagnostic[]): unknown[] {
  return diagnostics.map((d) => ({
    range: d.range,
    severity: d.severity,
    code: d.code,
    message: d.message,
    data: d.data,
  }));
}
