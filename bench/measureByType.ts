import { parseServerEvent } from '../src/core/protocol/index.ts';
import { collectGarbage, median } from './measure.ts';

/** Median microseconds per message of one event type, at each stage of the path. */
export interface TypeCost {
  type: string;
  count: number;
  jsonParse: number;
  parseServerEvent: number;
  kit: number;
}

/**
 * Where the time goes, per event type: each message is timed alone with JSON.parse, with
 * parseServerEvent (parse + validation) and through a session. Timing single calls adds the
 * same small clock overhead to every column, so compare columns, not absolute values.
 */
export async function measureByType(
  messages: readonly string[],
  createPipeline: () => Promise<(data: string) => void>,
  rounds: number,
): Promise<TypeCost[]> {
  const types = messages.map((message) => (JSON.parse(message) as { type: string }).type);
  const samples = new Map<string, { jsonParse: number[]; parseServerEvent: number[]; kit: number[] }>();
  const timeEach = (deliver: (data: string) => unknown) => {
    const totals = new Map<string, number>();
    collectGarbage();
    for (let i = 0; i < messages.length; i++) {
      const start = performance.now();
      deliver(messages[i]!);
      totals.set(types[i]!, (totals.get(types[i]!) ?? 0) + performance.now() - start);
    }
    return totals;
  };
  for (let round = 0; round < rounds; round++) {
    const parse = timeEach((data) => JSON.parse(data));
    const validate = timeEach((data) => parseServerEvent(data));
    const kit = timeEach(await createPipeline());
    for (const [type, ms] of kit) {
      const entry = samples.get(type) ?? { jsonParse: [], parseServerEvent: [], kit: [] };
      entry.jsonParse.push(parse.get(type)!);
      entry.parseServerEvent.push(validate.get(type)!);
      entry.kit.push(ms);
      samples.set(type, entry);
    }
  }
  const counts = new Map<string, number>();
  for (const type of types) counts.set(type, (counts.get(type) ?? 0) + 1);
  return [...samples]
    .map(([type, entry]) => {
      const count = counts.get(type)!;
      const perMessage = (values: number[]) => (median(values) * 1000) / count;
      return { type, count, jsonParse: perMessage(entry.jsonParse), parseServerEvent: perMessage(entry.parseServerEvent), kit: perMessage(entry.kit) };
    })
    .sort((a, b) => b.kit * b.count - a.kit * a.count);
}

/** The table as Markdown, with each type's share of the kit's total time. */
export function formatTypeCosts(costs: readonly TypeCost[]): string {
  const total = costs.reduce((sum, cost) => sum + cost.kit * cost.count, 0);
  const rows = costs.map(
    (cost) =>
      `| \`${cost.type}\` | ${cost.count} | ${cost.jsonParse.toFixed(2)} | ${cost.parseServerEvent.toFixed(2)} | ${cost.kit.toFixed(2)} | ${((100 * cost.kit * cost.count) / total).toFixed(1)}% |`,
  );
  return [
    '| event type | messages | JSON.parse µs | parseServerEvent µs | kit µs | share of kit time |',
    '| --- | ---: | ---: | ---: | ---: | ---: |',
    ...rows,
  ].join('\n');
}
