/**
 * The delete directives of a strategic merge patch: `key: null` (or `key:` with no value) and
 * `key: {$patch: delete}` remove the field from the object the patch is merged into (kustomize's
 * kyaml `merge2`: a null patch field clears the destination's; apimachinery `strategicpatch`
 * `$patch: delete`), and a list item holding `$patch: delete` removes the matching item. What they
 * name is not written into the object, so nothing is reported about it: not even an unknown
 * field, since a patch with `options.allowKindChange` deletes the fields of the kind it replaces.
 */
import { isMap, isScalar, visit, type Node, type Pair } from 'yaml';
import { nodeSpan } from '../parse/nodes';
import type { Position, Range } from '../types';
import { shiftRange, type WorkspaceFile } from '../workspace/file';

/** Where the patch's delete directives are: the whole pair, or the whole list item. */
export function deletedRanges(file: WorkspaceFile): Range[] {
  if (file.template) return [];
  const out: Range[] = [];
  for (const placed of file.chunks) {
    for (const { doc } of placed.chunk.docs) {
      visit(doc, {
        Pair(_, pair: Pair) {
          if (pair.key === null || !(isNull(pair.value) || isDeleteMap(pair.value))) return;
          const key = nodeSpan(pair.key as Node);
          if (!key) return;
          const end = nodeSpan(pair.value as Node | null)?.[1] ?? key[1];
          out.push(
            shiftRange(placed.chunk.rangeOf([key[0], Math.max(end, key[1])]), placed.startLine),
          );
        },
        Seq(_, seq) {
          for (const item of seq.items) {
            const span = isDeleteMap(item) ? nodeSpan(item as Node) : undefined;
            if (span) out.push(shiftRange(placed.chunk.rangeOf(span), placed.startLine));
          }
        },
      });
    }
  }
  return out;
}

/** True when `at` lies inside one of `ranges`. */
export function isInside(at: Position, ranges: readonly Range[]): boolean {
  return ranges.some(({ start, end }) => !before(at, start) && !before(end, at));
}

function before(a: Position, b: Position): boolean {
  return a.line < b.line || (a.line === b.line && a.character < b.character);
}

/** `key:`, `key: null`, `key: ~`. */
function isNull(value: unknown): boolean {
  return value === null || value === undefined || (isScalar(value) && value.value === null);
}

/** A mapping with `$patch: delete`. */
function isDeleteMap(value: unknown): boolean {
  return (
    isMap(value) &&
    value.items.some(
      (p) =>
        isScalar(p.key) &&
        p.key.value === '$patch' &&
        isScalar(p.value) &&
        p.value.value === 'delete',
    )
  );
}
