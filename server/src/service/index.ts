/**
 * The facade of the pure language service: the LSP server and the CLI call only this. No
 * 'vscode', no connection, no file system: text in, data out.
 */
import {
  fileDiagnostics,
  defaultDiagnosticSettings,
  type DiagnosticSettings,
} from './diagnostics/fileDiagnostics';
import { Workspace, type FileSource } from './workspace/workspace';
import type { KubeDiagnostic } from './types';
import { hoverAt, type HoverInfo } from './hover';
import type { Lang, Position } from './types';

export type { DiagnosticSettings, FileSource };
export type { HoverInfo };
export type { KubeDiagnostic, Lang, LocalizedText, Severity, Range, Position } from './types';
export { resolveLang } from './i18n/format';
export { kubernetesVersion } from './schema/registry';

export class LanguageService {
  readonly workspace = new Workspace();

  setFile(uri: string, text: string, source: FileSource = 'disk', version = 0): void {
    this.workspace.setFile(uri, text, source, version);
  }

  closeFile(uri: string): void {
    this.workspace.closeFile(uri);
  }

  removeFile(uri: string): void {
    this.workspace.removeFile(uri);
  }

  /** Diagnostics of one file, both languages in each message; [] for an unknown file. */
  getDiagnostics(
    uri: string,
    settings: DiagnosticSettings = defaultDiagnosticSettings,
  ): KubeDiagnostic[] {
    const file = this.workspace.getFile(uri);
    return file ? fileDiagnostics(file, settings) : [];
  }

  /** The hover card (markdown) at a position, in one language; undefined where there is nothing to say. */
  hover(uri: string, position: Position, lang: Lang): HoverInfo | undefined {
    const file = this.workspace.getFile(uri);
    return file ? hoverAt(file, position, lang) : undefined;
  }
}

export function getLanguageService(): LanguageService {
  return new LanguageService();
}
