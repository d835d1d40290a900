/**
 * Property: any mutation of a real manifest (truncation, inserted bytes and Unicode, lone
 * surrogates, tabs, CRLF, BOM, deep nesting, thousands of `---`) goes through every request of
 * the facade without an exception, within the time bound, with sane diagnostics; and so do
 * random cursor positions (inside, at the end of and beyond the text) for hover, completion,
 * code actions and navigation.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import fc from 'fast-check';
import { getLanguageService, type LanguageService } from '../../../server/src/service';
import {
  availableRequests,
  corpus,
  corpusFile,
  counts,
  cursor,
  mutation,
  params,
  positionIn,
  probeFile,
  probePosition,
  report,
  timed,
  unknownFacadeMethods,
  uriOf,
  warmUp,
  type CorpusFile,
} from './support';

/** A service holding the chart's Chart.yaml (so templates are recognised) and, for values files, the chart. */
function serviceFor(file: CorpusFile): LanguageService {
  const service = getLanguageService();
  const dir = file.path.replace(/(^|\/)(templates\/)?[^/]+$/, '');
  const chartYaml = corpus.find((f) => f.path === `${dir}/Chart.yaml`);
  if (chartYaml) {
    service.setFile(uriOf(chartYaml), chartYaml.text);
    if (/\/values\.ya?ml$/.test(file.path)) {
      const files = new Map<string, string>();
      for (const f of corpus) {
        if (f.path.startsWith(`${dir}/`)) files.set(f.path.slice(dir.length + 1), f.text);
      }
      const key = `file:///fuzz/${dir}/`;
      service.setChartFiles(key, files);
      service.linkValuesFile(uriOf(file), key);
    }
  }
  return service;
}

void describe('fuzz: mutated manifests', () => {
  before(warmUp);
  after(() => console.log(report('mutations')));

  void it('the facade requests this suite exercises are present', (t) => {
    const service = getLanguageService();
    t.diagnostic(`optional requests found: ${availableRequests(service).join(', ') || 'none'}`);
    const unknown = unknownFacadeMethods(service);
    if (unknown.length) t.diagnostic(`facade methods not yet fuzzed: ${unknown.join(', ')}`);
    assert.equal(typeof service.hover, 'function');
  });

  void it('every request survives mutated input', () => {
    fc.assert(
      fc.property(
        corpusFile,
        fc.array(mutation, { minLength: 1, maxLength: 4 }),
        fc.array(cursor, { minLength: 1, maxLength: 4 }),
        // The default limit, a tiny one (the large-file path) and none.
        fc.constantFrom(undefined, 1024, 0),
        (file, mutations, cursors, maxFileSize) => {
          counts.inputs++;
          const text = mutations.reduce((t, m) => m.apply(t), file.text);
          const service = serviceFor(file);
          if (maxFileSize !== undefined) service.setFileSettings({ maxFileSize });
          const uri = uriOf(file);
          timed(`setFile ${uri}`, () => service.setFile(uri, text, 'editor', 1));
          probeFile(service, uri);
          for (const [f, g, wild] of cursors)
            probePosition(service, uri, positionIn(text, f, g, wild));
        },
      ),
      params(60, 0.5),
    );
  });

  void it('a values file tied to its chart survives mutations of the chart and of itself', () => {
    const charts = [
      ...new Set(
        corpus
          .filter((f) => f.path.endsWith('/Chart.yaml'))
          .map((f) => f.path.slice(0, -'/Chart.yaml'.length)),
      ),
    ];
    assert.ok(charts.length > 0, 'fixture charts');
    fc.assert(
      fc.property(
        fc.constantFrom(...charts),
        fc.array(fc.tuple(fc.nat(), mutation), { maxLength: 3 }),
        fc.array(cursor, { minLength: 1, maxLength: 3 }),
        (dir, mutations, cursors) => {
          counts.inputs++;
          const files = new Map<string, string>();
          for (const f of corpus) {
            if (f.path.startsWith(`${dir}/`)) files.set(f.path.slice(dir.length + 1), f.text);
          }
          const names = [...files.keys()].sort();
          for (const [pick, m] of mutations) {
            const name = names[pick % names.length]!;
            files.set(name, m.apply(files.get(name)!));
          }
          const service = getLanguageService();
          const key = `file:///fuzz/${dir}/`;
          timed(`setChart ${dir}`, () => service.setChartFiles(key, files));
          const values = files.get('values.yaml') ?? '';
          const uri = `${key}values.yaml`;
          service.linkValuesFile(uri, key);
          timed('setFile values', () => service.setFile(uri, values, 'editor', 1));
          probeFile(service, uri);
          for (const [f, g, wild] of cursors)
            probePosition(service, uri, positionIn(values, f, g, wild));
        },
      ),
      params(25, 0.2),
    );
  });
});
