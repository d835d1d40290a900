/** Helpers for the completion and navigation protocol tests over the fixture workspace. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { SymbolInformation } from 'vscode-languageserver-protocol';
import { TestClient } from './support/client';

export const ROOT = join(__dirname, '..', 'fixtures', 'navigation');

export function uriOf(name: string): string {
  return pathToFileURL(join(ROOT, name)).href;
}

export function textOf(name: string): string {
  return readFileSync(join(ROOT, name), 'utf8');
}

/** The position `offset` characters into the `nth` occurrence of `needle` in a fixture file. */
export function positionIn(
  name: string,
  needle: string,
  offset = 0,
  nth = 1,
): { line: number; character: number } {
  const text = textOf(name);
  let at = -1;
  for (let i = 0; i < nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at === -1) throw new Error(`${needle} (#${nth}) not in ${name}`);
  }
  const before = text.slice(0, at + offset);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

/** Starts the server on the fixture workspace and waits until its index holds every object. */
export async function startOnFixture(locale = 'en', objects = 9): Promise<TestClient> {
  const client = await TestClient.start({ rootPath: ROOT, locale });
  const deadline = Date.now() + 15000;
  for (;;) {
    const symbols = await client.request<SymbolInformation[]>('workspace/symbol', { query: '' });
    if (symbols.length >= objects) return client;
    if (Date.now() > deadline) {
      await client.stop();
      throw new Error(`the index holds ${symbols.length} objects, expected ${objects}`);
    }
    // Indexing runs after `initialized`; give the server's event loop a turn before asking again.
    await new Promise((resolve) => setImmediate(resolve));
  }
}
