import { spawn } from 'node:child_process';

/** What a finished command printed, and how it ended. */
export interface CommandResult {
  ok: boolean;
  output: string;
  exitCode: number | null;
}

/**
 * Runs a command to its end (npm ci, npm run build) without blocking the event loop, with a
 * generous deadline: a deadline catches a hang, it is not a speed requirement.
 *
 * @example
 * ```ts
 * const built = await runCommand('npm', ['run', 'build'], { cwd: app, env, timeoutMs: 15 * 60_000 });
 * ```
 */
export function runCommand(
  command: string,
  args: readonly string[],
  options: { cwd: string; env: NodeJS.ProcessEnv; timeoutMs: number },
): Promise<CommandResult> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    // Bytes, decoded once at the end: a chunk may end inside a multi-byte character.
    const chunks: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => chunks.push(chunk));
    const output = () => Buffer.concat(chunks).toString('utf8');
    let timedOut = '';
    const timer = setTimeout(() => {
      timedOut = `\n[runner] ${command} ${args.join(' ')} still running after ${options.timeoutMs / 1000} s: stopped\n`;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      resolve({ ok: false, output: `${output()}\n${error.message}`, exitCode: null });
    });
    child.on('close', (exitCode) => {
      clearTimeout(timer);
      resolve({ ok: exitCode === 0 && !timedOut, output: output() + timedOut, exitCode });
    });
  });
}

/**
 * Stops a process this runner started and everything it started (it leads its own process
 * group: `detached`), so `npm start`'s server does not outlive the run.
 *
 * @example
 * ```ts
 * killGroup(server.pid);
 * ```
 */
export function killGroup(pid: number | undefined, signal: NodeJS.Signals = 'SIGTERM'): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // Already gone.
  }
}
