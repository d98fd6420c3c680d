/**
 * The HTTP API's contract for clients (the studio, scripts): the records the server answers with,
 * as types only. Import it as `spool/api`.
 */
import type { PlatformName as Platform } from './deliver/platform-http.js';
import type { PreflightReport } from './deliver/preflight.js';
import type { AccountInfo } from './store/accounts.js';

export type { Project, ProjectSummary } from './store/types.js';
export type { PlatformName as Platform } from './deliver/platform-http.js';
export type { PreflightCheck, PreflightReport } from './deliver/preflight.js';
export type { AccountInfo as Account } from './store/accounts.js';
export type { PublishJobState, PublishJobView as PublishJob } from './store/publish-jobs.js';

/** What the publish dialog shows before anything is sent. */
export interface PublishPreview {
  title: string;
  pages: number;
  captions: Record<Platform, string>;
  altText: string[];
  preflight: PreflightReport;
  warnings: string[];
}

export interface PublishRequest {
  platform: Platform;
  accountId?: string;
  text?: string;
  /** ISO 8601 with the zone offset; none publishes now. */
  at?: string;
}

export interface AccountList {
  accounts: AccountInfo[];
  /** The server has a public address (SPOOL_PUBLIC_URL) for Instagram to fetch the slides from. */
  instagramReady: boolean;
  /** The addresses to register on the user's own app, where the platform sends them back. */
  redirectUris: Record<Platform, string>;
}

/** The user's own app on the platform, to connect an account through. */
export interface ConnectRequest {
  clientId: string;
  clientSecret: string;
  brandKitId?: string;
}
