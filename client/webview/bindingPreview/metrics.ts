/** Text metrics of the preview's boxes, pure: how wide a box is and how much of its text fits. */
import { codeSpans, type TextPart } from '../../../server/src/service/i18n/plainText';
import type { ChartGroup } from './charts';
import type { GraphNode } from './model';

/** Text metrics of a node: the icon and padding take TEXT_INSET pixels, then so many per character. */
const TEXT_INSET = 40;
const LABEL_CHAR_PX = 7;
const DETAIL_CHAR_PX = 6.5;

/** The characters a text with code spans shows (the backticks are not drawn). */
export function shownLength(markdown: string): number {
  return codeSpans(markdown).reduce((n, part) => n + [...part.text].length, 0);
}

/** The parts of a text with code spans, cut to `max` shown characters with an ellipsis. */
export function truncateParts(markdown: string, max: number): TextPart[] {
  const parts = codeSpans(markdown);
  if (shownLength(markdown) <= max) return parts;
  const out: TextPart[] = [];
  let room = Math.max(1, max - 1);
  for (const part of parts) {
    const chars = [...part.text];
    if (chars.length < room) {
      out.push(part);
      room -= chars.length;
      continue;
    }
    out.push({ text: chars.slice(0, room).join(''), code: part.code });
    break;
  }
  out.push({ text: '…', code: false });
  return out;
}

/** Wide enough that label and detail fit whole (see labelCapacity), within 120–320 pixels. */
export function nodeWidth(node: GraphNode): number {
  const text = Math.max(
    [...node.label].length * LABEL_CHAR_PX,
    shownLength(node.detail) * DETAIL_CHAR_PX,
  );
  return Math.min(320, Math.max(120, Math.ceil(text) + TEXT_INSET));
}

/** How many characters of the label (bold) and of the detail line fit in a node of this width. */
export function labelCapacity(width: number): number {
  return Math.floor((width - TEXT_INSET) / LABEL_CHAR_PX);
}

export function detailCapacity(width: number): number {
  return Math.floor((width - TEXT_INSET) / DETAIL_CHAR_PX);
}

export const NODE_HEIGHT = 46;

/** The height of a chart group's header (its name and values above its objects). */
export const CHART_HEADER = 44;

/** A chart group is at least as wide as its name and detail line. */
export function chartWidth(chart: ChartGroup): number {
  const text = Math.max(
    [...chart.label].length * LABEL_CHAR_PX,
    shownLength(chart.detail) * DETAIL_CHAR_PX,
  );
  return Math.min(420, Math.max(160, Math.ceil(text) + TEXT_INSET));
}
