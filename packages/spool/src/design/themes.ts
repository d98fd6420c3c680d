import type { Theme } from './types.js';
import { quoteInput } from '../errors/input-error.js';

/**
 * Preset themes. Every text/background pair must reach WCAG AA (4.5:1 for body and small text,
 * 3:1 for large titles); test/design/themes.test.ts computes it for each.
 */
export const THEMES: readonly Theme[] = [
  {
    id: 'paper', label: 'Paper',
    background: '#FAF7F2', surface: '#FFFFFF', text: '#1F2328', title: '#111418', muted: '#5B6270',
    accent: '#C2410C', onAccent: '#FFFFFF', link: '#B03A0A',
    pattern: { color: '#C2410C', opacity: 0.08 }, titleFont: 'sans', bodyFont: 'sans',
  },
  {
    id: 'midnight', label: 'Midnight',
    background: '#0F172A', backgroundTo: '#1E293B', surface: '#1E293B', text: '#E2E8F0', title: '#FFFFFF',
    muted: '#A3B1C6', accent: '#38BDF8', onAccent: '#0F172A', link: '#7DD3FC',
    pattern: { color: '#38BDF8', opacity: 0.1 }, titleFont: 'sans', bodyFont: 'sans',
  },
  {
    id: 'ink', label: 'Ink',
    background: '#FFFFFF', surface: '#F4F4F5', text: '#18181B', title: '#09090B', muted: '#52525B',
    accent: '#18181B', onAccent: '#FFFFFF', link: '#18181B',
    pattern: { color: '#18181B', opacity: 0.07 }, titleFont: 'sans', bodyFont: 'sans',
  },
  {
    id: 'editorial', label: 'Editorial',
    background: '#F4EFE6', surface: '#FBF8F2', text: '#2A2520', title: '#1A1612', muted: '#6B5E52',
    accent: '#8B3A1E', onAccent: '#FFFFFF', link: '#8B3A1E',
    pattern: { color: '#8B3A1E', opacity: 0.08 }, titleFont: 'serif', bodyFont: 'serif',
  },
  {
    id: 'forest', label: 'Forest',
    background: '#EEF3EC', surface: '#FFFFFF', text: '#1C2B22', title: '#0F3D2E', muted: '#4B5F52',
    accent: '#166534', onAccent: '#FFFFFF', link: '#166534',
    pattern: { color: '#166534', opacity: 0.09 }, titleFont: 'display', bodyFont: 'sans',
  },
  {
    id: 'sunset', label: 'Sunset',
    background: '#FFF1E6', backgroundTo: '#FFE1EA', surface: '#FFFFFF', text: '#2B1B2E', title: '#1E0F22',
    muted: '#6B4C5E', accent: '#BE185D', onAccent: '#FFFFFF', link: '#A3154F',
    pattern: { color: '#BE185D', opacity: 0.08 }, titleFont: 'display', bodyFont: 'sans',
  },
  {
    id: 'ocean', label: 'Ocean',
    background: '#0B3B5B', backgroundTo: '#0A2A44', surface: '#0F4A70', text: '#F0F9FF', title: '#FFFFFF',
    muted: '#BAE6FD', accent: '#FBBF24', onAccent: '#1F2937', link: '#FDE68A',
    pattern: { color: '#7DD3FC', opacity: 0.1 }, titleFont: 'sans', bodyFont: 'sans',
  },
  {
    id: 'lavender', label: 'Lavender',
    background: '#F5F3FF', surface: '#FFFFFF', text: '#2E1065', title: '#1E0A47', muted: '#5B4B8A',
    accent: '#6D28D9', onAccent: '#FFFFFF', link: '#5B21B6',
    pattern: { color: '#6D28D9', opacity: 0.08 }, titleFont: 'serif', bodyFont: 'sans',
  },
  {
    id: 'noir', label: 'Noir',
    background: '#111111', backgroundTo: '#1C1C1C', surface: '#1F1F1F', text: '#EDEDED', title: '#FFFFFF',
    muted: '#A3A3A3', accent: '#FACC15', onAccent: '#111111', link: '#FDE047',
    pattern: { color: '#FACC15', opacity: 0.08 }, titleFont: 'display', bodyFont: 'sans',
  },
  {
    id: 'corporate', label: 'Corporate blue',
    background: '#FFFFFF', backgroundTo: '#F1F6FB', surface: '#F3F6F9', text: '#1D2226', title: '#0B1F33',
    muted: '#56687A', accent: '#0A66C2', onAccent: '#FFFFFF', link: '#0A58A8',
    pattern: { color: '#0A66C2', opacity: 0.07 }, titleFont: 'sans', bodyFont: 'sans',
  },
];

export const DEFAULT_THEME_ID = 'paper';

export function findTheme(id: string): Theme {
  const theme = THEMES.find((t) => t.id === id);
  if (!theme) throw new RangeError(`unknown theme ${quoteInput(String(id))} (try ${THEMES.map((t) => t.id).join(', ')})`);
  return theme;
}
