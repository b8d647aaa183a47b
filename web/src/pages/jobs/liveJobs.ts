// Jobs follow their runs: a job's status and last run change when one of its runs starts or
// ends. The jobs list and the job page listen to the project's run events and refetch, at most
// once per short window, when a run of theirs changes state.
import { useEffect, useRef } from 'react';
import { useSubscription } from 'urql';
import { ProjectRunUpdatedSubscription } from '../runs/operations';

export interface RunEvent {
  id: string;
  jobId?: string | null;
  status: string;
}

/**
 * Whether `run` is news for a view of `jobId` (any job when not given): a run of that job
 * whose state differs from the last one seen. Records the state in `seen`.
 */
export function runStateChanged(seen: Map<string, string>, run: RunEvent, jobId?: string): boolean {
  if (jobId && run.jobId !== jobId) return false;
  if (seen.get(run.id) === run.status) return false;
  seen.set(run.id, run.status);
  if (seen.size > 500) {
    const oldest = seen.keys().next().value;
    if (oldest !== undefined) seen.delete(oldest);
  }
  return true;
}

/** Calls `refetch` (at most once per `waitMs`) when a run of the project, or of `jobId`, changes state. */
export function useRefetchOnRunChanges(projectId: string, refetch: () => void, jobId?: string, waitMs = 1000): void {
  const latest = useRef(refetch);
  latest.current = refetch;
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const seen = useRef(new Map<string, string>());
  useEffect(
    () => () => {
      if (timer.current) clearTimeout(timer.current);
    },
    [],
  );
  useSubscription({ query: ProjectRunUpdatedSubscription, variables: { projectId } }, (_previous: unknown, data) => {
    if (runStateChanged(seen.current, data.runUpdated, jobId) && !timer.current) {
      timer.current = setTimeout(() => {
        timer.current = null;
        latest.current();
      }, waitMs);
    }
    return data;
  });
}
