/**
 * Go to definition, find references and rename for every name that links objects, across the
 * whole workspace, in both directions (from a reference to the object, from the object to all
 * references).
 */
import type { Workspace } from '../workspace/workspace';
import type { IndexedObject } from '../workspace/file';
import type { LocalizedText, Position, Range } from '../types';
import { linkRules, type LinkKind } from './linkRules';
import { objectSites, sameTarget, type LinkSite } from './sites';
import { navigationMessages as m } from './renameMessages';

export interface Location {
  uri: string;
  range: Range;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export type RenameResult =
  { ok: true; changes: Record<string, TextEdit[]> } | { ok: false; message: LocalizedText };

export type PrepareRenameResult =
  { ok: true; range: Range; placeholder: string } | { ok: false; message: LocalizedText };

/** The link site under the cursor, if any. */
export function siteAt(
  workspace: Workspace,
  uri: string,
  position: Position,
): LinkSite | undefined {
  const file = workspace.getFile(uri);
  if (!file) return undefined;
  const at = file.chunkAt(position);
  if (!at) return undefined;
  for (const object of file.objects()) {
    if (object.placed !== at.placed) continue;
    if (!within(position, object.range)) continue;
    for (const site of objectSites(object)) {
      if (within(position, site.range)) return site;
    }
  }
  return undefined;
}

/** Every site in the workspace that names the same thing as `target`. */
export function sitesOf(workspace: Workspace, target: LinkSite): LinkSite[] {
  if (target.link === 'volume') {
    return objectSites(target.object).filter((s) => sameTarget(target, s));
  }
  const out: LinkSite[] = [];
  for (const object of workspace.allObjects()) {
    if (!mayHold(object, target.link)) continue;
    const sites = objectSites(object, (s) => s.link === target.link && s.name === target.name);
    for (const site of sites) if (sameTarget(target, site)) out.push(site);
  }
  return out;
}

export function definition(workspace: Workspace, uri: string, position: Position): Location[] {
  const site = siteAt(workspace, uri, position);
  if (!site) return [];
  return sitesOf(workspace, site)
    .filter((s) => s.role === 'definition')
    .map(toLocation);
}

export function references(
  workspace: Workspace,
  uri: string,
  position: Position,
  includeDeclaration: boolean,
): Location[] {
  const site = siteAt(workspace, uri, position);
  if (!site) return [];
  return sitesOf(workspace, site)
    .filter((s) => includeDeclaration || s.role === 'reference')
    .map(toLocation);
}

export function prepareRename(
  workspace: Workspace,
  uri: string,
  position: Position,
): PrepareRenameResult {
  const site = siteAt(workspace, uri, position);
  if (!site) return { ok: false, message: m.notRenamable };
  if (site.object.template) return { ok: false, message: m.inTemplate };
  return { ok: true, range: site.range, placeholder: site.name };
}

export function rename(
  workspace: Workspace,
  uri: string,
  position: Position,
  newName: string,
): RenameResult {
  const site = siteAt(workspace, uri, position);
  if (!site) return { ok: false, message: m.notRenamable };
  if (site.object.template) return { ok: false, message: m.inTemplate };
  const invalid = checkName(site.link, newName);
  if (invalid) return { ok: false, message: invalid };
  const changes: Record<string, TextEdit[]> = {};
  for (const s of sitesOf(workspace, site)) {
    if (s.object.template) continue;
    (changes[s.uri] ??= []).push({ range: s.range, newText: newName });
  }
  return { ok: true, changes };
}

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DNS_SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Names Kubernetes accepts: DNS labels for Services and volumes, DNS subdomains otherwise. */
export function checkName(link: LinkKind, name: string): LocalizedText | undefined {
  const label = link === 'service' || link === 'volume';
  const ok = label
    ? DNS_LABEL.test(name) && name.length <= 63
    : DNS_SUBDOMAIN.test(name) && name.length <= 253;
  if (ok) return undefined;
  return label ? fillName(m.badLabel, name) : fillName(m.badSubdomain, name);
}

function fillName(text: LocalizedText, name: string): LocalizedText {
  return { en: text.en.replace('{name}', name), ru: text.ru.replace('{name}', name) };
}

function mayHold(object: IndexedObject, link: LinkKind): boolean {
  return linkRules(object.kind).some((r) => r.link === link);
}

function toLocation(site: LinkSite): Location {
  return { uri: site.uri, range: site.range };
}

function within(p: Position, r: Range): boolean {
  if (p.line < r.start.line || p.line > r.end.line) return false;
  if (p.line === r.start.line && p.character < r.start.character) return false;
  if (p.line === r.end.line && p.character > r.end.character) return false;
  return true;
}
