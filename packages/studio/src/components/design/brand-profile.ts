import type { Design, DesignPatch } from 'spool/core';
import type { StoredBrandKit } from '../../api/types.js';

/**
 * A brand profile applied to the deck: every identity field is set from the profile or cleared,
 * so switching from a profile with a logo to one without leaves no logo behind.
 */
export function profilePatch(kit: StoredBrandKit): DesignPatch {
  return {
    brand: {
      name: blank(kit.name),
      handle: blank(kit.handle)?.replace(/^@/, ''),
      avatar: blank(kit.avatar),
      logo: blank(kit.logo),
      website: blank(kit.website),
      accent: blank(kit.accent ?? kit.colors?.accent),
      ...(kit.show ? { show: kit.show } : {}),
    },
    typography: { titleFont: blank(kit.fonts?.title), bodyFont: blank(kit.fonts?.body) },
  };
}

/** The deck's current brand as a profile to save. */
export function profileFromDesign(design: Design): StoredBrandKit {
  const b = design.brand;
  const kit: StoredBrandKit = { show: { ...b.show } };
  if (b.name) kit.name = b.name;
  if (b.handle) kit.handle = b.handle;
  if (b.avatar) kit.avatar = b.avatar;
  if (b.logo) kit.logo = b.logo;
  if (b.website) kit.website = b.website;
  if (b.accent) kit.accent = b.accent;
  const fonts = { title: design.typography.titleFont, body: design.typography.bodyFont };
  if (fonts.title || fonts.body) kit.fonts = Object.fromEntries(Object.entries(fonts).filter(([, v]) => v)) as StoredBrandKit['fonts'];
  return kit;
}

/** The profile the deck shows now: same name and handle. */
export function isActiveProfile(kit: StoredBrandKit, design: Design): boolean {
  const norm = (s?: string) => (s ?? '').trim().replace(/^@/, '').toLowerCase();
  return !!(kit.name || kit.handle) && norm(kit.name) === norm(design.brand.name) && norm(kit.handle) === norm(design.brand.handle);
}

function blank(value: string | undefined): string | undefined {
  return value && value.trim() ? value.trim() : undefined;
}

export const BRAND_PARTS: { key: keyof Design['brand']['show']; label: string }[] = [
  { key: 'header', label: 'Header' },
  { key: 'footer', label: 'Footer' },
  { key: 'avatar', label: 'Avatar' },
  { key: 'name', label: 'Name' },
  { key: 'handle', label: 'Handle' },
  { key: 'logo', label: 'Logo' },
  { key: 'website', label: 'Website' },
  { key: 'pageNumbers', label: 'Page numbers' },
  { key: 'swipeHint', label: 'Swipe hint' },
];
