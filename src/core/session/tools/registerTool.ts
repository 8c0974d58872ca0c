import { runTransaction } from '../context/transaction.ts';
import type { SessionContext } from '../context/sessionContext.ts';
import type { RealtimeSession } from '../sessionTypes.ts';
import type { AnyClientTool } from './toolTypes.ts';

/**
 * `session.registerTool`: the first tool attaches the runtime it was defined with, so the code
 * that runs tools is bundled only by apps that call `defineTool`.
 */
export function registerTool(ctx: SessionContext, session: RealtimeSession, tool: AnyClientTool): () => void {
  let unregister = (): void => {};
  runTransaction(ctx, () => {
    ctx.tools ??= tool['~runtime']({ ctx, session });
    unregister = ctx.tools.register(tool);
  });
  let done = false;
  return () => {
    if (done) return;
    done = true;
    runTransaction(ctx, unregister);
  };
}
