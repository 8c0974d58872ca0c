/// <reference types="vite/client" />

interface ImportMetaEnv {
  /**
   * A server route that answers a POST with an ephemeral Realtime key (`ek_...`) as text, like
   * the Next example's `/api/session`. Unset: the page runs the scripted demo.
   */
  readonly VITE_REALTIME_SESSION_URL?: string;
}

interface ImportMeta {
  readonly env: ImportMetaEnv;
}
