'use client';

import { useRef, useState } from 'react';
import { reindexPosts, type ReindexProgress } from '../app/reindex.js';
import { describeError } from './describe-error.js';

/** A streaming action on the page: starts a reindex, renders each progress item as it arrives, and cancels it. */
export function ReindexPanel({ enabled }: { enabled: boolean }) {
  const [progress, setProgress] = useState<ReindexProgress | null>(null);
  const [status, setStatus] = useState('Not started');
  const [running, setRunning] = useState(false);
  const cancelRequested = useRef(false);

  async function start(): Promise<void> {
    cancelRequested.current = false;
    setRunning(true);
    setProgress(null);
    setStatus('Reindexing…');
    try {
      const steps = reindexPosts();
      for (;;) {
        const next = await steps.next();
        if (next.done) {
          setStatus(`Indexed ${next.value.indexed} of ${next.value.total} batches, finished at ${next.value.finishedAt.toISOString()}`);
          break;
        }
        setProgress(next.value);
        if (cancelRequested.current) {
          // leaving the loop aborts the request: the server's generator is returned
          await steps.return(undefined as never);
          setStatus(`Cancelled after ${next.value.step} of ${next.value.total} batches`);
          break;
        }
      }
    } catch (failure) {
      setStatus(describeError(failure));
    } finally {
      setRunning(false);
    }
  }

  const percent = progress ? Math.round((progress.step / progress.total) * 100) : 0;
  return (
    <div id="reindex" data-testid="reindex">
      <p>
        <button id="reindex-start" type="button" disabled={!enabled || running} onClick={() => void start()}>Reindex posts</button>{' '}
        <button id="reindex-cancel" type="button" disabled={!running} onClick={() => (cancelRequested.current = true)}>Cancel</button>
      </p>
      <progress id="reindex-progress" max={100} value={percent} aria-label="Reindex progress" />
      <p id="reindex-step" data-testid="reindex-step" data-step={progress?.step ?? 0} data-at={progress?.at.toISOString() ?? ''}>
        {progress ? `Batch ${progress.step} of ${progress.total}: ${progress.label} at ${progress.at.toLocaleTimeString('en-GB', { timeZone: 'UTC' })}` : ''}
      </p>
      <p id="reindex-status" data-testid="reindex-status" role="status">{status}</p>
      <p className="hint">A streaming action: each batch arrives as a server-sent event; Cancel leaves the loop, which stops the server’s generator.</p>
    </div>
  );
}
