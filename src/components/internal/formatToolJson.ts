/**
 * A tool's arguments or output as text for reading: indented when it is JSON, with every token
 * as sent; invisible formatting characters shown as escapes. Shared by the approval prompt
 * (`formatToolArguments`) and the transcript's tool rows (`formatToolText`).
 */

/** What {@link formatToolJson} gives back. */
export interface ReadableToolText {
  /** The text to show (as text, never as HTML), cut at `max` characters. */
  text: string;
  /** Whether `text` is the JSON indented; false: the text as it came. */
  json: boolean;
  /** How many characters were cut off (0 when none). */
  hidden: number;
}

// Characters that change how the text around them is drawn without being seen themselves
// (bidirectional overrides and isolates, zero-width characters, the BOM): an argument must not
// reorder or hide what the user reads ("\u202Egnp.exe" reads "exe.png"). Shown as JSON escapes,
// which in a JSON string mean the same character.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

// The tokens of valid JSON that indenting touches: a string (kept whole, so nothing inside it
// counts), an empty object or array (kept on one line), a bracket, a comma, a colon, whitespace.
// Numbers and literals are left where they are.
const JSON_TOKEN = /"(?:[^"\\]+|\\.)*"|[{[]\s*[}\]]|[{}[\],:]|\s+/g;

/**
 * Indent valid JSON two spaces per level, token by token: strings, numbers and keys stay exactly
 * as written. Parsing and printing again would not: a long integer would lose digits and a
 * repeated key would vanish, and the user must see what the tool gets.
 */
function indentJson(text: string): string {
  let depth = 0;
  return text.replace(JSON_TOKEN, (token) => {
    const first = token[0]!;
    if (first === '"') return token;
    if (first === ':') return ': ';
    // Whitespace between tokens (JSON's is space, tab, CR, LF).
    if (first <= ' ') return '';
    // An empty object or array: one line.
    if (token.length > 1) return first + token[token.length - 1]!;
    const close = first === '}' || first === ']';
    depth += close ? -1 : first === ',' ? 0 : 1;
    const line = `\n${'  '.repeat(depth)}`;
    return close ? line + first : first + line;
  });
}

/**
 * A tool's text, readable: indented when it is valid JSON (every token as sent), the text as it
 * came otherwise; invisible formatting characters shown as escapes either way; cut at `max`
 * characters (a text longer than that is not parsed: it is cut as it came).
 *
 * @example
 * ```ts
 * formatToolJson('{"city":"Lisbon"}'); // { text: '{\n  "city": "Lisbon"\n}', json: true, hidden: 0 }
 * ```
 */
export function formatToolJson(text: string, max = Infinity): ReadableToolText {
  let json = text.length <= max;
  try {
    if (json) JSON.parse(text);
  } catch {
    json = false;
  }
  // Every character escaped is U+200B or above: four hex digits.
  const shown = (json ? indentJson(text) : text).replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16)}`);
  return { text: shown.slice(0, max), json, hidden: Math.max(0, shown.length - max) };
}
