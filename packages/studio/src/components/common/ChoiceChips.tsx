import { useRovingFocus } from './roving-focus.js';

/** A few named choices as a row of chips: a radio group, one Tab stop, arrow keys move the choice. */
export function ChoiceChips<T extends string>(props: {
  label: string;
  options: readonly { id: T; label: string }[];
  value: T;
  onChoose: (id: T) => void;
  disabled?: boolean;
}) {
  const { label, options, value, onChoose, disabled } = props;
  const radios = useRovingFocus(options.map((o) => o.id), value, (id) => onChoose(id as T));
  return (
    <div className="chip-grid" role="radiogroup" aria-label={label} {...radios.group}>
      {options.map((o) => (
        <button key={o.id} type="button" role="radio" aria-checked={o.id === value} disabled={disabled} {...radios.item(o.id)}
          className={o.id === value ? 'chip is-active' : 'chip'} onClick={() => onChoose(o.id)}>
          {o.label}
        </button>
      ))}
    </div>
  );
}
