import { useCallback, useEffect, useRef, useState } from 'react';
import type { Backend } from '../api/client.js';
import type { PublishJob } from '../api/types.js';
import { isLive, nextLook } from '../components/publish/publish-format.js';

export interface PublishJobs {
  /** The project's posts, newest first; null until the first answer. */
  jobs: PublishJob[] | null;
  error: string | null;
  /** Puts a job the server just answered with into the list (a new post, a cancel, a retry). */
  put(job: PublishJob): void;
  reload(): Promise<void>;
}

/**
 * A project's posts, kept current while it is shown: each one that is moving (publishing, retrying,
 * or scheduled and due) is asked about about once a second, and a scheduled one again when its
 * time comes, so a post goes from Scheduled to Published on screen with nothing pressed.
 */
export function usePublishJobs(backend: Backend, projectId: string): PublishJobs {
  const [jobs, setJobs] = useState<PublishJob[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const alive = useRef(true);
  useEffect(() => {
    alive.current = true;
    return () => {
      alive.current = false;
    };
  }, []);

  const put = useCallback((job: PublishJob) => {
    setJobs((list) => {
      const rest = (list ?? []).filter((j) => j.id !== job.id);
      return [job, ...rest].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
    });
  }, []);

  const reload = useCallback(async () => {
    try {
      const list = await backend.listPublishJobs(projectId);
      if (!alive.current) return;
      setJobs([...list].sort((a, b) => b.createdAt.localeCompare(a.createdAt)));
      setError(null);
    } catch (err) {
      if (alive.current) setError(err instanceof Error ? err.message : String(err));
    }
  }, [backend, projectId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  useEffect(() => {
    if (!jobs) return;
    const wait = nextLook(jobs, Date.now());
    if (wait === undefined) return;
    const timer = setTimeout(() => {
      const now = Date.now();
      const moving = jobs.filter((j) => isLive(j, now));
      if (moving.length === 0) {
        // Nothing moving yet: look again (the next one falls due by then, or the wait repeats).
        setJobs((list) => (list ? [...list] : list));
        return;
      }
      void Promise.all(
        moving.map((j) =>
          backend.publishJob(j.id).then(
            (fresh) => {
              if (!alive.current) return;
              put(fresh);
              setError(null);
            },
            (err) => alive.current && setError(err instanceof Error ? err.message : String(err)),
          ),
        ),
      ).then(() => {
        // An answer identical to what was shown still has to schedule the next look.
        if (alive.current) setJobs((list) => (list ? [...list] : list));
      });
    }, wait);
    return () => clearTimeout(timer);
  }, [jobs, backend, put]);

  return { jobs, error, put, reload };
}
