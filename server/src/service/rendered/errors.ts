/**
 * helm's failures as diagnostics on the values file: where helm names a template line, the value
 * that line reads (or helm's `at <.Values.x>`) is looked up in the values files, and the
 * diagnostic goes on that value's line; otherwise on the first line of the values file.
 */
import type { LocalizedText, Range, Severity } from '../types';
import { localize } from '../i18n/format';
import { failureReachesLookup } from './lookupReach';
import { renderMessages as m } from './renderMessages';
import { valuePathText, type MergedValues } from './values';

export type RenderFailureReason =
  'untrusted' | 'missing' | 'timeout' | 'tooLarge' | 'notLocal' | 'failed';

export interface RenderFailure {
  reason: RenderFailureReason;
  /** helm's stderr for 'failed'; the binary for 'missing'; the limit for 'timeout'/'tooLarge'. */
  detail: string;
}

export interface RenderProblem {
  code: string;
  severity: Severity;
  message: LocalizedText;
  /** Where helm's failure points: a layer (its index) and a range in it, or a template line. */
  valueSite?: { layer: number; range: Range };
  template?: { path: string; line: number };
  /** The values helm's schema validation names (`at '/persistence/size'`), as paths. */
  schemaPaths?: string[][];
}

export const FAILURE_CODES: Record<RenderFailureReason, string> = {
  untrusted: 'helm-render-untrusted',
  missing: 'helm-not-found',
  timeout: 'helm-render-timeout',
  tooLarge: 'helm-render-too-large',
  notLocal: 'helm-chart-not-local',
  failed: 'helm-render-failed',
};

/** helm's message without `Error: ` and the `--debug` hint, on one line. */
export function helmMessageText(stderr: string): string {
  return (
    stderr
      .split(/\r?\n/)
      .filter((l) => !/^Use --debug flag/.test(l.trim()))
      // Helm 4 logs through slog: `level=WARN msg="this chart is deprecated"` is not the error.
      .filter((l) => !/^(time=\S+\s+)?level=(DEBUG|INFO|WARN)\b/.test(l.trim()))
      .map((l) => l.trim())
      .filter(Boolean)
      .join(' ')
      .replace(/^Error:\s*/, '')
      .slice(0, 1000)
  );
}

const TEMPLATE_AT = /((?:[\w.-]+\/)+?templates\/[^\s:()]+?):(\d+)(?::(\d+))?/g;
const VALUES_AT = /<\$?\.Values((?:\.[A-Za-z_][\w-]*)+)>/g;

/**
 * The innermost of helm's places: a failure inside an included template is printed as a chain
 * from the template that included it to the action that failed (helm pkg/engine/engine.go
 * `reformatExecErrorMsg` unwraps the errors outermost first), so the last place is where it failed.
 */
function lastMatch(pattern: RegExp, text: string): RegExpMatchArray | undefined {
  return [...text.matchAll(pattern)].pop();
}
const MISSING_DEPS = /missing in charts\/ directory:\s*([^\n]+)/;
const VALUES_FILE = /failed to parse ([^:]+):/;

/** `templates` are the chart's files (chart-relative paths). */
export function renderProblem(
  failure: RenderFailure,
  merged: MergedValues | undefined,
  templates: ReadonlyMap<string, string>,
): RenderProblem {
  const code = FAILURE_CODES[failure.reason];
  switch (failure.reason) {
    case 'untrusted':
      return { code, severity: 'information', message: m.untrusted };
    case 'missing':
      return { code, severity: 'warning', message: localize(m.missing, { path: failure.detail }) };
    case 'timeout':
      return { code, severity: 'warning', message: localize(m.timeout, { ms: failure.detail }) };
    case 'tooLarge':
      return {
        code,
        severity: 'warning',
        message: localize(m.tooLarge, { limit: failure.detail }),
      };
    case 'notLocal':
      return { code, severity: 'error', message: localize(m.notLocal, { chart: failure.detail }) };
    case 'failed':
      return withLookupNote(
        failedProblem(failure.detail, merged, templates),
        failure.detail,
        templates,
      );
  }
}

/** `fail` and `required` stop helm with `execution error at (<template>:<line>:<col>): …`. */
const EXECUTION_ERROR = /execution error at \(/;
const LOOKUP_CALL = /\{\{[^}]*?\blookup\b/;
const VALUES_PATH = /\.Values((?:\.[A-Za-z_][\w-]*)+)/g;

/**
 * `lookup` returns an empty map in `helm template`, which never talks to a cluster: a chart
 * that `fail`s when an object it looks up is missing fails every offline render. When the chart
 * calls `lookup` and helm stopped on a `fail` or `required` that the `lookup` can lead to (the
 * template text before it, lookupReach.ts), the message says so, with the chart's own switch
 * when its templates read a value named for lookups (`disableLookups`).
 */
function withLookupNote(
  problem: RenderProblem,
  stderr: string,
  templates: ReadonlyMap<string, string>,
): RenderProblem {
  if (problem.code !== FAILURE_CODES.failed || !EXECUTION_ERROR.test(stderr)) return problem;
  const texts = [...templates]
    .filter(([path]) => /(^|\/)templates\//.test(path))
    .map(([, text]) => text);
  if (!texts.some((text) => LOOKUP_CALL.test(text))) return problem;
  // A `fail` that runs before any `lookup` could matter is about the values, not the cluster.
  if (failureReachesLookup(stderr, templates) === false) return problem;
  let notes: LocalizedText = m.offlineLookup;
  const path = lookupSwitch(texts);
  if (path) {
    const last = path[path.length - 1]!;
    const set = `${path.join('.')}=${/^(disable|skip|no)/i.test(last) ? 'true' : 'false'}`;
    const hint = localize(m.offlineLookupSwitch, { set });
    notes = { en: notes.en + hint.en, ru: notes.ru + hint.ru };
  }
  // helm's text ends without a full stop.
  const join = (text: string, note: string) => text.replace(/([^.!?])$/, '$1.') + note;
  const message = {
    en: join(problem.message.en, notes.en),
    ru: join(problem.message.ru, notes.ru),
  };
  return { ...problem, message };
}

/** A value the templates read whose name is about lookups (`disableLookups`, `lookup.enabled`). */
function lookupSwitch(texts: readonly string[]): string[] | undefined {
  for (const text of texts)
    for (const match of text.matchAll(VALUES_PATH)) {
      const path = match[1]!.slice(1).split('.');
      if (path.some((key) => /lookup/i.test(key))) return path;
    }
  return undefined;
}

function failedProblem(
  stderr: string,
  merged: MergedValues | undefined,
  templates: ReadonlyMap<string, string>,
): RenderProblem {
  const detail = helmMessageText(stderr);
  const code = FAILURE_CODES.failed;
  const deps = MISSING_DEPS.exec(stderr);
  if (deps) {
    const names = deps[1]!.split(/,\s*/).map((d) => `\`${d.trim()}\``);
    return {
      code: 'helm-missing-dependency',
      severity: 'error',
      message: localize(names.length > 1 ? m.missingDependencies : m.missingDependency, {
        deps: names.join(', '),
        detail,
      }),
    };
  }
  const valuesFile = VALUES_FILE.exec(stderr);
  if (valuesFile)
    return {
      code,
      severity: 'error',
      message: localize(m.failedValues, { file: valuesFile[1]!.trim(), detail }),
    };
  const schema = schemaProblem(stderr, detail, merged);
  if (schema) return schema;
  const at = lastMatch(TEMPLATE_AT, stderr);
  if (!at) return { code, severity: 'error', message: localize(m.failed, { detail }) };
  const template = at[1]!.slice(at[1]!.indexOf('/') + 1);
  const line = Number(at[2]);
  const column = at[3] ? Number(at[3]) : undefined;
  const valuePath = valuePathOf(stderr, templates.get(template), line, column);
  const site = valuePath && merged?.siteOf(valuePath);
  const where = { template, line };
  if (valuePath) {
    return {
      code,
      severity: 'error',
      message: localize(m.failedAtValue, { ...where, value: valuePathText(valuePath), detail }),
      ...(site ? { valueSite: { layer: site.layer, range: site.range } } : {}),
      template: { path: template, line: line - 1 },
    };
  }
  return {
    code,
    severity: 'error',
    message: localize(m.failedAt, { ...where, detail }),
    template: { path: template, line: line - 1 },
  };
}

const SCHEMA_FAILED = /values don't meet the specifications/;
const SCHEMA_AT = /\bat '(\/[^']*)'/g;

/**
 * helm's schema validation failed (`- at '/persistence/size': got number, want string`): on the
 * line of the first value it names that a values file sets (JSON pointers: `~1` is `/`).
 */
function schemaProblem(
  stderr: string,
  detail: string,
  merged: MergedValues | undefined,
): RenderProblem | undefined {
  if (!SCHEMA_FAILED.test(stderr)) return undefined;
  const paths = [...stderr.matchAll(SCHEMA_AT)].map((m) =>
    m[1]!
      .split('/')
      .slice(1)
      .map((k) => k.replace(/~1/g, '/').replace(/~0/g, '~')),
  );
  if (!paths.length) return undefined;
  const site = paths.map((p) => merged?.siteOf(pointerPath(p))).find((s) => s);
  return {
    code: FAILURE_CODES.failed,
    severity: 'error',
    message: localize(m.failed, { detail }),
    ...(site ? { valueSite: { layer: site.layer, range: site.range } } : {}),
    schemaPaths: paths,
  };
}

const REMOTE_SCHEMA = /failing loading "(https?:\/\/[^"\s]+)"/;
export const REMOTE_SCHEMA_CODE = 'helm-schema-not-validated';

/**
 * The schema on the web that helm failed to load when it validated the values (a chart whose
 * values.schema.json `$ref`s one by URL, as bjw-s app-template does its common library's): helm's
 * JSON Schema compiler fetches `http(s)` references (helm pkg/chart/common/util/jsonschema.go,
 * `HTTPURLLoader`), which fails when helm runs offline: `failing loading "https://…": HTTP
 * request failed for https://…`. Undefined for any other failure, and when helm also names values
 * that another chart's schema rejected (`at '/x'`): skipping the validation would hide those.
 */
export function remoteSchemaUrl(stderr: string): string | undefined {
  if (!SCHEMA_FAILED.test(stderr) || /\bat '\//.test(stderr)) return undefined;
  return REMOTE_SCHEMA.exec(stderr)?.[1];
}

/** The note on a render made without the schema validation helm could not do offline. */
export function remoteSchemaNote(url: string): RenderProblem {
  return {
    code: REMOTE_SCHEMA_CODE,
    severity: 'information',
    message: localize(m.remoteSchemaSkipped, { url }),
  };
}

/** A JSON pointer's keys as a value path: digits are list indexes. */
function pointerPath(keys: readonly string[]): (string | number)[] {
  return keys.map((k) => (/^\d+$/.test(k) ? Number(k) : k));
}

/** A values file that is not valid YAML: helm is not run; the error is on the file's first line. */
export function valuesFileProblem(
  merged: MergedValues,
  layer: number,
  detail: string,
): RenderProblem {
  return {
    code: FAILURE_CODES.failed,
    severity: 'error',
    message: localize(m.failedValues, { file: merged.layers[layer]?.label ?? '', detail }),
    valueSite: {
      layer,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    },
  };
}

/**
 * The value helm failed on: its `at <.Values.x>`, else the `.Values.x` the template line reads at
 * (or after) helm's column, when the line reads exactly one value there.
 */
function valuePathOf(
  stderr: string,
  templateText: string | undefined,
  line: number,
  column: number | undefined,
): string[] | undefined {
  const at = lastMatch(VALUES_AT, stderr);
  if (at) return at[1]!.slice(1).split('.');
  const text = templateText?.split(/\r?\n/)[line - 1];
  if (text === undefined) return undefined;
  const uses = [...text.matchAll(/\.Values((?:\.[A-Za-z_][\w-]*)+)/g)];
  const after = column === undefined ? uses : uses.filter((u) => u.index >= column - 1);
  const pick = after.length >= 1 ? after : uses;
  return pick.length === 1 ? pick[0]![1]!.slice(1).split('.') : undefined;
}
