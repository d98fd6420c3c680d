import { type Deck, type Design, findTheme, loadHarfBuzzShaper, loadHighlighter, type Shaper } from 'spool/core';
import { api, type Backend } from '../api/client.js';
import type { Catalog, Project, ProjectSummary } from '../api/types.js';
import { DeckRenderer } from './deck-renderer.js';
import { FontLibrary } from './font-library.js';
import { ImageLibrary } from './image-library.js';
import { installInterfaceFont } from './font-library.js';

/** The long-lived pieces the studio shares: the server's catalog and the in-page engine. */
export interface Services {
  /** The server, through the API client: every call the studio makes goes through here. */
  backend: Backend;
  catalog: Catalog;
  fonts: FontLibrary;
  images: ImageLibrary;
  renderer: DeckRenderer;
}

export interface Boot {
  services: Services;
  project: Project;
}

/**
 * Everything the first screen needs: the catalog, the emoji set, the project to open (the one in
 * the address, else the most recent, else a new one) and the faces its design uses.
 */
export async function bootStudio(): Promise<Boot> {
  const [catalog, emoji, projects, shaper, highlight] = await Promise.all([api.catalog(), api.emojiKeys(), api.listProjects(), loadShaper(), loadHighlighter()]);
  const fonts = new FontLibrary(catalog.fonts, new Set(emoji.keys), shaper, catalog.fontFallbacks);
  const images = new ImageLibrary();
  const services: Services = { backend: api, catalog, fonts, images, renderer: new DeckRenderer(fonts, images, highlight) };
  const project = await openInitialProject(projects, catalog);
  await preloadDesignFonts(services, project.deck.design);
  installInterfaceFont(fonts);
  return { services, project };
}

/** The export shapes text with HarfBuzz, so the preview does too: a page that cannot run its WASM cannot start. */
function loadShaper(): Promise<Shaper> {
  return loadHarfBuzzShaper();
}

async function openInitialProject(projects: ProjectSummary[], catalog: Catalog): Promise<Project> {
  const wanted = projectIdFromHash();
  const pick = projects.find((p) => p.id === wanted) ?? projects[0];
  if (pick) return api.getProject(pick.id);
  return api.createProject(emptyProject('Untitled carousel', catalog.defaults));
}

export function emptyProject(name: string, design: Design): { name: string; document: Project['document']; deck: Deck } {
  return {
    name,
    document: { schemaVersion: 1, posts: [] },
    deck: { schemaVersion: 1, slides: [], design: structuredClone(design) },
  };
}

export function preloadDesignFonts(services: Services, design: Design): Promise<void> {
  let theme;
  try {
    theme = findTheme(design.theme);
  } catch {
    theme = undefined;
  }
  const families = [design.typography.titleFont ?? theme?.titleFont ?? 'sans', design.typography.bodyFont ?? theme?.bodyFont ?? 'sans'];
  return services.fonts.preload(families).catch(() => undefined);
}

export function projectIdFromHash(): string | undefined {
  const m = /(?:^#|&)project=([\w-]+)/.exec(location.hash);
  return m?.[1];
}

export function setProjectHash(id: string): void {
  const hash = `#project=${id}`;
  if (location.hash !== hash) history.replaceState(null, '', hash);
}
