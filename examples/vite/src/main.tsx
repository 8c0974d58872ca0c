import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'react-realtime-kit/styles.css';
import './page.css';
import { App } from './App.tsx';
import { createSession } from './createSession.ts';

// Created once, before the first render: StrictMode's second mount reuses it (one connection).
const page = await createSession();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App {...page} />
  </StrictMode>,
);
