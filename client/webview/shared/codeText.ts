/**
 * Our messages mark names with Markdown code spans (`` `accessModes` ``). The webviews show them
 * as `<code>`: prose becomes text nodes and each span a `<code>` element with `textContent`, so a
 * name from a manifest or a chart is never parsed as markup. The splitting is `codeSpans`
 * (server/src/service/i18n/plainText.ts, unit-tested); plain-text places (tooltips, ARIA labels)
 * use `plainText`.
 */
import { codeSpans, plainText } from '../../../server/src/service/i18n/plainText';

export { plainText };

export function codeTextNodes(markdown: string): Node[] {
  return codeSpans(markdown).map((part) => {
    if (!part.code) return document.createTextNode(part.text);
    const code = document.createElement('code');
    code.textContent = part.text;
    return code;
  });
}

/** An element holding a text with code spans, e.g. `codeTextElement('p', reason, 'reason')`. */
export function codeTextElement<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  markdown: string,
  className = '',
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.append(...codeTextNodes(markdown));
  return element;
}
