import { RealtimeTransportError } from '../../transport/RealtimeTransportError.ts';
import { readState, writeState, type SessionContext } from '../context/sessionContext.ts';
import { runTransaction } from '../context/transaction.ts';
import { reportTransportFailure } from './reportTransportFailure.ts';

/**
 * `session.setMicrophoneDevice`: ask the transport to switch, then record the choice in the
 * state. A failure is both an `error` event (for logs and error UIs that listen to the session)
 * and the promise's rejection (for the picker that asked).
 */
export async function setMicrophoneDevice(ctx: SessionContext, requested: string | null): Promise<void> {
  // '' is the default too: MicrophoneSelect's default option, and a choice saved as `id ?? ''`.
  // Passed on, it would become `deviceId: { exact: '' }`, which no microphone satisfies.
  const deviceId = requested || null;
  const transport = ctx.transport;
  try {
    if (!transport.setMicrophoneDevice) {
      throw new RealtimeTransportError('unsupported', 'This transport cannot switch microphones.');
    }
    await transport.setMicrophoneDevice(deviceId);
  } catch (cause) {
    reportTransportFailure(ctx, cause instanceof RealtimeTransportError ? cause.code : 'microphone_switch_failed', cause);
    throw cause;
  }
  runTransaction(ctx, () => {
    if (readState(ctx).microphoneDeviceId !== deviceId) writeState(ctx).microphoneDeviceId = deviceId;
  });
}
