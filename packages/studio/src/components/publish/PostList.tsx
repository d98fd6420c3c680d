import { useId } from 'react';
import type { Account, PublishJob } from '../../api/types.js';
import { CheckIcon, ClockIcon, ExternalIcon, WarningIcon } from '../common/graphics.js';
import { isLive, PLATFORM_LABEL, STATE_LABEL, whenText } from './publish-format.js';

interface JobActions {
  onCancel(job: PublishJob): void;
  onRetry(job: PublishJob): void;
  /** The job whose action is on its way to the server. */
  pending: string | null;
}

/** Where a post stands, for the status line under the form: what it is doing now, or how it ended. */
export function JobStatus({ job, now, onCancel, onRetry, pending }: JobActions & { job: PublishJob; now: number }) {
  const where = PLATFORM_LABEL[job.platform];
  if (job.state === 'done') {
    return (
      <div className="job-status is-done">
        <CheckIcon className="job-status-icon" />
        <div className="job-status-text">
          <p className="job-status-title">Published on {where}</p>
          {job.publishedAt && <p className="job-status-detail">{whenText(job.publishedAt)}</p>}
        </div>
        {job.url && (
          <a className="btn btn-sm" href={job.url} target="_blank" rel="noopener noreferrer">
            View the post <ExternalIcon />
          </a>
        )}
      </div>
    );
  }
  if (job.state === 'failed') {
    return (
      <div className="job-status is-failed">
        <WarningIcon className="job-status-icon" />
        <div className="job-status-text">
          <p className="job-status-title">Not published on {where}</p>
          {job.error && <p className="job-status-detail job-error">{job.error}</p>}
        </div>
        <button type="button" className="btn btn-sm" disabled={pending === job.id} onClick={() => onRetry(job)}>Try again</button>
      </div>
    );
  }
  if (job.state === 'cancelled') {
    return (
      <div className="job-status">
        <ClockIcon className="job-status-icon" />
        <div className="job-status-text"><p className="job-status-title">Cancelled: nothing was posted</p></div>
      </div>
    );
  }
  if (job.state === 'scheduled' && !isLive(job, now)) {
    return (
      <div className="job-status is-scheduled">
        <ClockIcon className="job-status-icon" />
        <div className="job-status-text">
          <p className="job-status-title">Scheduled on {where} for {whenText(job.dueAt, new Date(now), true)}</p>
          <p className="job-status-detail">Spool publishes it then, as long as the server is running.</p>
        </div>
        <button type="button" className="btn btn-sm btn-danger-ghost" disabled={pending === job.id} onClick={() => onCancel(job)}>Cancel post</button>
      </div>
    );
  }
  return (
    <div className="job-status is-running">
      <span className="job-spinner" aria-hidden="true" />
      <div className="job-status-text">
        <p className="job-status-title">Publishing to {where}…</p>
        <p className="job-status-detail">
          {job.state === 'retrying'
            ? `${job.error ?? `${where} did not answer`} · Spool tries again by itself`
            : job.posting ? 'Making the post' : `Uploading the ${job.platform === 'linkedin' ? 'PDF' : 'slides'}`}
        </p>
      </div>
    </div>
  );
}

/** The project's posts: scheduled, publishing, published and failed ones (cancelled ones are gone). */
export function PostList({ jobs, accounts, error, now, onCancel, onRetry, pending }: JobActions & {
  jobs: readonly PublishJob[] | null;
  accounts: readonly Account[];
  error: string | null;
  now: number;
}) {
  const headingId = useId();
  const shown = (jobs ?? []).filter((j) => j.state !== 'cancelled');
  const accountName = (id: string) => accounts.find((a) => a.id === id)?.name;
  return (
    <section className="publish-section" aria-labelledby={headingId}>
      <div className="publish-section-head">
        <h3 id={headingId} className="subsection-title">Posts from this project</h3>
        {shown.length > 0 && <span className="count">{shown.length}</span>}
      </div>
      {error && <p className="form-error">{error}</p>}
      {jobs === null && !error && <p className="panel-note">Loading…</p>}
      {jobs !== null && shown.length === 0 && <p className="panel-note">Nothing published or scheduled from this project yet.</p>}
      {shown.length > 0 && (
        <ul className="post-rows" data-testid="publish-posts">
          {shown.map((job) => {
            const live = isLive(job, now);
            const state = job.state === 'scheduled' && live ? 'running' : job.state;
            const time = job.state === 'done' && job.publishedAt ? whenText(job.publishedAt) : job.state === 'scheduled' ? whenText(job.dueAt) : whenText(job.updatedAt);
            const name = accountName(job.accountId);
            return (
              <li key={job.id} className="post-row" data-state={job.state}>
                <div className="post-row-head">
                  <span className="post-row-platform">{PLATFORM_LABEL[job.platform]}</span>
                  <span className={`badge state-badge state-${state}`}>{STATE_LABEL[state]}</span>
                  <span className="spacer" />
                  <time className="post-row-time" dateTime={job.state === 'done' ? job.publishedAt : job.dueAt}>{time}</time>
                </div>
                {name && <p className="post-row-meta">{name}</p>}
                {job.error && (job.state === 'failed' || job.state === 'retrying') && <p className="post-row-error">{job.error}</p>}
                {(job.state === 'scheduled' && !live) || job.state === 'failed' || (job.state === 'done' && job.url) ? (
                  <div className="post-row-actions">
                    {job.state === 'scheduled' && (
                      <button type="button" className="btn btn-xs btn-danger-ghost" disabled={pending === job.id} aria-label={`Cancel the ${PLATFORM_LABEL[job.platform]} post scheduled for ${time}`}
                        onClick={() => onCancel(job)}>Cancel</button>
                    )}
                    {job.state === 'failed' && (
                      <button type="button" className="btn btn-xs" disabled={pending === job.id} aria-label={`Try the ${PLATFORM_LABEL[job.platform]} post again`} onClick={() => onRetry(job)}>Try again</button>
                    )}
                    {job.state === 'done' && job.url && (
                      <a className="post-row-link" href={job.url} target="_blank" rel="noopener noreferrer">View on {PLATFORM_LABEL[job.platform]} <ExternalIcon /></a>
                    )}
                  </div>
                ) : null}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
