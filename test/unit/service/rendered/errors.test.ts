/** What a failed `helm template` becomes: the problem's code and its text in both languages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { renderProblem } from '../../../../server/src/service/rendered/errors';

const noTemplates = new Map<string, string>();

void test('one missing dependency, then several: the sentence agrees in number', () => {
  const one = renderProblem(
    {
      reason: 'failed',
      detail: 'Error: found in Chart.yaml, but missing in charts/ directory: warehouse-db\n',
    },
    undefined,
    noTemplates,
  );
  assert.equal(one.code, 'helm-missing-dependency');
  assert.match(one.message.en, /depends on `warehouse-db`, which is missing/);
  assert.match(one.message.ru, /зависит от `warehouse-db`, а в его папке `charts\/` этого нет/);
  const several = renderProblem(
    {
      reason: 'failed',
      detail: 'Error: found in Chart.yaml, but missing in charts/ directory: warehouse-db, queue\n',
    },
    undefined,
    noTemplates,
  );
  assert.match(several.message.en, /depends on `warehouse-db`, `queue`, which are missing/);
  assert.match(several.message.ru, /`warehouse-db`, `queue`, а в его папке `charts\/` их нет/);
});

void test('helm not found names the editor setting and the command-line flag', () => {
  const missing = renderProblem(
    { reason: 'missing', detail: '/opt/helm/bin/helm' },
    undefined,
    noTemplates,
  );
  assert.equal(missing.code, 'helm-not-found');
  assert.match(
    missing.message.en,
    /`kubeStorage\.helm\.path` in the editor, `--helm` on the command line/,
  );
  assert.match(
    missing.message.ru,
    /`kubeStorage\.helm\.path` в редакторе, `--helm` в командной строке/,
  );
});
