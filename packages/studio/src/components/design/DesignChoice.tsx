import type { Design, DesignPatch } from 'spool/core';
import { useDesign } from '../../state/studio-context.js';
import { act } from '../../state/deck-actions.js';
import { ChoiceChips } from '../common/ChoiceChips.js';

/**
 * One of the deck's design choices as a row of chips: `read` says which is set, `patch` what
 * choosing one changes. Re-renders only when the design does, never for an edit to a slide.
 */
export function DesignChoice<T extends string>(props: {
  label: string;
  options: readonly { id: T; label: string }[];
  read: (design: Design) => T;
  patch: (id: T) => DesignPatch;
  /** Its label shown above it (the default), for a group among others in a panel. */
  shown?: boolean;
  disabled?: boolean;
}) {
  const { design, edit } = useDesign();
  return (
    <ChoiceChips shown={props.shown ?? true} label={props.label} options={props.options} value={props.read(design)} disabled={props.disabled}
      onChoose={(id) => edit(act.setDesign(props.patch(id)))} />
  );
}
