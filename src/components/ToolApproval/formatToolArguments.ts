import { formatToolJson } from '../internal/formatToolJson.ts';

/** The arguments of a tool call as the approval prompt shows them. */
export interface FormattedToolArguments {
  /** The text to show (as text, never as HTML). */
  text: string;
  /** Whether `text` is the arguments' JSON, indented; false: the server's text as it came. */
  json: boolean;
}

/**
 * The arguments of a remote MCP tool call, readable: indented when they are valid JSON (with
 * every token as sent: a long integer keeps its digits, a repeated key stays), the server's text
 * otherwise; invisible formatting characters (bidirectional overrides, zero-width characters)
 * shown as escapes either way, so nothing reorders or hides what the user approves. The
 * transcript's tool rows format their arguments and output the same way.
 *
 * @example
 * ```ts
 * formatToolArguments('{"branch":"old","force":true}').text; // '{\n  "branch": "old",\n  "force": true\n}'
 * formatToolArguments('not json').json; // false
 * ```
 */
export function formatToolArguments(text: string): FormattedToolArguments {
  const { text: shown, json } = formatToolJson(text);
  return { text: shown, json };
}
