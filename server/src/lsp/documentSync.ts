/**
 * The index follows the editor and the disk: an open document's text replaces the file's, a
 * closed one is read from disk again, and watched files that change on disk are read again.
 */
import { FileChangeType, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerFileSystem } from '../node/fileSystem';
import { letYoungGenerationGrow } from '../node/heapFlags';
import type { ServerContext } from './context';
import type { DiagnosticsPublisher } from './diagnostics';

/**
 * Calls `listener` when the user changes an open document's text (not when a document is opened,
 * which fires `onDidChangeContent` too, right after `onDidOpen`).
 */
export function onEdit(documents: TextDocuments<TextDocument>, listener: () => void): void {
  let opening: string | undefined;
  documents.onDidOpen(({ document }) => (opening = document.uri));
  documents.onDidChangeContent(({ document }) => {
    if (opening === document.uri) opening = undefined;
    else listener();
  });
}

export function syncDocuments(
  ctx: ServerContext,
  fileSystem: ServerFileSystem,
  publisher: DiagnosticsPublisher,
): void {
  const { service, documents } = ctx;
  onEdit(documents, letYoungGenerationGrow);
  documents.onDidChangeContent(({ document }) => {
    service.setFile(document.uri, document.getText(), 'editor', document.version);
    publisher.scheduleAllOpen();
  });

  documents.onDidClose(({ document }) => {
    service.closeFile(document.uri);
    publisher.closed(document.uri);
    void fileSystem.readFile(document.uri).then((text) => {
      if (text === undefined) service.removeFile(document.uri);
      else service.setFile(document.uri, text, 'disk');
      publisher.fileChanged(document.uri);
      publisher.scheduleAllOpen();
    });
  });

  ctx.connection.onDidChangeWatchedFiles(async ({ changes }) => {
    for (const change of changes) {
      if (change.type === FileChangeType.Deleted) {
        service.removeFile(change.uri);
      } else {
        const text = await fileSystem.readFile(change.uri);
        if (text !== undefined) service.setFile(change.uri, text, 'disk');
      }
      publisher.fileChanged(change.uri);
    }
    publisher.scheduleAllOpen();
  });
}
