import type { Platform } from '../api/types.js';

/** Where the studio was when it left for the platform's sign-in page: kept for this tab only. */
const KEY = 'spool:connect-return';
/** A sign-in not finished within this is not the one coming back. */
const FRESH_MS = 30 * 60_000;

export interface ConnectReturn {
  /** The account connected, by id. */
  connected?: string;
  /** Why it was not, in the server's words. */
  error?: string;
  /** The platform being connected, and the project open when the user left. */
  platform?: Platform;
  projectId?: string;
}

/** Notes the open project and platform before the page goes to the platform's sign-in. */
export function rememberConnect(projectId: string, platform: Platform): void {
  try {
    sessionStorage.setItem(KEY, JSON.stringify({ projectId, platform, at: Date.now() }));
  } catch {
    // Storage refused (a private window's quota): the studio then opens on the latest project.
  }
}

/**
 * The answer of a sign-in the server sent the user back with (`/?connected=<id>` or
 * `/?connect-error=<message>`), read once: the address is cleaned at once, and points at the
 * project the user left from, so the studio opens where they were. Undefined on any other load.
 */
export function takeConnectReturn(): ConnectReturn | undefined {
  const params = new URLSearchParams(location.search);
  const connected = params.get('connected');
  const error = params.get('connect-error');
  if (connected === null && error === null) return undefined;
  params.delete('connected');
  params.delete('connect-error');
  const saved = readSaved();
  const hash = location.hash || (saved?.projectId ? `#project=${saved.projectId}` : '');
  const query = params.toString();
  history.replaceState(null, '', `${location.pathname}${query ? `?${query}` : ''}${hash}`);
  return { ...(connected ? { connected } : {}), ...(error !== null ? { error: error || 'the platform did not say why' } : {}), ...saved };
}

function readSaved(): { platform?: Platform; projectId?: string } | undefined {
  try {
    const raw = sessionStorage.getItem(KEY);
    sessionStorage.removeItem(KEY);
    if (!raw) return undefined;
    const value = JSON.parse(raw) as { projectId?: unknown; platform?: unknown; at?: unknown };
    if (typeof value.at !== 'number' || Date.now() - value.at > FRESH_MS) return undefined;
    return {
      ...(typeof value.projectId === 'string' && /^[\w-]+$/.test(value.projectId) ? { projectId: value.projectId } : {}),
      ...(value.platform === 'linkedin' || value.platform === 'instagram' ? { platform: value.platform } : {}),
    };
  } catch {
    return undefined;
  }
}
