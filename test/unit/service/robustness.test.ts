import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { getLanguageService } from '../../../server/src/service';

const manifest = readFileSync(
  join(__dirname, '..', '..', 'fixtures', 'valid', 'postgres-statefulset.yaml'),
  'utf8',
);

/** Checks the diagnostics are well-formed and returns how many are errors. */
function check(text: string): number {
  const service = getLanguageService();
  service.setFile('file:///w/x.yaml', text, 'editor', 1);
  const diagnostics = service.getDiagnostics('file:///w/x.yaml');
  for (const d of diagnostics) {
    assert.ok(d.range.start.line >= 0 && d.range.end.line >= d.range.start.line, 'sane range');
    assert.ok(d.message.en && d.message.ru, 'both languages');
  }
  // Errors only: storage rules rightly warn about objects a synthetic workspace lacks (classes, Services).
  return diagnostics.filter((d) => d.severity === 'error').length;
}

describe('bad input never crashes the service', () => {
  it('survives every truncation of a real manifest', () => {
    for (let cut = 0; cut < manifest.length; cut += 7) check(manifest.slice(0, cut));
  });

  it('survives tabs, CRLF, a BOM and binary noise', () => {
    check(manifest.replace(/ {2}/g, '\t'));
    check(manifest.replace(/\n/g, '\r\n'));
    check('\uFEFF' + manifest);
    let seed = 7;
    const random = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const noise = Array.from({ length: 4000 }, () =>
      String.fromCharCode(Math.floor(random() * 0xffff)),
    ).join('');
    check(noise);
    check(manifest.slice(0, 500) + noise + manifest.slice(500));
  });

  it('reports an alias bomb instead of expanding it', () => {
    const bomb = [
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: {name: lol}',
      'data:',
      '  a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]',
      '  b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]',
      '  c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]',
      '  d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]',
      '  e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]',
      '  f: [*e,*e,*e,*e,*e,*e,*e,*e,*e]',
    ].join('\n');
    const service = getLanguageService();
    service.setFile('file:///w/bomb.yaml', bomb, 'editor', 1);
    const codes = service.getDiagnostics('file:///w/bomb.yaml').map((d) => d.code);
    assert.deepEqual(codes, ['yaml-alias-limit']);
  });

  it('handles a huge file with thousands of documents and a 1 MB line', () => {
    const many = Array.from({ length: 800 }, (_, i) =>
      manifest.replace(/name: postgres$/m, `name: pg-${i}`),
    ).join('---\n');
    assert.equal(check(many), 0);
    check(
      `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: big}\ndata:\n  x: "${'a'.repeat(1_000_000)}"\n`,
    );
    check('---\n'.repeat(5000));
  });

  it('handles deep nesting', () => {
    check('a: ' + '['.repeat(2000) + ']'.repeat(2000));
    check(Array.from({ length: 500 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n'));
  });
});
