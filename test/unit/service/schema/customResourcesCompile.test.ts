/**
 * A CRD's validator is compiled only when a custom resource of its kind is checked: a CRD checked
 * by itself is only checked to be well-formed (ajv compiling every CRD of kubeflow/manifests took
 * 12 of its 22 s). An unchanged CRD reuses its validator; a broken schema is still reported.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, mock, test } from 'node:test';
import Ajv from 'ajv';
import { getLanguageService } from '../../../../server/src/service';

const dir = join(__dirname, '../../../fixtures/crds');
const crd = readFileSync(join(dir, 'backup-schedule-crd.yaml'), 'utf8');
const resources = readFileSync(join(dir, 'backup-schedules.yaml'), 'utf8');
const CRD = 'file:///ws/crd.yaml';
const CR = 'file:///ws/backups.yaml';

/** The CRD with its own description, so that it converts to definitions of its own. */
const variant = (tag: string) =>
  crd.replace('BackupSchedule takes volume', `BackupSchedule (${tag}) takes volume`);

/** How many validators of definitions made from a CRD ajv compiled (built-in kinds aside). */
function crdCompilations(compile: ReturnType<typeof mock.method>): number {
  return compile.mock.calls.filter((call) => JSON.stringify(call.arguments[0]).includes('crd-'))
    .length;
}

void describe('CRD validators are compiled when a custom resource needs them', () => {
  let compile: ReturnType<typeof mock.method>;
  beforeEach(() => {
    compile = mock.method(Ajv.prototype, 'compile');
  });
  afterEach(() => mock.restoreAll());

  void test('a CRD checked by itself compiles nothing', () => {
    const s = getLanguageService();
    s.setFile(CRD, variant('alone'));
    assert.deepEqual(
      s.getDiagnostics(CRD).filter((d) => d.code === 'crd-schema-invalid'),
      [],
    );
    assert.equal(crdCompilations(compile), 0);
  });

  void test('its resources compile it once, across files, rebuilds and services', () => {
    const text = variant('used');
    const s = getLanguageService();
    s.setFile(CRD, text);
    s.setFile(CR, resources);
    assert.ok(s.getDiagnostics(CR).some((d) => d.code === 'invalid-enum'));
    const once = crdCompilations(compile);
    assert.ok(once > 0);
    // Another file of resources, the CRD file written again unchanged, another service.
    s.setFile('file:///ws/more.yaml', resources);
    s.setFile(CRD, `${text}\n`);
    assert.ok(s.getDiagnostics('file:///ws/more.yaml').some((d) => d.code === 'invalid-enum'));
    const other = getLanguageService();
    other.setFile(CRD, text);
    other.setFile(CR, resources);
    assert.ok(other.getDiagnostics(CR).some((d) => d.code === 'invalid-enum'));
    assert.equal(crdCompilations(compile), once);
  });

  void test('a schema that is not well-formed is still reported on the CRD alone', () => {
    const broken = variant('broken').replace(
      '                  type: string\n                  enum:',
      '                  type: strnig\n                  enum:',
    );
    const s = getLanguageService();
    s.setFile(CRD, broken);
    const found = s.getDiagnostics(CRD).filter((d) => d.code === 'crd-schema-invalid');
    assert.equal(found.length, 1);
    assert.match(found[0]!.message.en, /strnig/);
  });
});
