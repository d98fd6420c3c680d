import { useCallback, useEffect, useId, useMemo, useRef, useState, type FormEvent } from 'react';
import type { Design } from 'spool/core';
import { ApiError } from '../../api/client.js';
import type { Account, AccountList, BrandKitRecord, Platform, PreflightReport, PublishJob, PublishPreview } from '../../api/types.js';
import { useLibrary } from '../../state/library-context.js';
import { useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { usePublishJobs } from '../../state/use-publish-jobs.js';
import { ConfirmButton } from '../common/controls.js';
import { ClockIcon, SendIcon, TrashIcon, WarningIcon } from '../common/graphics.js';
import { Modal } from '../common/Modal.js';
import { useRovingFocus } from '../common/roving-focus.js';
import { isActiveProfile } from '../design/brand-profile.js';
import { ConnectAccount } from './ConnectAccount.js';
import { PreflightList } from './PreflightList.js';
import { JobStatus, PostList } from './PostList.js';
import {
  blocksPublishing, isLive, isoWithOffset, localInputValue, newSubmissionKey, parseLocal, PLATFORM_LABEL, PLATFORMS, platformChecks, suggestedTime,
  TEXT_LIMIT, textLength, textProblem,
} from './publish-format.js';

export interface PublishStart {
  platform?: Platform;
  /** An account to pick (one just connected). */
  accountId?: string;
}

const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Publish: the carousel posted to LinkedIn (the PDF as a document post) or Instagram (the slides as
 * a carousel) with one of the connected accounts, now or at a time; the checks the platform would
 * apply, shown first; the post followed until it is out; and this project's posts, scheduled or done.
 */
export function PublishDialog({ start, onClose }: { start: PublishStart; onClose(): void }) {
  const studio = useStudio();
  const { brandKits } = useLibrary();
  const notify = useNotify();
  const { backend } = studio.services;
  const projectId = studio.state.projectId;
  const ids = useId();

  const [platform, setPlatform] = useState<Platform>(start.platform ?? 'linkedin');
  const [preview, setPreview] = useState<PublishPreview | null>(null);
  const [previewError, setPreviewError] = useState<string | null>(null);
  const [accounts, setAccounts] = useState<AccountList | null>(null);
  const [accountsError, setAccountsError] = useState<string | null>(null);
  const [chosen, setChosen] = useState<Partial<Record<Platform, string>>>(start.platform && start.accountId ? { [start.platform]: start.accountId } : {});
  const [connecting, setConnecting] = useState(false);
  const [texts, setTexts] = useState<Partial<Record<Platform, string>>>({});
  const [scheduling, setScheduling] = useState(false);
  const [when, setWhen] = useState(() => localInputValue(suggestedTime(new Date())));
  const [whenError, setWhenError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [followed, setFollowed] = useState<string | null>(null);
  const [pending, setPending] = useState<string | null>(null);
  const posts = usePublishJobs(backend, projectId);
  // One key per submission: a second click while the first is on its way repeats the key, not the post.
  const submission = useRef<string | undefined>(undefined);
  const now = Date.now();

  const loadPreview = useCallback(async () => {
    setPreview(null);
    setPreviewError(null);
    try {
      // The server renders what it has saved: the last edits go first.
      await studio.flush();
      setPreview(await backend.publishPreview(projectId));
    } catch (err) {
      setPreviewError(message(err));
    }
  }, [backend, projectId, studio.flush]);

  const loadAccounts = useCallback(async () => {
    try {
      setAccounts(await backend.listAccounts());
      setAccountsError(null);
    } catch (err) {
      setAccountsError(message(err));
    }
  }, [backend]);

  useEffect(() => {
    void loadPreview();
    void loadAccounts();
  }, [loadPreview, loadAccounts]);

  const platformAccounts = useMemo(() => (accounts?.accounts ?? []).filter((a) => a.platform === platform), [accounts, platform]);
  const account = platformAccounts.find((a) => a.id === chosen[platform]) ?? defaultAccount(platformAccounts, brandKits, studio.deck.design);
  const activeProfile = brandKits.find((k) => isActiveProfile(k.kit, studio.deck.design));
  const suggested = preview?.captions[platform] ?? '';
  const text = texts[platform] ?? suggested;
  const length = textLength(text);
  const overLimit = textProblem(text, platform);
  const checks = preview ? platformChecks(preview.preflight.checks, platform, text) : [];
  const blocking = checks.filter(blocksPublishing);
  const needsPublicUrl = platform === 'instagram' && accounts !== null && !accounts.instagramReady;
  const followedJob = posts.jobs?.find((j) => j.id === followed);
  const moving = followedJob !== undefined && isLive(followedJob, now);
  const showConnect = accounts !== null && (platformAccounts.length === 0 || connecting);

  const reason = !preview
    ? previewError ? 'The carousel could not be checked.' : 'Checking the carousel…'
    : accounts === null ? accountsError ?? 'Loading accounts…'
    : needsPublicUrl ? 'Instagram needs SPOOL_PUBLIC_URL: see above.'
    : !account ? `Connect a ${PLATFORM_LABEL[platform]} account to publish.`
    : blocking.length > 0 ? `${PLATFORM_LABEL[platform]} would not take it yet: ${blocking.length === 1 ? 'fix the failed check' : `fix the ${blocking.length} failed checks`}.`
    : moving ? 'Publishing…'
    : undefined;
  const canPublish = reason === undefined && !submitting;

  const submit = async (at?: Date) => {
    if (!canPublish || !account) return;
    submission.current ??= newSubmissionKey();
    setSubmitting(true);
    setSubmitError(null);
    try {
      await studio.flush();
      const job = await backend.publish(projectId, { platform, accountId: account.id, text, ...(at ? { at: isoWithOffset(at) } : {}) }, submission.current);
      posts.put(job);
      setFollowed(job.id);
      setScheduling(false);
    } catch (err) {
      // Refused on the checks: the server's own report (made with this text) replaces the one shown.
      const refused = err instanceof ApiError && err.status === 422 ? preflightOf(err.body) : undefined;
      if (refused) setPreview((p) => (p ? { ...p, preflight: refused } : p));
      setSubmitError(message(err));
    } finally {
      submission.current = undefined;
      setSubmitting(false);
    }
  };

  const schedule = (e: FormEvent) => {
    e.preventDefault();
    const at = parseLocal(when);
    if (!at) return setWhenError('Pick a date and a time.');
    if (at.getTime() <= Date.now()) return setWhenError('Pick a time in the future.');
    setWhenError(null);
    void submit(at);
  };

  const act = (job: PublishJob, run: () => Promise<PublishJob>, done?: string) => {
    setPending(job.id);
    run().then(
      (fresh) => {
        posts.put(fresh);
        if (done) notify(done, 'info');
      },
      (err) => {
        notify(message(err), 'error');
        // Refused because it moved on (published, running): show where it is now.
        void posts.reload();
      },
    ).finally(() => setPending(null));
  };
  const cancel = (job: PublishJob) => act(job, () => backend.cancelPublishJob(job.id), `The ${PLATFORM_LABEL[job.platform]} post was cancelled`);
  const retry = (job: PublishJob) => {
    setFollowed(job.id);
    act(job, () => backend.retryPublishJob(job.id));
  };

  const disconnect = (a: Account) => {
    backend.deleteAccount(a.id).then(
      () => {
        notify(`${a.name} was disconnected`, 'info');
        void loadAccounts();
      },
      (err) => notify(message(err), 'error'),
    );
  };

  const choosePlatform = (p: Platform) => {
    setPlatform(p);
    setSubmitError(null);
    setConnecting(false);
  };
  const platformRadios = useRovingFocus(PLATFORMS, platform, (id) => choosePlatform(id as Platform));
  const pages = preview?.pages ?? studio.deck.slides.length;

  const footer = scheduling ? (
    <form className="publish-foot schedule-row" onSubmit={schedule} noValidate>
      <label className="field-label" htmlFor={`${ids}-when`}>Publish at</label>
      <input id={`${ids}-when`} type="datetime-local" className="input schedule-input" value={when} min={localInputValue(new Date())}
        aria-invalid={whenError ? true : undefined} aria-describedby={`${ids}-zone${whenError ? ` ${ids}-when-error` : ''}`}
        onChange={(e) => { setWhen(e.target.value); setWhenError(null); }} autoFocus />
      <span id={`${ids}-zone`} className="schedule-zone">{zoneName()}</span>
      {whenError && <span id={`${ids}-when-error`} className="form-error" role="alert">{whenError}</span>}
      <span className="spacer" />
      <button type="button" className="btn btn-sm btn-ghost" onClick={() => { setScheduling(false); setWhenError(null); }}>Back</button>
      <button type="submit" className="btn btn-sm btn-primary" disabled={!canPublish}>
        {submitting ? <span className="btn-spinner" aria-hidden="true" /> : <ClockIcon />} Schedule post
      </button>
    </form>
  ) : (
    <div className="publish-foot">
      <p className="publish-hint" id={`${ids}-hint`}>
        {reason ?? (account ? <>Posts as <strong>{account.name}</strong> · {pages} {platform === 'linkedin' ? 'page PDF' : 'slides'}</> : null)}
      </p>
      <button type="button" className="btn btn-sm" disabled={!canPublish} aria-describedby={`${ids}-hint`} onClick={() => setScheduling(true)}>
        <ClockIcon /> Schedule…
      </button>
      <button type="button" className="btn btn-sm btn-primary" disabled={!canPublish} aria-describedby={`${ids}-hint`} onClick={() => void submit()}>
        {submitting ? <><span className="btn-spinner" aria-hidden="true" /> Publishing…</> : <><SendIcon /> Publish now</>}
      </button>
    </div>
  );

  return (
    <Modal title="Publish" className="publish-dialog" onClose={onClose} footer={footer}
      subtitle={<>{studio.state.name || 'Untitled carousel'} · {pages} slide{pages === 1 ? '' : 's'}</>}>
      <div className="publish-status" role="status" aria-live="polite">
        {followedJob && <JobStatus job={followedJob} now={now} onCancel={cancel} onRetry={retry} pending={pending} />}
      </div>
      {submitError && (
        <div className="publish-status">
          <div className="job-status is-failed" role="alert">
            <WarningIcon className="job-status-icon" />
            <div className="job-status-text">
              <p className="job-status-title">Not sent to {PLATFORM_LABEL[platform]}</p>
              <p className="job-status-detail job-error">{submitError}</p>
            </div>
          </div>
        </div>
      )}
      <div className="publish-body">
        <div className="publish-main">
          <div className="field">
            <div className="field-label" id={`${ids}-platform`}>Post to</div>
            <div className="segmented publish-platforms" role="radiogroup" aria-labelledby={`${ids}-platform`} {...platformRadios.group}>
              {PLATFORMS.map((p) => (
                <button key={p} type="button" role="radio" aria-checked={platform === p} className={platform === p ? 'is-active' : ''} {...platformRadios.item(p)}
                  onClick={() => choosePlatform(p)}>
                  {PLATFORM_LABEL[p]}
                  <span className="segmented-detail">{p === 'linkedin' ? 'PDF document' : 'Image carousel'}</span>
                </button>
              ))}
            </div>
          </div>

          {accountsError && <p className="form-error" role="alert">Accounts could not be loaded: {accountsError}</p>}
          {accounts === null && !accountsError && <p className="panel-note">Loading accounts…</p>}
          {accounts !== null && needsPublicUrl && platformAccounts.length > 0 && (
            <div className="publish-note is-warning" role="note">
              <WarningIcon />
              <p>Instagram fetches every slide from this server while it publishes: start Spool with <code>SPOOL_PUBLIC_URL</code> set to its public https address to publish here.</p>
            </div>
          )}
          {accounts !== null && platformAccounts.length > 0 && (
            <div className="field">
              <label className="field-label" htmlFor={`${ids}-account`}>Account</label>
              <div className="account-row">
                <select id={`${ids}-account`} className="input select" value={account?.id ?? ''} onChange={(e) => setChosen({ ...chosen, [platform]: e.target.value })}>
                  {accountGroups(platformAccounts, brandKits).map((group) =>
                    group.label ? (
                      <optgroup key={group.label} label={group.label}>
                        {group.accounts.map((a) => <option key={a.id} value={a.id}>{accountLabel(a, now)}</option>)}
                      </optgroup>
                    ) : (
                      group.accounts.map((a) => <option key={a.id} value={a.id}>{accountLabel(a, now)}</option>)
                    ),
                  )}
                </select>
                {account && (
                  <ConfirmButton label={`Disconnect ${account.name}`} confirmLabel="Disconnect" onConfirm={() => disconnect(account)}>
                    <TrashIcon />
                  </ConfirmButton>
                )}
                {!connecting && (
                  <button type="button" className="btn btn-sm btn-ghost" onClick={() => setConnecting(true)}>Connect another</button>
                )}
              </div>
            </div>
          )}
          {accounts !== null && platformAccounts.length === 0 && !(platform === 'instagram' && needsPublicUrl) && (
            <p className="publish-lead">No {PLATFORM_LABEL[platform]} account is connected yet. Connect one once, and Spool posts with it from then on.</p>
          )}
          {showConnect && accounts && (
            <ConnectAccount key={platform} platform={platform} accounts={accounts} services={studio.services} projectId={projectId} brandKits={brandKits}
              defaultBrandKitId={activeProfile?.id} flush={studio.flush} onCancel={platformAccounts.length > 0 ? () => setConnecting(false) : undefined} />
          )}

          <div className="field">
            <div className="text-head">
              <label className="field-label" htmlFor={`${ids}-text`}>Post text</label>
              <span id={`${ids}-count`} className={overLimit ? 'char-count is-over' : 'char-count'}>
                {length.toLocaleString('en-US')}
                <span className="sr-only"> characters of at most </span>
                <span aria-hidden="true"> / </span>
                {TEXT_LIMIT[platform].toLocaleString('en-US')}
              </span>
            </div>
            <textarea id={`${ids}-text`} className="input textarea publish-text" rows={8} dir="auto" value={text} disabled={!preview}
              placeholder={preview ? `What the ${PLATFORM_LABEL[platform]} post says` : 'Writing the suggested text…'}
              aria-invalid={overLimit ? true : undefined} aria-describedby={`${ids}-count${overLimit ? ` ${ids}-text-error` : ''}`}
              onChange={(e) => setTexts({ ...texts, [platform]: e.target.value })} />
            <div className="text-foot">
              {overLimit ? <p id={`${ids}-text-error`} className="form-error">{sentenceCase(overLimit)}.</p> : <p className="field-hint">Suggested from the cover and the thread’s hashtags; edit it freely.</p>}
              {preview && text !== suggested && (
                <button type="button" className="btn btn-xs btn-ghost" onClick={() => setTexts({ ...texts, [platform]: undefined })}>Use the suggested text</button>
              )}
            </div>
          </div>
        </div>

        <aside className="publish-side" aria-label="Checks and posts">
          <PreflightList platform={platform} checks={checks} loading={!preview && !previewError} error={previewError} onRetry={() => void loadPreview()} />
          <PostList jobs={posts.jobs} accounts={accounts?.accounts ?? []} error={posts.error} now={now} onCancel={cancel} onRetry={retry} pending={pending} />
        </aside>
      </div>
    </Modal>
  );
}

/** The account a platform starts on: the one of the brand profile the deck wears, else the first. */
function defaultAccount(list: readonly Account[], kits: readonly BrandKitRecord[], design: Design): Account | undefined {
  const active = kits.find((k) => isActiveProfile(k.kit, design));
  return list.find((a) => active && a.brandKitId === active.id) ?? list[0];
}

/** Accounts by the brand profile they post for; without any profile named, one plain list. */
function accountGroups(list: readonly Account[], kits: readonly BrandKitRecord[]): { label?: string; accounts: Account[] }[] {
  const name = (id?: string) => (id ? kits.find((k) => k.id === id)?.name : undefined);
  if (!list.some((a) => name(a.brandKitId))) return [{ accounts: [...list] }];
  const groups = new Map<string, Account[]>();
  for (const a of list) {
    const label = name(a.brandKitId) ?? 'No brand profile';
    groups.set(label, [...(groups.get(label) ?? []), a]);
  }
  return [...groups].map(([label, accounts]) => ({ label, accounts }));
}

function accountLabel(a: Account, now: number): string {
  return a.expiresAt && Date.parse(a.expiresAt) < now ? `${a.name} (expired: connect again)` : a.name;
}

function preflightOf(body: unknown): PreflightReport | undefined {
  const report = (body as { preflight?: PreflightReport } | undefined)?.preflight;
  return report && Array.isArray(report.checks) ? report : undefined;
}

function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** The user's time zone as the schedule reads it: `Europe/Berlin (UTC+01:00)`. */
function zoneName(): string {
  const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const offset = isoWithOffset(new Date()).slice(19);
  return zone ? `${zone.replace(/_/g, ' ')} (UTC${offset})` : `UTC${offset}`;
}
