/**
 * UI strings of the binding preview. Keys are the English texts (the `l10n/bundle.l10n*.json`
 * convention); `vscode.l10n.t` translates them into VS Code's display language. When the
 * `kubeStorage.language` setting asks for another language than the display language, the
 * Russian bundle is read directly (English needs no bundle).
 */
import * as vscode from 'vscode';
import ruBundle from '../../../l10n/bundle.l10n.ru.json';
import type { UiStrings } from '../../webview/bindingPreview/messages';

export type Lang = 'en' | 'ru';

/** English source texts of every UI string. Called at use time, never at module load. */
const english: UiStrings = {
  title: 'Binding Preview',
  scope: 'Scope',
  scopeWorkspace: 'Workspace',
  scopeFolder: 'This folder',
  scopeFile: 'This file',
  namespace: 'Namespace',
  allNamespaces: 'All namespaces',
  search: 'Search',
  searchPlaceholder: 'Name of a claim, volume, class…',
  nodeLabels: 'Node labels',
  nodeLabelsPlaceholder: 'kubernetes.io/hostname=node-1,topology.kubernetes.io/zone=a',
  empty: 'No PersistentVolumes, claims or StatefulSets with volumeClaimTemplates here.',
  loading: 'Simulating the PV controller…',
  failed: 'The binding simulation failed.',
  legend: 'Legend:',
  kindClass: 'StorageClass',
  kindVolume: 'PersistentVolume',
  kindClaim: 'PersistentVolumeClaim',
  kindWorkload: 'Workload',
  outcomeBound: 'bound',
  outcomeProvision: 'will be provisioned',
  outcomeWait: 'waits for first consumer',
  outcomePending: 'stays Pending',
  outcomeLost: 'Lost',
  volumeAvailable: 'Available',
  volumeReleased: 'Released',
  volumeFailed: 'Failed',
  details: 'Details',
  rejected: 'Rejected volumes',
  orderDependent: 'The outcome depends on the order of claims.',
  openSource: 'Open in editor',
  nothingMatches: 'Nothing matches the filter.',
  defaultClass: 'default',
  graphLabel: 'StorageClasses, volumes, claims and workloads',
};

/** The preview's language: the setting, else VS Code's display language. */
export function resolveUiLang(): Lang {
  const setting = vscode.workspace.getConfiguration('kubeStorage').get<string>('language');
  if (setting === 'en' || setting === 'ru') return setting;
  return vscode.env.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
}

export function uiStrings(lang: Lang): UiStrings {
  const display: Lang = vscode.env.language.toLowerCase().startsWith('ru') ? 'ru' : 'en';
  const bundle = ruBundle as Record<string, string>;
  const t = (key: string): string =>
    lang === display ? vscode.l10n.t(key) : lang === 'ru' ? (bundle[key] ?? key) : key;
  const out = {} as UiStrings;
  for (const [name, key] of Object.entries(english) as [keyof UiStrings, string][])
    out[name] = t(key);
  return out;
}

/** The English keys, for the l10n parity test. */
export const uiStringKeys = (): string[] => Object.values(english);
