import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { codeSpans, plainText, plainTexts } from '../../../../server/src/service/i18n/plainText';

void describe('plain text for surfaces that do not render Markdown', () => {
  void it('turns code spans into the quotes of the language (glossary: «ёлочки» in Russian)', () => {
    assert.equal(
      plainText('Use `ReadWriteOnce` with `storageClassName: ""`.', 'en'),
      'Use “ReadWriteOnce” with “storageClassName: ""”.',
    );
    assert.equal(
      plainText('Заменить на `Retain`, а не `Delete`', 'ru'),
      'Заменить на «Retain», а не «Delete»',
    );
    assert.deepEqual(plainTexts({ en: 'Rename to `data`', ru: 'Переименовать в `data`' }), {
      en: 'Rename to “data”',
      ru: 'Переименовать в «data»',
    });
  });

  void it('leaves text without code spans, and a lone backtick from a name, as they are', () => {
    assert.equal(plainText('No code here.', 'en'), 'No code here.');
    assert.equal(plainText('Key `we`ird has no value', 'en'), 'Key “we”ird has no value');
    assert.equal(plainText('Key ab`c is unknown', 'ru'), 'Key ab`c is unknown');
  });

  void it('follows CommonMark for spans that hold a backtick (`` ` `` runs of two)', () => {
    assert.deepEqual(codeSpans('a ``x ` y`` b'), [
      { text: 'a ', code: false },
      { text: 'x ` y', code: true },
      { text: ' b', code: false },
    ]);
    assert.equal(plainText('quote with `` ` ``', 'en'), 'quote with “`”');
    assert.deepEqual(codeSpans('`a` and `b`'), [
      { text: 'a', code: true },
      { text: ' and ', code: false },
      { text: 'b', code: true },
    ]);
  });
});
