import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { getLanguageService, type LanguageService } from '../../../server/src/service';
import {
  DEFAULT_MAX_FILE_SIZE,
  formatSize,
  LARGE_FILE_CODE,
  isLargeText,
  utf8Size,
} from '../../../server/src/service/largeFile';

const URI = 'file:///w/big.yaml';

/** A claim with an unknown field (a schema problem) and a broken line at the end (a syntax problem). */
function manifest(padding: number): string {
  return [
    'apiVersion: v1',
    'kind: PersistentVolumeClaim',
    'metadata:',
    '  name: data',
    `  annotations: {note: "${'x'.repeat(padding)}"}`,
    'spec:',
    '  accessModes: [ReadWriteOnce]',
    '  bogusField: 1',
    '  resources: {requests: {storage: 1Gi}}',
    '---',
    'a: [unclosed',
    '',
  ].join('\n');
}

function serviceWith(max: number, text: string): LanguageService {
  const service = getLanguageService();
  service.setFileSettings({ maxFileSize: max });
  service.setFile(URI, text, 'editor', 1);
  return service;
}

void describe('large files (kubeStorage.maxFileSize)', () => {
  void it('utf8Size counts UTF-8 bytes like Buffer.byteLength, surrogates included', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (s) => {
        assert.equal(utf8Size(s), Buffer.byteLength(s, 'utf8'));
      }),
      { seed: 1, numRuns: 300 },
    );
    assert.equal(utf8Size('\uD800'), 3, 'a lone surrogate is written as U+FFFD, 3 bytes');
    assert.ok(utf8Size('я'.repeat(1000), 100) > 100, 'stops early above the limit');
  });

  void it('isLargeText is the UTF-8 size against the limit, counted or not', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 60 }),
        fc.integer({ min: 0, max: 200 }),
        (s, max) => {
          assert.equal(isLargeText(s, max), max > 0 && Buffer.byteLength(s, 'utf8') > max);
        },
      ),
      { seed: 2, numRuns: 500 },
    );
  });

  void it('formats sizes for both languages', () => {
    assert.equal(formatSize(DEFAULT_MAX_FILE_SIZE, 'en'), '2 MiB');
    assert.equal(formatSize(2.5 * 1024 * 1024, 'ru'), '2,5 МиБ');
    assert.equal(formatSize(512, 'ru'), '512 байт');
  });

  void it('below the limit: the full check', () => {
    const text = manifest(10);
    const codes = serviceWith(1_000_000, text)
      .getDiagnostics(URI)
      .map((d) => d.code);
    assert.ok(codes.includes('unknown-field'), codes.join());
    assert.ok(!codes.includes(LARGE_FILE_CODE));
  });

  void it('above the limit: one notice on line 1, syntax problems kept, schema skipped', () => {
    const text = manifest(5000);
    const service = serviceWith(2000, text);
    const ds = service.getDiagnostics(URI);
    const notices = ds.filter((d) => d.code === LARGE_FILE_CODE);
    assert.equal(notices.length, 1, 'said once');
    const [notice] = notices;
    assert.equal(notice!.severity, 'information');
    assert.equal(notice!.range.start.line, 0);
    assert.match(notice!.message.en, /large .*kubeStorage\.maxFileSize/);
    assert.match(notice!.message.ru, /Файл большой .*kubeStorage\.maxFileSize/);
    assert.match(notice!.message.ru, /МиБ|КиБ/);
    const codes = ds.map((d) => d.code);
    assert.ok(codes.includes('yaml-syntax'), `syntax kept: ${codes.join()}`);
    assert.ok(!codes.includes('unknown-field'), 'schema skipped');
    assert.equal(service.isLargeFile(URI), true);
  });

  void it('above the limit: no hover and no completion; symbols still answer', () => {
    const service = serviceWith(2000, manifest(5000));
    assert.equal(service.hover(URI, { line: 1, character: 2 }, 'en'), undefined);
    assert.deepEqual(service.complete(URI, { line: 7, character: 2 }, 'en'), []);
    assert.ok(service.documentSymbols(URI).length > 0);
    service.setFileSettings({ maxFileSize: 0 }); // no limit
    assert.notEqual(service.hover(URI, { line: 1, character: 2 }, 'en'), undefined);
    assert.ok(!service.getDiagnostics(URI).some((d) => d.code === LARGE_FILE_CODE));
  });

  void it('the limit counts bytes, not characters', () => {
    const text = manifest(0).replace('note: ""', `note: "${'ё'.repeat(700)}"`);
    assert.ok(text.length < 1500 && utf8Size(text) > 1500);
    assert.equal(serviceWith(1500, text).isLargeFile(URI), true);
  });

  void it('large files on disk are not indexed; open in the editor they are', () => {
    const service = getLanguageService();
    service.setFileSettings({ maxFileSize: 2000 });
    service.setFile(URI, manifest(5000), 'disk');
    assert.equal(service.workspace.getFile(URI), undefined);
    assert.equal(service.workspace.objectsOfKind('PersistentVolumeClaim').length, 0);
    service.setFile(URI, manifest(5000), 'editor', 1);
    assert.equal(service.workspace.objectsOfKind('PersistentVolumeClaim').length, 1);
    service.setFile('file:///w/small.yaml', manifest(10), 'disk');
    assert.ok(service.workspace.getFile('file:///w/small.yaml'));
  });

  void it('a 4 MB file: only syntax work, within a bounded time', () => {
    const doc = manifest(200).replace('bogusField', 'storageClassName');
    const text = Array.from({ length: Math.ceil(4e6 / doc.length) }, () => doc).join('---\n');
    const service = getLanguageService();
    const start = process.cpuUsage();
    service.setFile(URI, text, 'editor', 1);
    const ds = service.getDiagnostics(URI);
    service.hover(URI, { line: 5, character: 3 }, 'ru');
    service.complete(URI, { line: 5, character: 3 }, 'ru');
    const used = process.cpuUsage(start);
    assert.equal(ds[0]!.code, LARGE_FILE_CODE);
    const cpu = (used.user + used.system) / 1000;
    assert.ok(cpu < 30_000, `${cpu.toFixed(0)} ms of CPU`);
    // An edit re-parses only the edited document.
    const editStart = process.cpuUsage();
    service.setFile(URI, text.replace('name: data', 'name: data2'), 'editor', 2);
    service.getDiagnostics(URI);
    const edit = process.cpuUsage(editStart);
    assert.ok((edit.user + edit.system) / 1000 < 3000, 'an edit stays cheap');
  });
});
