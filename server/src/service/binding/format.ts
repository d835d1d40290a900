/** Small formatting helpers of the binding engine. */

/** The quantity as written, else the milli-unit value turned back into bytes. */
export function formatQuantity(text: string | null, milli: bigint): string {
  if (text !== null && text !== '') return text;
  return (milli / 1000n).toString();
}
