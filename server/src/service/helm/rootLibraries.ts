/**
 * Library charts that make their defaults root values: the "common" libraries of the k8s-at-home
 * charts and of bjw-s's app-template replace `.Values` with their own defaults
 * (`.Values.common`) merged with the chart's values:
 * `{{ set . "Values" (mustMergeOverwrite (deepCopy .Values.common) (omit .Values "common")) }}`.
 * Their templates then read `persistence`, `controllers`, `service`… at the root, so a values file
 * sets those keys at the root, not under `common:`.
 */
import { definesOf, templateFileNames } from './templateNames';
import type { ChartFiles } from './types';

/** `set . "Values"` or `set $ "Values"`: the root values replaced by a template. */
const SETS_ROOT_VALUES = /\bset\s+[.$]\s+"Values"/;

/** True when a template of the chart replaces the root values (`set . "Values" …`). */
export function setsRootValues(files: ChartFiles): boolean {
  return templateFileNames(files).some((f) => SETS_ROOT_VALUES.test(files.get(f)!));
}

/** A whole line `{{ include "name" . }}` (or `$`): a named template given the root context. */
const ROOT_INCLUDE = /^[ \t]*\{\{-?[ \t]*include[ \t]+"([^"\\\n]+)"[ \t]+[.$][ \t]*-?\}\}[ \t]*$/gm;

/** `{{ define "x" }}…{{ end }}` blocks are text of their own, not the file's output. */
const DEFINE_BLOCK = /\{\{-?\s*define\s+"[^"]*"\s*-?\}\}[\s\S]*?\{\{-?\s*end\s*-?\}\}/g;

/** A line of YAML the file prints itself: a mapping key or a list item outside any action. */
const OWN_YAML_LINE = /^[ \t]*(?:-[ \t]+)?[\w."'/-]+[ \t]*:(?:[ \t]|$)/m;

/**
 * The chart's objects all come from a dependency that is not there (no `helm dependency build`):
 * a manifest template prints nothing of its own and hands the root context to a named template
 * the chart does not define (`{{ include "common.all" . }}`, the k8s-at-home charts). Such a
 * library may read any root value, so no key can be called unknown.
 */
export function generatedByMissingLibrary(
  files: ChartFiles,
  dependencies: readonly string[] | undefined,
  present: ReadonlySet<string>,
): boolean {
  if (!dependencies?.some((d) => !present.has(d))) return false;
  const names = templateFileNames(files);
  const defined = new Set(names.flatMap((f) => definesOf(f, files.get(f)!).map((d) => d.name)));
  return names.some((f) => {
    if (!/\.ya?ml$/i.test(f) || /(^|\/)_[^/]*$/.test(f)) return false;
    const text = files.get(f)!.replace(DEFINE_BLOCK, '');
    if (OWN_YAML_LINE.test(text.replace(/\{\{[\s\S]*?\}\}/g, ''))) return false;
    return [...text.matchAll(ROOT_INCLUDE)].some((m) => !defined.has(m[1]!));
  });
}
