import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { fitsOuterItems } from '../../../../server/src/service/rendered/templateItems';
import { templateKeyLines } from '../../../../server/src/service/rendered/templateLines';

const deploy = [
  'spec:', // 0
  '  template:', // 1
  '    spec:', // 2
  '      containers:', // 3
  '        - name: {{ .Chart.Name }}', // 4
  '          volumeMounts:', // 5
  '            - name: data', // 6
  '              subPath: {{ .Values.sub }}', // 7
  '        - image: proxy', // 8
  '          name: "{{ .Chart.Name }}-proxy"', // 9
  '          volumeMounts:', // 10
  '            - name: data', // 11
  '              subPath: html', // 12
  '        - image: busybox', // 13
  '          volumeMounts:', // 14
  '            - name: data', // 15
  '              subPath: tmp', // 16
].join('\n');

describe('a template line in the rendered named items', () => {
  const keyLines = templateKeyLines(deploy);
  const lines = deploy.split('\n');
  const containers = ['spec', 'template', 'spec', 'containers'];
  const fits = (line: number, name: string) =>
    fitsOuterItems(line, keyLines, lines, [{ listKeys: containers, name }]);

  it('a templated name tells the items apart by what it can print', () => {
    assert.equal(fits(7, 'shop'), true);
    assert.equal(fits(12, 'shop'), false);
    // Quoted, and written after another key of the item.
    assert.equal(fits(12, 'shop-proxy'), true);
  });

  it('a literal name must be the rendered one; an item without a name fits any', () => {
    const literal = deploy.replace('{{ .Chart.Name }}', 'app');
    const literalLines = literal.split('\n');
    const at = (line: number, name: string) =>
      fitsOuterItems(line, templateKeyLines(literal), literalLines, [
        { listKeys: containers, name },
      ]);
    assert.equal(at(7, 'app'), true);
    assert.equal(at(7, 'web'), false);
    assert.equal(fits(16, 'anything'), true);
    // No outer items: every line fits.
    assert.equal(fitsOuterItems(12, keyLines, lines, []), true);
  });
});
