import { useId } from 'react';
import type { Platform, PreflightCheck } from '../../api/types.js';
import { AlertIcon, CheckIcon, ChevronDownIcon, WarningIcon } from '../common/graphics.js';
import { blocksPublishing, PLATFORM_LABEL } from './publish-format.js';

/**
 * The carousel checked against what the platform takes: the failed checks first, each with what to
 * do; the passed ones folded away under their count.
 */
export function PreflightList({ platform, checks, loading, error, onRetry }: {
  platform: Platform;
  /** Failed first, as platformChecks orders them. */
  checks: readonly PreflightCheck[];
  loading: boolean;
  error: string | null;
  onRetry(): void;
}) {
  const headingId = useId();
  const failed = checks.filter((c) => !c.ok);
  const passed = checks.filter((c) => c.ok);
  const summary = loading ? 'Checking…' : error ? 'Not checked' : failed.length === 0 ? `All ${checks.length} pass` : `${failed.length} of ${checks.length} failed`;
  return (
    <section className="publish-section" aria-labelledby={headingId} data-checks={loading ? 'loading' : error ? 'error' : 'ready'}>
      <div className="publish-section-head">
        <h3 id={headingId} className="subsection-title">{PLATFORM_LABEL[platform]} checks</h3>
        <span className={failed.length > 0 ? 'badge badge-danger' : loading || error ? 'badge' : 'badge badge-success'}>{summary}</span>
      </div>
      {loading && (
        <div className="check-loading" role="status">
          <span className="check-skeleton" aria-hidden="true" />
          <span className="check-skeleton check-skeleton-short" aria-hidden="true" />
          <span className="sr-only">Rendering the carousel to check it</span>
        </div>
      )}
      {error && (
        <div className="check-error" role="alert">
          <p>The carousel could not be checked: {error}</p>
          <button type="button" className="btn btn-xs" onClick={onRetry}>Check again</button>
        </div>
      )}
      {failed.length > 0 && (
        <ul className="check-list">
          {failed.map((c) => (
            <li key={c.id} className={blocksPublishing(c) ? 'check-row is-failed' : 'check-row is-app-only'}>
              {blocksPublishing(c) ? <WarningIcon className="check-icon" /> : <AlertIcon className="check-icon" />}
              <div className="check-text">
                <p className="check-message">{sentence(c.message)}</p>
                {c.fix && <p className="check-fix"><span className="check-fix-label">Fix:</span> {c.fix}</p>}
                {!blocksPublishing(c) && <p className="check-note">Matters only when posting by hand in the app.</p>}
              </div>
            </li>
          ))}
        </ul>
      )}
      {passed.length > 0 && (
        <details className="check-passed">
          <summary>
            <ChevronDownIcon className="chev" />
            {passed.length} passed
          </summary>
          <ul className="check-list">
            {passed.map((c) => (
              <li key={c.id} className="check-row is-ok">
                <CheckIcon className="check-icon" />
                <p className="check-message">{sentence(c.message)}</p>
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}

/** The server writes checks as clauses (`the text is 118 characters`); shown alone, each starts a sentence. */
function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
