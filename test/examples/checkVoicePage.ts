import type { ElementHandle, Page } from 'playwright-core';

/** How one check went; the runner prints and counts them. */
export type RecordCheck = (name: string, ok: boolean, detail?: string) => void;

/**
 * Deadlines for hangs only: the demo plays in real time (about 30 s to the idle timeout), and a
 * loaded machine may render slowly, so each is several times what an idle machine needs.
 */
const DEADLINE = { load: 120_000, connect: 60_000, firstRow: 120_000, idleBanner: 240_000 };

/** What the page saw of each transcript row: its role and every text length it showed. */
interface RowHistory {
  role: string;
  lengths: number[];
  text: string;
}

declare global {
  interface Window {
    __exampleRows?: () => RowHistory[];
  }
}

/**
 * The voice page in demo mode, as a visitor uses it: the demo notice shows, the kit's own
 * "Start session" connects, user and assistant rows stream into the transcript (an assistant
 * row is seen growing), and the idle banner opens when the scripted user goes quiet. Queries the
 * kit's components by role and name. Returns false at the first check that failed.
 *
 * @example
 * ```ts
 * const ok = await checkVoicePage(page, server.url, (name, ok, detail) => console.log(name, ok, detail), 'vite');
 * ```
 */
export async function checkVoicePage(
  page: Page,
  url: string,
  record: RecordCheck,
  label: string,
): Promise<boolean> {
  const check = async (name: string, run: () => Promise<string | void>): Promise<boolean> => {
    try {
      record(`${label}: ${name}`, true, (await run()) ?? '');
      return true;
    } catch (error) {
      record(`${label}: ${name}`, false, error instanceof Error ? error.message.split('\n')[0] : String(error));
      return false;
    }
  };

  const ok =
    (await check('the page loads', async () => {
      await page.goto(url, { waitUntil: 'load', timeout: DEADLINE.load });
    })) &&
    (await check('the demo notice shows', async () => {
      const shown = page.getByRole('note').filter({ hasText: /\bdemo\b/i });
      await shown.waitFor({ state: 'visible', timeout: DEADLINE.load });
      return JSON.stringify((await shown.innerText()).slice(0, 60));
    })) &&
    (await check('"Start session" connects', async () => {
      await page.getByRole('button', { name: 'Start session' }).click({ timeout: DEADLINE.load });
      await recordRowHistories(await page.getByRole('log', { name: 'Conversation' }).elementHandle({ timeout: DEADLINE.load }));
      await page.getByRole('button', { name: 'End session' }).waitFor({ state: 'visible', timeout: DEADLINE.connect });
    })) &&
    (await check('user and assistant rows appear in the transcript', async () => {
      const log = page.getByRole('log', { name: 'Conversation' });
      await log.locator('[data-role="user"]').first().waitFor({ timeout: DEADLINE.firstRow });
      await log.locator('[data-role="assistant"]').first().waitFor({ timeout: DEADLINE.firstRow });
    })) &&
    // Before the streaming is judged: the banner ends the script, and its absence is a failure
    // of its own check, not a timeout reported against the transcript.
    (await check('the idle banner asks "Are you still there?"', async () => {
      const banner = page.getByRole('status').filter({ has: page.getByRole('button', { name: "I'm still here" }) });
      await banner.waitFor({ state: 'visible', timeout: DEADLINE.idleBanner }).catch(() => {
        throw new Error(`no idle banner (a status with "I'm still here") within ${DEADLINE.idleBanner / 1000} s of the first rows`);
      });
      const text = await banner.innerText();
      if (!text.includes('Are you still there?')) throw new Error(`the banner says ${JSON.stringify(text)}`);
    })) &&
    (await check('user and assistant rows streamed into the transcript', async () => {
      // Judged over the whole script, which has played up to the banner.
      const rows = await page.evaluate(() => window.__exampleRows?.() ?? []);
      const users = rows.filter((row) => row.role === 'user' && row.text.trim() !== '');
      const grown = rows.filter((row) => row.role === 'assistant' && new Set(row.lengths.filter((length) => length > 0)).size >= 3);
      if (users.length === 0) throw new Error(`no user row with text (rows seen: ${JSON.stringify(rows)})`);
      if (grown.length === 0) throw new Error(`no assistant row seen growing (rows seen: ${JSON.stringify(rows)})`);
      return `${users.length} user rows, ${grown.length} assistant rows seen growing (e.g. lengths ${grown[0]!.lengths.join(' → ')})`;
    }));
  return ok;
}

/**
 * Watches the transcript in the page itself, from before the first row: every text length each
 * row shows, so streaming (text that grows) is seen whatever the machine's speed. Source text,
 * not a function: tsx would wrap a function's inner functions in a helper the page lacks.
 */
const WATCH_ROWS = `(root) => {
  const histories = new Map();
  const sample = () => {
    for (const row of root.querySelectorAll('[data-role="user"], [data-role="assistant"]')) {
      const text = row.textContent ?? '';
      let history = histories.get(row);
      if (!history) histories.set(row, (history = { role: row.getAttribute('data-role') ?? '', lengths: [], text }));
      if (history.lengths.at(-1) !== text.length) history.lengths.push(text.length);
      history.text = text;
    }
  };
  new MutationObserver(sample).observe(root, { subtree: true, childList: true, characterData: true });
  sample();
  window.__exampleRows = () => [...histories.values()];
}`;

async function recordRowHistories(log: ElementHandle<SVGElement | HTMLElement>): Promise<void> {
  const watchRows = await log.evaluateHandle(WATCH_ROWS);
  await watchRows.evaluate((watch, root) => (watch as unknown as (root: Element) => void)(root), log);
}
