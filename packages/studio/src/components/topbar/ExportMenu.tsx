import { useState } from 'react';
import type { Deck } from 'spool/core';
import type { Backend } from '../../api/client.js';
import type { PreflightCheck, PreflightReport } from '../../api/types.js';
import { zipBlob } from '../../engine/zip-blob.js';
import { useRender, useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { ChevronDownIcon, DownloadIcon } from '../common/graphics.js';
import { Popover } from '../common/Popover.js';
import { PLATFORM_LABEL } from '../publish/publish-format.js';
import type { ToastKind } from '../../state/toasts.js';

type Job = 'pdf' | 'png' | 'jpeg' | 'slide' | 'bundle';

interface Progress {
  label: string;
  done: number;
  total: number;
}

/** Pages rendered at once: enough to keep the server busy without queueing the whole deck. */
const PARALLEL = 2;
/** Warnings spelled out in the notice after an export; the rest are counted. */
const SHOWN_WARNINGS = 3;

/**
 * Export: the PDF, every page as PNG or JPEG in a ZIP, the selected slide as one PNG, or the
 * ready-to-post bundle (both platforms' files, captions, alt text and the checks) as the server makes it.
 */
export function ExportMenu() {
  const { deck, state, selected, services, flush } = useStudio();
  const { render } = useRender();
  const notify = useNotify();
  const [progress, setProgress] = useState<Progress | null>(null);
  const pageCount = render?.pages.length ?? deck.slides.length;
  const selectedPage = render && selected ? render.pages.findIndex((p) => p.slideId === selected.id) + 1 : 0;
  const base = fileBase(state.name || deck.title || 'carousel');

  const run = async (job: Job, close: () => void) => {
    if (progress) return;
    try {
      // What the server left out (an image it could not fetch): the file is still made, the user is told.
      const warnings = new Set<string>();
      if (job === 'pdf') {
        setProgress({ label: 'Rendering PDF', done: 0, total: 1 });
        const file = await services.backend.render(deck, 'pdf', { onBytes: (got, total) => setProgress({ label: 'Downloading PDF', done: got, total: total || got }) });
        file.warnings.forEach((w) => warnings.add(w));
        download(file.blob, `${base}.pdf`);
      } else if (job === 'slide') {
        setProgress({ label: `Rendering slide ${selectedPage}`, done: 0, total: 1 });
        const file = await services.backend.render(deck, 'png', { page: selectedPage });
        file.warnings.forEach((w) => warnings.add(w));
        download(file.blob, `${base}-slide-${String(selectedPage).padStart(2, '0')}.png`);
      } else if (job === 'bundle') {
        setProgress({ label: 'Making the bundle', done: 0, total: 1 });
        // The server bundles the saved project: the last edits go first.
        await flush();
        const file = await services.backend.bundle(state.projectId, { onBytes: (got, total) => setProgress({ label: 'Downloading the bundle', done: got, total: total || got }) });
        download(file.blob, `${base}-bundle.zip`);
        const notice = bundleNotice(file.preflight, file.warnings);
        notify(notice.message, notice.kind);
        close();
        return;
      } else {
        const blob = await renderPages(services.backend, deck, job, pageCount, (done) => setProgress({ label: `Rendering ${job.toUpperCase()} ${done} of ${pageCount}`, done, total: pageCount }), warnings);
        download(blob, `${base}-${job}.zip`);
      }
      if (warnings.size > 0) notify(exportNotice([...warnings]), 'error');
      else notify('Export ready', 'success');
      // The file is on its way to the downloads: the menu has done its job.
      close();
    } catch (err) {
      notify(`Export failed: ${err instanceof Error ? err.message : err}`, 'error');
    } finally {
      setProgress(null);
    }
  };

  const items: { job: Job; title: string; detail: string; disabled?: boolean }[] = [
    { job: 'pdf', title: 'PDF document', detail: `LinkedIn carousel · ${pageCount} pages, selectable text` },
    { job: 'png', title: 'PNG images (ZIP)', detail: `Instagram · ${pageCount} lossless images` },
    { job: 'jpeg', title: 'JPEG images (ZIP)', detail: `Instagram · ${pageCount} smaller images` },
    { job: 'slide', title: 'Current slide (PNG)', detail: selectedPage ? `Page ${selectedPage} only` : 'Select a slide first', disabled: !selectedPage },
    { job: 'bundle', title: 'Ready-to-post bundle (.zip)', detail: 'PDF and JPEGs, captions, alt text, checks' },
  ];

  return (
    <Popover label="Export" align="right" triggerClass="btn btn-sm"
      trigger={progress ? <><span className="btn-spinner" aria-hidden="true" /> Exporting{progress.total > 1 ? ` ${Math.round((100 * progress.done) / progress.total)}%` : '…'}</> : <><DownloadIcon /> Export <ChevronDownIcon /></>}>
      {(close) => (
        <div className="menu export-menu">
          {items.map((item) => (
            <button key={item.job} type="button" className={item.job === 'bundle' ? 'menu-item menu-item-sep' : 'menu-item'} disabled={item.disabled || !!progress || pageCount === 0} onClick={() => void run(item.job, close)}>
              <span className="menu-item-title">{item.title}</span>
              <span className="menu-item-detail">{item.detail}</span>
            </button>
          ))}
          {progress && (
            <div className="export-progress" role="status" aria-live="polite">
              <span>{progress.label}…</span>
              <progress max={progress.total} value={progress.done} aria-label="Export progress" />
            </div>
          )}
        </div>
      )}
    </Popover>
  );
}

async function renderPages(
  backend: Backend,
  deck: Deck,
  format: 'png' | 'jpeg',
  total: number,
  onDone: (done: number) => void,
  warnings: Set<string>,
): Promise<Blob> {
  const files: { name: string; bytes: Uint8Array }[] = new Array(total);
  const width = Math.max(2, String(total).length);
  let next = 0;
  let done = 0;
  onDone(0);
  const worker = async () => {
    while (next < total) {
      const page = ++next;
      const file = await backend.render(deck, format, { page });
      file.warnings.forEach((w) => warnings.add(w));
      files[page - 1] = { name: `slide-${String(page).padStart(width, '0')}.${format === 'jpeg' ? 'jpg' : 'png'}`, bytes: new Uint8Array(await file.blob.arrayBuffer()) };
      onDone(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(PARALLEL, total) }, worker));
  return zipBlob(files);
}

/** The notice after an export that left something out: the first few warnings, the rest counted. */
export function exportNotice(warnings: readonly string[]): string {
  return `Export ready, but ${warnings.length === 1 ? 'something was' : `${warnings.length} things were`} left out: ${firstFew(warnings.map(slideName))}`;
}

/**
 * The notice after a bundle download: the checks it failed (from `x-spool-preflight`), the ones
 * that matter for posting by hand first; then what it left out. A bundle that fails only what
 * publishing through an API asks (Instagram's 10 slides) is fine to post by hand, and says so.
 */
export function bundleNotice(preflight: PreflightReport | undefined, warnings: readonly string[]): { message: string; kind: ToastKind } {
  const failed = preflight?.checks.filter((c) => !c.ok) ?? [];
  const byHand = failed.filter((c) => c.scope !== 'api');
  const apiOnly = failed.filter((c) => c.scope === 'api');
  const lost = warnings.length > 0 ? ` · Left out: ${firstFew(warnings.map(slideName))}` : '';
  if (byHand.length > 0) {
    return { message: `Bundle ready, but ${byHand.length === 1 ? 'a check failed' : `${byHand.length} checks failed`}: ${firstFew(byHand.map(checkText))}${lost}`, kind: 'error' };
  }
  if (apiOnly.length > 0) {
    const platforms = [...new Set(apiOnly.map((c) => PLATFORM_LABEL[c.platform]))].join(' and ');
    return { message: `Bundle ready to post by hand. Publishing it from Spool, ${platforms} would refuse it: ${firstFew(apiOnly.map(checkText))}${lost}`, kind: 'info' };
  }
  if (lost) return { message: `Bundle ready, but ${warnings.length === 1 ? 'something was' : `${warnings.length} things were`} left out: ${firstFew(warnings.map(slideName))}`, kind: 'error' };
  return { message: preflight ? 'Bundle ready: every check passed' : 'Bundle ready', kind: 'success' };
}

/** The server names slides by index (`slides[1]: …`); a user counts them from 1. */
function slideName(warning: string): string {
  return warning.replace(/^slides\[(\d+)\]/, (_, i: string) => `Slide ${Number(i) + 1}`);
}

function checkText(check: PreflightCheck): string {
  return `${PLATFORM_LABEL[check.platform]}: ${check.message}${check.fix ? ` (${check.fix})` : ''}`;
}

/** The first few of a list, joined, and how many more there are. */
function firstFew(list: readonly string[]): string {
  const rest = list.length - SHOWN_WARNINGS;
  return `${list.slice(0, SHOWN_WARNINGS).join(' · ')}${rest > 0 ? ` · and ${rest} more` : ''}`;
}

function download(blob: Blob, name: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function fileBase(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'carousel';
}
