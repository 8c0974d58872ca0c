/**
 * `npm run emulator`: a local Realtime API stand-in on 127.0.0.1 for development and the Live
 * story. Port from `--port N` or EMULATOR_PORT (default 8787); `--quiet` silences the log.
 */
import { createRealtimeEmulator } from '../src/emulator/index.ts';

const args = process.argv.slice(2);
const portArg = args.indexOf('--port');
const port = Number(portArg >= 0 ? args[portArg + 1] : (process.env.EMULATOR_PORT ?? 8787));
const quiet = args.includes('--quiet');

const emulator = await createRealtimeEmulator({
  port,
  log: quiet ? undefined : (line) => console.log(`[emulator] ${line}`),
});

console.log(`Realtime emulator listening on ${emulator.url}
  client secrets: POST ${emulator.url}/v1/realtime/client_secrets  (any bearer token)
  WebSocket:      ${emulator.wsUrl}
  WebRTC:         POST ${emulator.url}/v1/realtime/calls
Press Ctrl+C to stop.`);

const stop = () => {
  void emulator.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
