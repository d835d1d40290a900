/**
 * English and Russian stay in step everywhere the user reads text: the manifest's `%key%`
 * strings (package.nls*.json), the client's `vscode.l10n.t` bundles, and the server's message
 * catalogs (`{ en, ru }` objects side by side).
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { getL10nJson } from '@vscode/l10n-dev';
import { glossaryProblems } from './glossary';

const root = resolve(__dirname, '../../..');
const readJson = (path: string): unknown => JSON.parse(readFileSync(join(root, path), 'utf8'));

const cyrillic = /[А-Яа-яЁё]/;

/** `{name}` / `{0}` placeholders, as a sorted list (duplicates kept out). */
function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!))].sort();
}

/** The words of a message, without `code spans`, {placeholders} and URLs. */
function prose(text: string): string {
  return text
    .replace(/`[^`]*`/g, ' ')
    .replace(/\{\w+\}/g, ' ')
    .replace(/https?:\/\/\S+/g, ' ');
}

function filesUnder(dir: string, accept: (name: string) => boolean): string[] {
  const abs = join(root, dir);
  if (!existsSync(abs)) return [];
  const out: string[] = [];
  for (const name of readdirSync(abs)) {
    const path = join(abs, name);
    if (statSync(path).isDirectory()) out.push(...filesUnder(relative(root, path), accept));
    else if (accept(name)) out.push(path);
  }
  return out.sort();
}

/** Every `%key%` the manifest uses, found anywhere in it. */
function manifestKeys(): string[] {
  const keys = new Set<string>();
  const walk = (value: unknown): void => {
    if (typeof value === 'string') {
      const m = /^%([^%\s]+)%$/.exec(value);
      if (m) keys.add(m[1]!);
    } else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
  };
  walk(readJson('package.json'));
  return [...keys].sort();
}

type Bundle = Record<string, string | { message: string; comment: string[] }>;
const messageOf = (value: Bundle[string]): string =>
  typeof value === 'string' ? value : value.message;

void describe('package.nls (manifest strings)', () => {
  const en = readJson('package.nls.json') as Record<string, string>;
  const ru = readJson('package.nls.ru.json') as Record<string, string>;

  void it('has every %key% of package.json in English and Russian', () => {
    const used = manifestKeys();
    assert.ok(used.length > 0, 'package.json uses no %key% at all');
    assert.deepEqual(
      used.filter((k) => !(k in en)),
      [],
      'missing in package.nls.json',
    );
    assert.deepEqual(
      used.filter((k) => !(k in ru)),
      [],
      'missing in package.nls.ru.json',
    );
  });

  void it('has the same keys in both languages', () => {
    assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort());
  });

  void it('is used for every text the manifest shows (titles, descriptions, view names)', () => {
    const shown = new Set([
      'displayName',
      'description',
      'markdownDescription',
      'enumDescriptions',
      'markdownEnumDescriptions',
      'deprecationMessage',
      'markdownDeprecationMessage',
      'title',
      'shortTitle',
      'category',
      'label',
      'name',
      'contextualTitle',
    ]);
    const literal: string[] = [];
    let checked = 0;
    const walk = (value: unknown, key: string, path: string): void => {
      if (typeof value === 'string') {
        if (!shown.has(key)) return;
        checked += 1;
        if (!/^%[^%\s]+%$/.test(value)) literal.push(`${path}: ${value}`);
      } else if (Array.isArray(value)) {
        value.forEach((item, i) => walk(item, key, `${path}[${i}]`));
      } else if (value && typeof value === 'object') {
        for (const [k, v] of Object.entries(value)) walk(v, k, `${path}.${k}`);
      }
    };
    const manifest = readJson('package.json') as Record<string, unknown>;
    walk(manifest.displayName, 'displayName', 'displayName');
    walk(manifest.description, 'description', 'description');
    walk(manifest.capabilities, '', 'capabilities');
    walk(manifest.contributes, '', 'contributes');
    assert.ok(checked >= 5, `only ${checked} texts found in package.json`);
    assert.deepEqual(literal, [], 'texts written in package.json instead of package.nls*.json');
  });

  void it('has non-empty texts, Russian in the Russian file, same placeholders', () => {
    for (const [key, text] of Object.entries(en)) {
      assert.ok(typeof text === 'string' && text.trim(), `en ${key} is empty`);
      const other = ru[key];
      if (typeof other !== 'string') continue; // reported by the key-set test
      assert.ok(other.trim(), `ru ${key} is empty`);
      assert.match(other, cyrillic, `ru ${key} is not in Russian: ${other}`);
      assert.deepEqual(glossaryProblems(`package.nls.ru.json ${key}`, other), []);
      assert.deepEqual(placeholders(other), placeholders(text), `placeholders of ${key}`);
    }
  });
});

void describe('l10n bundles (client strings)', () => {
  const en = readJson('l10n/bundle.l10n.json') as Bundle;
  const ru = readJson('l10n/bundle.l10n.ru.json') as Bundle;

  void it('has the same keys in both languages', () => {
    assert.deepEqual(Object.keys(ru).sort(), Object.keys(en).sort());
  });

  void it('translates every message into Russian with the same placeholders', () => {
    for (const [key, value] of Object.entries(ru)) {
      const text = messageOf(value);
      assert.ok(text.trim(), `ru "${key}" is empty`);
      // A text without spaces is a value or an example (`key=value,...`) and may stay as it is.
      if (/\s/.test(text)) assert.match(text, cyrillic, `ru "${key}" is not in Russian: ${text}`);
      assert.deepEqual(glossaryProblems(`bundle.l10n.ru.json "${key}"`, text), []);
      const source = en[key];
      if (source === undefined) continue;
      assert.deepEqual(
        placeholders(text),
        placeholders(messageOf(source)),
        `placeholders of "${key}"`,
      );
    }
  });

  void it('holds every l10n.t() string of the client and the webviews', async () => {
    const sources = [
      ...filesUnder('client/src', (n) => /\.tsx?$/.test(n)),
      ...filesUnder('client/webview', (n) => /\.tsx?$/.test(n)),
    ];
    assert.ok(sources.length > 0, 'no client sources found');
    const exported = await getL10nJson(
      sources.map((path) => ({
        contents: readFileSync(path, 'utf8'),
        extension: path.endsWith('.tsx') ? '.tsx' : '.ts',
      })),
    );
    const missing = Object.keys(exported).filter((key) => !(key in en));
    assert.deepEqual(
      missing,
      [],
      'strings missing from l10n/bundle.l10n.json: run `npx @vscode/l10n-dev export -o l10n client/src` and translate them in bundle.l10n.ru.json',
    );
  });
});

void describe('server message catalogs', () => {
  const catalogs = filesUnder('server/src/service', (n) => /(^m|M)essages\.ts$/.test(n));

  void it('are found', () => {
    assert.ok(catalogs.length > 0);
  });

  for (const file of catalogs) {
    const name = relative(root, file);
    void it(`${name}: every message has English and Russian with the same placeholders`, async () => {
      const module = (await import(file)) as Record<string, unknown>;
      let count = 0;
      const glossary: string[] = [];
      const seen = new Set<unknown>();
      const walk = (value: unknown, path: string, depth: number): void => {
        if (!value || typeof value !== 'object' || seen.has(value) || depth > 8) return;
        seen.add(value);
        const v = value as Record<string, unknown>;
        if (typeof v.en === 'string' || typeof v.ru === 'string') {
          count += 1;
          assert.equal(typeof v.en, 'string', `${path}: en`);
          assert.equal(typeof v.ru, 'string', `${path}: ru`);
          const en = v.en as string;
          const ru = v.ru as string;
          assert.ok(en.trim(), `${path}: en is empty`);
          assert.ok(ru.trim(), `${path}: ru is empty`);
          assert.deepEqual(placeholders(ru), placeholders(en), `${path}: placeholders`);
          glossary.push(...glossaryProblems(path, ru));
          // Two or more English words need Russian; a lone term (`headless`, `null`) may stay.
          if ((prose(en).match(/[A-Za-z]{3,}/g) ?? []).length >= 2) {
            assert.match(ru, cyrillic, `${path}: ru is not in Russian: ${ru}`);
          }
          return;
        }
        for (const [key, child] of Object.entries(v)) walk(child, `${path}.${key}`, depth + 1);
      };
      for (const [key, value] of Object.entries(module)) walk(value, key, 0);
      assert.ok(count > 0, `${name} exports no { en, ru } messages`);
      assert.deepEqual(glossary, [], 'Russian texts off the glossary (docs/glossary.md)');
    });
  }
});
