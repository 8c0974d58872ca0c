import { formatToolJson } from '../internal/formatToolJson.ts';

/** The most characters of a tool's arguments or output a row shows; the rest is counted instead. */
export const TOOL_TEXT_MAX_SHOWN = 20_000;

/** A tool's text as a row shows it: what fits, and how many characters were left out. */
export interface ShownToolText {
  text: string;
  hidden: number;
}

/**
 * A tool's arguments or output for reading, as the approval prompt shows arguments: JSON
 * indented with every token as sent, anything else as it came (a plain string, JSON that does
 * not parse, arguments still streaming), invisible formatting characters as escapes; cut at
 * {@link TOOL_TEXT_MAX_SHOWN} characters so a huge output cannot stall the page (and not parsed
 * then). Text only: the caller renders it as React text, never as HTML.
 */
export const formatToolText = (raw: string): ShownToolText => formatToolJson(raw, TOOL_TEXT_MAX_SHOWN);
