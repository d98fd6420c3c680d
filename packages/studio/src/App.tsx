import { useCallback, useEffect, useState } from 'react';
import type { ConnectReturn } from './engine/connect-return.js';
import { bootStudio, type Boot } from './engine/services.js';
import { StudioDnd } from './dnd/StudioDnd.js';
import { LibraryProvider } from './state/library-context.js';
import { StudioProvider, useStudioActions } from './state/studio-context.js';
import { ToastProvider } from './state/toasts.js';
import { ActionKeys, useUndoShortcuts } from './state/studio-context.js';
import { CarouselPanel } from './components/carousel/CarouselPanel.js';
import { DesignSidebar } from './components/design/DesignSidebar.js';
import { SourcePanel } from './components/source/SourcePanel.js';
import { TopBar } from './components/topbar/TopBar.js';
import { Workspace } from './components/common/Drawers.js';

/** `connectReturn`: the answer of an account sign-in the page was sent back with, if it was. */
export function App({ connectReturn }: { connectReturn?: ConnectReturn } = {}) {
  const [boot, setBoot] = useState<Boot | null>(null);
  const [error, setError] = useState<string | null>(null);
  const start = useCallback(() => {
    setError(null);
    bootStudio().then(setBoot, (err) => setError(err instanceof Error ? err.message : String(err)));
  }, []);
  useEffect(start, [start]);

  if (error) {
    return (
      <div className="splash">
        <div className="splash-card" role="alert">
          <h1>Spool can’t start</h1>
          <p>{error}</p>
          <button type="button" className="btn btn-primary" onClick={start}>Try again</button>
        </div>
      </div>
    );
  }
  if (!boot) {
    return (
      <div className="splash" role="status" aria-live="polite">
        <div className="spinner" aria-hidden="true" />
        <p>Loading fonts and your latest carousel…</p>
      </div>
    );
  }
  return (
    <ToastProvider>
      <LibraryProvider backend={boot.services.backend}>
        <StudioProvider services={boot.services} project={boot.project}>
          <Studio connectReturn={connectReturn} />
        </StudioProvider>
      </LibraryProvider>
    </ToastProvider>
  );
}

function Studio({ connectReturn }: { connectReturn?: ConnectReturn }) {
  const { undo, redo } = useStudioActions();
  useUndoShortcuts(undo, redo);
  return (
    <div className="app">
      {/* A button, not a #link: the address's hash names the open project. */}
      <button type="button" className="skip-link" onClick={() => document.getElementById('carousel')?.focus()}>Skip to the carousel</button>
      <ActionKeys />
      <TopBar connectReturn={connectReturn} />
      <StudioDnd>
        <Workspace source={<SourcePanel />} carousel={<CarouselPanel />} design={<DesignSidebar />} />
      </StudioDnd>
    </div>
  );
}
