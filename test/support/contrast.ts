// WCAG 2 contrast between a text colour and what it is drawn on, for the mini-program's
// accessibility checks (the CSS palette statically, and what Chromium actually paints).
// https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio

export interface Rgba {
  r: number;
  g: number;
  b: number;
  /** 0–1 */
  a: number;
}

/** WCAG 2.2 AA for body text (1.4.3). */
export const MIN_TEXT_CONTRAST = 4.5;

/** `#rgb`, `#rrggbb`, `rgb(…)`, `rgba(…)` (what CSS and getComputedStyle give), else throws. */
export function parseColour(text: string): Rgba {
  const value = text.trim().toLowerCase();
  const hex = /^#([0-9a-f]{3}|[0-9a-f]{6})$/.exec(value);
  if (hex) {
    const digits = hex[1]!.length === 3 ? [...hex[1]!].map((digit) => digit + digit).join('') : hex[1]!;
    return { r: parseInt(digits.slice(0, 2), 16), g: parseInt(digits.slice(2, 4), 16), b: parseInt(digits.slice(4, 6), 16), a: 1 };
  }
  const functional = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:[\s,/]+([\d.]+))?\s*\)$/.exec(value);
  if (functional) {
    const [, r, g, b, a] = functional;
    return { r: Number(r), g: Number(g), b: Number(b), a: a === undefined ? 1 : Number(a) };
  }
  if (value === 'white') return { r: 255, g: 255, b: 255, a: 1 };
  throw new Error(`not a colour this check reads: ${text}`);
}

/** `top` painted over an opaque `bottom`. */
export function over(top: Rgba, bottom: Rgba): Rgba {
  const mix = (upper: number, lower: number) => upper * top.a + lower * (1 - top.a);
  return { r: mix(top.r, bottom.r), g: mix(top.g, bottom.g), b: mix(top.b, bottom.b), a: 1 };
}

function luminance({ r, g, b }: Rgba): number {
  const linear = (channel: number) => {
    const c = channel / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** Contrast ratio (1–21) of text over an opaque background; a translucent text colour is
 *  blended onto the background first, as the screen shows it. */
export function contrastRatio(text: Rgba, background: Rgba): number {
  const shown = over(text, background);
  const [lighter, darker] = [luminance(shown), luminance(background)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}
