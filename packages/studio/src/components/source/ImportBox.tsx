import { useEffect, useId, useRef, useState, type FormEvent, type Ref } from 'react';
import { blockText, planDeck, type SpoolDocument, addPosts, appendPostSlides, planFromDocument } from 'spool/core';
import { zipBlob } from '../../engine/zip-blob.js';
import type { ImportRequest } from '../../api/types.js';
import { useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { useLibrary } from '../../state/library-context.js';
import { UploadIcon } from '../common/graphics.js';
import { useRovingFocus } from '../common/roving-focus.js';
import { importNotes, uniqueNames } from './import-notes.js';

const MODES = ['paste', 'file', 'url'] as const;
type Mode = (typeof MODES)[number];
/** Where imported posts go: after the open project's own, or into a project of their own. */
type Target = 'add' | 'new';

const UNTITLED = 'Untitled carousel';

const ACCEPT = '.json,.js,.zip,.md,.markdown,.txt,.html,.htm,.png,.jpg,.jpeg,.webp,.gif';
/** A folder picked with its images: sent as one ZIP, the way a thread and its media folder travel. */
const PICKED_ZIP = 'picked-files.zip';

/** Paste a thread or an article, upload a file (thread JSON, X archive, Markdown, HTML) or give a URL. */
export function ImportBox({ onDone }: { onDone(focusPost?: string): void }) {
  const studio = useStudio();
  const notify = useNotify();
  const { newProjectDesign } = useLibrary();
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [handle, setHandle] = useState('');
  const [url, setUrl] = useState('');
  const [files, setFiles] = useState<File[]>([]);
  const [rebuild, setRebuild] = useState(true);
  // Articles (files and pages): condensed to key points, about `slides` of them ('' for the default), or every paragraph.
  const [shape, setShape] = useState<'condensed' | 'full'>('condensed');
  const [slides, setSlides] = useState('');
  const [target, setTarget] = useState<Target>('add');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const id = useId();
  const notesRef = useRef<HTMLDivElement>(null);
  const tabs = useRovingFocus(MODES, mode, (m) => setMode(m as Mode));

  const ready = mode === 'paste' ? text.trim() !== '' : mode === 'url' ? url.trim() !== '' : files.length > 0;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const req: ImportRequest =
        mode === 'paste'
          ? // Its kind is read from the text: a thread, or an article (also Markdown or HTML) that the choice below condenses.
            { text, author: author.trim() || undefined, handle: handle.trim().replace(/^@/, '') || undefined, condense: condenseChoice(shape, slides) }
          : { ...(mode === 'url' ? { kind: 'url', url: url.trim() } : await uploadOf(files)), condense: condenseChoice(shape, slides) };
      const result = await studio.services.backend.importSource(req);
      let first: string | undefined;
      if (target === 'new') {
        // A new project starts from the default design (and default brand profile), like any new project.
        const fresh = newProjectDesign(studio.services.catalog.defaults);
        // A condensed article's outro sends readers to the whole piece.
        const design = result.document.source && result.document.url ? { ...fresh, cta: { ...fresh.cta, style: 'link' as const } } : fresh;
        const project = await studio.services.backend.createProject({ name: projectNameFor(result.document), document: result.document, deck: planDeck(result.document, design) });
        await studio.open(project);
        first = project.document.posts[0]?.id;
      } else {
        first = addPosts(studio.document, result.document.posts, result.document.source).added[0]?.id;
        // Nothing the project holds is dropped: the posts are added after its own, and undo takes the import back whole.
        studio.change(({ document, deck }) => {
          const { document: merged, added } = addPosts(document, result.document.posts, result.document.source);
          const titled = merged.title ?? result.document.title;
          const next = titled ? { ...merged, title: titled } : merged;
          if (!rebuild) return { document: next, deck };
          return { document: next, deck: deck.slides.length === 0 ? planFromDocument(deck, { document: next }) : appendPostSlides(deck, added) };
        });
        if (studio.state.name === UNTITLED) studio.rename(projectNameFor(result.document));
      }
      setWarnings(result.warnings);
      notify(`Imported ${result.document.posts.length} post${result.document.posts.length === 1 ? '' : 's'}`, 'success');
      // Focus goes where the user's attention should: to what was left out, else to the first new post.
      if (result.warnings.length === 0) onDone(first);
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (warnings.length > 0) notesRef.current?.focus();
  }, [warnings]);

  return (
    <form className="import-box" onSubmit={submit} aria-label="Import posts">
      <div className="segmented" role="tablist" aria-label="Import from" {...tabs.group}>
        {MODES.map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} {...tabs.item(m)} className={mode === m ? 'is-active' : ''} onClick={() => setMode(m)}>
            {m === 'paste' ? 'Paste text' : m === 'file' ? 'Upload file' : 'From URL'}
          </button>
        ))}
      </div>
      {mode === 'paste' && (
        <>
          <label className="sr-only" htmlFor={`${id}-text`}>Thread text</label>
          <textarea id={`${id}-text`} className="input textarea" rows={5} dir="auto" value={text} onChange={(e) => setText(e.target.value)}
            placeholder={'Paste a thread (posts separated by a blank line, or numbered 1/ 2/ 3/), or an article'} />
          <div className="row">
            <input className="input" aria-label="Author name" placeholder="Author name" value={author} onChange={(e) => setAuthor(e.target.value)} />
            <input className="input" aria-label="Author handle" placeholder="@handle" value={handle} onChange={(e) => setHandle(e.target.value)} />
          </div>
        </>
      )}
      {mode === 'file' && (
        <label className="file-drop">
          <UploadIcon />
          <span>{files.length === 0 ? 'Thread JSON with its images, a ZIP, an X archive, Markdown or HTML' : files.length === 1 ? files[0].name : `${files[0].name} and ${files.length - 1} more`}</span>
          <input type="file" multiple accept={ACCEPT} aria-label="Thread file and its images" onChange={(e) => setFiles([...(e.target.files ?? [])])} />
        </label>
      )}
      {mode === 'url' && (
        <input className="input" type="url" aria-label="Article or thread URL" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} />
      )}
      <div className="import-shape" role="radiogroup" aria-labelledby={`${id}-shape-label`}>
        <span id={`${id}-shape-label`} className="import-shape-label">An article becomes</span>
        <label className="check">
          <input type="radio" name={`${id}-shape`} checked={shape === 'condensed'} onChange={() => setShape('condensed')} />
          <span>Condensed: about</span>
          <input className="input input-xs" type="number" min={3} max={60} inputMode="numeric" aria-label="Slides in the condensed carousel"
            placeholder="8–12" value={slides} onChange={(e) => { setSlides(e.target.value); setShape('condensed'); }} />
          <span>slides</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-shape`} checked={shape === 'full'} onChange={() => setShape('full')} />
          <span>Full text, every paragraph</span>
        </label>
      </div>
      <div className="import-target" role="radiogroup" aria-label="Import into">
        <label className="check">
          <input type="radio" name={`${id}-target`} checked={target === 'add'} onChange={() => setTarget('add')} />
          <span>Add to this project</span>
        </label>
        <label className="check">
          <input type="radio" name={`${id}-target`} checked={target === 'new'} onChange={() => setTarget('new')} />
          <span>Start a new project from it</span>
        </label>
      </div>
      {target === 'add' && (
        <label className="check">
          <input type="checkbox" checked={rebuild} onChange={(e) => setRebuild(e.target.checked)} />
          <span>Add slides for the imported posts</span>
        </label>
      )}
      {error && <p className="form-error" role="alert">{error}</p>}
      <ImportWarnings warnings={warnings} ref={notesRef} />
      <div className="row row-end">
        <button type="button" className="btn btn-sm" onClick={() => onDone()}>Cancel</button>
        <button type="submit" className="btn btn-sm btn-primary" disabled={!ready || busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
}

/** The import's condense option from the form: a slide count when one is typed in range, else the default. */
function condenseChoice(shape: 'condensed' | 'full', slides: string): ImportRequest['condense'] {
  if (shape === 'full') return false;
  const n = Number(slides);
  return slides.trim() !== '' && Number.isInteger(n) && n >= 3 && n <= 60 ? { slides: n } : true;
}

/** What the import left out: the missing images first, listed whole, then the rest. */
function ImportWarnings({ warnings, ref }: { warnings: string[]; ref: Ref<HTMLDivElement> }) {
  if (warnings.length === 0) return null;
  const { missing, others } = importNotes(warnings);
  return (
    <div className="form-warnings" role="status" aria-label="Import warnings" tabIndex={-1} ref={ref}>
      {missing.length > 0 && (
        <>
          <p>
            {missing.length === 1 ? '1 image is' : `${missing.length} images are`} missing. Import again with the thread file and its images
            picked together, or a ZIP of the thread with its media folder:
          </p>
          <ul className="missing-list">
            {missing.map((m, i) => <li key={i}><code>{m.src}</code> (post {m.post})</li>)}
          </ul>
        </>
      )}
      {others.length > 0 && (
        <ul>
          {others.slice(0, 5).map((w, i) => <li key={i}>{w}</li>)}
          {others.length > 5 && <li>and {others.length - 5} more</li>}
        </ul>
      )}
    </div>
  );
}

/** One file as it is; several (a thread file and its images) packed into one ZIP. */
async function uploadOf(files: File[]): Promise<ImportRequest> {
  if (files.length === 1) return { filename: files[0].name, contentBase64: await fileBase64(files[0]) };
  const names = uniqueNames(files.map((f) => f.name));
  const entries = await Promise.all(files.map(async (f, i) => ({ name: names[i], bytes: new Uint8Array(await f.arrayBuffer()) })));
  return { filename: PICKED_ZIP, contentBase64: await fileBase64(zipBlob(entries)) };
}

/** A project named for what it holds: the source's title, else the first words of its first post. */
export function projectNameFor(document: SpoolDocument): string {
  if (document.title?.trim()) return document.title.trim().slice(0, 120);
  const first = document.posts.flatMap((p) => p.blocks.map(blockText)).find((t) => t.trim() !== '');
  if (!first) return UNTITLED;
  const words = first.trim().split(/\s+/);
  const head = words.slice(0, 8).join(' ');
  if (head.length > 60) return `${head.slice(0, 60).replace(/\s+\S*$/, '')}…`;
  return words.length > 8 ? `${head}…` : head;
}

function fileBase64(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}
