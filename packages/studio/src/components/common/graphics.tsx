import { useEffect, useLayoutEffect, useRef, useState, type SVGProps } from 'react';
import { mediaUrl } from '../../api/client.js';
import type { PaintResources, Scene, SvgParts } from 'spool/core';
import { scenePicture } from '../../engine/scene-raster.js';
import { patchSvg } from './svg-patch.js';

/** Line icons drawn on a 16px grid, stroked in the current text colour. */
type IconProps = SVGProps<SVGSVGElement>;

function Icon({ children, ...props }: IconProps) {
  return (
    <svg width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" strokeWidth="1.5" strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false" {...props}>
      {children}
    </svg>
  );
}

export const PlusIcon = (p: IconProps) => <Icon {...p}><path d="M8 3.5v9M3.5 8h9" /></Icon>;
export const CopyIcon = (p: IconProps) => <Icon {...p}><rect x="5.5" y="5.5" width="7" height="7" rx="1.5" /><path d="M10.5 5.5V4a1.5 1.5 0 0 0-1.5-1.5H4A1.5 1.5 0 0 0 2.5 4v5A1.5 1.5 0 0 0 4 10.5h1.5" /></Icon>;
export const TrashIcon = (p: IconProps) => <Icon {...p}><path d="M3 4.5h10M6.5 4.5V3h3v1.5M4.5 4.5l.5 8.5h6l.5-8.5" /></Icon>;
export const UndoIcon = (p: IconProps) => <Icon {...p}><path d="M5.5 3.5 2.5 6.5l3 3" /><path d="M2.5 6.5h7a4 4 0 0 1 0 8H7" /></Icon>;
export const RedoIcon = (p: IconProps) => <Icon {...p}><path d="m10.5 3.5 3 3-3 3" /><path d="M13.5 6.5h-7a4 4 0 0 0 0 8H9" /></Icon>;
export const DownloadIcon = (p: IconProps) => <Icon {...p}><path d="M8 2.5v8M4.5 7 8 10.5 11.5 7M3 13.5h10" /></Icon>;
export const UploadIcon = (p: IconProps) => <Icon {...p}><path d="M8 10.5v-8M4.5 6 8 2.5 11.5 6M3 13.5h10" /></Icon>;
export const GripIcon = (p: IconProps) => <Icon {...p} strokeWidth="2.2"><path d="M6 4h.01M10 4h.01M6 8h.01M10 8h.01M6 12h.01M10 12h.01" /></Icon>;
export const ImageIcon = (p: IconProps) => <Icon {...p}><rect x="2.5" y="3" width="11" height="10" rx="1.5" /><circle cx="6" cy="6.5" r="1" /><path d="m3 12 3.5-3.5 2.5 2.5 1.5-1.5L13 12" /></Icon>;
export const ChevronDownIcon = (p: IconProps) => <Icon {...p}><path d="m4.5 6.5 3.5 3.5 3.5-3.5" /></Icon>;
export const CheckIcon = (p: IconProps) => <Icon {...p}><path d="m3.5 8.5 3 3 6-7" /></Icon>;
export const CloseIcon = (p: IconProps) => <Icon {...p}><path d="m4 4 8 8M12 4l-8 8" /></Icon>;
export const InsertIcon = (p: IconProps) => <Icon {...p}><rect x="2.5" y="4" width="7" height="8" rx="1.5" /><path d="M12.5 5.5v5M10 8h5" /></Icon>;
export const ClipboardIcon = (p: IconProps) => <Icon {...p}><rect x="3.5" y="3" width="9" height="11" rx="1.5" /><path d="M6 3V2h4v1M6 7h4M6 10h3" /></Icon>;
export const FolderIcon = (p: IconProps) => <Icon {...p}><path d="M2.5 4.5A1.5 1.5 0 0 1 4 3h2.5L8 4.5h4A1.5 1.5 0 0 1 13.5 6v5.5A1.5 1.5 0 0 1 12 13H4a1.5 1.5 0 0 1-1.5-1.5z" /></Icon>;
export const WarningIcon = (p: IconProps) => <Icon {...p}><path d="M8 2.5 14 13H2z" /><path d="M8 6.5v3M8 11.5h.01" /></Icon>;
export const SplitIcon = (p: IconProps) => <Icon {...p}><rect x="2" y="4" width="5" height="8" rx="1" /><rect x="9" y="4" width="5" height="8" rx="1" /></Icon>;
export const MoreIcon = (p: IconProps) => <Icon {...p} strokeWidth="2.2"><path d="M4 8h.01M8 8h.01M12 8h.01" /></Icon>;
export const ClockIcon = (p: IconProps) => <Icon {...p}><circle cx="8" cy="8" r="5.5" /><path d="M8 5v3.2l2 1.3" /></Icon>;
export const SendIcon = (p: IconProps) => <Icon {...p}><path d="M13.5 2.5 7 9M13.5 2.5l-4 11-2.5-4.5-4.5-2.5z" /></Icon>;
export const ExternalIcon = (p: IconProps) => <Icon {...p}><path d="M9.5 2.5h4v4M13.5 2.5 8 8M11.5 9.5v3a1 1 0 0 1-1 1h-7a1 1 0 0 1-1-1v-7a1 1 0 0 1 1-1h3" /></Icon>;
export const AlertIcon = (p: IconProps) => <Icon {...p}><circle cx="8" cy="8" r="5.5" /><path d="M8 5v3.5M8 10.8h.01" /></Icon>;
export const SparkIcon = (p: IconProps) => <Icon {...p}><path d="M8 2.5v3M8 10.5v3M2.5 8h3M10.5 8h3M4.2 4.2l1.6 1.6M10.2 10.2l1.6 1.6M4.2 11.8l1.6-1.6M10.2 5.8l1.6-1.6" /></Icon>;

/** Each keeps white initials at 5:1 or more, past WCAG AA for small text. */
const TINTS = ['#5B5BD6', '#087F5B', '#C13C0B', '#C2255C', '#1971C2', '#7048E8', '#237032'];

/** A person's picture, or their initials on a colour picked from their name when there is none. */
export function Avatar({ name, src, size = 32 }: { name: string; src?: string; size?: number }) {
  const [broken, setBroken] = useState(false);
  const url = src ? mediaUrl(src) : undefined;
  const initials = name.trim().split(/\s+/).slice(0, 2).map((w) => w[0]?.toUpperCase() ?? '').join('') || '?';
  const tint = TINTS[[...name].reduce((sum, c) => sum + c.charCodeAt(0), 0) % TINTS.length];
  const box = { width: size, height: size, fontSize: Math.round(size * 0.4) };
  if (url && !broken) return <img className="avatar" src={url} alt="" style={box} onError={() => setBroken(true)} />;
  return (
    <span className="avatar avatar-initials" style={{ ...box, background: tint }} aria-hidden="true">
      {initials}
    </span>
  );
}

/** How long a shown picture waits for edits to pause before it is painted again. */
const REPAINT_PAUSE_MS = 200;

/**
 * A slide shown small: its scene painted into a PNG `width` CSS pixels wide (see paint-canvas.ts
 * for why not its SVG). While a new picture is painted the last one stays, so an edited thumbnail
 * never blinks; where the browser cannot paint one, the slide is shown as SVG.
 */
export function SceneImage({ scene, resources, version, alt, className, width }: {
  scene: Scene;
  resources: PaintResources;
  /** Changes when the same scene must be painted again: a picture or emoji it names has arrived. */
  version?: unknown;
  alt: string;
  className?: string;
  width: number;
}) {
  const [shown, setShown] = useState<string | null>(null);
  const [arrivals, setArrivals] = useState(0);
  const painted = shown !== null;
  useEffect(() => {
    let live = true;
    const paint = () =>
      void scenePicture(scene, resources, width).then((picture) => {
        if (!live) return;
        // A face still on its way: the last picture stays, and the scene is painted again once it is here.
        if ('face' in picture) void picture.face.load().then(() => live && setArrivals((n) => n + 1), () => undefined);
        else setShown(URL.createObjectURL(picture.blob));
      });
    // A first picture at once; a changed one after a pause, so a burst of keystrokes paints it once
    // and the frames that show the typing in the large preview have the page to themselves.
    const timer = painted ? setTimeout(paint, REPAINT_PAUSE_MS) : undefined;
    if (!painted) paint();
    return () => {
      live = false;
      clearTimeout(timer);
    };
    // `painted` only decides how soon: the picture's arrival is no reason to paint it again.
  }, [scene, resources, version, width, arrivals]);
  // A picture's URL is let go once the next one is on screen, or with the image.
  useEffect(() => (shown ? () => URL.revokeObjectURL(shown) : undefined), [shown]);
  if (!shown) return <span className={className ? `${className} scene-image-wait` : 'scene-image-wait'} aria-hidden="true" />;
  return <img className={className} src={shown} alt={alt} draggable={false} decoding="async" />;
}

/**
 * The engine's SVG placed in the page itself, for the large preview: text stays selectable for
 * tests and assistive tech, and the swap happens before paint. The painter escapes every piece of
 * text it writes, so this markup carries no script; post text never reaches it as markup.
 */
export function InlineSvg({ svg, className, onPainted }: { svg: SvgParts; className?: string; onPainted?: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    if (!ref.current) return;
    patchSvg(ref.current, svg);
    onPainted?.();
  }, [svg, onPainted]);
  return <div ref={ref} className={className} />;
}
