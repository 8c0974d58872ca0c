/** The most characters of a tool's arguments or output a row shows; the rest is counted instead. */
export const TOOL_TEXT_MAX_SHOWN = 20_000;

/** A tool's text as a row shows it: what fits, and how many characters were left out. */
export interface ShownToolText {
  text: string;
  hidden: number;
}

/**
 * A tool's arguments or output for reading: a JSON object or array pretty-printed, anything else
 * as it came (a plain string, JSON that does not parse, arguments still streaming), cut at
 * {@link TOOL_TEXT_MAX_SHOWN} characters so a huge output cannot stall the page. Text only: the
 * caller renders it as React text, never as HTML.
 */
export function formatToolText(raw: string): ShownToolText {
  let text = raw;
  // Parsing is worth it only for what will be shown whole; a huge text is cut as it is. Numbers
  // of 16 digits or more (ids) would come back rounded: such text is shown as it came.
  const start = raw.length <= TOOL_TEXT_MAX_SHOWN ? raw.trimStart()[0] : undefined;
  if ((start === '{' || start === '[') && !/\d{16}/.test(raw)) {
    try {
      text = JSON.stringify(JSON.parse(raw), null, 2);
    } catch {
      // Not JSON (yet): shown as it came.
    }
  }
  return text.length > TOOL_TEXT_MAX_SHOWN
    ? { text: text.slice(0, TOOL_TEXT_MAX_SHOWN), hidden: text.length - TOOL_TEXT_MAX_SHOWN }
    : { text, hidden: 0 };
}
