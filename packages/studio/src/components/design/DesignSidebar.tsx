import { useMemo, type ReactNode } from 'react';
import type { PaintResources, Scene } from 'spool/core';
import { useDesign, useStudio } from '../../state/studio-context.js';
import { PanelSection } from '../common/controls.js';
import { SceneImage } from '../common/graphics.js';
import { CtaPanel, PatternPanel, ProgressPanel } from './BackgroundAndOutroPanels.js';
import { BrandKitPanel } from './BrandKitPanel.js';
import { CustomColoursPanel } from './CustomColoursPanel.js';
import { TypographyPanel } from './TypographyPanel.js';
import { useVariantScenes } from './use-variant-scenes.js';
import { useRovingFocus } from '../common/roving-focus.js';
import { act } from '../../state/deck-actions.js';
import { DesignChoice } from './DesignChoice.js';

/** The right column: every design choice of the deck, in the order people usually make them. */
export function DesignSidebar() {
  return (
    <aside className="column column-right" aria-label="Design">
      <div className="sidebar-scroll">
        <CanvasPanel />
        <LayoutPanel />
        <ThemePanel />
        <CustomColoursPanel />
        <TypographyPanel />
        <BrandKitPanel />
        <PatternPanel />
        <ProgressPanel />
        <CtaPanel />
      </div>
    </aside>
  );
}

const ALIGNS = [
  { id: 'left', label: 'Left' },
  { id: 'center', label: 'Centre' },
] as const;

const EMPHASES = [
  { id: 'colour', label: 'Accent colour' },
  { id: 'highlight', label: 'Highlight' },
] as const;

const COVERS = [
  { id: 'title', label: 'Title cover' },
  { id: 'image', label: 'Image cover' },
  { id: 'photo', label: 'Photo cover' },
] as const;

/** Canvas & Ratio: the export size, which every page of the deck shares. */
export function CanvasPanel() {
  const { design, edit, services } = useDesign();
  const current = design.ratio.id;
  const radios = useRovingFocus(services.catalog.ratios.map((r) => r.id), current, (id) => edit(act.setDesign({ ratio: id })));
  return (
    <PanelSection title="Canvas & Ratio">
      <div className="ratio-grid" role="radiogroup" aria-label="Canvas ratio" {...radios.group}>
        {services.catalog.ratios.map((r) => {
          const scale = 26 / Math.max(r.width, r.height);
          return (
            <button key={r.id} type="button" role="radio" aria-checked={r.id === current} {...radios.item(r.id)} className={r.id === current ? 'ratio is-active' : 'ratio'}
              onClick={() => edit(act.setDesign({ ratio: r.id }))} title={`${r.width} × ${r.height}px`}>
              <span className="ratio-shape" style={{ width: r.width * scale, height: r.height * scale }} aria-hidden="true" />
              <span className="ratio-label">{r.label.replace(/ \d.*$/, '')}</span>
              <span className="ratio-size">{r.label.match(/\d[\d.:]*$/)?.[0] ?? `${r.width}×${r.height}`}</span>
            </button>
          );
        })}
      </div>
      <p className="panel-note">{design.ratio.width} × {design.ratio.height}px · PDF pages and images are exported at this size.</p>
    </PanelSection>
  );
}

/** Layout Template: how content slides are arranged, previewed on the selected slide. */
export function LayoutPanel() {
  const { deck, edit, services, selected } = useStudio();
  const layouts = services.catalog.layouts;
  const sample = selected?.kind === 'content' ? selected : deck.slides.find((s) => s.kind === 'content');
  const variants = useMemo(() => layouts.map((l) => ({ id: l.id, patch: { layout: l.id } })), [layouts]);
  const sampleSlide = useMemo(() => (sample ? { ...sample, layout: undefined } : undefined), [sample]);
  const scenes = useVariantScenes(services, deck, sampleSlide, variants);
  return (
    <PanelSection title="Layout Template">
      <VariantTiles
        label="Layout template"
        aspect={deck.design.ratio.width / deck.design.ratio.height}
        activeId={deck.design.layout}
        scenes={scenes}
        resources={services.renderer.resources}
        tiles={layouts.map((l) => ({ id: l.id, label: l.label, title: l.description, placeholder: <span className="thumb-skeleton" /> }))}
        onPick={(id) => edit(act.setDesign({ layout: id }))}
      />
      <p className="panel-note">Applies to content slides. A slide can pick its own layout and alignment in its edit form.</p>
      {/* Text alignment; how a bold key phrase stands out (the accent colour, or a band of it); the cover. */}
      <DesignChoice label="Text alignment" options={ALIGNS} read={(d) => d.align ?? 'left'} patch={(align) => ({ align })} />
      <DesignChoice label="Key phrases" options={EMPHASES} read={(d) => d.emphasis ?? 'colour'} patch={(emphasis) => ({ emphasis })} />
      <DesignChoice label="Cover" options={COVERS} read={(d) => d.coverStyle ?? 'title'} patch={(coverStyle) => ({ coverStyle })} />
    </PanelSection>
  );
}

/** Preset Themes: colour and font pairings, each shown on the deck's own cover. */
export function ThemePanel() {
  const { deck, edit, services } = useStudio();
  const themes = services.catalog.themes;
  const cover = deck.slides[0];
  const variants = useMemo(() => themes.map((t) => ({ id: t.id, patch: { theme: t.id } })), [themes]);
  const scenes = useVariantScenes(services, deck, cover, variants);
  return (
    <PanelSection title="Preset Themes">
      <VariantTiles
        label="Theme"
        className="tile-grid tile-grid-3"
        aspect={deck.design.ratio.width / deck.design.ratio.height}
        activeId={deck.design.theme}
        scenes={scenes}
        resources={services.renderer.resources}
        tiles={themes.map((t) => ({
          id: t.id, label: t.label, ariaLabel: `${t.label} theme`, background: t.background,
          placeholder: <span className="swatch-dot" style={{ background: t.accent }} />,
        }))}
        onPick={(id) => edit(act.setDesign({ theme: id }))}
      />
    </PanelSection>
  );
}

interface Tile {
  id: string;
  label: string;
  ariaLabel?: string;
  title?: string;
  background?: string;
  /** Shown until the engine has painted the tile's preview. */
  placeholder: ReactNode;
}

/** A radio group of choices, each shown as the deck painted with that choice. */
/** The widest a tile is drawn, in CSS pixels: a third of the widest design column. */
const TILE_WIDTH = 112;

function VariantTiles(props: {
  label: string;
  className?: string;
  aspect: number;
  activeId: string;
  scenes: ReadonlyMap<string, Scene>;
  resources: PaintResources;
  tiles: Tile[];
  onPick: (id: string) => void;
}) {
  const radios = useRovingFocus(props.tiles.map((t) => t.id), props.activeId, props.onPick);
  return (
    <div className={props.className ?? 'tile-grid'} role="radiogroup" aria-label={props.label} {...radios.group}>
      {props.tiles.map((t) => {
        const active = t.id === props.activeId;
        const scene = props.scenes.get(t.id);
        return (
          <button key={t.id} type="button" role="radio" aria-checked={active} {...radios.item(t.id)} aria-label={t.ariaLabel} className={active ? 'tile is-active' : 'tile'} title={t.title}
            onClick={() => props.onPick(t.id)}>
            <span className="tile-frame" style={{ aspectRatio: String(props.aspect), background: t.background }}>
              {scene ? <SceneImage scene={scene} resources={props.resources} alt="" width={TILE_WIDTH} /> : t.placeholder}
            </span>
            <span className="tile-label">{t.label}</span>
          </button>
        );
      })}
    </div>
  );
}
