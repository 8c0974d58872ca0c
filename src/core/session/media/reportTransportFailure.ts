import { errorMessage, report, type SessionContext } from '../context/sessionContext.ts';
import { runTransaction } from '../context/transaction.ts';

/** Report a failure of the transport's audio (a meter, a microphone switch) as an `error` event. */
export function reportTransportFailure(ctx: SessionContext, code: string, cause: unknown): void {
  runTransaction(ctx, () => report(ctx, 'transport', code, errorMessage(cause), cause));
}
