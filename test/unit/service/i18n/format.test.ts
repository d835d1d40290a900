import assert from 'node:assert/strict';
import { test } from 'node:test';
import { afterColon } from '../../../../server/src/service/i18n/format';

void test('afterColon lowers only a Russian first word written as a sentence start', () => {
  const ru = (text: string) => afterColon({ en: 'X', ru: text }).ru;
  assert.equal(ru('В Kubernetes 1.36 нет вида объектов.'), 'в Kubernetes 1.36 нет вида объектов.');
  assert.equal(ru('Том `data` — это `hostPath`.'), 'том `data` — это `hostPath`.');
  assert.equal(ru('Ёмкость тома меньше.'), 'ёмкость тома меньше.');
  for (const kept of ['StatefulSet `db`.', 'API-сервер не примет.', '`spec` пуст.', 'ПВ и PVC.'])
    assert.equal(ru(kept), kept);
  assert.equal(afterColon({ en: 'Volume `a` is.', ru: 'х' }).en, 'Volume `a` is.');
});
