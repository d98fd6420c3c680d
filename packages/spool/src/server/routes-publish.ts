/**
 * Bundles, accounts and publishing over HTTP: a project's ready-to-post bundle as a ZIP, connected
 * accounts (never their tokens), OAuth connection with the user's own app, posts published now or
 * scheduled, and the images Instagram fetches while a post is being published.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod/v3';
import { makeZip } from '../formats/zip.js';
import { authorizeUrl, exchangeCode } from '../deliver/oauth.js';
import { checkCaption } from '../deliver/caption.js';
import { bundleFiles } from '../deliver/bundle.js';
import { publishBlockers } from '../deliver/preflight.js';
import { PLATFORM_LABEL, type PlatformName } from '../deliver/platform-http.js';
import type { PublishJob, PublishJobView } from '../store/publish-jobs.js';
import { parseBody } from './body-schemas.js';
import { HttpError } from './http-errors.js';
import type { ServerContext } from './options.js';
import { slugify } from './render.js';

const platform = z.enum(['linkedin', 'instagram']);
const publishBody = z.strictObject({
  platform,
  /** Default: the one account connected for the platform. */
  accountId: z.string().max(40).optional(),
  /** The post's text; default the bundle's caption for the platform. */
  text: z.string().max(10_000).optional(),
  /** ISO 8601 time to publish at; default now. */
  at: z.string().datetime({ offset: true }).optional(),
});
const connectBody = z.strictObject({
  clientId: z.string().trim().min(1).max(200),
  clientSecret: z.string().trim().min(1).max(500),
  brandKitId: z.string().max(40).optional(),
});
/** An OAuth flow not finished within this is forgotten. */
const OAUTH_FLOW_MS = 15 * 60_000;

type IdParams = { Params: { id: string } };

export function registerPublishRoutes(app: FastifyInstance, ctx: ServerContext): void {
  const { store, publisher } = ctx;

  app.get<IdParams>('/api/projects/:id/bundle', async (request, reply) => {
    const project = store.projects.get(request.params.id);
    const bundle = await ctx.renderer.bundle(project.deck);
    const slug = slugify(project.deck.title || project.name || 'carousel');
    const zip = makeZip(bundleFiles(bundle));
    return reply
      .type('application/zip')
      .header('content-disposition', `attachment; filename="${slug}-bundle.zip"`)
      .header('cache-control', 'no-store')
      .header('x-spool-pages', String(bundle.pages))
      .header('x-spool-preflight', encodeURIComponent(JSON.stringify(bundle.preflight)))
      .header('x-spool-warnings', encodeURIComponent(JSON.stringify(bundle.warnings)))
      .send(Buffer.from(zip.buffer, zip.byteOffset, zip.byteLength));
  });

  /** What the publish dialog shows before anything is sent: captions, alt text, preflight, accounts. */
  app.get<IdParams>('/api/projects/:id/publish-preview', async (request) => {
    const project = store.projects.get(request.params.id);
    const bundle = await ctx.renderer.bundle(project.deck);
    return { title: bundle.title, pages: bundle.pages, captions: bundle.captions, altText: bundle.altText, preflight: bundle.preflight, warnings: bundle.warnings };
  });

  app.post<IdParams>('/api/projects/:id/publish', async (request, reply) => {
    const body = parseBody(publishBody, request.body);
    const project = store.projects.get(request.params.id);
    const account = chooseAccount(ctx, body.platform, body.accountId);
    const dueAt = body.at ? new Date(body.at) : new Date();
    if (body.at && dueAt.getTime() < Date.now() - 60_000) throw new HttpError(400, `at: ${body.at} is in the past; leave it out to publish now`);
    if (body.text !== undefined) {
      const problem = checkCaption(body.text, body.platform);
      if (problem) throw new HttpError(400, `text: ${problem}`);
    }
    const key = idempotencyKey(request);
    const bundle = await ctx.renderer.bundle(project.deck, body.text);
    const failed = publishBlockers(bundle.preflight, body.platform);
    if (failed.length > 0) {
      return reply.code(422).send({
        error: `${PLATFORM_LABEL[body.platform]} would not take this carousel: ${failed.map((c) => `${c.message} — ${c.fix}`).join('; ')}`,
        preflight: bundle.preflight,
      });
    }
    const { job, created } = publisher.enqueue({
      platform: body.platform,
      accountId: account,
      projectId: project.id,
      title: bundle.title,
      caption: bundle.captions[body.platform],
      altText: bundle.altText,
      pdf: bundle.pdf,
      jpegs: bundle.jpegs,
      dueAt,
      ...(key ? { idempotencyKey: `${project.id}:${key}` } : {}),
    });
    // Due now: it starts at once, and the answer tells the studio to follow it.
    if (created && !body.at) void publisher.runNow(job.id).catch(() => undefined);
    return reply.code(created ? 202 : 200).send(jobOut(store.publishJobs.get(job.id)));
  });

  app.get<{ Querystring: { project?: string } }>('/api/publish', async (request) => {
    const project = typeof request.query.project === 'string' ? request.query.project : undefined;
    return { jobs: store.publishJobs.list({ projectId: project }).map(jobOut) };
  });
  app.get<IdParams>('/api/publish/:id', async (request) => jobOut(store.publishJobs.get(request.params.id)));
  app.delete<IdParams>('/api/publish/:id', async (request) => jobOut(store.publishJobs.cancel(request.params.id)));
  app.post<IdParams>('/api/publish/:id/retry', async (request) => {
    const job = store.publishJobs.retry(request.params.id);
    void publisher.runNow(job.id).catch(() => undefined);
    return jobOut(store.publishJobs.get(job.id));
  });

  app.get('/api/accounts', async () => ({
    accounts: store.accounts.list(),
    instagramReady: ctx.publish.publicUrl !== undefined,
    redirectUris: { linkedin: redirectUri(ctx, 'linkedin'), instagram: redirectUri(ctx, 'instagram') },
  }));
  app.delete<IdParams>('/api/accounts/:id', async (request, reply) => {
    store.accounts.delete(request.params.id);
    return reply.code(204).send();
  });

  app.post<{ Params: { platform: string } }>('/api/accounts/:platform/connect', async (request) => {
    const which = parseBody(platform, request.params.platform, 'platform');
    const body = parseBody(connectBody, request.body);
    if (body.brandKitId) store.brandKits.get(body.brandKitId);
    const state = randomBytes(24).toString('base64url');
    const uri = redirectUri(ctx, which);
    store.oauthFlows.start({ state, platform: which, brandKitId: body.brandKitId, redirectUri: uri, clientId: body.clientId, clientSecret: body.clientSecret });
    return { authorizeUrl: authorizeUrl(which, { clientId: body.clientId, redirectUri: uri }, state, ctx.publish.bases[which]), redirectUri: uri };
  });

  // Where the platform sends the user back. Outside /api: a redirect carries no bearer token; the
  // state, made for this flow alone and used once, is what vouches for it.
  app.get<{ Params: { platform: string }; Querystring: Record<string, string> }>('/oauth/:platform/callback', async (request, reply) => {
    const back = (query: string) => reply.redirect(`/?${query}`, 303);
    const which = platform.safeParse(request.params.platform);
    if (!which.success) throw new HttpError(404, 'no such platform');
    const { state, code, error_description: description, error } = request.query;
    const flow = typeof state === 'string' ? store.oauthFlows.take(state, OAUTH_FLOW_MS) : undefined;
    if (!flow || flow.platform !== which.data) return back(`connect-error=${encodeURIComponent('this sign-in link has expired or was already used: connect the account again')}`);
    if (error || !code) return back(`connect-error=${encodeURIComponent(`${PLATFORM_LABEL[which.data]} did not connect the account${description || error ? `: ${description ?? error}` : ''}`)}`);
    try {
      const connected = await exchangeCode(which.data, { clientId: flow.clientId, clientSecret: flow.clientSecret, redirectUri: flow.redirectUri }, code, ctx.publish.bases[which.data]);
      const account = store.accounts.upsert({
        platform: which.data,
        name: connected.name,
        subject: connected.subject,
        brandKitId: flow.brandKitId,
        expiresAt: connected.expiresAt,
        secret: { accessToken: connected.accessToken, refreshToken: connected.refreshToken, clientId: flow.clientId, clientSecret: flow.clientSecret },
      });
      return back(`connected=${encodeURIComponent(account.id)}`);
    } catch (err) {
      return back(`connect-error=${encodeURIComponent(err instanceof Error ? err.message : String(err))}`);
    }
  });

  // The JPEGs of a post being published, for Instagram to fetch. The key is 192 random bits, made
  // for the job; once it is published (or cancelled) the files are gone and the address is dead.
  app.get<{ Params: { key: string; name: string } }>('/media/:key/:name', async (request, reply) => {
    if (!ctx.publish.publicUrl) throw new HttpError(404, 'not found');
    const file = store.publishJobs.mediaFile(request.params.key, request.params.name);
    if (!file) throw new HttpError(404, 'not found');
    return reply
      .type(file.mime)
      .header('cache-control', 'no-store')
      .header('cross-origin-resource-policy', 'cross-origin')
      .send(Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength));
  });
}

/** The account to post with: the one named, else the only one for the platform. */
function chooseAccount(ctx: ServerContext, which: PlatformName, id: string | undefined): string {
  const accounts = ctx.store.accounts.list().filter((a) => a.platform === which);
  if (id) {
    const account = accounts.find((a) => a.id === id);
    if (!account) throw new HttpError(400, `accountId: ${id} is not a connected ${PLATFORM_LABEL[which]} account`);
    return account.id;
  }
  if (accounts.length === 1) return accounts[0].id;
  if (accounts.length === 0) {
    const env = which === 'linkedin' ? 'LINKEDIN_ACCESS_TOKEN and LINKEDIN_AUTHOR_URN' : 'INSTAGRAM_ACCESS_TOKEN and INSTAGRAM_USER_ID';
    throw new HttpError(400, `no ${PLATFORM_LABEL[which]} account is connected: connect one in the studio (Publish), or start the server with ${env}`);
  }
  throw new HttpError(400, `accountId: ${accounts.length} ${PLATFORM_LABEL[which]} accounts are connected; say which (${accounts.map((a) => a.id).join(', ')})`);
}

/** The address the platform sends the user back to: the public one when set, else this server's. */
function redirectUri(ctx: ServerContext, which: PlatformName): string {
  const base = ctx.publish.publicUrl ?? ctx.publicOrigin();
  return `${base}/oauth/${which}/callback`;
}

function idempotencyKey(request: FastifyRequest): string | undefined {
  const raw = request.headers['idempotency-key'];
  const key = Array.isArray(raw) ? raw[0] : raw;
  if (key === undefined) return undefined;
  if (!/^[\x21-\x7e]{1,200}$/.test(key)) throw new HttpError(400, 'Idempotency-Key: use 1 to 200 visible ASCII characters');
  return key;
}

/** A job as the API shows it: no media key (it is the images' address while they are served). */
export function jobOut(job: PublishJob): PublishJobView {
  const { mediaKey: _key, idempotencyKey: _idem, steps, ...rest } = job;
  return { ...rest, files: job.files.length, posting: steps.posting === true || steps.publishing === true };
}
