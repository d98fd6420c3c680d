/**
 * One publish, as steps that can be taken up again after a crash. The state is saved before and
 * after every platform call: a step whose answer was recorded is never repeated, and the one call
 * that creates the post is checked with the platform before it is sent again, so a post goes out
 * exactly once.
 */
import { InstagramClient } from './instagram.js';
import { LinkedInClient, linkedinPostUrl } from './linkedin.js';
import { PlatformError, type PlatformName } from './platform-http.js';

export interface PublishState {
  /** LinkedIn: the document's URN and where to PUT it, once asked for. */
  document?: string;
  uploadUrl?: string;
  uploaded?: boolean;
  /** Set just before the post is sent: on a restart, LinkedIn is asked whether it arrived. */
  posting?: boolean;
  /** Instagram: one item container per slide, then the carousel container. */
  items?: string[];
  carousel?: string;
  publishing?: boolean;
  /** The result: the post's id and address. */
  postId?: string;
  url?: string;
}

export interface PublishWork {
  platform: PlatformName;
  token: string;
  /** LinkedIn: the author URN (person or organization); Instagram: the professional account's user id. */
  subject: string;
  caption: string;
  title: string;
  altText: readonly string[];
  /** LinkedIn: the PDF. */
  pdf?: () => Uint8Array | Promise<Uint8Array>;
  /** Instagram: where Meta can fetch each JPEG. */
  imageUrls?: readonly string[];
  apiBase?: string;
  fetch?: typeof fetch;
}

export interface PublishHooks {
  /** Persists the state; called before and after each platform call. */
  save(state: PublishState): void | Promise<void>;
  sleep?(ms: number): Promise<void>;
  /** How long to wait for Instagram to finish a carousel container (or LinkedIn a document). */
  containerTimeoutMs?: number;
  /** The first wait before asking whether a container or document is ready; default 3 s. */
  pollMs?: number;
}

export interface PublishResult {
  postId: string;
  url?: string;
}

export async function runPublish(work: PublishWork, initial: PublishState, hooks: PublishHooks): Promise<PublishResult> {
  const state: PublishState = { ...initial };
  if (state.postId) return { postId: state.postId, url: state.url };
  const save = async (changes: Partial<PublishState>) => {
    Object.assign(state, changes);
    await hooks.save({ ...state });
  };
  return work.platform === 'linkedin' ? publishLinkedIn(work, state, save, hooks) : publishInstagram(work, state, save, hooks);
}

type Save = (changes: Partial<PublishState>) => Promise<void>;

async function publishLinkedIn(work: PublishWork, state: PublishState, save: Save, hooks: PublishHooks): Promise<PublishResult> {
  const client = new LinkedInClient({ token: work.token, apiBase: work.apiBase, fetch: work.fetch });
  if (!state.document || !state.uploadUrl) {
    const upload = await client.initializeUpload(work.subject);
    await save({ document: upload.document, uploadUrl: upload.uploadUrl, uploaded: false });
  }
  if (!state.uploaded) {
    if (!work.pdf) throw new Error('a LinkedIn publish needs its PDF');
    await client.upload(state.uploadUrl!, await work.pdf());
    await save({ uploaded: true });
  }
  await waitForDocument(client, state.document!, hooks);
  const sentBefore = state.posting === true;
  await save({ posting: true });
  let urn: string;
  try {
    urn = await client.createPost({ author: work.subject, commentary: work.caption, document: state.document!, title: work.title });
  } catch (err) {
    // A post sent before that never got its answer (a crash, a lost connection) is found this way:
    // LinkedIn refuses the same text twice from one author and names the post it already has.
    // Reading the author's posts back would need a permission most apps are not given.
    const copy = err instanceof PlatformError ? err.details.duplicateOf : undefined;
    if (copy && sentBefore) urn = copy;
    else {
      // An answer with a status means the post was not made: the next try need not ask.
      if (err instanceof PlatformError && err.details.status !== undefined) await save({ posting: false });
      throw err;
    }
  }
  const url = linkedinPostUrl(urn);
  await save({ posting: false, postId: urn, url });
  return { postId: urn, url };
}

async function publishInstagram(work: PublishWork, state: PublishState, save: Save, hooks: PublishHooks): Promise<PublishResult> {
  const client = new InstagramClient({ token: work.token, apiBase: work.apiBase, fetch: work.fetch });
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const urls = work.imageUrls ?? [];
  if (state.publishing && state.carousel) {
    // The last run asked to publish and stopped before it heard back: the container says whether it went out.
    const status = await client.status(state.carousel);
    if (status.code === 'PUBLISHED') {
      // The container does not name the post it became; the account's recent posts do.
      const mediaId = (await client.findByCaption(work.subject, work.caption).catch(() => undefined)) ?? state.carousel;
      await save({ publishing: false, postId: mediaId });
      return finish(client, mediaId, save);
    }
  }
  const items = [...(state.items ?? [])];
  for (let i = items.length; i < urls.length; i++) {
    items.push(await client.createItem(work.subject, urls[i], work.altText[i] ?? ''));
    await save({ items: [...items] });
  }
  if (!state.carousel) {
    await save({ carousel: await client.createCarousel(work.subject, items, work.caption) });
  }
  const deadline = Date.now() + (hooks.containerTimeoutMs ?? 5 * 60_000);
  // Meta asks for a look about once a minute; most carousels are ready within seconds, so the
  // first looks come sooner and the pace then falls back to theirs.
  for (let wait = hooks.pollMs ?? 3000; ; wait = Math.min(wait * 2, 60_000)) {
    await sleep(wait);
    const status = await client.status(state.carousel!);
    if (status.code === 'FINISHED') break;
    if (status.code === 'PUBLISHED') return finish(client, state.carousel!, save);
    if (status.code === 'ERROR') {
      // A failed container cannot be published; the next try makes new ones.
      await save({ items: [], carousel: undefined });
      throw new PlatformError(`Instagram could not prepare the carousel${status.message ? `: ${status.message}` : ''}`, 'instagram', { retryable: false, code: 'container-error' });
    }
    if (status.code === 'EXPIRED') {
      await save({ items: [], carousel: undefined });
      throw new PlatformError('Instagram let the prepared carousel expire before it was published; Spool will prepare it again', 'instagram', { retryable: true });
    }
    if (Date.now() > deadline) throw new PlatformError('Instagram is still preparing the carousel; Spool will look again later', 'instagram', { retryable: true });
  }
  const limit = await client.publishingLimit(work.subject);
  if (limit.used >= limit.total) {
    throw new PlatformError(`Instagram’s limit of ${limit.total} posts in ${Math.round(limit.windowSeconds / 3600)} hours is reached for this account; Spool will try again later`, 'instagram', {
      retryable: true,
      retryAfterMs: 60 * 60 * 1000,
    });
  }
  await save({ publishing: true });
  const mediaId = await client.publish(work.subject, state.carousel!);
  await save({ publishing: false, postId: mediaId });
  return finish(client, mediaId, save);
}

/** The permalink, when Instagram gives it; the post is out either way. */
async function finish(client: InstagramClient, mediaId: string, save: Save): Promise<PublishResult> {
  let url: string | undefined;
  try {
    url = await client.permalink(mediaId);
  } catch {
    url = undefined;
  }
  await save({ postId: mediaId, ...(url ? { url } : {}) });
  return { postId: mediaId, url };
}

/** LinkedIn processes an uploaded PDF before a post may show it. */
async function waitForDocument(client: LinkedInClient, document: string, hooks: PublishHooks): Promise<void> {
  const sleep = hooks.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const deadline = Date.now() + (hooks.containerTimeoutMs ?? 5 * 60_000);
  for (let wait = Math.min(hooks.pollMs ?? 3000, 1000); ; wait = Math.min(wait * 2, 10_000)) {
    const status = await client.documentStatus(document);
    if (status === 'AVAILABLE') return;
    if (status === 'PROCESSING_FAILED') throw new PlatformError('LinkedIn could not process the PDF; try exporting it again', 'linkedin', { retryable: false, code: status });
    if (Date.now() > deadline) throw new PlatformError('LinkedIn is still processing the PDF; Spool will look again later', 'linkedin', { retryable: true });
    await sleep(wait);
  }
}
