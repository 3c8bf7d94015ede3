'use server';

import { lastEventId, signal } from 'actionwire/server';

/** One step of a search reindex, as the page shows it. */
export interface ReindexProgress {
  /** the batch just indexed, from 1 */
  step: number;
  total: number;
  /** what the batch covered */
  label: string;
  at: Date;
}

/** How a reindex that ran to its end went. */
export interface ReindexSummary {
  indexed: number;
  total: number;
  finishedAt: Date;
}

/** The last reindex the server ran: running, finished, or cancelled (its client went away), and how far it got. */
export interface ReindexState {
  state: 'running' | 'finished' | 'cancelled';
  indexed: number;
}

const BATCHES = 20;
let last: ReindexState | null = null;

function pause(ms: number, cancelled: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = (): void => {
      clearTimeout(timer);
      cancelled.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    cancelled.addEventListener('abort', done, { once: true });
  });
}

/**
 * Rebuilds the search index in 20 batches, streaming a progress item after each (a long task the page follows live) and
 * returning a summary. Leaving the loop on the client (its Cancel button) returns this generator: its `finally` records
 * the cancel. A reconnect with `Last-Event-ID: n` resumes after batch n.
 */
export async function* reindexPosts(batchMs?: number): AsyncGenerator<ReindexProgress, ReindexSummary> {
  const cancelled = signal();
  const state: ReindexState = { state: 'running', indexed: 0 };
  last = state;
  try {
    for (let step = Number(lastEventId() ?? 0) + 1; step <= BATCHES; step++) {
      await pause(batchMs ?? 250, cancelled);
      if (cancelled.aborted) return { indexed: state.indexed, total: BATCHES, finishedAt: new Date() };
      state.indexed = step;
      yield { step, total: BATCHES, label: `posts ${(step - 1) * 50 + 1}–${step * 50}`, at: new Date() };
    }
    return { indexed: state.indexed, total: BATCHES, finishedAt: new Date() };
  } finally {
    state.state = state.indexed === BATCHES ? 'finished' : 'cancelled';
  }
}

/** The last reindex the server ran, or null. */
export async function lastReindex(): Promise<ReindexState | null> {
  return last;
}
