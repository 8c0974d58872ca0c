/** The arguments of a tool call as the approval prompt shows them. */
export interface FormattedToolArguments {
  /** The text to show (as text, never as HTML). */
  text: string;
  /** Whether `text` is the arguments' JSON, indented; false: the server's text as it came. */
  json: boolean;
}

// Characters that change how the text around them is drawn without being seen themselves
// (bidirectional overrides and isolates, zero-width characters, the BOM): a prompt that asks
// for trust must not let an argument reorder or hide what the user reads. They are shown as
// JSON escapes, which in a JSON string mean the same character.
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]/g;

function escapeInvisible(text: string): string {
  return text.replace(INVISIBLE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/**
 * Indent JSON text two spaces per level, token by token: strings, numbers and keys stay exactly
 * as the server wrote them. Parsing and printing again would not: a long integer would lose
 * digits and a repeated key would vanish, and the user must approve what the tool will get.
 */
function indentJson(text: string): string {
  let out = '';
  let depth = 0;
  let inString = false;
  const newline = () => `\n${'  '.repeat(depth)}`;
  for (let i = 0; i < text.length; i++) {
    const char = text[i]!;
    if (inString) {
      out += char;
      if (char === '\\') out += text[++i] ?? '';
      else if (char === '"') inString = false;
      continue;
    }
    if (char === ' ' || char === '\n' || char === '\r' || char === '\t') continue;
    if (char === '"') {
      inString = true;
      out += char;
    } else if (char === '{' || char === '[') {
      // An empty object or array stays on one line.
      const close = char === '{' ? '}' : ']';
      let next = i + 1;
      while (next < text.length && /\s/.test(text[next]!)) next++;
      if (text[next] === close) {
        out += char + close;
        i = next;
      } else {
        depth++;
        out += char + newline();
      }
    } else if (char === '}' || char === ']') {
      depth--;
      out += newline() + char;
    } else if (char === ',') {
      out += char + newline();
    } else if (char === ':') {
      out += ': ';
    } else {
      out += char;
    }
  }
  return out;
}

/**
 * The arguments of a remote MCP tool call, readable: indented when they are valid JSON (with
 * every token as sent), the server's text otherwise; invisible formatting characters shown as
 * escapes either way.
 *
 * @example
 * ```ts
 * formatToolArguments('{"branch":"old","force":true}').text; // '{\n  "branch": "old",\n  "force": true\n}'
 * formatToolArguments('not json').json; // false
 * ```
 */
export function formatToolArguments(text: string): FormattedToolArguments {
  try {
    JSON.parse(text);
  } catch {
    return { text: escapeInvisible(text), json: false };
  }
  return { text: escapeInvisible(indentJson(text)), json: true };
}
