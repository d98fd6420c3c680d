import { useId, useState, type FormEvent } from 'react';
import { blockText, planDeck, type SpoolDocument } from '../../../../spool/src/core.js';
import { addPosts, appendPostSlides, planFromDocument } from '../../../../spool/src/edit/index.js';
import { api } from '../../api/client.js';
import type { ImportRequest } from '../../api/types.js';
import { useStudio } from '../../state/studio-context.js';
import { useNotify } from '../../state/toasts.js';
import { UploadIcon } from '../common/graphics.js';

type Mode = 'paste' | 'file' | 'url';
/** Where imported posts go: after the open project's own, or into a project of their own. */
type Target = 'add' | 'new';

const UNTITLED = 'Untitled carousel';

const ACCEPT = '.json,.js,.zip,.md,.markdown,.txt,.html,.htm';

/** Paste a thread, upload a file (thread JSON, X archive, Markdown, HTML) or give a URL. */
export function ImportBox({ onDone }: { onDone(): void }) {
  const studio = useStudio();
  const notify = useNotify();
  const [mode, setMode] = useState<Mode>('paste');
  const [text, setText] = useState('');
  const [author, setAuthor] = useState('');
  const [handle, setHandle] = useState('');
  const [url, setUrl] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [rebuild, setRebuild] = useState(true);
  const [target, setTarget] = useState<Target>('add');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [warnings, setWarnings] = useState<string[]>([]);
  const id = useId();

  const ready = mode === 'paste' ? text.trim() !== '' : mode === 'url' ? url.trim() !== '' : file !== null;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!ready || busy) return;
    setBusy(true);
    setError(null);
    try {
      const req: ImportRequest =
        mode === 'paste'
          ? { kind: 'pasted', text, author: author.trim() || undefined, handle: handle.trim().replace(/^@/, '') || undefined }
          : mode === 'url'
            ? { kind: 'url', url: url.trim() }
            : { filename: file!.name, contentBase64: await fileBase64(file!) };
      const result = await api.importSource(req);
      if (target === 'new') {
        // A new project starts from the default design, like any new project.
        const design = studio.services.catalog.defaults;
        const project = await api.createProject({ name: projectNameFor(result.document), document: result.document, deck: planDeck(result.document, design) });
        await studio.open(project);
      } else {
        // Nothing the project holds is dropped: the posts are added after its own, and undo takes the import back whole.
        studio.change(({ document, deck }) => {
          const { document: merged, added } = addPosts(document, result.document.posts);
          const titled = merged.title ?? result.document.title;
          const next = titled ? { ...merged, title: titled } : merged;
          if (!rebuild) return { document: next, deck };
          return { document: next, deck: deck.slides.length === 0 ? planFromDocument(deck, { document: next }) : appendPostSlides(deck, added) };
        });
        if (studio.state.name === UNTITLED) studio.rename(projectNameFor(result.document));
      }
      setWarnings(result.warnings);
      notify(`Imported ${result.document.posts.length} post${result.document.posts.length === 1 ? '' : 's'}`, 'success');
      if (result.warnings.length === 0) onDone();
    } catch (err) {
      setError(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="import-box" onSubmit={submit} aria-label="Import posts">
      <div className="segmented" role="tablist" aria-label="Import from">
        {(['paste', 'file', 'url'] as const).map((m) => (
          <button key={m} type="button" role="tab" aria-selected={mode === m} className={mode === m ? 'is-active' : ''} onClick={() => setMode(m)}>
            {m === 'paste' ? 'Paste text' : m === 'file' ? 'Upload file' : 'From URL'}
          </button>
        ))}
      </div>
      {mode === 'paste' && (
        <>
          <label className="sr-only" htmlFor={`${id}-text`}>Thread text</label>
          <textarea id={`${id}-text`} className="input textarea" rows={5} dir="auto" value={text} onChange={(e) => setText(e.target.value)}
            placeholder={'Paste a thread. Separate posts with a blank line, or number them 1/ 2/ 3/'} />
          <div className="row">
            <input className="input" aria-label="Author name" placeholder="Author name" value={author} onChange={(e) => setAuthor(e.target.value)} />
            <input className="input" aria-label="Author handle" placeholder="@handle" value={handle} onChange={(e) => setHandle(e.target.value)} />
          </div>
        </>
      )}
      {mode === 'file' && (
        <label className="file-drop">
          <UploadIcon />
          <span>{file ? file.name : 'Thread JSON, X archive (.zip), Markdown or HTML'}</span>
          <input type="file" accept={ACCEPT} aria-label="Thread file" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
      )}
      {mode === 'url' && (
        <input className="input" type="url" aria-label="Article or thread URL" placeholder="https://…" value={url} onChange={(e) => setUrl(e.target.value)} />
      )}
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
      {warnings.length > 0 && (
        <ul className="form-warnings" aria-label="Import warnings">
          {warnings.slice(0, 5).map((w, i) => <li key={i}>{w}</li>)}
        </ul>
      )}
      <div className="row row-end">
        <button type="button" className="btn btn-sm" onClick={onDone}>Cancel</button>
        <button type="submit" className="btn btn-sm btn-primary" disabled={!ready || busy}>
          {busy ? 'Importing…' : 'Import'}
        </button>
      </div>
    </form>
  );
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

function fileBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('could not read the file'));
    reader.readAsDataURL(file);
  });
}
