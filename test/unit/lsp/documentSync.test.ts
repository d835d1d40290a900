/** Telling the user's edits from documents being opened (lsp/documentSync.ts `onEdit`). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { onEdit } from '../../../server/src/lsp/documentSync';

type Handler = (params: unknown) => void;

/**
 * `onEdit` on TextDocuments listening to a connection whose notifications the test sends by hand:
 * how many edits it has reported so far.
 */
function countedEdits(): {
  send: (method: 'open' | 'change' | 'close', params: unknown) => void;
  edits: () => number;
} {
  const handlers = new Map<string, Handler>();
  const register = (name: string) => (handler: Handler) => {
    handlers.set(name, handler);
    return { dispose: () => handlers.delete(name) };
  };
  const connection = {
    onDidOpenTextDocument: register('open'),
    onDidChangeTextDocument: register('change'),
    onDidCloseTextDocument: register('close'),
    onWillSaveTextDocument: register('willSave'),
    onWillSaveTextDocumentWaitUntil: register('willSaveWaitUntil'),
    onDidSaveTextDocument: register('save'),
  } as unknown as Connection;
  const documents = new TextDocuments(TextDocument);
  documents.listen(connection);
  let edits = 0;
  onEdit(documents, () => edits++);
  return { send: (method, params) => handlers.get(method)!(params), edits: () => edits };
}

const open = (uri: string, version = 1) => ({
  textDocument: { uri, languageId: 'yaml', version, text: 'kind: PersistentVolumeClaim\n' },
});
const change = (uri: string, version: number) => ({
  textDocument: { uri, version },
  contentChanges: [{ text: `kind: PersistentVolume\n# ${version}\n` }],
});

void test('opening documents is not an edit; changing one is, every time', () => {
  const { send, edits } = countedEdits();
  send('open', open('file:///a.yaml'));
  send('open', open('file:///b.yaml', 7));
  assert.equal(edits(), 0);
  send('change', change('file:///a.yaml', 2));
  assert.equal(edits(), 1);
  send('change', change('file:///b.yaml', 8));
  send('change', change('file:///b.yaml', 9));
  assert.equal(edits(), 3);
});

void test('a document closed and opened again is opened, not edited', () => {
  const { send, edits } = countedEdits();
  send('open', open('file:///a.yaml'));
  send('change', change('file:///a.yaml', 2));
  send('close', { textDocument: { uri: 'file:///a.yaml' } });
  send('open', open('file:///a.yaml', 3));
  assert.equal(edits(), 1);
});
