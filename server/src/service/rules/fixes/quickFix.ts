/** Building quick fixes: one from its edits, a list without the failed ones, two common edits. */
import type { YamlPath } from '../../parse/nodes';
import type { LocalizedText } from '../../types';
import type { IndexedObject } from '../../workspace/file';
import type { QuickFix } from '../types';
import { removeKey, replaceValue, scalarText, type TextEditLike } from './edits';

/** A fix made of these edits; undefined when there are none or one could not be built. */
export function fix(
  title: LocalizedText,
  ...edits: (TextEditLike | undefined)[]
): QuickFix | undefined {
  if (!edits.length || edits.some((e) => !e)) return undefined;
  return { title, edits: edits as TextEditLike[] };
}

/** The fixes that could be built. */
export function fixes(...list: (QuickFix | undefined)[]): QuickFix[] {
  return list.filter((f): f is QuickFix => f !== undefined);
}

/** Removes a field the situation makes wrong, with a title naming it. */
export function removeFieldFix(
  object: IndexedObject,
  path: YamlPath,
  title: LocalizedText,
): QuickFix | undefined {
  return fix(title, removeKey(object, path));
}

/** Sets a scalar at `path` (replacing the value there). */
export function replaceScalarFix(
  object: IndexedObject,
  path: YamlPath,
  value: string | number,
  title: LocalizedText,
): QuickFix | undefined {
  return fix(title, replaceValue(object, path, scalarText(value)));
}
