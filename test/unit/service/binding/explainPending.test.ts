/**
 * Explain Pending (issue 17 item 8): every volume considered for a claim left Pending, the exact
 * reason it was passed over and what would make it bind; the claim's own remedy; the CLI's text
 * and JSON and the preview's details show them.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { toBindingsJson, toBindingsText } from '../../../../server/src/cli/bindings';
import { withRemedies } from '../../../../client/webview/bindingPreview/model';
import { claimOf, pv, pvc, sc, simulate, RWO, ROX, RWX } from './helpers';
import type { BindingOptions } from '../../../../server/src/service/binding/types';

const released = pv('released', '10Gi', [RWO, ROX], (o) => {
  o.spec!.claimRef = { namespace: 'myns', name: 'gone', uid: 'uid-gone' };
  o.status = { phase: 'Released' };
});

function world(options?: BindingOptions) {
  return simulate(
    {
      volumes: [
        pv('small', '1Gi', [RWO, ROX]),
        released,
        pv('gold', '10Gi', [RWO, ROX], (o) => {
          o.spec!.storageClassName = 'gold';
          o.metadata!.labels = { tier: 'fast' };
        }),
        pv('rwo-only', '10Gi', [RWO]),
        pv('block', '10Gi', [RWO, ROX], (o) => (o.spec!.volumeMode = 'Block')),
        pv('unlabelled', '10Gi', [RWO, ROX]),
      ],
      claims: [
        pvc('5Gi', (c) => {
          c.spec!.accessModes = [RWO, ROX];
          c.spec!.storageClassName = '';
        }),
        pvc('5Gi', (c) => {
          c.metadata!.name = 'selective';
          c.spec!.storageClassName = '';
          c.spec!.selector = { matchLabels: { tier: 'fast' } };
        }),
        pvc('5Gi', (c) => {
          c.metadata!.name = 'shared';
          c.spec!.storageClassName = '';
          c.spec!.accessModes = [RWX];
        }),
      ],
    },
    options,
  );
}

void test('a Pending claim names every volume considered, why, and what would make it bind', () => {
  const result = world();
  const c = claimOf(result, 'myns/selective');
  assert.equal(c.phase, 'Pending');
  const byVolume = Object.fromEntries(c.rejected.map((r) => [r.volume, r]));
  assert.deepEqual(Object.keys(byVolume).sort(), [
    'block',
    'gold',
    'released',
    'rwo-only',
    'small',
    'unlabelled',
  ]);
  assert.equal(byVolume.small!.code, 'too-small');
  assert.match(byVolume.small!.fix!.en, /Request at most `?1Gi`?, or grow the volume to `?5Gi`?/);
  assert.match(byVolume.small!.fix!.ru, /Запросите не больше/);
  assert.equal(byVolume.released!.code, 'phase');
  assert.match(byVolume.released!.en, /`Released`/);
  assert.match(byVolume.released!.fix!.en, /claimRef/);
  assert.equal(byVolume.gold!.code, 'storage-class');
  assert.match(byVolume.gold!.fix!.en, /`gold`/);
  assert.equal(byVolume['rwo-only']!.code, 'access-modes');
  assert.equal(byVolume.block!.code, 'volume-mode');
  assert.match(byVolume.block!.fix!.en, /`volumeMode: Block`/);
  assert.equal(byVolume.unlabelled!.code, 'selector');
  assert.match(byVolume.unlabelled!.fix!.ru, /selector/);
  for (const r of c.rejected)
    for (const text of [r.en, r.ru, r.fix?.en ?? '', r.fix?.ru ?? ''])
      assert.doesNotMatch(text, /\{\w+\}/, text);
  assert.match(c.remedy!.en, /To bind it: set `storageClassName`/);
  assert.match(c.remedy!.ru, /Чтобы заявка привязалась/);
});

void test('bound claims carry no remedy and no rejected volumes', () => {
  const c = claimOf(world(), 'myns/claim01');
  assert.equal(c.phase, 'Bound');
  assert.equal(c.remedy, undefined);
  assert.deepEqual(c.rejected, []);
});

void test('claim-level remedies follow the reason', () => {
  const missing = simulate({ claims: [pvc('1Gi', (c) => (c.spec!.storageClassName = 'fast'))] });
  assert.match(claimOf(missing).remedy!.en, /create StorageClass `fast`/);
  const local = simulate({
    claims: [pvc('1Gi', (c) => (c.spec!.storageClassName = 'local'))],
    classes: [sc('local', (o) => (o.provisioner = 'kubernetes.io/no-provisioner'))],
  });
  assert.match(claimOf(local).remedy!.en, /PersistentVolume of class `local`/);
  const named = simulate({ claims: [pvc('1Gi', (c) => (c.spec!.volumeName = 'pv-data'))] });
  assert.match(claimOf(named).remedy!.ru, /создайте том `pv-data`/);
});

void test('the CLI prints the fixes under each volume and the remedy under the claim; JSON carries both', () => {
  const result = world();
  const text = toBindingsText(result, 'en');
  assert.match(text, /myns\/selective: .*\n  → To bind it: set “storageClassName”/);
  assert.match(text, /rejected small: Capacity .*\n {6}→ Request at most/);
  const ru = toBindingsText(result, 'ru');
  assert.match(ru, /→ Чтобы заявка привязалась/);
  const json = toBindingsJson(result);
  const selective = json.claims.find((c) => c.name === 'selective')!;
  assert.match(selective.remedy!.en, /To bind it/);
  assert.match(selective.rejected.find((r) => r.volume === 'small')!.fix!.ru, /увеличьте том/);
  assert.equal(json.claims.find((c) => c.name === 'claim01')!.remedy, undefined);
});

void test("the preview's details show the remedy after the reason and each fix after its volume's reason", () => {
  const c = claimOf(world(), 'myns/selective');
  const shown = withRemedies(c);
  assert.ok(shown.reason.en.startsWith(c.reason.en) && shown.reason.en.endsWith(c.remedy!.en));
  assert.ok(shown.reason.ru.endsWith(c.remedy!.ru));
  const small = shown.rejected.find((r) => r.volume === 'small')!;
  assert.match(small.en, /less than the request .* Request at most/);
  assert.equal(shown.reason.code, c.reason.code);
  const bound = claimOf(world(), 'myns/claim01');
  assert.equal(withRemedies(bound), bound);
});

void test('outcomes lists only the claims with those outcomes, each as the whole result gives it', () => {
  const whole = world();
  const pending = whole.claims.filter((c) => c.outcome === 'pending');
  assert.ok(pending.length > 0 && pending.length < whole.claims.length);
  assert.deepEqual(world({ outcomes: ['pending'] }).claims, pending);
  const bound = whole.claims.filter((c) => c.outcome === 'bound');
  assert.ok(bound.length > 0);
  assert.deepEqual(world({ outcomes: ['bound', 'lost'] }).claims, bound);
  assert.deepEqual(world({ outcomes: [] }).claims, []);
});

void test('no class on one side is said in words, not as a class named ""', () => {
  const result = simulate({
    volumes: [pv('plain', '10Gi', [RWO, ROX])],
    claims: [pvc('5Gi', (c) => (c.spec!.storageClassName = 'fsxz-vol-sc'))],
  });
  const plain = claimOf(result).rejected.find((r) => r.volume === 'plain')!;
  assert.equal(plain.code, 'storage-class');
  assert.equal(plain.en, 'It has no class, the claim wants `fsxz-vol-sc`.');
  assert.equal(plain.ru, 'У него нет класса, а заявке нужен `fsxz-vol-sc`.');
  assert.match(
    plain.fix!.en,
    /^Give the claim no class \(`storageClassName: ""`\), like the volume/,
  );
  assert.match(plain.fix!.ru, /^Уберите у заявки класс \(`storageClassName: ""`\), как у тома/);
  const classless = simulate({
    volumes: [pv('gold', '10Gi', [RWO, ROX], (o) => (o.spec!.storageClassName = 'gold'))],
    claims: [pvc('5Gi', (c) => (c.spec!.storageClassName = ''))],
  });
  const gold = claimOf(classless).rejected.find((r) => r.volume === 'gold')!;
  assert.equal(gold.code, 'storage-class');
  assert.equal(gold.en, 'Its class is `gold`, the claim wants no class.');
  assert.equal(gold.ru, 'Его класс — `gold`, а заявке нужен том без класса.');
  assert.match(gold.fix!.en, /remove `storageClassName` from the volume/);
  const text = [result, classless]
    .flatMap((r) => [toBindingsText(r, 'en'), toBindingsText(r, 'ru')])
    .join('\n');
  assert.match(text, /rejected plain: It has no class, the claim wants “fsxz-vol-sc”\./);
  assert.match(text, /отклонён plain: У него нет класса, а заявке нужен «fsxz-vol-sc»\./);
  assert.match(text, /→ Give the claim no class \(“storageClassName: ""”\), like the volume/);
  assert.doesNotMatch(text, /“""”|«""»|\(no class\)|\(без класса\)/);
});
