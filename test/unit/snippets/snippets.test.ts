/**
 * Every snippet, expanded with its default values, is a manifest our own diagnostics accept with
 * no error and no warning; tab stops are numbered without gaps; prefixes are unique and follow
 * the `ks-` scheme; descriptions carry English and Russian.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { getLanguageService } from '../../../server/src/service';
import { expandSnippet, parseSnippet, tabStopIndices } from './expand';
import { glossaryProblems } from '../l10n/glossary';

const root = resolve(__dirname, '../../..');

interface SnippetEntry {
  prefix: string | string[];
  description: string;
  body: string | string[];
  scope?: string;
  isFileTemplate?: boolean;
}

/** The properties VS Code reads from a snippet; anything else would be silently ignored. */
const knownProperties = new Set(['prefix', 'description', 'body', 'scope', 'isFileTemplate']);

interface LoadedSnippet {
  file: string;
  name: string;
  prefixes: string[];
  description: string;
  source: string;
}

const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  contributes?: { snippets?: { language: string; path: string }[] };
};
/**
 * The snippet files the language server reads (lsp/snippets.ts). They are not contributed to
 * VS Code: static snippets would be offered at every word, among the values of a key.
 */
const snippetFiles = readdirSync(join(root, 'snippets'))
  .filter((f) => f.endsWith('.code-snippets'))
  .map((f) => ({ path: `./snippets/${f}` }));

function loadSnippets(): LoadedSnippet[] {
  const out: LoadedSnippet[] = [];
  for (const entry of snippetFiles) {
    const file = join(root, entry.path);
    const data = JSON.parse(readFileSync(file, 'utf8')) as Record<string, SnippetEntry>;
    for (const [name, snippet] of Object.entries(data)) {
      const unknown = Object.keys(snippet).filter((k) => !knownProperties.has(k));
      if (unknown.length) throw new Error(`${entry.path} ${name}: unknown ${unknown.join(', ')}`);
      out.push({
        file: entry.path,
        name,
        prefixes: typeof snippet.prefix === 'string' ? [snippet.prefix] : snippet.prefix,
        description: snippet.description,
        source: Array.isArray(snippet.body) ? snippet.body.join('\n') : snippet.body,
      });
    }
  }
  return out;
}

const snippets = loadSnippets();

/** The context file split into its `---` documents, each with the kind/name it defines. */
const contextText = readFileSync(join(root, 'test/fixtures/snippets/context.yaml'), 'utf8');
const contextDocs = contextText.split(/^---$/m).map((text) => ({ text, key: objectKeys(text)[0] }));

function objectKeys(text: string): string[] {
  const keys: string[] = [];
  for (const doc of parseAllDocuments(text)) {
    const value = doc.toJS() as { kind?: unknown; metadata?: { name?: unknown } } | null;
    if (value && typeof value.kind === 'string') {
      keys.push(`${value.kind}/${String(value.metadata?.name ?? '')}`);
    }
  }
  return keys;
}

/** Context objects the snippet does not define itself (a snippet's own object wins). */
function contextFor(expanded: string): string {
  const own = new Set(objectKeys(expanded));
  return contextDocs
    .filter((d) => !d.key || !own.has(d.key))
    .map((d) => d.text)
    .join('---');
}

function problems(files: Record<string, string>, uri: string): string[] {
  const service = getLanguageService();
  for (const [name, text] of Object.entries(files)) service.setFile(name, text);
  return service
    .getDiagnostics(uri)
    .filter((d) => d.severity === 'error' || d.severity === 'warning')
    .map(
      (d) =>
        `${d.severity} ${d.code} at ${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message.en}`,
    );
}

void describe('snippets', () => {
  void it('come from the server, not from a static contribution that shows them everywhere', () => {
    assert.ok(snippetFiles.length > 0, 'no snippets/*.code-snippets');
    for (const entry of snippetFiles)
      assert.ok(existsSync(join(root, entry.path)), `${entry.path} does not exist`);
    assert.equal(manifest.contributes?.snippets, undefined);
    assert.ok(snippets.length >= 20, `only ${snippets.length} snippets`);
  });

  void it('have unique prefixes in the ks- scheme', () => {
    const seen = new Map<string, string>();
    for (const s of snippets) {
      assert.ok(s.prefixes.length > 0, `${s.name}: no prefix`);
      assert.ok(
        s.prefixes.some((p) => p.startsWith('ks-')),
        `${s.name}: no prefix starts with ks-`,
      );
      for (const p of s.prefixes) {
        assert.match(p, /^[a-z][a-z0-9-]*$/, `${s.name}: prefix ${p}`);
        assert.ok(!seen.has(p), `prefix ${p} is used by ${seen.get(p)} and ${s.name}`);
        seen.set(p, s.name);
      }
    }
    for (const plain of ['pv', 'pvc', 'sc', 'sts']) assert.ok(seen.has(plain), plain);
  });

  void it('have a description in English, then Russian', () => {
    for (const s of snippets) {
      const at = s.description.indexOf(' — ');
      assert.ok(at > 0, `${s.name}: description is not "English — Русский"`);
      const en = s.description.slice(0, at);
      const ru = s.description.slice(at + 3);
      assert.match(en, /[A-Za-z]/, `${s.name}: English part`);
      assert.doesNotMatch(en, /[А-Яа-яЁё]/, `${s.name}: Cyrillic in the English part`);
      assert.match(ru, /[А-Яа-яЁё]{3}/, `${s.name}: Russian part`);
      assert.deepEqual(glossaryProblems(`${s.name}: description`, ru), []);
    }
  });

  void it('number their tab stops from 1 without gaps and give each one a single default', () => {
    for (const s of snippets) {
      const nodes = parseSnippet(s.source);
      const used = [...new Set(tabStopIndices(nodes).filter((i) => i !== 0))].sort((a, b) => a - b);
      assert.ok(used.length > 0, `${s.name}: no tab stops`);
      assert.deepEqual(
        used,
        used.map((_, i) => i + 1),
        `${s.name}: tab stops ${used.join(',')}`,
      );
      const definitions = new Map<number, string>();
      const walk = (list: typeof nodes): void => {
        for (const n of list) {
          if (n.type !== 'placeholder' && n.type !== 'choice') continue;
          const text = JSON.stringify(n.type === 'choice' ? n.options : n.children);
          const previous = definitions.get(n.index);
          assert.ok(
            previous === undefined || previous === text,
            `${s.name}: tab stop ${n.index} is defined twice with different defaults`,
          );
          definitions.set(n.index, text);
          if (n.type === 'placeholder') walk(n.children);
        }
      };
      walk(nodes);
    }
  });

  void it('are all listed in docs/snippets.md (node scripts/snippets-doc.mjs)', () => {
    const doc = readFileSync(join(root, 'docs/snippets.md'), 'utf8');
    for (const s of snippets) {
      const at = s.description.indexOf(' — ');
      const row = `| ${s.prefixes.map((p) => `\`${p}\``).join(', ')} | ${s.description.slice(0, at)} | ${s.description.slice(at + 3)} |`;
      assert.ok(doc.includes(row), `docs/snippets.md lacks or has an old row for ${s.name}`);
    }
  });

  void it('contain no tab characters (YAML cannot indent with tabs)', () => {
    for (const s of snippets) assert.ok(!s.source.includes('\t'), s.name);
  });

  void it('the context fixture itself is clean', () => {
    assert.deepEqual(
      problems({ 'file:///ws/context.yaml': contextText }, 'file:///ws/context.yaml'),
      [],
    );
  });

  for (const s of snippets) {
    void it(`${s.prefixes.join(' / ')}: expands to a manifest with no errors or warnings`, () => {
      const text = expandSnippet(s.source) + '\n';
      const docs = parseAllDocuments(text);
      for (const doc of docs) assert.deepEqual(doc.errors, [], `${s.name}: YAML errors`);
      const values = docs.map((d) => d.toJS() as Record<string, unknown> | null);
      if (s.prefixes.some((p) => p.includes('helm'))) {
        assert.ok(values[0] && 'persistence' in values[0], `${s.name}: no persistence block`);
      } else {
        for (const v of values) {
          assert.equal(typeof v?.apiVersion, 'string', `${s.name}: apiVersion`);
          assert.equal(typeof v?.kind, 'string', `${s.name}: kind`);
        }
      }
      const uri = `file:///ws/snippet-${s.prefixes.at(-1)}.yaml`;
      const found = problems({ 'file:///ws/context.yaml': contextFor(text), [uri]: text }, uri);
      assert.deepEqual(found, [], `${s.name}:\n${text}`);
    });
  }
});
