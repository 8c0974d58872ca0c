'use client';

import { useEffect, useState, type ReactNode } from 'react';
import { RealtimeProvider } from 'react-realtime-kit';
import { createAgentsRealtimeTransport } from 'react-realtime-kit/agents';
import { createStore } from 'react-realtime-kit/advanced';
import { parseServerEvent } from 'react-realtime-kit/core';
import { createDemoSession } from 'react-realtime-kit/testing';

/**
 * The client side of the entries page: a demo session (from '/testing', imported statically so
 * the server render evaluates it too) in a RealtimeProvider around the children the Server
 * Component rendered. '/agents', '/advanced' and '/core' are imported here as well, so they are
 * in the browser bundle and in the server render of a client component.
 */
export function EntriesDemo({ children }: { children: ReactNode }) {
  const [session] = useState(() => createDemoSession());
  useEffect(() => () => session.disconnect(), [session]);
  const reachable = [createAgentsRealtimeTransport, createStore, parseServerEvent].every((value) => typeof value === 'function');
  return (
    <section aria-label="Demo" data-client-entries={reachable ? 'all' : 'missing'}>
      <RealtimeProvider session={session}>{children}</RealtimeProvider>
    </section>
  );
}
