import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useMediaQuery } from '../../state/use-media-query.js';

/** Below this width the side columns leave the grid and open as drawers over the carousel. */
export const NARROW = '(max-width: 1023px)';

type Side = 'source' | 'design';

/**
 * The workspace's three columns; on a narrow screen the posts and the design become drawers, each
 * opened by its button, closed by Escape, the backdrop or the button again, focus returning to it.
 * A closed drawer is inert, so Tab never walks into what cannot be seen.
 */
export function Workspace({ source, carousel, design }: { source: ReactNode; carousel: ReactNode; design: ReactNode }) {
  const narrow = useMediaQuery(NARROW);
  const [open, setOpen] = useState<Side | null>(null);
  const toggles = { source: useRef<HTMLButtonElement>(null), design: useRef<HTMLButtonElement>(null) };
  const close = (side: Side | null) => {
    setOpen(null);
    if (side) toggles[side].current?.focus();
  };
  useEffect(() => {
    if (!narrow) setOpen(null);
  }, [narrow]);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) close(open);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });
  const drawer = (side: Side, label: string, body: ReactNode) => (
    <div id={`drawer-${side}`} className={`drawer drawer-${side}${open === side ? ' is-open' : ''}`} inert={narrow && open !== side} aria-label={narrow ? label : undefined}
      role={narrow ? 'dialog' : undefined}>
      {body}
    </div>
  );
  return (
    <div className={narrow ? 'workspace is-narrow' : 'workspace'}>
      {narrow && (
        <div className="drawer-bar" role="toolbar" aria-label="Panels">
          <button type="button" ref={toggles.source} className={open === 'source' ? 'btn btn-sm is-active' : 'btn btn-sm'} aria-expanded={open === 'source'} aria-controls="drawer-source"
            onClick={() => (open === 'source' ? close('source') : setOpen('source'))}>Posts</button>
          <span className="spacer" />
          <button type="button" ref={toggles.design} className={open === 'design' ? 'btn btn-sm is-active' : 'btn btn-sm'} aria-expanded={open === 'design'} aria-controls="drawer-design"
            onClick={() => (open === 'design' ? close('design') : setOpen('design'))}>Design</button>
        </div>
      )}
      {drawer('source', 'Posts', source)}
      {carousel}
      {drawer('design', 'Design', design)}
      {narrow && open && <button type="button" className="drawer-backdrop" aria-label="Close the panel" tabIndex={-1} onClick={() => close(open)} />}
    </div>
  );
}
