/**
 * Every warning and error on the examples and on the one-mistake workspaces (one per rule, the
 * Helm values typos) can be acted on: at least "Disable … for this line / in this file", and a
 * real fix wherever the remedy is mechanical.
 */
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { getLanguageService, type LanguageService } from '../../../server/src/service';
import { settings } from './rules/helpers';

const root = join(__dirname, '..', '..', '..');

/**
 * Findings whose remedy is a judgement, not an edit: a runtime socket or `/etc` mounted into a
 * pod (only a narrower path chosen by a person helps; read-only does not make it safe), a
 * volume of a removed in-tree plugin (the CSI driver that replaces it takes its own settings and
 * secrets), and a values key the chart does not know with nothing near it to suggest.
 */
const NO_MECHANICAL_FIX = new Set(['sensitive-host-path', 'removed-volume-plugin']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

function chartFiles(dir: string): Map<string, string> {
  return new Map(
    walk(dir).map((f) => [relative(dir, f).split('\\').join('/'), readFileSync(f, 'utf8')]),
  );
}

interface Workspace {
  name: string;
  files: string[];
  chart?: { dir: string; values: string };
}

function workspaces(): Workspace[] {
  const examples = join(root, 'examples');
  const chart = join(examples, 'charts', 'queue');
  const list: Workspace[] = [
    {
      name: 'examples',
      files: walk(examples).filter((f) => f.endsWith('.yaml') && !f.startsWith(chart)),
      chart: { dir: chart, values: join(examples, 'charts', 'queue-values.yaml') },
    },
    {
      name: 'helm typos',
      files: [join(root, 'test/fixtures/helm/overrides/typos.yaml')],
      chart: {
        dir: join(root, 'test/fixtures/helm/keeper'),
        values: join(root, 'test/fixtures/helm/overrides/typos.yaml'),
      },
    },
  ];
  const rules = join(root, 'test/fixtures/rules');
  for (const rule of readdirSync(rules))
    list.push({ name: rule, files: [join(rules, rule, 'bad.yaml')] });
  return list;
}

function load(ws: Workspace): LanguageService {
  const s = getLanguageService();
  for (const f of ws.files) s.setFile('file://' + f, readFileSync(f, 'utf8'));
  if (ws.chart) {
    s.setChartFiles('file://' + ws.chart.dir + '/', chartFiles(ws.chart.dir));
    s.linkValuesFile('file://' + ws.chart.values, 'file://' + ws.chart.dir + '/');
  }
  return s;
}

void test('no warning or error on the examples and one-mistake workspaces lacks a code action', () => {
  let total = 0;
  const withoutAction: string[] = [];
  const withoutFix: string[] = [];
  for (const ws of workspaces()) {
    const s = load(ws);
    for (const f of ws.files) {
      const uri = 'file://' + f;
      for (const d of s.getDiagnostics(uri, settings)) {
        if (d.severity !== 'error' && d.severity !== 'warning') continue;
        total++;
        const actions = s
          .getCodeActions(uri, d.range, settings)
          .filter(
            (a) =>
              a.diagnostic.code === d.code &&
              JSON.stringify(a.diagnostic.range) === JSON.stringify(d.range),
          );
        const where = `${ws.name}: ${d.code}@${relative(root, f)}:${d.range.start.line + 1}`;
        if (!actions.length) withoutAction.push(where);
        const judgement =
          NO_MECHANICAL_FIX.has(d.code) ||
          (d.code === 'helm-values-unknown-key' && d.data?.suggestion === undefined);
        if (!actions.some((a) => !/^Disable /.test(a.title.en)) && !judgement)
          withoutFix.push(where);
      }
    }
  }
  assert.ok(total >= 50, `only ${total} findings: the fixtures moved?`);
  assert.deepEqual(withoutAction, [], 'findings without any code action');
  // Helm values type and schema findings need a person's choice: counted apart.
  assert.deepEqual(
    withoutFix.filter((w) => !/helm-values-(type|schema)/.test(w)),
    [],
    'findings whose mechanical fix is missing',
  );
});
