import { useRef, useState } from 'react';
import type { Project } from '../../api/types.js';
import { Modal } from '../common/Modal.js';

/**
 * Someone saved the open project while it was being edited here (another window, another person).
 * Nothing is saved until the user picks a version; the one not picked is kept as a copy.
 */
export function ConflictDialog({ theirs, onKeepMine, onKeepTheirs, onClose }: {
  theirs: Project;
  onKeepMine(): Promise<void>;
  onKeepTheirs(): Promise<void>;
  onClose(): void;
}) {
  const [busy, setBusy] = useState(false);
  const mine = useRef<HTMLButtonElement>(null);
  const choose = (pick: () => Promise<void>) => {
    setBusy(true);
    void pick().finally(() => setBusy(false));
  };
  const slides = theirs.deck.slides.length;
  const footer = (
    <div className="dialog-actions">
      <button type="button" className="btn btn-sm" disabled={busy} onClick={() => choose(onKeepTheirs)}>Open the other version</button>
      <button type="button" ref={mine} className="btn btn-sm btn-primary" disabled={busy} onClick={() => choose(onKeepMine)}>Keep my version</button>
    </div>
  );
  return (
    <Modal title="This project changed elsewhere" subtitle={theirs.name} onClose={onClose} footer={footer} initialFocus={mine} className="modal-narrow">
      <div className="dialog-text">
        <p>
          It was saved from another window or by someone else at {savedAt(theirs.updatedAt)} ({slides} {slides === 1 ? 'slide' : 'slides'}),
          while you were editing it here. Your latest changes are not saved yet.
        </p>
        <p>Whichever you keep, the other version is saved as a copy in Projects, so neither is lost.</p>
      </div>
    </Modal>
  );
}

function savedAt(iso: string): string {
  const at = new Date(iso);
  return Number.isNaN(at.getTime()) ? 'a moment ago' : at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
