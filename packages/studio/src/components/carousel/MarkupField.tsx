import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { markEditStart } from '../../engine/preview-timing.js';

interface MarkupFieldProps {
  label: string;
  /** The field's text as the deck has it now. */
  value: string;
  multiline?: boolean;
  placeholder?: string;
  /** Receives the typed text; returns the text the deck will hold, to tell echoes from outside changes. */
  onText(text: string): string;
}

/**
 * A text field in the slide's edit form (`**bold**`, `*italic*`) with Bold and Italic buttons and
 * Ctrl/Cmd+B and +I. It keeps what the user typed while the deck holds the normalised text, and
 * takes the deck's text only when it changed from elsewhere (undo, another slide).
 */
export function MarkupField({ label, value, multiline, placeholder, onText }: MarkupFieldProps) {
  const id = useId();
  const [text, setText] = useState(value);
  const echo = useRef(value);
  const field = useRef<HTMLTextAreaElement & HTMLInputElement>(null);

  useEffect(() => {
    if (value !== echo.current) {
      echo.current = value;
      setText(value);
    }
  }, [value]);

  const change = (next: string) => {
    markEditStart();
    setText(next);
    echo.current = onText(next);
  };

  const wrap = (marker: string) => {
    const el = field.current;
    if (!el) return;
    const start = el.selectionStart ?? text.length;
    const end = el.selectionEnd ?? start;
    const next = text.slice(0, start) + marker + text.slice(start, end) + marker + text.slice(end);
    change(next);
    requestAnimationFrame(() => {
      el.focus();
      el.setSelectionRange(start + marker.length, end + marker.length);
    });
  };

  const onKeyDown = (e: KeyboardEvent) => {
    if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
    const key = e.key.toLowerCase();
    if (key === 'b' || key === 'i') {
      e.preventDefault();
      wrap(key === 'b' ? '**' : '*');
    }
  };

  const common = {
    id,
    ref: field,
    className: multiline ? 'input textarea editor-body' : 'input',
    value: text,
    placeholder,
    onChange: (e: { target: { value: string } }) => change(e.target.value),
    onKeyDown,
    'data-deck-field': 'true',
    spellCheck: true,
    // Arabic or Hebrew text is edited right to left.
    dir: 'auto',
  };
  return (
    <div className="field markup-field">
      <div className="markup-head">
        <label className="field-label" htmlFor={id}>{label}</label>
        <div className="markup-tools" role="group" aria-label={`${label} formatting`}>
          <button type="button" className="tool" aria-label={`Bold (${label})`} title="Bold (Ctrl+B)" onMouseDown={(e) => e.preventDefault()} onClick={() => wrap('**')}>
            <b>B</b>
          </button>
          <button type="button" className="tool" aria-label={`Italic (${label})`} title="Italic (Ctrl+I)" onMouseDown={(e) => e.preventDefault()} onClick={() => wrap('*')}>
            <i>I</i>
          </button>
        </div>
      </div>
      {multiline ? <textarea rows={7} {...common} /> : <input type="text" {...common} />}
    </div>
  );
}
