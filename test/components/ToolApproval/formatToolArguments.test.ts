import { describe, expect, it } from 'vitest';
import { formatToolArguments } from '../../../src/components/ToolApproval/formatToolArguments.ts';

describe('formatToolArguments', () => {
  it('indents JSON two spaces per level, objects and arrays alike', () => {
    expect(formatToolArguments('{"branch":"old","flags":{"force":true,"tags":[1,2]}}')).toEqual({
      json: true,
      text: ['{', '  "branch": "old",', '  "flags": {', '    "force": true,', '    "tags": [', '      1,', '      2', '    ]', '  }', '}'].join('\n'),
    });
  });

  it('keeps empty objects and arrays on one line, and re-indents JSON that came indented', () => {
    expect(formatToolArguments('{ "a" : { } , "b" :[ ] }').text).toBe('{\n  "a": {},\n  "b": []\n}');
    expect(formatToolArguments('{}').text).toBe('{}');
  });

  it('keeps strings exactly: braces, commas, colons, escaped quotes and spaces inside them', () => {
    const text = '{"q":"a, b: {c} [d] \\"e\\"  f\\\\"}';
    expect(formatToolArguments(text).text).toBe('{\n  "q": "a, b: {c} [d] \\"e\\"  f\\\\"\n}');
    // Still the same JSON.
    expect(JSON.parse(formatToolArguments(text).text)).toEqual(JSON.parse(text));
  });

  it('shows every token as sent: long integers keep their digits, repeated keys both stay', () => {
    expect(formatToolArguments('{"id":12345678901234567890,"x":1.50}').text).toBe('{\n  "id": 12345678901234567890,\n  "x": 1.50\n}');
    expect(formatToolArguments('{"to":"alice","to":"mallory"}').text).toBe('{\n  "to": "alice",\n  "to": "mallory"\n}');
  });

  it('gives text that is not JSON back as it came', () => {
    expect(formatToolArguments('<img src=x onerror=alert(1)>')).toEqual({ text: '<img src=x onerror=alert(1)>', json: false });
    expect(formatToolArguments('{"unfinished":')).toEqual({ text: '{"unfinished":', json: false });
    expect(formatToolArguments('')).toEqual({ text: '', json: false });
  });

  it('shows invisible and direction-changing characters as escapes, in JSON and in text', () => {
    expect(formatToolArguments('{"file":"invoice\u202Efdp.exe"}').text).toBe('{\n  "file": "invoice\\u202efdp.exe"\n}');
    expect(formatToolArguments('pay\u200Bpal \u2066x\u2069').text).toBe('pay\\u200bpal \\u2066x\\u2069');
  });

  it('formats a large payload in one pass', () => {
    const big = JSON.stringify({ rows: Array.from({ length: 20_000 }, (_, i) => ({ i, name: `row ${i}` })) });
    const { text, json } = formatToolArguments(big);
    expect(json).toBe(true);
    expect(JSON.parse(text)).toEqual(JSON.parse(big));
    expect(text.split('\n')).toHaveLength(3 + 20_000 * 4 + 1);
  });
});
