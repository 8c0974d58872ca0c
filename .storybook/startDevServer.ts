/**
 * `npm start`: Storybook's dev server at http://localhost:6006, offline.
 *
 * Storybook listens on 127.0.0.1 only, but `localhost` may resolve to ::1 first (Node 17 and
 * later, macOS, many Linux distributions), and then the README's link would not answer. Its own
 * `--host ::1` crashes it (it builds `http://::1:6006/` without brackets), and a host of `::`
 * would open it to the whole network. So this script starts it as usual and forwards the IPv6
 * loopback, [::1]:6006, to it; where the machine has no IPv6 loopback, nothing is forwarded.
 *
 * Telemetry and update checks stay off (`.storybook/main.ts` says so too). Extra arguments go
 * to `storybook dev` (`npm start -- --debug`).
 */
import { spawn } from 'node:child_process';
import { connect, createServer } from 'node:net';
import type { Server, Socket } from 'node:net';
import { resolve } from 'node:path';

const PORT = 6006;

/** Forward every connection on [::1]:port to 127.0.0.1:port; null if there is no IPv6 loopback. */
function forwardIpv6Loopback(port: number): Promise<Server | null> {
  const server = createServer((client: Socket) => {
    const upstream = connect(port, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    const close = () => {
      client.destroy();
      upstream.destroy();
    };
    client.on('error', close);
    upstream.on('error', close);
  });
  return new Promise((done) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EADDRNOTAVAIL' && error.code !== 'EAFNOSUPPORT') {
        console.warn(`Not forwarding [::1]:${port} to Storybook: ${error.message}`);
      }
      done(null);
    });
    server.listen({ port, host: '::1', ipv6Only: true }, () => done(server));
  });
}

/** Whether something accepts connections on 127.0.0.1:port. */
function answers(port: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      done(true);
    });
    socket.once('error', () => done(false));
  });
}

const storybook = spawn(
  resolve('node_modules/.bin/storybook'),
  ['dev', '-p', String(PORT), '--exact-port', '--no-open', '--ci', '--no-version-updates', '--disable-telemetry', ...process.argv.slice(2)],
  { stdio: 'inherit', env: { ...process.env, STORYBOOK_DISABLE_TELEMETRY: '1' } },
);
// Only once Storybook listens: it checks that the port is free on every address first.
let forwarder: Server | null = null;
void (async () => {
  while (storybook.exitCode === null && !(await answers(PORT))) await new Promise((done) => setTimeout(done, 500));
  if (storybook.exitCode === null) forwarder = await forwardIpv6Loopback(PORT);
})();

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => storybook.kill(signal));
}
storybook.on('exit', (code, signal) => {
  forwarder?.close();
  process.exit(code ?? (signal ? 1 : 0));
});
