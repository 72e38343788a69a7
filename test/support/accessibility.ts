// What a person sees on the H5 page now, checked in Chromium (issue 16, points 5 and 10): the
// navigation bar's title and control, every visible text's contrast as painted (WCAG 1.4.3), and
// every visible control's tap size (44 × 44 px).
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import { contrastRatio, MIN_TEXT_CONTRAST, over, parseColour, type Rgba } from './contrast.js';

/** Every control people tap on the mini-program's pages, by what draws it. Inline text links
 *  inside a sentence are exempt (WCAG 2.5.8). */
const CONTROLS = [
  'taro-button-core',
  '.chip',
  '.answer',
  '.tile',
  '.menu__row',
  '.list-row[id]',
  '.sheet__back',
  '.consent',
  '.service-phone',
  '.pin-sheet__forgot',
  '.keypad__key',
  '.home__sign-out',
  '#taro-navigation-bar .taro-navigation-bar-back',
  '#taro-navigation-bar .taro-navigation-bar-home',
].join(', ');

const TAP_MIN_PX = 44;

interface PaintedText {
  text: string;
  colour: string;
  /** The opaque colours behind it: one, or each stop of a gradient. */
  under: string[];
}

interface Measured {
  texts: PaintedText[];
  controls: { what: string; width: number; height: number }[];
}

/** Runs in the page: the visible texts with their colours, and the visible controls' sizes.
 *  Plain JavaScript in a string: tsx compiles a TypeScript function with helper calls
 *  (`__name`) that do not exist in the browser. */
const MEASURE = `(controlSelector) => {
  const transparent = (colour) => colour === 'transparent' || /rgba\\(.*,\\s*0\\)$/.test(colour);
  const shown = (element) => element.checkVisibility({ opacityProperty: true, visibilityProperty: true }) && element.getBoundingClientRect().height > 0;
  // The background colours an element's text sits on, walking up to an opaque one (a
  // translucent layer comes with what is under it, to be blended; a gradient gives its stops).
  const under = (element) => {
    const layers = [];
    for (let at = element; at; at = at.parentElement) {
      const style = getComputedStyle(at);
      if (style.backgroundImage.startsWith('linear-gradient')) return [...layers, ...(style.backgroundImage.match(/rgba?\\([^)]*\\)/g) ?? [])];
      if (!transparent(style.backgroundColor)) {
        layers.push(style.backgroundColor);
        if (!style.backgroundColor.startsWith('rgba')) return layers;
      }
    }
    return [...layers, 'rgb(255, 255, 255)'];
  };
  // Inactive controls are exempt (WCAG 1.4.3). Taro's H5 button always carries a disabled
  // attribute, "false" when enabled.
  const inactive = '.visually-hidden, .btn--disabled, [disabled]:not([disabled="false"]), .keypad__keys--disabled, .skeleton-screen';
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const element = node.parentElement;
    const text = node.textContent?.trim();
    if (!element || !text || !shown(element) || element.closest(inactive) || element.closest('svg, style, script')) continue;
    texts.push({ text: text.slice(0, 40), colour: getComputedStyle(element).color, under: under(element) });
  }
  const controls = [...document.querySelectorAll(controlSelector)].filter(shown).map((element) => {
    const { width, height } = element.getBoundingClientRect();
    return { what: (element.id ? '#' + element.id : element.className || element.tagName) + ': ' + (element.textContent ?? '').trim().slice(0, 20), width, height };
  });
  return { texts, controls };
}`;

/** The lowest contrast of a text over the layers under it (translucent ones blended down). */
function worstRatio({ colour, under }: PaintedText): number {
  const layers = under.map(parseColour);
  const opaque = layers.findIndex((layer) => layer.a === 1);
  const solid = opaque < 0 ? layers : layers.slice(opaque);
  const translucent = opaque < 0 ? [] : layers.slice(0, opaque).reverse();
  const blend = (bottom: Rgba) => translucent.reduce((below, layer) => over(layer, below), bottom);
  return Math.min(...solid.map((layer) => contrastRatio(parseColour(colour), blend(layer))));
}

/** What on screen now fails: text under 4.5:1, a control under 44 px either way. */
export async function accessibilityProblems(page: Page): Promise<string[]> {
  const { texts, controls } = (await page.evaluate(`(${MEASURE})(${JSON.stringify(CONTROLS)})`)) as Measured;
  assert.ok(texts.length > 0, 'no visible text measured');
  const faint = texts.map((text) => ({ text, ratio: worstRatio(text) })).filter(({ ratio }) => ratio < MIN_TEXT_CONTRAST);
  const small = controls.filter(({ width, height }) => width < TAP_MIN_PX || height < TAP_MIN_PX);
  return [
    ...faint.map(({ text, ratio }) => `text "${text.text}" ${text.colour} on ${text.under.join(' / ')}: ${ratio.toFixed(2)}:1`),
    ...small.map(({ what, width, height }) => `control ${what}: ${Math.round(width)} × ${Math.round(height)} px`),
  ];
}

type BarControl = 'back' | 'home' | 'none';

/** Taro's H5 navigation bar shows `title`, and on its left a back arrow, the way home (a page
 *  opened directly) or nothing (home itself). */
export async function expectBar(page: Page, title: string, control: BarControl): Promise<void> {
  const bar = page.locator('#taro-navigation-bar');
  await bar.locator('.taro-navigation-bar-title', { hasText: new RegExp(`^${title}$`) }).waitFor();
  assert.equal(await page.title(), title);
  // Each page scrolls inside itself, below the bar; a window that scrolls as well slides the page
  // under the bar, which then covers its top.
  const windowOverflow = (await page.evaluate('document.documentElement.scrollHeight - window.innerHeight')) as number;
  assert.ok(windowOverflow <= 1, `the window scrolls ${windowOverflow}px under the bar on ${title}`);
  const visible = async (label: '返回' | '返回首页') => barControl(page, label).isVisible();
  assert.deepEqual({ back: await visible('返回'), home: await visible('返回首页') }, { back: control === 'back', home: control === 'home' }, `the bar's control on ${title}`);
}

const barControl = (page: Page, label: '返回' | '返回首页') => page.locator('#taro-navigation-bar').getByRole('button', { name: label, exact: true });

/** Taps the bar's back arrow. */
export async function tapBack(page: Page): Promise<void> {
  await barControl(page, '返回').click();
}

/** Taps the bar's way home (on a page opened directly). */
export async function tapHome(page: Page): Promise<void> {
  await barControl(page, '返回首页').click();
}
