// The mini-program's titles, palette and tap targets, read from its source (issue 16, points 5
// and 10): every page names its title in its config (WeChat's bar and, in the browser, Taro's show
// it), every text colour reaches 4.5:1 on what it is drawn on, and every control is at least
// 44 × 44 px. What Chromium actually shows is checked on real pages by the bills journey
// (support/accessibility.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import postcss, { type Rule } from 'postcss';
import { repoRoot } from '../../scripts/lib/serverless-config.js';
import { contrastRatio, MIN_TEXT_CONTRAST, parseColour } from '../support/contrast.js';

const SRC = join(repoRoot, 'miniprogram', 'src');
const cssFiles = (readdirSync(SRC, { recursive: true }) as string[]).filter((file) => file.endsWith('.css'));
const rules: Rule[] = [];
for (const file of cssFiles) postcss.parse(readFileSync(join(SRC, file), 'utf8'), { from: file }).walkRules((rule) => void rules.push(rule));

/** The design tokens (styles/tokens.css, declared on `page, body`). */
const tokens = new Map<string, string>();
for (const rule of rules.filter((candidate) => candidate.source?.input.from?.endsWith('tokens.css'))) {
  rule.walkDecls(/^--/, (decl) => void tokens.set(decl.prop, decl.value));
}

function declared(rule: Rule, prop: RegExp): string | undefined {
  let value: string | undefined;
  rule.each((node) => {
    if (node.type === 'decl' && prop.test(node.prop)) value = node.value;
  });
  return value;
}

/** `var(--x)` → its token's value, followed through tokens that name tokens. */
function resolve(value: string): string {
  const reference = /^var\((--[\w-]+)\)$/.exec(value.trim());
  if (!reference) return value.trim();
  const token = tokens.get(reference[1]!);
  assert.ok(token !== undefined, `no token ${reference[1]}`);
  return resolve(token);
}

/** The solid colours a background shows: itself, or each stop of a gradient. */
function backgroundColours(value: string): string[] {
  const resolved = resolve(value);
  return resolved.startsWith('linear-gradient') ? [...resolved.matchAll(/var\(--[\w-]+\)|#[0-9a-f]{3,6}\b/gi)].map(([stop]) => resolve(stop)) : [resolved];
}

const ratio = (text: string, background: string) => contrastRatio(parseColour(resolve(text)), parseColour(resolve(background)));
/** WCAG 1.4.3 exempts an inactive control's text. */
const isDisabledState = (rule: Rule) => /disabled/.test(rule.selector);

/** Where each text colour is drawn when its rule sets no background of its own: the page, a card,
 *  a muted panel, a brand surface. A colour used for text must be listed here (checked below) or
 *  be a disabled state's. */
const SURFACES_UNDER: Record<string, string[]> = {
  'var(--color-text)': ['--color-bg-card', '--color-bg-page', '--color-bg-muted'],
  'var(--color-text-secondary)': ['--color-bg-card', '--color-bg-page', '--color-bg-muted'],
  'var(--color-text-tertiary)': ['--color-bg-card', '--color-bg-page'],
  'var(--color-primary)': ['--color-bg-card', '--color-bg-page', '--color-primary-50', '--color-primary-100'],
  'var(--color-text-on-primary)': ['--color-primary', '--color-primary-500', '--color-primary-700', '--color-wechat', '--color-warning'],
  'var(--color-text-on-primary-muted)': ['--color-primary', '--color-primary-500', '--color-primary-700'],
  'var(--color-success)': ['--color-bg-card', '--color-bg-page', '--color-success-bg'],
  'var(--color-warning)': ['--color-bg-card', '--color-bg-page', '--color-warning-bg'],
  'var(--color-danger)': ['--color-bg-card', '--color-bg-page', '--color-danger-bg'],
  'var(--color-accent)': ['--color-bg-card', '--color-bg-page', '--color-accent-bg'],
};

/** app.config.ts and the pages' index.config.ts, read as Taro's build reads them. */
async function config<T>(file: string): Promise<T> {
  const define = (value: T) => value;
  Object.assign(globalThis, { defineAppConfig: define, definePageConfig: define });
  return ((await import(join(SRC, file))) as { default: T }).default;
}

test('every page names its title in its own config, and the browser build draws the bar', async () => {
  const app = await config<{ pages: string[]; subPackages: { root: string; pages: string[] }[]; window: { navigationStyle?: string } }>('app.config.ts');
  const pages = [...app.pages, ...app.subPackages.flatMap(({ root, pages: inside }) => inside.map((page) => `${root}/${page}`))];
  assert.ok(pages.length > 40, `${pages.length} pages`);
  const untitled: string[] = [];
  for (const page of pages) {
    const { navigationBarTitleText } = await config<{ navigationBarTitleText?: string }>(`${page}.config.ts`);
    if (!navigationBarTitleText?.trim()) untitled.push(page);
  }
  assert.deepEqual(untitled, []);
  assert.equal(app.window.navigationStyle, 'default', "Taro's H5 router draws no bar without it");
});

test('the CSS was read: tokens and rules from every package', () => {
  assert.ok(tokens.size > 40, `${tokens.size} tokens`);
  for (const file of ['app.css', 'packageLoan/loan.css', 'packageWealth/wealth.css', 'packageBills/bills.css']) assert.ok(cssFiles.includes(file), file);
});

test('a rule that sets both a text colour and a background reaches 4.5:1 (disabled states aside)', () => {
  const pairs = rules.flatMap((rule) => {
    const colour = declared(rule, /^color$/);
    const background = declared(rule, /^background(-color)?$/);
    if (!colour || !background || isDisabledState(rule)) return [];
    return backgroundColours(background).map((under) => ({ rule: rule.selector, colour, under, ratio: ratio(colour, under) }));
  });
  assert.ok(pairs.length > 15, `only ${pairs.length} pairs found`);
  const failing = pairs.filter((pair) => pair.ratio < MIN_TEXT_CONTRAST).map((pair) => `${pair.rule}: ${pair.colour} on ${pair.under} is ${pair.ratio.toFixed(2)}:1`);
  assert.deepEqual(failing, []);
});

test('every text colour is a checked token, and reaches 4.5:1 on each surface it is drawn on', () => {
  const unchecked = rules.flatMap((rule) => {
    const colour = declared(rule, /^color$/);
    return colour && !SURFACES_UNDER[colour] && !isDisabledState(rule) ? [`${rule.selector}: ${colour}`] : [];
  });
  assert.deepEqual(unchecked, [], 'a text colour with no entry in SURFACES_UNDER: check its contrast and add it');
  const failing = Object.entries(SURFACES_UNDER).flatMap(([colour, surfaces]) =>
    surfaces.map((surface) => ({ colour, surface, ratio: ratio(colour, `var(${surface})`) })).filter((pair) => pair.ratio < MIN_TEXT_CONTRAST),
  );
  assert.deepEqual(failing.map((pair) => `${pair.colour} on ${pair.surface}: ${pair.ratio.toFixed(2)}:1`), []);
});

/** 44 px, as rpx (750rpx is a 375px-wide phone's width). */
const TAP_MIN_RPX = 88;
/** Every control people tap, by the class that draws it. */
const CONTROLS = ['.chip', '.btn', '.btn--small', '.answer', '.menu__row', '.sheet__back', '.consent', '.service-phone', '.pin-sheet__forgot', '.keypad__key', '#taro-navigation-bar .taro-navigation-bar-back'];

function rpx(value: string): number {
  const resolved = resolve(value);
  const match = /^(\d+)rpx$/.exec(resolved);
  assert.ok(match, `not an rpx size: ${value} (${resolved})`);
  return Number(match[1]);
}

test('every control is at least 44 px tall (and the navigation bar\'s back arrow 44 px wide)', () => {
  const short = CONTROLS.flatMap((control) => {
    const own = rules.filter((rule) => rule.selectors.includes(control));
    assert.ok(own.length > 0, `no rule for ${control}`);
    return own.flatMap((rule) => {
      const height = declared(rule, /^(min-)?height$/);
      return height && rpx(height) < TAP_MIN_RPX ? [`${control}: ${height}`] : [];
    });
  });
  assert.deepEqual(short, []);
  const heights = CONTROLS.map((control) => rules.filter((rule) => rule.selectors.includes(control)).some((rule) => declared(rule, /^(min-)?height$/)));
  assert.deepEqual(CONTROLS.filter((_, index) => !heights[index]), [], 'a control whose height no rule sets');
  const back = rules.find((rule) => rule.selectors.includes('#taro-navigation-bar .taro-navigation-bar-back'))!;
  assert.ok(rpx(declared(back, /^width$/)!) >= TAP_MIN_RPX);
});
