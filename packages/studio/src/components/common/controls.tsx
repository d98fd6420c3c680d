import { useEffect, useId, useState, type ReactNode } from 'react';
import { markEditStart } from '../../engine/preview-timing.js';
import { ChevronDownIcon } from './graphics.js';

/**
 * A titled, collapsible block of the design sidebar. The title is a real heading so the panels
 * can be found by name (and by screen reader heading navigation); the toggle is its button.
 */
export function PanelSection({ title, children, aside, defaultOpen = true }: { title: string; children: ReactNode; aside?: ReactNode; defaultOpen?: boolean }) {
  const [open, setOpen] = useState(defaultOpen);
  const bodyId = useId();
  return (
    <section className="panel-section" aria-label={title}>
      <div className="panel-section-head">
        <h2 className="panel-title">
          <button type="button" className="panel-toggle" aria-expanded={open} aria-controls={bodyId} onClick={() => setOpen(!open)}>
            <ChevronDownIcon className={open ? 'chev' : 'chev chev-closed'} />
            {title}
          </button>
        </h2>
        {aside}
      </div>
      {open && (
        <div className="panel-section-body" id={bodyId}>
          {children}
        </div>
      )}
    </section>
  );
}

/** A label above a control, or beside it for a compact row. */
export function Field({ label, htmlFor, children, inline, hint }: { label: string; htmlFor?: string; children: ReactNode; inline?: boolean; hint?: ReactNode }) {
  return (
    <div className={inline ? 'field field-inline' : 'field'}>
      <label className="field-label" htmlFor={htmlFor}>{label}</label>
      {children}
      {hint && <div className="field-hint">{hint}</div>}
    </div>
  );
}

interface RangeFieldProps {
  label: string;
  value: number;
  min: number;
  max: number;
  step?: number;
  /** Shown after the number: `px`, `%`. */
  unit?: string;
  onChange(value: number): void;
}

/** A labelled slider with its value beside it, for sizes and opacities. */
export function RangeField({ label, value, min, max, step = 1, unit = '', onChange }: RangeFieldProps) {
  const id = useId();
  return (
    <div className="field range-field">
      <div className="range-head">
        <label className="field-label" htmlFor={id}>{label}</label>
        <output className="range-value" htmlFor={id}>{Math.round(value * 100) / 100}{unit}</output>
      </div>
      <input
        id={id}
        type="range"
        className="range"
        min={min}
        max={max}
        step={step}
        value={value}
        onChange={(e) => {
          markEditStart();
          onChange(Number(e.target.value));
        }}
      />
    </div>
  );
}

/**
 * A destructive button that asks once, in place: the first press arms it, the second within a
 * few seconds does it. No modal dialog, and nothing happens on a stray click.
 */
export function ConfirmButton({ label, confirmLabel = 'Confirm', onConfirm, children, className = 'icon-button' }: {
  label: string;
  confirmLabel?: string;
  onConfirm(): void;
  children: ReactNode;
  className?: string;
}) {
  const [armed, setArmed] = useState(false);
  useEffect(() => {
    if (!armed) return;
    const t = setTimeout(() => setArmed(false), 3000);
    return () => clearTimeout(t);
  }, [armed]);
  if (armed) {
    return (
      <button type="button" className="btn btn-xs btn-danger" aria-label={`${confirmLabel}: ${label}`} autoFocus
        onClick={() => { setArmed(false); onConfirm(); }} onBlur={() => setArmed(false)}>
        {confirmLabel}
      </button>
    );
  }
  return (
    <button type="button" className={className} aria-label={label} title={label} onClick={() => setArmed(true)}>
      {children}
    </button>
  );
}
