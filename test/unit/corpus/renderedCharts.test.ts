/**
 * Charts written in the style of widely used ones (test/fixtures/charts-real-style/), rendered by
 * the real `helm template` and linted like a CI job would: what the API server accepts must not
 * be an error, and the mistakes we put in on purpose must still be found.
 */
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { main } from '../../../server/src/cli';
import { realTool } from '../../support/tools';
import { makeTempDir } from '../../support/tempDir';

const CHARTS = join(__dirname, '..', '..', 'fixtures', 'charts-real-style');
const helm = realTool('helm');
const skip = helm.missing ? `real helm not available: ${helm.missing}` : false;

interface Finding {
  severity: string;
  code: string;
  line: number;
  message: string;
}

/** `helm template` of a fixture chart with default values and the given `--set` overrides. */
function render(chart: string, ...sets: string[]): string {
  return execFileSync(
    helm.path!,
    ['template', 'rel', join(CHARTS, chart), ...sets.flatMap((s) => ['--set', s])],
    { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'pipe'] },
  );
}

/** `kube-storage lint --format json` of one file with this text; findings with 1-based lines. */
async function lint(text: string): Promise<Finding[]> {
  const file = join(makeTempDir('kube-storage-corpus-'), 'rendered.yaml');
  writeFileSync(file, text);
  let out = '';
  await main(['lint', file, '--format', 'json', '--lang', 'en'], {
    out: (t) => (out += t),
    err: () => undefined,
  });
  const report = JSON.parse(out) as {
    files: {
      diagnostics: {
        severity: string;
        code: string;
        message: string;
        range: { start: { line: number } };
      }[];
    }[];
  };
  return report.files.flatMap((f) =>
    f.diagnostics.map((d) => ({
      severity: d.severity,
      code: d.code,
      line: d.range.start.line + 1,
      message: d.message,
    })),
  );
}

const errors = (findings: Finding[]): string[] =>
  findings.filter((f) => f.severity === 'error').map((f) => `${f.line} ${f.code}: ${f.message}`);

function lineOf(text: string, pattern: RegExp): number {
  const index = text.split('\n').findIndex((line) => pattern.test(line));
  assert.ok(index >= 0, `no line matches ${pattern}`);
  return index + 1;
}

describe('charts in the style of real ones, rendered by the real helm', { skip }, () => {
  it('keyvalue-db (common helpers, nulls, "" defaults, claim templates): no errors', async () => {
    const text = render('keyvalue-db');
    // What the chart renders is what real charts render; if helm stops rendering it, this test
    // would no longer test the nulls and empty strings.
    for (const rendered of [
      /^ {8}podAffinity:\s*$/m,
      /^ {10}initContainers:\s*$|^ {6}initContainers:\s*$/m,
      /^ {10}envFrom:\s*$/m,
      /^ {14}subPath:\s*$/m,
      /^ {6}nodePort: null$/m,
      /^ {2}podManagementPolicy: ""$/m,
      /^ {10}imagePullPolicy: ""$/m,
      /^ {2}volumeClaimTemplates:$/m,
      /^ {8}annotations:\s*$/m,
    ]) {
      assert.match(text, rendered);
    }
    const findings = await lint(text);
    assert.deepEqual(errors(findings), []);
    const hint = findings.find((f) => f.code === 'empty-dir-null');
    assert.ok(hint, 'the tmp volume rendered as `emptyDir:` gets its hint');
    assert.equal(hint.severity, 'hint');
    assert.equal(hint.line, lineOf(text, /^ {10}emptyDir:\s*$/));
  });

  it('keyvalue-db as a NodePort Service: no errors either', async () => {
    const text = render('keyvalue-db', 'service.type=NodePort', 'service.nodePorts.db=30079');
    assert.match(text, /nodePort: 30079/);
    assert.deepEqual(errors(await lint(text)), []);
  });

  it('keyvalue-db with wrong values: the errors the API server would raise are found', async () => {
    const text = render('keyvalue-db', 'podManagementPolicy=Paralel', 'persistence.size=8GB');
    const found = errors(await lint(text));
    assert.equal(found.length, 2, found.join('\n'));
    assert.match(
      found[0]!,
      /invalid-enum: `Paralel` is not a valid value.*Did you mean `Parallel`/,
    );
    assert.match(found[1]!, /invalid-quantity: `8GB` is not a Kubernetes quantity/);
  });

  it('csi-hostpath-plugin (privileged DaemonSet, kubelet directories, CSIDriver): no errors', async () => {
    const text = render('csi-hostpath-plugin');
    assert.match(text, /^mountOptions:\s*\n\s+null$/m);
    assert.match(text, /mountPropagation: Bidirectional/);
    assert.match(text, /^kind: CSIDriver$/m);
    assert.deepEqual(errors(await lint(text)), []);
  });

  it('csi-hostpath-plugin with a reclaim policy classes do not have: an error', async () => {
    const text = render('csi-hostpath-plugin', 'storageClass.reclaimPolicy=Recycle');
    const found = errors(await lint(text));
    assert.deepEqual(
      found.map((f) => f.replace(/^\d+ /, '').split(':')[0]),
      ['invalid-enum'],
      found.join('\n'),
    );
    assert.match(found[0]!, /`Recycle` is not a valid value of `reclaimPolicy`/);
  });
});

describe('manifests with {{…}} placeholders of another template tool', () => {
  const source = readFileSync(join(CHARTS, 'manifests', 'guestbook-redis.yaml'), 'utf8');
  /** The parser and schema checks; how the storage rules read slots is theirs to decide. */
  const schemaCodes = /^(yaml-syntax|duplicate-key|unknown-|missing-|invalid-|schema$)/;

  it('reports no schema error for a value that is only a placeholder', async () => {
    const findings = await lint(source);
    assert.deepEqual(errors(findings.filter((f) => schemaCodes.test(f.code))), []);
  });

  it('still reports a wrong type beside the placeholders', async () => {
    const text = source.replace('replicas: {{replicas}}', 'replicas: two');
    assert.notEqual(text, source);
    const found = errors((await lint(text)).filter((f) => schemaCodes.test(f.code)));
    assert.deepEqual(found, [
      `${lineOf(text, /replicas: two/)} invalid-type: \`spec.replicas\` must be an integer, not a string.`,
    ]);
  });
});
