import type { TranscriptItem } from '../../core/session/types.ts';

/** The rows a transcript shows once each function call's output is shown on its call's row. */
export interface PairedToolRows {
  items: readonly TranscriptItem[];
  /** The `function_call_output` rows left out, by `call_id`; null when none was. */
  outputs: ReadonlyMap<string, TranscriptItem> | null;
}

const isOutputRow = (item: TranscriptItem) => item.role === 'tool' && item.kind === 'tool_call';

/**
 * Leave out each `function_call_output` row whose function call has a row of its own: the call's
 * row shows the output (from `tool.output`, or from the output row kept here by `call_id`), so the
 * page does not show it twice. An output whose call is not in the list (a transcript cut short)
 * keeps its row. O(n) with no allocation for a transcript without tool outputs (the usual case):
 * the same array comes back.
 */
export function pairToolOutputs(items: readonly TranscriptItem[]): PairedToolRows {
  let calls: Set<string> | null = null;
  let hasOutputs = false;
  for (const item of items) {
    if (item.kind !== 'tool_call' || !item.tool?.callId) continue;
    if (isOutputRow(item)) hasOutputs = true;
    else (calls ??= new Set()).add(item.tool.callId);
  }
  if (!hasOutputs || !calls) return { items, outputs: null };
  const outputs = new Map<string, TranscriptItem>();
  const shown = items.filter((item) => {
    const callId = item.tool?.callId;
    if (!isOutputRow(item) || !callId || !calls.has(callId)) return true;
    outputs.set(callId, item);
    return false;
  });
  return { items: shown, outputs };
}
