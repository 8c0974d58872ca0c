import { getTurnDetection } from '../../protocol/index.ts';
import { idleBusy, idleConfigure, idleUserActive, idleView, type IdleMachineConfig } from './idleMachine.ts';
import { readState, writeState, type SessionContext } from '../context/sessionContext.ts';

// The session's side of the idle machine: the config it runs with (what the server's idle
// clock does), the user activity it hears, and `state.idle` kept in step with it at each commit.

/**
 * What the server's idle clock does: its own report (`session.updated`) once it has
 * answered our last update, else what we asked for.
 */
export function idleMachineConfig(ctx: SessionContext): IdleMachineConfig {
  const { policy } = ctx;
  const session = readState(ctx).session;
  const reported = session && ctx.awaitingUpdates === 0 ? getTurnDetection(session) : undefined;
  let server: boolean;
  let timeoutMs = policy.timeoutMs;
  const reportedTimeout = reported?.type === 'server_vad' ? reported.idle_timeout_ms : null;
  // A server VAD report without the field (older servers, emulators) says nothing: keep our view.
  if (reported !== undefined && reportedTimeout !== undefined) {
    server = reportedTimeout !== null;
    if (reportedTimeout !== null) timeoutMs = reportedTimeout;
  } else {
    server = serverArmedByDesire(ctx);
  }
  const mode = policy.clientFallback;
  return {
    timeoutMs,
    server,
    client: mode === 'never' ? 'off' : mode === 'always' || !server ? 'primary' : 'backup',
    maxTimeouts: policy.maxTimeouts,
    endGraceMs: policy.endGraceMs,
  };
}

/** Whether the server runs its idle clock with the config we asked for. */
export function serverArmedByDesire(ctx: SessionContext): boolean {
  if (ctx.policy.timeoutMs === null) return false;
  const td = getTurnDetection(ctx.desired);
  return td === undefined || td?.type === 'server_vad';
}

export function reconfigureIdle(ctx: SessionContext): void {
  const config = idleMachineConfig(ctx);
  ctx.idle.apply((s, now) => idleConfigure(s, config, now));
}

export function markUserActive(ctx: SessionContext): void {
  ctx.idle.apply(idleUserActive);
}

/** The idle machine's only input from the state: is anyone speaking, responding or calling a tool. */
function busyNow(ctx: SessionContext): boolean {
  const s = readState(ctx);
  return s.userSpeaking || s.assistantSpeaking || s.responding || ctx.pendingTools.size > 0;
}

/**
 * Bring the idle machine and `state.idle` up to date, before a commit. Most messages (audio
 * and transcript deltas) change nothing the idle machine reads: its bookkeeping is skipped
 * unless one of its inputs moved since the last sync.
 */
export function syncIdle(ctx: SessionContext): void {
  const { idle } = ctx;
  const busy = busyNow(ctx);
  if (idle.state === ctx.syncedIdle && busy === ctx.syncedBusy && readState(ctx).idle === ctx.syncedView) return;
  if (busy !== idle.state.busy) idle.apply((m, now) => idleBusy(m, busy, now));
  const s = readState(ctx);
  const previous = s.idle;
  const view = idleView(idle.state, previous);
  if (view !== previous) {
    // Read before the write: `s` may be this transaction's draft, which the write changes.
    writeState(ctx).idle = view;
    ctx.emitter.enqueue({ type: 'idle_changed', idle: view, previous });
  }
  ctx.syncedIdle = idle.state;
  ctx.syncedBusy = busy;
  ctx.syncedView = view;
}
