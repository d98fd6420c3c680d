/** The bundled font families (shipped through npm packages, so exports never miss a font). */
export interface FontFamilyDef {
  id: string;
  label: string;
  family: string;
  role: string;
}

export const FONT_FAMILIES: readonly FontFamilyDef[] = [
  { id: 'sans', label: 'Inter', family: 'Inter', role: 'Clean sans serif for titles and body' },
  { id: 'serif', label: 'Source Serif 4', family: 'Source Serif 4', role: 'Readable serif for long text' },
  { id: 'display', label: 'Playfair Display', family: 'Playfair Display', role: 'High-contrast display face for titles' },
  { id: 'mono', label: 'JetBrains Mono', family: 'JetBrains Mono', role: 'Monospace for code' },
];
