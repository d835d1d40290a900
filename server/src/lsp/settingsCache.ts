/**
 * `kubeStorage.*` as the server reads it: pulled per resource with `workspace/configuration`
 * when the client answers it, else what the client pushed (`initializationOptions.settings`,
 * `workspace/didChangeConfiguration`); cached until the configuration changes.
 */
import type { Connection } from 'vscode-languageserver';
import { normalizeSettings, type KubeStorageSettings } from '../settings';

export class SettingsCache {
  private readonly cache = new Map<string, Promise<KubeStorageSettings>>();
  private readonly listeners: (() => void)[] = [];
  private canPull = false;
  private pushed: unknown;

  constructor(private readonly connection: Connection) {}

  /** From `initialize`: whether the client answers `workspace/configuration`, and what it sent. */
  start(canPull: boolean, pushed: unknown): void {
    this.canPull = canPull;
    this.pushed = pushed;
  }

  /** The client answers `workspace/configuration` (and takes a registration for changes). */
  get canPullConfiguration(): boolean {
    return this.canPull;
  }

  /** Settings for a resource (the window's without `uri`). */
  get(uri?: string): Promise<KubeStorageSettings> {
    const key = uri ?? '';
    let cached = this.cache.get(key);
    if (!cached) {
      cached = this.canPull
        ? this.connection.workspace
            .getConfiguration({ scopeUri: uri, section: 'kubeStorage' })
            .then(normalizeSettings, () => normalizeSettings(undefined))
        : Promise.resolve(normalizeSettings(this.pushed));
      this.cache.set(key, cached);
    }
    return cached;
  }

  /** `workspace/didChangeConfiguration`: the cache is dropped; pushed settings replace the old. */
  changed(settings: unknown): void {
    this.cache.clear();
    const pushed = (settings as { kubeStorage?: unknown } | undefined)?.kubeStorage;
    if (pushed !== undefined) this.pushed = pushed;
  }

  /** Calls `listener` from notifyChanged, after the configuration changed. */
  onChanged(listener: () => void): void {
    this.listeners.push(listener);
  }

  notifyChanged(): void {
    for (const listener of this.listeners) listener();
  }
}
