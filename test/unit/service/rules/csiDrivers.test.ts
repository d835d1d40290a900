/** CSI volumes of a kind their CSIDriver does not allow (rules/csiDrivers.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { lifecycleModesOf } from '../../../../server/src/service/rules/csiDrivers';
import { getLanguageService } from '../../../../server/src/service';
import { caseFixtureText, diagnose, fixtureText, settings } from './helpers';

const RULE = 'csi-lifecycle-mode-not-allowed';

function hitsOf(files: Record<string, string>) {
  return diagnose(files).filter((d) => d.code === RULE);
}

void test('lifecycleModesOf: left out means persistent volumes only', () => {
  assert.deepEqual(lifecycleModesOf({ spec: {} }), ['Persistent']);
  assert.deepEqual(lifecycleModesOf({ spec: { volumeLifecycleModes: [] } }), ['Persistent']);
  assert.deepEqual(lifecycleModesOf({ spec: { volumeLifecycleModes: ['Ephemeral'] } }), [
    'Ephemeral',
  ]);
});

void test(`${RULE}: an inline volume of a driver without Ephemeral, on the driver name`, () => {
  const [hit, ...rest] = hitsOf({ 'file:///app.yaml': fixtureText(RULE, 'bad') });
  assert.ok(hit);
  assert.equal(rest.length, 0);
  assert.equal(hit.range.start.line, 29);
  assert.match(
    hit.message.en,
    /^CSIDriver `vaultish\.secrets\.example\.org` does not allow inline/,
  );
  assert.match(hit.message.en, /it lists none, which means `\[Persistent\]`/);
  assert.match(hit.message.ru, /не допускает встроенных CSI-томов \(там ничего не указано/);
});

void test(`${RULE}: the CSIDriver may be in another file`, () => {
  const [driver, pod] = fixtureText(RULE, 'bad').split('\n---\n');
  const hits = hitsOf({ 'file:///deploy/app.yaml': pod!, 'file:///driver.yaml': driver! });
  assert.equal(hits.length, 1);
});

void test(`${RULE}: a PersistentVolume of a driver for inline volumes only`, () => {
  const [hit] = hitsOf({ 'file:///pv.yaml': caseFixtureText(RULE, 'bad-persistent-volume') });
  assert.ok(hit);
  assert.match(hit.message.en, /does not allow persistent volumes \(it lists `\[Ephemeral\]`\)/);
});

void test(`${RULE}: one manifest of the driver that allows the mode is enough`, () => {
  const bad = fixtureText(RULE, 'bad');
  const allowing = bad
    .split('\n---\n')[0]!
    .replace('podInfoOnMount: true', 'podInfoOnMount: true\n  volumeLifecycleModes: [Ephemeral]');
  assert.equal(hitsOf({ 'file:///a/app.yaml': bad, 'file:///b/driver.yaml': allowing }).length, 0);
});

void test(`${RULE}: editing the CSIDriver in another file updates the pod's finding`, () => {
  const [driver, pod] = fixtureText(RULE, 'bad').split('\n---\n');
  const service = getLanguageService();
  service.setFile('file:///app.yaml', pod!);
  service.setFile('file:///driver.yaml', driver!);
  const count = () =>
    service.getDiagnostics('file:///app.yaml', settings).filter((d) => d.code === RULE).length;
  assert.equal(count(), 1);
  service.setFile(
    'file:///driver.yaml',
    driver!.replace(
      'podInfoOnMount: true',
      'podInfoOnMount: true\n  volumeLifecycleModes: [Ephemeral]',
    ),
  );
  assert.equal(count(), 0);
});

void test(`${RULE}: a list the manifest does not write out plainly is not judged`, () => {
  const bad = fixtureText(RULE, 'bad');
  const masked = bad.replace(
    'podInfoOnMount: true',
    'podInfoOnMount: true\n  volumeLifecycleModes: "{{ .Values.modes }}"',
  );
  assert.equal(hitsOf({ 'file:///app.yaml': masked }).length, 0);
});

void test(`${RULE}: the fix allows the mode in the CSIDriver, in the other file, in its list's style`, () => {
  const [driver, pod] = fixtureText(RULE, 'bad').split('\n---\n');
  const apply = (driverText: string): string => {
    const s = getLanguageService();
    s.setFile('file:///driver.yaml', driverText);
    s.setFile('file:///app.yaml', pod!);
    const d = s.getDiagnostics('file:///app.yaml', settings).find((x) => x.code === RULE);
    assert.ok(d);
    const [action] = s
      .getCodeActions('file:///app.yaml', d.range, settings)
      .filter((a) => a.diagnostic.code === RULE && !/^Disable /.test(a.title.en));
    assert.equal(
      action?.title.en,
      'Allow `Ephemeral` in CSIDriver `vaultish.secrets.example.org` (`volumeLifecycleModes`)',
    );
    assert.ok(action.edits.every((e) => e.uri === 'file:///driver.yaml'));
    const fixed = TextDocument.applyEdits(
      TextDocument.create('file:///driver.yaml', 'yaml', 1, driverText),
      action.edits,
    );
    s.setFile('file:///driver.yaml', fixed, 'disk', 1);
    assert.deepEqual(
      s.getDiagnostics('file:///app.yaml', settings).filter((x) => x.code === RULE),
      [],
    );
    return fixed;
  };
  assert.match(apply(driver!), /volumeLifecycleModes:\n {4}- Persistent\n {4}- Ephemeral\n/);
  const flow = driver!.replace('podInfoOnMount: true', 'volumeLifecycleModes: [Persistent]');
  assert.match(apply(flow), /volumeLifecycleModes: \[Persistent, Ephemeral\]/);
  const block = driver!.replace('podInfoOnMount: true', 'volumeLifecycleModes:\n    - Persistent');
  assert.match(apply(block), /volumeLifecycleModes:\n {4}- Ephemeral\n {4}- Persistent/);
});
