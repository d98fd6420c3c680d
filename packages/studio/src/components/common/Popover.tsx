import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

interface PopoverProps {
  /** Content of the trigger button. */
  trigger: ReactNode;
  label: string;
  triggerClass?: string;
  align?: 'left' | 'right';
  children: (close: () => void) => ReactNode;
}

/** A button with a panel under it; Escape or a click outside closes it and focus goes back. */
export function Popover({ trigger, label, triggerClass = 'btn btn-sm', align = 'left', children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const close = () => {
    setOpen(false);
    button.current?.focus();
  };

  return (
    <div className="popover-root" ref={root}>
      <button ref={button} type="button" className={triggerClass} aria-haspopup="dialog" aria-expanded={open} aria-controls={id}
        aria-label={label} onClick={() => setOpen(!open)}>
        {trigger}
      </button>
      {open && (
        <div id={id} role="dialog" aria-label={label} className={`popover popover-${align}`}>
          {children(close)}
        </div>
      )}
    </div>
  );
}
