import { ClientSecretError, createClientSecret } from 'react-realtime-kit/server';

/**
 * POST /api/session: mints a short-lived `ek_` key for the browser. The `sk-` key in
 * OPENAI_API_KEY never leaves the server. Put your own auth in front of this in a real app:
 * anyone who can call it can open a Realtime session on your account.
 */
export async function POST(): Promise<Response> {
  const apiKey = process.env.OPENAI_API_KEY;
  if (!apiKey) return new Response('OPENAI_API_KEY is not set on the server.', { status: 503 });
  try {
    const secret = await createClientSecret({
      apiKey,
      session: {
        type: 'realtime',
        model: 'gpt-realtime',
        audio: {
          input: {
            transcription: { model: 'gpt-4o-mini-transcribe' },
            turn_detection: { type: 'server_vad', idle_timeout_ms: 8000 },
          },
          output: { voice: 'marin' },
        },
      },
    });
    return new Response(secret.value, { headers: { 'Cache-Control': 'no-store' } });
  } catch (error) {
    // The kit redacts the key from its errors, so logging one is safe; the browser gets less.
    console.error(error);
    const unreachable = error instanceof ClientSecretError && error.code === 'network_error';
    return new Response(unreachable ? 'OpenAI is unreachable.' : 'Could not start a session.', {
      status: unreachable ? 503 : 502,
    });
  }
}
