/**
 * Property: a sequence of edits applied through `setFile` with successive versions (each edit
 * replaces a random range with random text, as an editor's incremental sync would) leaves the
 * service in the same state as parsing the final text once in a fresh service: the same
 * diagnostics, hovers and symbols. This checks the chunk reuse of workspace/file.ts and the
 * per-chunk diagnostics cache.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { getLanguageService } from '../../../server/src/service';
import {
  at,
  comparable,
  corpusFile,
  counts,
  cursor,
  noise,
  optionalRequest,
  params,
  positionIn,
  report,
  timed,
  warmUp,
} from './support';

interface Edit {
  from: number;
  to: number;
  text: string;
}

const fraction = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });

/** An edit as fractions of the current text, so it applies to any text and shrinks well. */
const edit = fc.record({
  from: fraction,
  length: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 0.05, noNaN: true }), fraction),
  text: fc.oneof(
    noise(6),
    fc.constantFrom('---\n', '\n---\n', '---', '-', '\n', ''),
    fc.constant('\r\n'),
  ),
});

function apply(text: string, e: { from: number; length: number; text: string }): [string, Edit] {
  const from = at(e.from, text.length);
  const to = Math.min(text.length, from + Math.floor(e.length * (text.length + 1)));
  return [text.slice(0, from) + e.text + text.slice(to), { from, to, text: e.text }];
}

void describe('fuzz: incremental edits equal a full parse', () => {
  before(warmUp);
  after(() => console.log(report('incremental')));

  void it('diagnostics, hovers and symbols after random edits match a fresh parse', () => {
    fc.assert(
      fc.property(
        corpusFile,
        fc.array(edit, { minLength: 1, maxLength: 12 }),
        fc.array(cursor, { minLength: 1, maxLength: 3 }),
        fc.boolean(),
        (file, edits, cursors, queryEveryVersion) => {
          counts.inputs++;
          const uri = `file:///fuzz/incremental/${file.path.replace(/\//g, '-')}`;
          const live = getLanguageService();
          let text = file.text;
          let version = 1;
          live.setFile(uri, text, 'editor', version);
          live.getDiagnostics(uri);
          for (const e of edits) {
            [text] = apply(text, e);
            version++;
            const current = text;
            timed(`setFile v${version}`, () => live.setFile(uri, current, 'editor', version));
            // Filling the caches on intermediate versions is what makes reuse observable.
            if (queryEveryVersion)
              timed(`getDiagnostics v${version}`, () => live.getDiagnostics(uri));
          }
          const fresh = getLanguageService();
          fresh.setFile(uri, text, 'editor', version);
          assert.deepEqual(
            comparable(timed('getDiagnostics live', () => live.getDiagnostics(uri))),
            comparable(fresh.getDiagnostics(uri)),
            'incremental diagnostics equal a full parse',
          );
          for (const [f, g, wild] of cursors) {
            const position = positionIn(text, f, g, wild);
            for (const lang of ['en', 'ru'] as const) {
              assert.deepEqual(
                timed('hover live', () => live.hover(uri, position, lang)),
                fresh.hover(uri, position, lang),
                `hover at ${position.line}:${position.character} equal`,
              );
            }
          }
          const symbols = optionalRequest(live, 'documentSymbols');
          const freshSymbols = optionalRequest(fresh, 'documentSymbols');
          if (symbols && freshSymbols) {
            assert.deepEqual(symbols(uri), freshSymbols(uri), 'symbols equal');
          }
        },
      ),
      params(60, 0.3),
    );
  });

  void it('edits that only add or remove `---` documents keep the other documents identical', () => {
    fc.assert(
      fc.property(
        corpusFile,
        fc.array(fc.tuple(fraction, fc.boolean()), { maxLength: 8 }),
        (file, cuts) => {
          counts.inputs++;
          const uri = 'file:///fuzz/incremental/split.yaml';
          const live = getLanguageService();
          let text = file.text;
          live.setFile(uri, text, 'editor', 1);
          live.getDiagnostics(uri);
          let version = 1;
          for (const [f, add] of cuts) {
            const lines = text.split('\n');
            const i = at(f, lines.length - 1);
            if (add) lines.splice(i, 0, '---');
            else if (lines[i]?.startsWith('---')) lines.splice(i, 1);
            text = lines.join('\n');
            live.setFile(uri, text, 'editor', ++version);
            live.getDiagnostics(uri);
          }
          const fresh = getLanguageService();
          fresh.setFile(uri, text, 'editor', version);
          assert.deepEqual(
            comparable(live.getDiagnostics(uri)),
            comparable(fresh.getDiagnostics(uri)),
          );
        },
      ),
      params(40, 0.2),
    );
  });
});
