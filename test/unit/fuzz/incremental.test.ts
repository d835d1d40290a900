/**
 * Property: a sequence of edits applied through `setFile` with successive versions (each edit
 * replaces a random range with random text, as an editor's incremental sync would) leaves the
 * service in the same state as parsing the final text once in a fresh service: the same
 * diagnostics, hovers and symbols. This checks the chunk reuse of workspace/file.ts and the
 * per-chunk diagnostics cache; the cross-file case checks the per-document rule findings and
 * the storage signature (rules/signature.ts) that decides when they are re-run.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { getLanguageService, type LanguageService } from '../../../server/src/service';
import {
  at,
  comparable,
  corpus,
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

  void it('storage edits across files leave every file as a fresh workspace would see it', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...storageCorpus), { minLength: 2, maxLength: 4 }),
        fc.array(fc.tuple(fc.nat(), storageEdit, fc.boolean()), { minLength: 1, maxLength: 10 }),
        (files, edits) => {
          counts.inputs++;
          const uris = files.map((f, i) => `file:///fuzz/cross/${i}-${f.path.replace(/\//g, '-')}`);
          const texts = files.map((f) => f.text);
          const live = getLanguageService();
          uris.forEach((uri, i) => live.setFile(uri, texts[i]!, 'editor', 1));
          uris.forEach((uri) => live.getDiagnostics(uri));
          let version = 1;
          for (const [which, e, query] of edits) {
            const i = which % uris.length;
            texts[i] = e.apply(texts[i]!);
            live.setFile(uris[i]!, texts[i]!, 'editor', ++version);
            if (query) uris.forEach((uri) => live.getDiagnostics(uri));
          }
          const fresh = getLanguageService();
          uris.forEach((uri, i) => fresh.setFile(uri, texts[i]!, 'editor', version));
          for (const uri of uris) {
            assert.deepEqual(
              comparable(timed('getDiagnostics live', () => live.getDiagnostics(uri))),
              comparable(fresh.getDiagnostics(uri)),
              `diagnostics of ${uri} equal a fresh workspace`,
            );
            assert.deepEqual(
              fixesOf(live, uri),
              fixesOf(fresh, uri),
              `quick fixes of ${uri} equal`,
            );
          }
        },
      ),
      params(60, 0.3),
    );
  });
});

/** Valid manifests with storage objects: the rule fixtures. */
const storageCorpus = corpus.filter((f) => f.path.startsWith('rules/'));

/** Edits that keep YAML valid and change what cross-file rules read (or, deliberately, nothing). */
const storageEdit: fc.Arbitrary<{ name: string; apply: (text: string) => string }> = fc
  .tuple(
    fc.constantFrom<[RegExp, string[]]>(
      [/\b\d+(Gi|Mi|Ti)\b/, ['1Gi', '5Gi', '10Gi', '500Mi', '2Ti']],
      [
        /\bReadWrite(Once|Many|OncePod)\b|\bReadOnlyMany\b/,
        ['ReadWriteOnce', 'ReadWriteMany', 'ReadOnlyMany', 'ReadWriteOncePod'],
      ],
      [/(?<=replicas: )\d+/, ['0', '1', '2', '3']],
      [/(?<=claimName: )\S+/, ['data', 'site-content', 'shared', 'missing']],
      [/(?<=storageClassName: )\S+/, ['fast', 'standard', '""', 'local-storage']],
      [/(?<=serviceName: )\S+/, ['db', 'web', 'missing']],
      [/(?<=volumeName: )\S+/, ['pv-data', 'pv-other']],
      [/(?<=\n  name: )\S+/, ['db', 'data', 'shared', 'site-content', 'pv-data', 'fast']],
      [/\n  clusterIP: None\n/, ['\n']],
      [/\nspec:\n/, ['\nspec:\n  clusterIP: None\n']],
      [/\n(?=apiVersion)/, ['\n# moved\n', '\n\n']],
      [/image: \S+/, ['image: busybox:1.37']],
    ),
    fc.nat(),
    fc.nat(),
  )
  .map(([[pattern, choices], occurrence, choice]) => ({
    name: `${String(pattern)} → ${choices[choice % choices.length]}`,
    apply: (text: string) => {
      const matches = [...text.matchAll(new RegExp(pattern.source, 'g'))];
      const m = matches[occurrence % Math.max(1, matches.length)];
      if (!m || m.index === undefined) return text;
      return (
        text.slice(0, m.index) +
        choices[choice % choices.length]! +
        text.slice(m.index + m[0].length)
      );
    },
  }));

/** Every quick fix a file offers at its diagnostics, as comparable data. */
function fixesOf(service: LanguageService, uri: string): unknown[] {
  return service
    .getDiagnostics(uri)
    .flatMap((d) => service.getCodeActions(uri, d.range))
    .map((a) => ({ title: a.title, code: a.diagnostic.code, edits: a.edits }));
}
