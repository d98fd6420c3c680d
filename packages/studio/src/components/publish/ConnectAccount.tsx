import { useEffect, useId, useState, type FormEvent } from 'react';
import type { AccountList, BrandKitRecord, Platform } from '../../api/types.js';
import { rememberConnect } from '../../engine/connect-return.js';
import type { Services } from '../../engine/services.js';
import { useNotify } from '../../state/toasts.js';
import { CheckIcon, CopyIcon, WarningIcon } from '../common/graphics.js';
import { PLATFORM_LABEL } from './publish-format.js';

const APP_WORDS: Record<Platform, { id: string; secret: string; how: string }> = {
  linkedin: {
    id: 'Client ID',
    secret: 'Client secret',
    how: 'Spool posts through your own LinkedIn app. In the LinkedIn Developer Portal, give the app the products “Share on LinkedIn” and “Sign In with LinkedIn using OpenID Connect”, add the redirect URL below under Auth, then paste the app’s client ID and secret here.',
  },
  instagram: {
    id: 'Instagram app ID',
    secret: 'Instagram app secret',
    how: 'Spool posts through your own Meta app with Instagram Login, for a professional (business or creator) account. Add the redirect URL below to the app’s business login settings, then paste its Instagram app ID and secret here.',
  },
};

/**
 * Connecting an account through the user's own app: its id and secret, the redirect address to
 * register on it (with a copy button), then the platform's own sign-in page, which sends the user
 * back to the studio.
 */
export function ConnectAccount({ platform, accounts, services, projectId, brandKits, defaultBrandKitId, flush, onCancel }: {
  platform: Platform;
  accounts: AccountList;
  services: Services;
  projectId: string;
  brandKits: readonly BrandKitRecord[];
  defaultBrandKitId?: string;
  /** Saves the project before the page goes to the platform. */
  flush(): Promise<void>;
  /** Shown when there are accounts already: back to picking one. */
  onCancel?: () => void;
}) {
  const notify = useNotify();
  const id = useId();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [brandKitId, setBrandKitId] = useState(defaultBrandKitId ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  useEffect(() => {
    if (!copied) return;
    const t = setTimeout(() => setCopied(false), 2000);
    return () => clearTimeout(t);
  }, [copied]);
  const where = PLATFORM_LABEL[platform];
  const words = APP_WORDS[platform];
  const redirectUri = accounts.redirectUris[platform];

  if (platform === 'instagram' && !accounts.instagramReady) {
    return (
      <div className="publish-note is-warning" role="note">
        <WarningIcon />
        <div>
          <p className="publish-note-title">Instagram needs a public address for this server</p>
          <p>
            Instagram fetches every slide from Spool while it publishes, so the server must be reachable from the internet. Start it with{' '}
            <code>SPOOL_PUBLIC_URL</code> set to its public https address (a tunnel to this port works), then connect the account here.
          </p>
        </div>
      </div>
    );
  }

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(redirectUri);
      setCopied(true);
    } catch {
      notify('The browser blocked the clipboard: select the redirect URL and copy it.', 'error');
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (busy) return;
    if (!clientId.trim() || !clientSecret.trim()) {
      setError(`Paste the app’s ${words.id.toLowerCase()} and ${words.secret.toLowerCase()} first.`);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await flush();
      const { authorizeUrl } = await services.backend.connectAccount(platform, {
        clientId: clientId.trim(),
        clientSecret: clientSecret.trim(),
        ...(brandKitId ? { brandKitId } : {}),
      });
      rememberConnect(projectId, platform);
      // The platform's page asks the user to allow it, then sends them back to /oauth/…/callback.
      window.location.assign(authorizeUrl);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
      setBusy(false);
    }
  };

  return (
    <form className="connect-form" onSubmit={(e) => void submit(e)} aria-labelledby={`${id}-title`} noValidate>
      <div>
        <h3 id={`${id}-title`} className="connect-title">Connect a {where} account</h3>
        <p className="connect-how">{words.how}</p>
      </div>
      <div className="field">
        <label className="field-label" htmlFor={`${id}-redirect`}>Redirect URL to add to the app</label>
        <div className="copy-row">
          <input id={`${id}-redirect`} className="input input-mono" readOnly value={redirectUri} onFocus={(e) => e.currentTarget.select()} />
          <button type="button" className="btn btn-sm copy-button" onClick={() => void copy()} aria-label="Copy the redirect URL">
            {copied ? <><CheckIcon /> Copied</> : <><CopyIcon /> Copy</>}
          </button>
        </div>
        <span className="sr-only" role="status">{copied ? 'Redirect URL copied' : ''}</span>
      </div>
      <div className="connect-grid">
        <div className="field">
          <label className="field-label" htmlFor={`${id}-client`}>{words.id}</label>
          <input id={`${id}-client`} className="input" autoComplete="off" spellCheck={false} value={clientId} onChange={(e) => setClientId(e.target.value)} />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={`${id}-secret`}>{words.secret}</label>
          <input id={`${id}-secret`} className="input" type="password" autoComplete="off" value={clientSecret} onChange={(e) => setClientSecret(e.target.value)} />
        </div>
      </div>
      {brandKits.length > 0 && (
        <div className="field">
          <label className="field-label" htmlFor={`${id}-brand`}>Posts for brand profile</label>
          <select id={`${id}-brand`} className="input select" value={brandKitId} onChange={(e) => setBrandKitId(e.target.value)}>
            <option value="">None</option>
            {brandKits.map((k) => <option key={k.id} value={k.id}>{k.name}</option>)}
          </select>
        </div>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <div className="connect-actions">
        <p className="field-hint">The secret stays on this machine, sealed in Spool’s database.</p>
        <span className="spacer" />
        {onCancel && <button type="button" className="btn btn-sm btn-ghost" onClick={onCancel}>Cancel</button>}
        <button type="submit" className="btn btn-sm btn-primary" disabled={busy}>
          {busy && <span className="btn-spinner" aria-hidden="true" />}
          Continue to {where}
        </button>
      </div>
    </form>
  );
}
