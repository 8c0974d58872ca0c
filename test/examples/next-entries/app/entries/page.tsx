/**
 * A Server Component (no 'use client') that imports every entry of react-realtime-kit a browser
 * app can reach, and renders the root entry's client components inside its tree. `next build`
 * prerenders it as static HTML, so building it proves, on the package as npm ships it:
 * - the React entries ('react-realtime-kit', '/testing/react') are client modules: a Server
 *   Component can import them and render their components (without 'use client' the build fails:
 *   their hooks and createContext do not exist in the react-server build of React);
 * - the other entries ('/core', '/advanced', '/testing', '/agents', '/server') import on the
 *   server, in the react-server graph, without touching window, document or React's client APIs;
 * - nothing in any entry touches a browser global at import or during the server render.
 * The runner then loads /entries in Chromium: it hydrates without a warning and the demo plays
 * (the same checks as the example's own page: the demo notice, "Start session", rows, the banner).
 */
import * as advanced from 'react-realtime-kit/advanced';
import * as agents from 'react-realtime-kit/agents';
import * as core from 'react-realtime-kit/core';
import * as server from 'react-realtime-kit/server';
import * as testing from 'react-realtime-kit/testing';
import { renderWithSession } from 'react-realtime-kit/testing/react';
import { ConnectionIndicator, IdleBanner, SessionControls, TranscriptView } from 'react-realtime-kit';
import { EntriesDemo } from './EntriesDemo';

/** Entries that are plain modules on the server: every export is a real value here. */
const serverModules = { core, advanced, testing, agents, server };

export default function EntriesPage() {
  return (
    <main>
      <h1>Every entry in a Server Component</h1>
      <p role="note">Demo: a scripted session from react-realtime-kit/testing.</p>
      <ul aria-label="Entries imported on the server">
        {Object.entries(serverModules).map(([name, entry]) => (
          <li key={name} data-entry={name}>
            react-realtime-kit/{name}: {Object.keys(entry).length} exports
          </li>
        ))}
        {/* A client reference: on the server it is a function that stands for the module's export. */}
        <li data-entry="testing/react">react-realtime-kit/testing/react: {typeof renderWithSession}</li>
      </ul>
      {/* Client components of the root entry, rendered by this Server Component as children of a client provider. */}
      <EntriesDemo>
        <ConnectionIndicator />
        <SessionControls />
        <TranscriptView />
        <IdleBanner />
      </EntriesDemo>
    </main>
  );
}
