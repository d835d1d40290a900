/** volume-class-mismatch in detail (its bad/good fixtures run in index.test.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';
import { applyFirstFix, caseFixtureText, settings } from './helpers';

const RULE = 'volume-class-mismatch';
const text = caseFixtureText(RULE, 'bad-default-class');

function found(
  defaultStorageClass: { mode: 'unknown' } | { mode: 'none' } | { mode: 'named'; name: string },
  extra = '',
) {
  const service = getLanguageService();
  service.setCluster({ isSnapshot: () => false, defaultStorageClass });
  service.setFile('file:///c/archive.yaml', text + extra);
  return service.getDiagnostics('file:///c/archive.yaml', settings).filter((d) => d.code === RULE);
}

void test('a claim without storageClassName gets the default class: a volume without class never fits', () => {
  const unknown = found({ mode: 'unknown' });
  assert.equal(unknown.length, 1);
  assert.match(
    unknown[0]!.message.en,
    /created with the cluster's default class, and volume `pv-archive` has no class/,
  );
  assert.match(
    unknown[0]!.message.ru,
    /впишут класс по умолчанию, а у тома `pv-archive` класса нет/,
  );
  assert.match(found({ mode: 'named', name: 'gp3' })[0]!.message.en, /default class \(`gp3`\)/);
});

void test('no default class anywhere: the claim is without class and binds', () => {
  assert.deepEqual(found({ mode: 'none' }), []);
  const marked = [
    '---',
    'apiVersion: storage.k8s.io/v1',
    'kind: StorageClass',
    'metadata:',
    '  name: ceph-rbd',
    '  annotations: {storageclass.kubernetes.io/is-default-class: "true"}',
    'provisioner: rbd.csi.ceph.com',
    '',
  ].join('\n');
  assert.match(found({ mode: 'none' }, marked)[0]!.message.en, /default class \(`ceph-rbd`\)/);
});

void test('the fix writes storageClassName: "" and the claim binds', () => {
  const { after, text: fixed } = applyFirstFix(text, RULE);
  assert.match(fixed, /storageClassName: ""/);
  assert.deepEqual(
    after.filter((d) => d.code === RULE || d.code === 'claim-will-stay-pending'),
    [],
  );
});

void test('the beta class annotation is read as the binding engine reads it', () => {
  const annotated = caseFixtureText(RULE, 'bad-beta-annotation');
  const { before, after, text: fixed } = applyFirstFix(annotated, RULE);
  const hits = before.filter((d) => d.code === RULE);
  assert.equal(hits.length, 1);
  assert.match(
    hits[0]!.message.en,
    /^The claim is of class `bulk`, volume `ledger-vol` of class `""`/,
  );
  assert.equal(hits[0]!.range.start.line, 19, 'on the annotation that sets the class');
  assert.match(fixed, /volume\.beta\.kubernetes\.io\/storage-class: ""/);
  assert.deepEqual(
    after.filter((d) => d.code === RULE),
    [],
  );
  // An empty annotation is "no class", not "no class set": no default class is written.
  const empty = caseFixtureText(RULE, 'good-beta-annotation-empty');
  for (const mode of ['unknown', 'none'] as const)
    assert.deepEqual(
      found({ mode }, '---\n' + empty).filter((d) => d.message.en.includes('scratch')),
      [],
    );
});
