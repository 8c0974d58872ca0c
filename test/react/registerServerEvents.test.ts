import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { expect, it } from 'vitest';

// `Register` is a module augmentation, which reaches every file of a TypeScript program: inside
// the project's own type check it would retype every other test's sessions. So this app is
// checked as its own program, the way an app would see the package.

const ROOT = resolve(import.meta.dirname, '../..');

const APP = `
import * as z from 'zod/mini';
import { createRealtimeSession, defineServerEvents, useRealtimeEvents } from 'react-realtime-kit';
import type { RealtimeTransport, SessionEvent } from 'react-realtime-kit';

export const appServerEvents = defineServerEvents({
  'conversation.item.summary_ready': z.object({ item_id: z.string(), summary: z.string() }),
});

declare module 'react-realtime-kit' {
  interface Register {
    serverEvents: typeof appServerEvents;
  }
}

export function SummaryToast(): null {
  useRealtimeEvents('conversation.item.summary_ready', (event) => {
    const summary: string = event.summary;
    // @ts-expect-error the schema has no such field
    void event.missing;
    void summary;
  });
  useRealtimeEvents('*', (event) => {
    if (event.type === 'conversation.item.summary_ready') {
      const itemId: string = event.item_id;
      void itemId;
    }
    // @ts-expect-error '*' also delivers the registered events, so it is wider than SessionEvent
    const only: SessionEvent = event;
    void only;
  });
  // @ts-expect-error not registered
  useRealtimeEvents('conversation.item.other_event', () => {});
  return null;
}

declare const transport: RealtimeTransport;
// The provider's session is created with the registered events.
export const session = createRealtimeSession({ transport, serverEvents: appServerEvents });
session.on('conversation.item.summary_ready', (event) => void event.summary.length);
`;

it('Register types the provider session’s custom server events in useRealtimeEvents and on()', () => {
  const scratch = join(ROOT, 'node_modules', '.cache', `register-test-${process.pid}`);
  mkdirSync(scratch, { recursive: true });
  try {
    const file = join(scratch, 'app.tsx');
    writeFileSync(file, APP);
    const configPath = join(ROOT, 'tsconfig.json');
    const config = ts.readConfigFile(configPath, (path) => ts.sys.readFile(path));
    const { options } = ts.parseJsonConfigFileContent(config.config, ts.sys, ROOT, undefined, configPath);
    const program = ts.createProgram({
      rootNames: [file],
      options: { ...options, noEmit: true, paths: { 'react-realtime-kit': [join(ROOT, 'src/index.ts')] } },
    });
    const diagnostics = ts
      .getPreEmitDiagnostics(program)
      .map((d) => `${d.file ? `${d.file.fileName}:${d.start}: ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(diagnostics).toEqual([]);
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}, 300_000);
