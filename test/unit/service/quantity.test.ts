import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseQuantity, quantityParts } from '../../../server/src/service/quantity';

void describe('quantity', () => {
  void test('quantityParts: the number and its one suffix, as ParseQuantity reads them', () => {
    assert.deepEqual(quantityParts('500m'), { number: '500', suffix: 'm' });
    assert.deepEqual(quantityParts('1.5Gi'), { number: '1.5', suffix: 'Gi' });
    assert.deepEqual(quantityParts('1e6'), { number: '1', suffix: 'e6' });
    assert.deepEqual(quantityParts('10'), { number: '10', suffix: '' });
    assert.deepEqual(quantityParts('.5k'), { number: '.5', suffix: 'k' });
    // One suffix only: `500mGi` and `10GB` are no quantities.
    assert.equal(quantityParts('500mGi'), undefined);
    assert.equal(quantityParts('10GB'), undefined);
  });

  void test('parseQuantity still reads every kind of suffix', () => {
    assert.equal(parseQuantity('500m'), 0.5);
    assert.equal(parseQuantity('1k'), 1000);
    assert.equal(parseQuantity('1Ki'), 1024);
    assert.equal(parseQuantity('1e6'), 1_000_000);
    assert.equal(parseQuantity(10), 10);
    assert.equal(parseQuantity('1kGi'), undefined);
  });
});
