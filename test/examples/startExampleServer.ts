import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { killGroup } from './runCommand.ts';

/** A running `npm start`: its address, what it printed, and how to stop it. */
export interface ExampleServer {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** A port nobody listens on right now (the OS picks it). */
function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/**
 * `PORT=<free port> npm start` in the app, then waits until the page answers 200 (or the
 * server exits, or `timeoutMs` passes: a deadline for a hang, not a speed requirement).
 *
 * @example
 * ```ts
 * const server = await startExampleServer(app, env, 120_000);
 * try { await page.goto(server.url); } finally { await server.stop(); }
 * ```
 */
export async function startExampleServer(cwd: string, env: NodeJS.ProcessEnv, timeoutMs: number): Promise<ExampleServer> {
  const port = await freePort();
  const child = spawn('npm', ['start'], { cwd, env: { ...env, PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let exited = false;
  const closed = new Promise<void>((resolve) => child.on('close', () => ((exited = true), resolve())));
  const server: ExampleServer = {
    url: `http://localhost:${port}/`,
    output: () => output,
    stop: async () => {
      if (exited) return;
      killGroup(child.pid);
      const killed = setTimeout(() => killGroup(child.pid, 'SIGKILL'), 10_000);
      await closed;
      clearTimeout(killed);
    },
  };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (exited) throw new Error(`npm start exited before serving:\n${output}`);
    try {
      const response = await fetch(server.url, { signal: AbortSignal.timeout(30_000) });
      await response.arrayBuffer();
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) {
      await server.stop();
      throw new Error(`nothing answered 200 on ${server.url} within ${timeoutMs / 1000} s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}
