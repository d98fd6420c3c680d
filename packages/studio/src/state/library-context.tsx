import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import type { Backend } from '../api/client.js';
import type { BrandKitRecord, PresetRecord } from '../api/types.js';
import { type Design, setDesign } from 'spool/core';
import { profilePatch } from '../components/design/brand-profile.js';
import { useNotify } from './toasts.js';

/** Brand profiles and saved presets: shared by every project, kept on the server. */
export interface Library {
  brandKits: BrandKitRecord[];
  presets: PresetRecord[];
  loaded: boolean;
  reload(): Promise<void>;
  /** Uploaded fonts, as `custom:<asset id>` with the name the font gives itself. */
  customFonts: { id: string; label: string }[];
  /** The design a new project starts from: the defaults, with the default brand profile when one is marked. */
  newProjectDesign(defaults: Design): Design;
}

const LibraryContext = createContext<Library | null>(null);

export function useLibrary(): Library {
  const library = useContext(LibraryContext);
  if (!library) throw new Error('useLibrary outside LibraryProvider');
  return library;
}

export function LibraryProvider({ backend, children }: { backend: Backend; children: ReactNode }) {
  const notify = useNotify();
  const [brandKits, setBrandKits] = useState<BrandKitRecord[]>([]);
  const [presets, setPresets] = useState<PresetRecord[]>([]);
  const [uploadedFonts, setUploadedFonts] = useState<{ id: string; label: string }[]>([]);
  const [loaded, setLoaded] = useState(false);

  const reload = useCallback(async () => {
    try {
      const [kits, saved, fonts] = await Promise.all([backend.listBrandKits(), backend.listPresets(), backend.uploadedFonts()]);
      setBrandKits(kits);
      setPresets(saved);
      setUploadedFonts(fonts);
    } catch (err) {
      notify(`Could not load brand profiles and presets: ${err instanceof Error ? err.message : err}`, 'error');
    } finally {
      setLoaded(true);
    }
  }, [backend, notify]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const customFonts = useMemo(() => {
    // Every uploaded font by its own name; a font a profile names that is not among them, by the profile.
    const seen = new Map<string, string>(uploadedFonts.map((f) => [f.id, f.label]));
    for (const record of brandKits) {
      for (const [role, font] of Object.entries(record.kit.fonts ?? {})) {
        if (font?.startsWith('custom:') && !seen.has(font)) seen.set(font, `${record.name} ${role} font`);
      }
    }
    return [...seen].map(([id, label]) => ({ id, label }));
  }, [brandKits, uploadedFonts]);

  const newProjectDesign = useCallback(
    (defaults: Design) => {
      const profile = brandKits.find((k) => k.isDefault);
      return profile ? setDesign({ schemaVersion: 1, slides: [], design: structuredClone(defaults) }, profilePatch(profile.kit)).design : structuredClone(defaults);
    },
    [brandKits],
  );
  const value = useMemo(
    () => ({ brandKits, presets, loaded, reload, customFonts, newProjectDesign }),
    [brandKits, presets, loaded, reload, customFonts, newProjectDesign],
  );
  return <LibraryContext.Provider value={value}>{children}</LibraryContext.Provider>;
}
