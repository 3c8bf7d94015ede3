import type { Page } from 'playwright-core';
import { ChromiumPages, describeWithBrowser } from '../helpers/chromium.js';
import { gotoHydrated, serveSampleToChromium, type ServedSample } from '../helpers/sample-server.js';

/** The server's state of the last reindex, asked through raw HTTP (the page's own action). */
async function lastReindex(sample: ServedSample): Promise<{ state: string; indexed: number } | null> {
  const response = await fetch(new URL('actions/app/reindex/lastReindex', sample.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
  return (await response.json()) as { state: string; indexed: number } | null;
}

async function stepShown(page: Page): Promise<number> {
  return Number(await page.getAttribute('#reindex-step', 'data-step'));
}

/**
 * The sample's streaming action (a reindex reporting progress) on its React page in headless Chromium: the page renders
 * each item as it arrives (its Date revived), runs to the returned summary, and its Cancel button leaves the loop, which
 * returns the server's generator (its `finally` records the cancel).
 */
describeWithBrowser('the sample page’s streaming reindex in headless Chromium', () => {
  const chromium = new ChromiumPages();
  const sample = serveSampleToChromium(chromium);

  async function openSamplePage(): Promise<Page> {
    return gotoHydrated(await chromium.newPage({ javaScriptEnabled: true, viewport: { width: 900, height: 900 } }), sample);
  }

  it('renders progress item by item and ends with the returned summary', async () => {
    const page = await openSamplePage();
    await page.click('#reindex-start');
    await page.waitForFunction(() => Number(document.querySelector('#reindex-step')?.getAttribute('data-step')) >= 2);
    const seen = await stepShown(page);
    expect(seen).toBeLessThan(20);
    expect(await page.getAttribute('#reindex-step', 'data-at')).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    expect(await page.textContent('#reindex-step')).toMatch(/^Batch \d+ of 20: posts \d+–\d+ at \d{2}:\d{2}:\d{2}$/);
    await page.waitForFunction(() => document.querySelector('#reindex-status')?.textContent?.startsWith('Indexed'), undefined, { timeout: 20000 });
    expect(await page.textContent('#reindex-status')).toMatch(/^Indexed 20 of 20 batches, finished at \d{4}-\d{2}-\d{2}T/);
    expect(await stepShown(page)).toBe(20);
    expect(await lastReindex(sample)).toEqual({ state: 'finished', indexed: 20 });
  });

  it('cancels: the loop is left, the request aborted, and the server’s generator returned', async () => {
    const page = await openSamplePage();
    await page.click('#reindex-start');
    await page.waitForFunction(() => Number(document.querySelector('#reindex-step')?.getAttribute('data-step')) >= 2);
    await page.click('#reindex-cancel');
    await page.waitForFunction(() => document.querySelector('#reindex-status')?.textContent?.startsWith('Cancelled'));
    const status = (await page.textContent('#reindex-status')) ?? '';
    const cancelledAt = Number(/^Cancelled after (\d+) of 20 batches$/.exec(status)?.[1]);
    expect(cancelledAt).toBeGreaterThanOrEqual(2);
    expect(cancelledAt).toBeLessThan(20);
    const deadline = Date.now() + 2000;
    let state = await lastReindex(sample);
    while (state?.state !== 'cancelled' && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      state = await lastReindex(sample);
    }
    expect(state?.state).toBe('cancelled');
    // the server stopped at once: at most the batch in flight when the request was aborted
    expect(state?.indexed).toBeLessThanOrEqual(cancelledAt + 1);
    expect(await page.isEnabled('#reindex-start')).toBe(true);
  });
});
