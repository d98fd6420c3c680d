import { useEffect, useId, useRef, type KeyboardEvent, type ReactNode, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import { CloseIcon } from './graphics.js';

const FOCUSABLE = 'a[href], button:not(:disabled), input:not(:disabled), select:not(:disabled), textarea:not(:disabled), summary, [tabindex]:not([tabindex="-1"])';

interface ModalProps {
  title: string;
  /** A line under the title: what the dialog acts on. */
  subtitle?: ReactNode;
  onClose(): void;
  /** The actions row along the bottom. */
  footer?: ReactNode;
  /** Focused on opening; default the dialog itself, so its name is read first. */
  initialFocus?: RefObject<HTMLElement | null>;
  className?: string;
  children: ReactNode;
}

/**
 * A modal dialog over the studio: the studio behind it is inert (toasts stay live, outside it),
 * Tab cycles inside it, Escape or the close button closes it, and focus goes back to what opened it.
 */
export function Modal({ title, subtitle, onClose, footer, initialFocus, className, children }: ModalProps) {
  const dialog = useRef<HTMLDivElement>(null);
  const titleId = useId();
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const app = document.querySelector<HTMLElement>('.app');
    app?.setAttribute('inert', '');
    (initialFocus?.current ?? dialog.current)?.focus();
    return () => {
      app?.removeAttribute('inert');
      // Back to the button that opened it, once the studio can take focus again.
      if (opener?.isConnected) opener.focus();
    };
    // Once per opening: the ref is read when the dialog first shows.
  }, []);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      e.stopPropagation();
      close.current();
      return;
    }
    if (e.key !== 'Tab' || !dialog.current) return;
    // What Tab can reach: shown, and not taken out of the order (a radio group's unchosen radios).
    const items = [...dialog.current.querySelectorAll<HTMLElement>(FOCUSABLE)].filter((el) => el.tabIndex >= 0 && el.getClientRects().length > 0);
    if (items.length === 0) {
      e.preventDefault();
      return;
    }
    const first = items[0];
    const last = items[items.length - 1];
    const at = document.activeElement;
    if (e.shiftKey && (at === first || at === dialog.current)) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && at === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return createPortal(
    <div className="modal-layer">
      <div className="modal-backdrop" aria-hidden="true" />
      <div ref={dialog} role="dialog" aria-modal="true" aria-labelledby={titleId} tabIndex={-1} className={className ? `modal ${className}` : 'modal'} onKeyDown={onKeyDown}>
        <header className="modal-head">
          <div className="modal-heading">
            <h2 id={titleId} className="modal-title">{title}</h2>
            {subtitle && <div className="modal-subtitle">{subtitle}</div>}
          </div>
          <button type="button" className="icon-button icon-button-lg" aria-label={`Close ${title.toLowerCase()}`} title="Close (Esc)" onClick={() => close.current()}>
            <CloseIcon />
          </button>
        </header>
        <div className="modal-body">{children}</div>
        {footer && <footer className="modal-foot">{footer}</footer>}
      </div>
    </div>,
    document.body,
  );
}
