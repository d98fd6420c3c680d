import { useId } from 'react';
import { useRovingFocus } from './roving-focus.js';

/**
 * A few named choices as a row of chips: a radio group, one Tab stop, arrow keys move the choice.
 * `shown` puts its label above it, for a group that sits among others in one panel.
 */
export function ChoiceChips<T extends string>(props: {
  label: string;
  options: readonly { id: T; label: string }[];
  value: T;
  onChoose: (id: T) => void;
  disabled?: boolean;
  shown?: boolean;
}) {
  const { label, options, value, onChoose, disabled, shown } = props;
  const radios = useRovingFocus(options.map((o) => o.id), value, (id) => onChoose(id as T));
  const labelId = useId();
  const named = shown ? { 'aria-labelledby': labelId } : { 'aria-label': label };
  return (
    <>
      {shown && <div className="field-label" id={labelId}>{label}</div>}
      <div className="chip-grid" role="radiogroup" {...named} {...radios.group}>
        {options.map((o) => (
          <button key={o.id} type="button" role="radio" aria-checked={o.id === value} disabled={disabled} {...radios.item(o.id)}
            className={o.id === value ? 'chip is-active' : 'chip'} onClick={() => onChoose(o.id)}>
            {o.label}
          </button>
        ))}
      </div>
    </>
  );
}
