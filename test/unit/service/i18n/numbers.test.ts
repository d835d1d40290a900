import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatNumber, formatSize, inUnits } from '../../../../server/src/service/i18n/numbers';

void test('one number formatter per language: groups and decimal separator', () => {
  assert.equal(formatNumber(107374182400, 'en', 0), '107,374,182,400');
  assert.equal(formatNumber(107374182400, 'ru', 0), '107\u00a0374\u00a0182\u00a0400');
  assert.equal(formatNumber(107.374, 'en'), '107.37');
  assert.equal(formatNumber(107.374, 'ru'), '107,37');
});

void test('bytes in binary and decimal units, the number written as the language does', () => {
  const bytes = 100 * 1024 ** 3;
  assert.deepEqual(inUnits(bytes, 1000, 'ru'), { text: '107,37\u00a0G', exact: false });
  assert.deepEqual(inUnits(bytes, 1024, 'ru'), { text: '100\u00a0Gi', exact: true });
  assert.deepEqual(inUnits(bytes, 1000, 'en'), { text: '107.37\u00a0G', exact: false });
  assert.deepEqual(inUnits(512, 1024, 'en'), { text: '512', exact: true });
  assert.deepEqual(inUnits(1500, 1000, 'ru'), { text: '1,5\u00a0k', exact: true });
});

void test('file sizes use the same formatter', () => {
  assert.equal(formatSize(2.5 * 1024 * 1024, 'ru'), '2,5 МиБ');
  assert.equal(formatSize(2.5 * 1024 * 1024, 'en'), '2.5 MiB');
  assert.equal(formatSize(1000, 'en'), '1,000 bytes');
  assert.equal(formatSize(1000, 'ru'), '1\u00a0000 байт');
});
