/**
 * Cut `text` into streaming deltas that join back to exactly `text`.
 *
 * @param pieces A count (roughly equal slices), explicit pieces (must join to `text`), or
 *   omitted: one delta per word with its leading space, as the Realtime API streams them.
 * @example
 * ```ts
 * splitText('Are you still there?'); // ['Are', ' you', ' still', ' there?']
 * splitText('abcdef', 2); // ['abc', 'def']
 * ```
 */
export function splitText(text: string, pieces?: number | readonly string[]): string[] {
  if (Array.isArray(pieces)) {
    if (pieces.join('') !== text) throw new Error(`Deltas ${JSON.stringify(pieces)} do not join to ${JSON.stringify(text)}`);
    return [...pieces];
  }
  if (text === '') return [];
  if (typeof pieces === 'number') {
    const count = Math.max(1, Math.min(Math.floor(pieces), text.length));
    const out: string[] = [];
    for (let i = 0; i < count; i++) {
      out.push(text.slice(Math.round((i * text.length) / count), Math.round(((i + 1) * text.length) / count)));
    }
    return out;
  }
  const words = text.match(/\s*\S+/g) ?? [text];
  const covered = words.join('').length;
  if (covered < text.length) words[words.length - 1] += text.slice(covered);
  return words;
}
