import { useState } from 'react';
import type { Deck } from 'spool/core';
import type { Backend } from '../../api/client.js';
import { zipBlob } from '../../engine/zip-blob.js';
import { useRender, useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { ChevronDownIcon, DownloadIcon } from '../common/graphics.js';
import { Popover } from '../common/Popover.js';

type Job = 'pdf' | 'png' | 'jpeg' | 'slide';

interface Progress {
  label: string;
  done: number;
  total: number;
}

/** Pages rendered at once: enough to keep the server busy without queueing the whole deck. */
const PARALLEL = 2;
/** Warnings spelled out in the notice after an export; the rest are counted. */
const SHOWN_WARNINGS = 3;

/** Export: the PDF, every page as PNG or JPEG in a ZIP, or the selected slide as one PNG. */
export function ExportMenu() {
  const { deck, state, selected, services } = useStudio();
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
  ];

  return (
    <Popover label="Export" align="right" triggerClass="btn btn-primary btn-sm"
      trigger={progress ? <><span className="btn-spinner" aria-hidden="true" /> Exporting{progress.total > 1 ? ` ${Math.round((100 * progress.done) / progress.total)}%` : '…'}</> : <><DownloadIcon /> Export <ChevronDownIcon /></>}>
      {(close) => (
        <div className="menu export-menu">
          {items.map((item) => (
            <button key={item.job} type="button" className="menu-item" disabled={item.disabled || !!progress || pageCount === 0} onClick={() => void run(item.job, close)}>
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
  // The server names slides by index (`slides[1]: …`); a user counts them from 1.
  const shown = warnings
    .slice(0, SHOWN_WARNINGS)
    .map((w) => w.replace(/^slides\[(\d+)\]/, (_, i: string) => `Slide ${Number(i) + 1}`))
    .join(' · ');
  const rest = warnings.length - SHOWN_WARNINGS;
  return `Export ready, but ${warnings.length === 1 ? 'something was' : `${warnings.length} things were`} left out: ${shown}${rest > 0 ? ` · and ${rest} more` : ''}`;
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
