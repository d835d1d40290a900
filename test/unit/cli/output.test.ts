/** The text report's lines: each severity is named in the report's language. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toText } from '../../../server/src/cli/output';
import type { KubeDiagnostic } from '../../../server/src/service';

const severities = ['error', 'warning', 'information', 'hint'] as const;

const finding = (severity: KubeDiagnostic['severity'], line: number): KubeDiagnostic => ({
  range: { start: { line, character: 0 }, end: { line, character: 1 } },
  severity,
  code: 'some-rule',
  message: { en: 'Text of `x`.', ru: 'Текст про `x`.' },
});

void test('the text report names every severity in English and in Russian', () => {
  const reports = [{ file: 'a.yaml', diagnostics: severities.map((s, i) => finding(s, i)) }];
  const labels = (lang: 'en' | 'ru') =>
    toText(reports, lang)
      .split('\n')
      .filter((l) => l.startsWith('a.yaml:'))
      .map((l) => /^a\.yaml:\d+:1: (.+?) \[some-rule\]/.exec(l)?.[1]);
  assert.deepEqual(labels('en'), ['error', 'warning', 'information', 'hint']);
  assert.deepEqual(labels('ru'), ['ошибка', 'предупреждение', 'информация', 'подсказка']);
  assert.match(toText(reports, 'ru'), /a\.yaml:3:1: информация \[some-rule\] Текст про «x»\./);
});
