import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli as run } from '../../support/cli';
import type { BindingsJson } from '../../../server/src/cli/bindings';

const fixtures = 'test/fixtures/binding';

async function json(
  file: string,
  ...extra: string[]
): Promise<{ code: number; report: BindingsJson }> {
  const { code, out, err } = await run([
    'bindings',
    `${fixtures}/${file}`,
    '--format',
    'json',
    ...extra,
  ]);
  assert.equal(err, '');
  return { code, report: JSON.parse(out) as BindingsJson };
}

function claim(report: BindingsJson, key: string): BindingsJson['claims'][number] {
  const found = report.claims.find((c) => `${c.namespace}/${c.name}` === key);
  assert.ok(found, `claim ${key} in ${JSON.stringify(report.claims.map((c) => c.name))}`);
  return found;
}

void describe('kube-storage bindings', () => {
  void it('prints the documented JSON shape, keys in order', async () => {
    const { report } = await json('competing.yaml');
    assert.deepEqual(Object.keys(report), ['claims', 'volumes']);
    assert.deepEqual(Object.keys(report.claims[0]!), [
      'namespace',
      'name',
      'source',
      'phase',
      'volume',
      'outcome',
      'storageClass',
      'fromStatefulSet',
      'reason',
      'rejected',
      'inCluster',
    ]);
    assert.deepEqual(Object.keys(report.claims[0]!.reason), ['code', 'en', 'ru']);
    assert.deepEqual(Object.keys(report.volumes[0]!), ['name', 'phase', 'claim', 'inCluster']);
    assert.equal(report.claims[0]!.source!.file, `${fixtures}/competing.yaml`);
    assert.equal(
      report.claims[0]!.source!.range.start.line,
      13,
      'the claim document starts after the second ---',
    );
  });

  void it('expands StatefulSet volumeClaimTemplates from spec.ordinals.start', async () => {
    const { code, report } = await json('statefulset.yaml');
    assert.deepEqual(
      report.claims.map((c) => [c.name, c.fromStatefulSet, c.outcome, c.volume]),
      [
        ['data-db-1', 'db', 'provision', null],
        ['data-db-2', 'db', 'bound', 'db-restored'],
        ['data-db-3', 'db', 'provision', null],
      ],
    );
    assert.equal(claim(report, 'shop/data-db-2').reason.code, 'bound-prebound');
    assert.equal(code, 0, 'nothing stays pending');
  });

  void it('applies the newest default StorageClass; "" means no class', async () => {
    const { code, report } = await json('default-class.yaml');
    const noClass = claim(report, 'default/no-class');
    assert.equal(noClass.storageClass, 'standard-new');
    assert.equal(noClass.outcome, 'provision');
    assert.deepEqual(
      noClass.rejected.map((r) => [r.volume, r.code]),
      [['plain', 'storage-class']],
    );
    assert.equal(claim(report, 'default/empty-class').volume, 'plain');
    const big = claim(report, 'default/empty-class-too-big');
    assert.equal(big.outcome, 'pending');
    assert.equal(big.rejected[0]!.code, 'too-small');
    assert.equal(code, 1, 'a claim stays pending');
  });

  void it('waits for the first consumer, and takes the scheduler path with --node-labels', async () => {
    const waiting = (await json('wffc.yaml')).report;
    assert.equal(claim(waiting, 'default/cache').outcome, 'wait-for-first-consumer');
    assert.equal(claim(waiting, 'default/unused').reason.code, 'wait-no-consumer');
    assert.ok(waiting.volumes.every((v) => v.phase === 'Available'));

    const onNode = (await json('wffc.yaml', '--node-labels', 'kubernetes.io/hostname=node-b'))
      .report;
    const cache = claim(onNode, 'default/cache');
    assert.equal(cache.volume, 'local-b');
    assert.equal(cache.reason.code, 'bound-scheduler');
    assert.equal(claim(onNode, 'default/unused').outcome, 'wait-for-first-consumer');

    const nowhere = (await json('wffc.yaml', '--node-labels', 'kubernetes.io/hostname=node-c'))
      .report;
    const stuck = claim(nowhere, 'default/cache');
    assert.equal(stuck.outcome, 'pending');
    assert.equal(stuck.reason.code, 'pending-no-provisioner');
    assert.deepEqual(
      stuck.rejected.map((r) => r.code),
      ['node-affinity', 'node-affinity'],
    );
  });

  void it('honours pre-binding by claimRef and by volumeName', async () => {
    const { report } = await json('prebinding.yaml');
    assert.equal(
      claim(report, 'default/thief').volume,
      'free',
      'a reserved volume is not taken by another claim',
    );
    assert.equal(claim(report, 'default/wanted').volume, 'reserved');
    assert.equal(claim(report, 'default/by-name').volume, 'named');
    assert.equal(claim(report, 'default/by-name').reason.code, 'bound-volume-name');
  });

  void it('processes competing claims in file order and says the outcome depends on it', async () => {
    const { report } = await json('competing.yaml');
    const first = claim(report, 'default/first');
    const second = claim(report, 'default/second');
    assert.equal(first.volume, 'shared');
    assert.equal(second.phase, 'Pending');
    assert.match(first.reason.en, /depends on order/);
    assert.match(second.reason.ru, /зависит от порядка/);
    assert.equal(second.rejected[0]!.code, 'taken-by-earlier-claim');
  });

  void it('continues from status: bound stays bound, orphans are Released, missing volumes make claims Lost', async () => {
    const { report } = await json('status.yaml');
    assert.equal(claim(report, 'prod/data').reason.code, 'bound-existing');
    assert.equal(claim(report, 'prod/lost').phase, 'Lost');
    assert.deepEqual(
      report.volumes.map((v) => [v.name, v.phase]),
      [
        ['pv-data', 'Bound'],
        ['pv-orphan', 'Released'],
        ['pv-released', 'Released'],
      ],
    );
    const newcomer = claim(report, 'prod/newcomer');
    assert.equal(newcomer.outcome, 'pending');
    assert.equal(newcomer.rejected.find((r) => r.volume === 'pv-released')!.code, 'phase');
  });

  void it('prints a readable table in Russian', async () => {
    const { out } = await run(['bindings', `${fixtures}/competing.yaml`, '--lang', 'ru']);
    assert.match(out, /^Заявки \(2\)\nЗАЯВКА\s+ФАЗА\s+ИТОГ\s+ТОМ\s+КЛАСС/m);
    assert.match(out, /default\/first\s+Bound\s+привязана\s+shared/);
    assert.match(out, /Тома \(1\)/);
  });

  void it('lists the claims of generic ephemeral volumes with their origin', async () => {
    const { code, report } = await json('ephemeral.yaml');
    assert.equal(code, 1, 'the second worker claim stays Pending');
    assert.deepEqual(
      report.claims.map((c) => [c.name, c.outcome, c.volume, c.ephemeral?.kind, c.ephemeral?.pod]),
      [
        ['builder-scratch', 'provision', null, 'Pod', 'builder'],
        ['worker-…[1]-cache', 'bound', 'cache-disk-1', 'Deployment', 'worker-…[1]'],
        ['worker-…[2]-cache', 'pending', null, 'Deployment', 'worker-…[2]'],
      ],
    );
    const scratch = claim(report, 'ci/builder-scratch');
    assert.deepEqual(Object.keys(scratch).slice(7, 10), ['fromStatefulSet', 'ephemeral', 'reason']);
    assert.deepEqual(Object.keys(scratch.ephemeral!), [
      'kind',
      'workload',
      'volume',
      'pod',
      'generated',
      'about',
    ]);
    assert.equal(scratch.ephemeral!.generated, false);
    assert.equal(claim(report, 'ci/worker-…[1]-cache').ephemeral!.generated, true);
    assert.equal(scratch.source!.file, `${fixtures}/ephemeral.yaml`);

    const { out } = await run(['bindings', `${fixtures}/ephemeral.yaml`]);
    assert.match(out, /CREATED BY/);
    assert.match(out, /ci\/builder-scratch\s+Pending\s+provision\s+-\s+fast\s+Pod\/builder/);
    assert.match(
      out,
      /ci\/worker-…\[2\]-cache\s+Pending\s+pending\s+-\s+\(none\)\s+Deployment\/worker/,
    );
    assert.match(out, /^ {2}Created for each pod of Deployment “worker” .*“…” stands for/m);
    const ru = await run(['bindings', `${fixtures}/ephemeral.yaml`, '--lang', 'ru']);
    assert.match(ru.out, /СОЗДАЁТ/);
    assert.match(ru.out, /^ {2}Создаётся для пода «builder» по шаблону/m);
  });

  void it('rejects malformed --node-labels and missing inputs as usage errors', async () => {
    const bad = await run(['bindings', `${fixtures}/wffc.yaml`, '--node-labels', 'novalue']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--node-labels/);
    const none = await run(['bindings']);
    assert.equal(none.code, 2);
  });

  void it("marks a claim that gets the cluster's default class of unknown name", async () => {
    const file = 'test/fixtures/rules/volume-class-mismatch/bad-default-class.yaml';
    const parsed = JSON.parse(
      (await run(['bindings', file, '--format', 'json'])).out,
    ) as BindingsJson;
    assert.equal(claim(parsed, 'default/archive').unnamedDefaultClass, true);
    assert.equal(claim(parsed, 'default/archive').storageClass, '');
    assert.match(
      (await run(['bindings', file])).out,
      /default\/archive +Pending +pending +- +\(default\)/,
    );
    assert.match((await run(['bindings', file, '--lang', 'ru'])).out, /\(по умолчанию\)/);
    const none = JSON.parse(
      (await run(['bindings', file, '--format', 'json', '--default-class', 'none'])).out,
    ) as BindingsJson;
    assert.equal(claim(none, 'default/archive').unnamedDefaultClass, undefined);
    assert.match((await run(['bindings', file, '--default-class', 'none'])).out, /\(none\)/);
  });
});
