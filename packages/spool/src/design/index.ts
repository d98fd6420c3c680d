export type {
  BrandKit, CallToAction, CustomColors, Design, FontFamilyId, LayoutTemplate, PatternChoice, PatternDef, PlanOptions, Ratio, Theme,
  Typography,
} from './types.js';
export { SLIDE_UNITS_WIDE } from './types.js';
export { RATIOS, DEFAULT_RATIO_ID, resolveRatio, slideUnitsHigh, isInstagram } from './ratios.js';
export { THEMES, DEFAULT_THEME_ID, findTheme } from './themes.js';
export { themeOf, customTheme, passingColour, AA_TEXT } from './custom-theme.js';
export type { ColourAdjustment, CustomTheme } from './custom-theme.js';
export { LAYOUTS, PATTERNS, DEFAULT_LAYOUT_ID, findLayout, findPattern } from './layouts.js';
export { contrastRatio, relativeLuminance, mixHex, parseHex } from './contrast.js';
export { DEFAULT_TYPOGRAPHY, DEFAULT_CTA_LINES, defaultBrand, defaultCta, defaultPlanOptions, defaultDesign } from './defaults.js';
export { resolveDesign } from './resolve.js';
export type { DesignInput } from './resolve.js';
export { FONT_FAMILIES } from './fonts.js';
export type { FontFamilyDef } from './fonts.js';
