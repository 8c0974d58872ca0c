import {
  getTurnDetection,
  validateSessionConfig,
  withIdleTimeout,
  type SessionConfig,
  type TurnDetection,
} from '../../protocol/index.ts';
import { errorMessage, readState, report, send, type SessionContext } from '../context/sessionContext.ts';
import { mergeSessionConfig } from './mergeSessionConfig.ts';
import { resolveIdlePolicy } from '../idle/resolveIdlePolicy.ts';
import { reconfigureIdle, serverArmedByDesire } from '../idle/sessionIdle.ts';
import type { IdlePolicy } from '../idle/idleTypes.ts';

// Keeps the session config we ask for and the idle policy in agreement, on the server too.

/**
 * The config to send on connect: what was asked for, with the policy's idle timeout where server
 * VAD allows one, and the client tools declared (every connect: a new server session knows none).
 */
export function initialConfig(ctx: SessionContext): SessionConfig | undefined {
  const config = withPolicyTimeout(ctx);
  return ctx.tools === null ? config : ctx.tools.declare(config);
}

function withPolicyTimeout(ctx: SessionContext): SessionConfig | undefined {
  const { desired, policy } = ctx;
  if (policy.timeoutMs === null) return desired;
  const td = getTurnDetection(desired);
  if (td === undefined || td?.type === 'server_vad') return withIdleTimeout(desired ?? {}, policy.timeoutMs);
  return desired; // semantic VAD or none: the client clock covers it
}

export function sendSessionUpdate(ctx: SessionContext, session: SessionConfig, wasServerArmed: boolean): void {
  const body: SessionConfig = session.type === undefined ? { type: 'realtime', ...session } : session;
  const eventId = `rrk_update_${++ctx.updateCounter}`;
  if (!send(ctx, { type: 'session.update', event_id: eventId, session: body })) return;
  ctx.awaitingUpdates++;
  // The trap: turning the server's idle timeout back on does not reset its idle clock, so
  // it could fire at once. Clearing the input buffer resets it. Not while the user speaks:
  // that would throw their words away, and their speech resets the server's clock anyway.
  if (!wasServerArmed && serverArmedByDesire(ctx) && !readState(ctx).userSpeaking) {
    send(ctx, { type: 'input_audio_buffer.clear' });
  }
  reconfigureIdle(ctx);
}

/** `session.updateSession`: validate, then apply. Call inside a transaction. */
export function updateSessionConfig(ctx: SessionContext, patch: SessionConfig): void {
  let config: SessionConfig;
  try {
    config = validateSessionConfig(patch);
  } catch (cause) {
    report(ctx, 'config', 'invalid_config', errorMessage(cause), cause);
    return;
  }
  applySessionPatch(ctx, config);
}

/** Send (or keep for connect) a validated session patch, with the idle timeout merged in. */
export function applySessionPatch(ctx: SessionContext, patch: SessionConfig): void {
  let config = patch;
  const wasArmed = serverArmedByDesire(ctx);
  adoptTimeoutFrom(ctx, config);
  const td = getTurnDetection(config);
  // A new server VAD block without an idle timeout keeps the policy's timeout.
  if (td?.type === 'server_vad' && td.idle_timeout_ms === undefined && ctx.policy.timeoutMs !== null) {
    config = withIdleTimeout(config, ctx.policy.timeoutMs);
  }
  ctx.desired = mergeSessionConfig(ctx.desired, config);
  // A patch's `tools` replace the server's list: the client tools must stay in it.
  if (readState(ctx).status === 'connected') sendSessionUpdate(ctx, config.tools && ctx.tools ? ctx.tools.declare(config) : config, wasArmed);
  else reconfigureIdle(ctx);
}

/** An explicit `idle_timeout_ms` in a session patch becomes the policy's timeout. */
function adoptTimeoutFrom(ctx: SessionContext, config: SessionConfig): void {
  const td = getTurnDetection(config);
  if (td?.type === 'server_vad' && td.idle_timeout_ms !== undefined) {
    ctx.policy = { ...ctx.policy, timeoutMs: td.idle_timeout_ms };
  }
}

/** `session.setIdlePolicy`: a new timeout also goes to the server. Call inside a transaction. */
export function setIdlePolicy(ctx: SessionContext, patch: Partial<IdlePolicy>): void {
  let next: IdlePolicy;
  try {
    next = resolveIdlePolicy(patch, ctx.policy);
  } catch (cause) {
    report(ctx, 'config', 'invalid_idle_policy', errorMessage(cause), cause);
    return;
  }
  const wasArmed = serverArmedByDesire(ctx);
  // Compared with what runs too: a timeout the server reports (set when its client secret was
  // minted, say) runs although the policy never asked for one, and must still be turned off.
  const timeoutChanged =
    next.timeoutMs !== ctx.policy.timeoutMs || (patch.timeoutMs !== undefined && next.timeoutMs !== ctx.idle.state.timeoutMs);
  ctx.policy = next;
  if (timeoutChanged) {
    const td = getTurnDetection(ctx.desired);
    if (td === undefined || td?.type === 'server_vad') {
      // Keep the server's other VAD settings: start from what we asked for, or what it runs.
      const reported = getTurnDetection(readState(ctx).session);
      const base: TurnDetection =
        td ?? (reported?.type === 'server_vad' ? reported : { type: 'server_vad' });
      const update = withIdleTimeout({ audio: { input: { turn_detection: base } } }, next.timeoutMs);
      ctx.desired = mergeSessionConfig(ctx.desired, update);
      if (readState(ctx).status === 'connected') {
        sendSessionUpdate(ctx, update, wasArmed);
        return;
      }
    }
  }
  reconfigureIdle(ctx);
}
