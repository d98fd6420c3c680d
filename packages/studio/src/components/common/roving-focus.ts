import { useRef, type KeyboardEvent } from 'react';

const STEP: Record<string, number> = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 };

/**
 * One Tab stop for a group of choices (a radio group, a tab list), as ARIA's patterns ask: the
 * chosen option is the one in the tab order, the arrow keys move to the next or previous one and
 * choose it (wrapping at the ends), Home and End go to the first and last.
 */
export function useRovingFocus(ids: readonly string[], value: string | undefined, onPick: (id: string) => void) {
  const ref = useRef<HTMLDivElement>(null);
  const tabbable = value !== undefined && ids.includes(value) ? value : ids[0];
  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const at = ids.indexOf((e.target as HTMLElement).closest('[data-choice]')?.getAttribute('data-choice') ?? '');
    if (at < 0 || e.altKey || e.ctrlKey || e.metaKey) return;
    const step = STEP[e.key];
    const next = e.key === 'Home' ? 0 : e.key === 'End' ? ids.length - 1 : step !== undefined ? (at + step + ids.length) % ids.length : undefined;
    if (next === undefined) return;
    e.preventDefault();
    onPick(ids[next]);
    ref.current?.querySelector<HTMLElement>(`[data-choice="${CSS.escape(ids[next])}"]`)?.focus();
  };
  return {
    group: { ref, onKeyDown },
    item: (id: string) => ({ tabIndex: id === tabbable ? 0 : -1, 'data-choice': id }),
  };
}
