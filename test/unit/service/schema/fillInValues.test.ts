/**
 * A value a tutorial leaves to be filled in by hand (`lun: <LUN number>`) where the API wants a
 * number: the file is refused as written, so it stays a wrong-type error, and the message says
 * that the text is a placeholder to replace rather than a value to convert.
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { getLanguageService } from '../../../../server/src/service';

function diagnose(lun: string) {
  const s = getLanguageService();
  const uri = 'file:///ws/fc-pod.yaml';
  s.setFile(
    uri,
    [
      'apiVersion: v1',
      'kind: Pod',
      'metadata: {name: fc-reader}',
      'spec:',
      '  containers:',
      '    - name: app',
      '      image: busybox:1.36',
      '      volumeMounts: [{name: san, mountPath: /mnt/san}]',
      '  volumes:',
      '    - name: san',
      '      fc:',
      '        targetWWNs: ["<target WWN>"]',
      `        lun: ${lun}`,
      '',
    ].join('\n'),
  );
  return s.getDiagnostics(uri).filter((d) => d.code === 'invalid-type');
}

void describe('placeholders in typed fields', () => {
  test('an angle-bracket fill-in where a number belongs is named as a placeholder', () => {
    const [found, ...rest] = diagnose('<LUN number>');
    assert.ok(found);
    assert.equal(rest.length, 0);
    assert.equal(found.severity, 'error');
    assert.match(found.message.en, /must be an integer, not a string\./);
    assert.match(found.message.en, /`<LUN number>` looks like a placeholder/);
    assert.match(found.message.ru, /`<LUN number>` похоже на заготовку/);
  });

  test('an upper-case fill-in (LUN_ID) is one too; an ordinary word is not', () => {
    assert.match(diagnose('LUN_ID')[0]!.message.en, /looks like a placeholder/);
    assert.doesNotMatch(diagnose('first')[0]!.message.en, /placeholder/);
  });
});
