/** Limits of {@link stringifyForLog}. */
export interface StringifyForLogOptions {
  /** Strings longer than this are cut, with their length noted. */
  maxStringLength: number;
  /** The output is cut at about this many characters, with a note saying so. */
  maxLength: number;
}

const INDENT = '  ';

/**
 * Pretty JSON (two-space indent, like `JSON.stringify(value, null, 2)`) for a developer's log,
 * that never throws and stays small whatever it is given:
 * - long strings (and property names) are cut to `maxStringLength`, noting their length;
 * - the whole text stops at about `maxLength` characters, noting the cut; a 20,000-element
 *   array costs no more than that, and is not walked past the cut;
 * - a reference back to an enclosing object prints `"[Circular]"`; a BigInt prints as the
 *   string `"123n"`; a value that throws when read (a getter, `toJSON`) prints what was made
 *   so far and `[unserializable: <reason>]`.
 *
 * @example
 * ```ts
 * const event: Record<string, unknown> = { type: 'x', big: 10n };
 * event.self = event;
 * stringifyForLog(event, { maxStringLength: 160, maxLength: 4000 });
 * // '{\n  "type": "x",\n  "big": "10n",\n  "self": "[Circular]"\n}'
 * ```
 */
export function stringifyForLog(value: unknown, options: StringifyForLogOptions): string {
  const { maxStringLength, maxLength } = options;
  const parts: string[] = [];
  let length = 0;
  let full = false;
  const ancestors = new Set<object>();

  const write = (text: string) => {
    parts.push(text);
    length += text.length;
    if (length >= maxLength) full = true;
  };

  const shorten = (text: string) =>
    text.length > maxStringLength ? `${text.slice(0, maxStringLength)}… (${text.length} chars)` : text;

  // Returns false when the value serializes to nothing (undefined, a function, a symbol).
  const writeValue = (raw: unknown, key: string, indent: string): boolean => {
    let input = raw;
    if (input !== null && typeof input === 'object' && typeof (input as { toJSON?: unknown }).toJSON === 'function') {
      input = (input as { toJSON: (key: string) => unknown }).toJSON(key);
    }
    switch (typeof input) {
      case 'string':
        write(JSON.stringify(shorten(input)));
        return true;
      case 'number':
        write(Number.isFinite(input) ? String(input) : 'null');
        return true;
      case 'boolean':
        write(String(input));
        return true;
      case 'bigint':
        write(`"${input}n"`);
        return true;
      case 'undefined':
      case 'function':
      case 'symbol':
        return false;
    }
    if (input === null) {
      write('null');
      return true;
    }
    const object = input as object;
    if (ancestors.has(object)) {
      write('"[Circular]"');
      return true;
    }
    ancestors.add(object);
    const inner = indent + INDENT;
    if (Array.isArray(object)) {
      if (object.length === 0) write('[]');
      else {
        write('[');
        for (let i = 0; i < object.length && !full; i += 1) {
          write(`${i === 0 ? '' : ','}\n${inner}`);
          if (!writeValue(object[i], String(i), inner)) write('null');
        }
        if (!full) write(`\n${indent}]`);
      }
    } else {
      let first = true;
      write('{');
      for (const name of Object.keys(object)) {
        if (full) break;
        const field = (object as Record<string, unknown>)[name];
        const mark = parts.length;
        const markLength = length;
        write(`${first ? '' : ','}\n${inner}${JSON.stringify(shorten(name))}: `);
        if (writeValue(field, name, inner)) first = false;
        else {
          // Like JSON.stringify, a property without a JSON value is left out.
          parts.length = mark;
          length = markLength;
          full = length >= maxLength;
        }
      }
      if (!full) write(first ? '}' : `\n${indent}}`);
    }
    ancestors.delete(object);
    return true;
  };

  let note = '';
  try {
    if (!writeValue(value, '', '')) return String(value);
  } catch (error) {
    note = `[unserializable: ${error instanceof Error ? error.message : String(error)}]`;
  }
  let text = parts.join('');
  if (text.length > maxLength) text = text.slice(0, maxLength);
  if (full && text.length >= maxLength) note ||= `… (cut at ${maxLength} chars)`;
  return note ? `${text}${text ? '\n' : ''}${note}` : text;
}
