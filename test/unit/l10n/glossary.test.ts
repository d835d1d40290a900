import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { glossaryProblems } from './glossary';

void describe('glossary check', () => {
  void it('catches the variants the glossary rules out', () => {
    for (const bad of [
      'Персистентный том',
      'Под на ноде',
      'Нода недоступна',
      'Провизионирование тома',
      'в неймспейсе default',
      'Маунтить каталог',
      'Это является ошибкой',
      'клейм не привязан',
    ]) {
      assert.equal(glossaryProblems('x', bad).length, 1, bad);
    }
  });

  void it('accepts the glossary terms', () => {
    for (const good of [
      'Постоянный том на узле',
      'Заявка на том (PVC) привязана',
      'Провижинер выделяет том',
      'в пространстве имён default',
      'точка монтирования /data',
      'Кодировка, новый, методы',
    ]) {
      assert.deepEqual(glossaryProblems('x', good), [], good);
    }
  });
});
