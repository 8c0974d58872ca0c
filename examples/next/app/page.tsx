import { connection } from 'next/server';
import { VoiceAssistant } from './VoiceAssistant';

/**
 * A Server Component: it reads the environment at request time and hands the client only a
 * boolean. The API key itself stays on the server (the route handler in app/api/session uses it).
 */
export default async function Home() {
  await connection(); // render per request, so the key set on the running server decides
  const demo = !process.env.OPENAI_API_KEY;
  return (
    <main>
      {demo && (
        <p className="demo-notice" role="note">
          Demo: a scripted session, no microphone and no OpenAI call. Set <code>OPENAI_API_KEY</code> on
          the server to talk to the Realtime API.
        </p>
      )}
      <VoiceAssistant demo={demo} />
    </main>
  );
}
