/**
 * The index follows the editor and the disk: an open document's text replaces the file's, a
 * closed one is read from disk again, and watched files that change on disk are read again. A JSON
 * file is in the index only while it holds a Kubernetes object or list (node/manifestJson.ts, the
 * filter of the CLI's folder walk): package.json or tsconfig.json, open or on disk, get nothing.
 */
import { FileChangeType, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerFileSystem } from '../node/fileSystem';
import { letYoungGenerationGrow } from '../node/heapFlags';
import {
  isJsonName,
  isKubernetesJson,
  isKubernetesJsonDraft,
  isUnderSkippedDir,
} from '../node/manifestJson';
import type { LanguageService } from '../service';
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

/** A document the editor takes for JSON (by its language, or its name when it has none). */
function isJsonDocument(uri: string, languageId?: string): boolean {
  return languageId === 'json' || languageId === 'jsonc' || (!languageId && isJsonName(uri));
}

/**
 * An open document's text into the index; a JSON document only while it is a manifest, or one
 * being typed (otherwise it leaves the index, and its diagnostics are none).
 */
export function setEditorText(service: LanguageService, document: TextDocument): void {
  const { uri, languageId } = document;
  const text = document.getText();
  if (isJsonDocument(uri, languageId) && !isKubernetesJsonDraft(text)) {
    service.closeFile(uri);
    service.removeFile(uri);
  } else {
    service.setFile(uri, text, 'editor', document.version);
  }
}

/**
 * A file's text read from disk into the index (undefined: unreadable or too large, removed); a
 * JSON file only when it holds a Kubernetes object and is not under node_modules, .git or .vscode,
 * as the workspace scan reads it.
 */
export function setDiskText(service: LanguageService, uri: string, text: string | undefined): void {
  const json = isJsonName(uri);
  if (text === undefined || (json && (isUnderSkippedDir(uri) || !isKubernetesJson(text))))
    service.removeFile(uri);
  else service.setFile(uri, text, 'disk');
}

export function syncDocuments(
  ctx: ServerContext,
  fileSystem: ServerFileSystem,
  publisher: DiagnosticsPublisher,
): void {
  const { service, documents } = ctx;
  onEdit(documents, letYoungGenerationGrow);
  documents.onDidChangeContent(({ document }) => {
    setEditorText(service, document);
    publisher.scheduleAllOpen();
  });

  documents.onDidClose(({ document }) => {
    service.closeFile(document.uri);
    publisher.closed(document.uri);
    void fileSystem.readFile(document.uri).then((text) => {
      setDiskText(service, document.uri, text);
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
        // A JSON file that cannot be read (or grew too large) is no manifest any more.
        if (text !== undefined || isJsonName(change.uri)) setDiskText(service, change.uri, text);
      }
      publisher.fileChanged(change.uri);
    }
    publisher.scheduleAllOpen();
  });
}
