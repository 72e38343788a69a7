// A share link's poster: one SVG image a manager saves and hands out — the bank's brand, the
// product and its key figure, the mini-program code, a caption and the manager's name. Drawn as
// text and shapes (no fonts or raster library to bundle); the phone draws the text with its own
// Chinese fonts. Pure, so its layout and escaping are unit-tested (test/unit/rm-poster.test.ts).
import type { ShareProductType } from './product.js';

export const POSTER_WIDTH = 750;
export const POSTER_HEIGHT = 1334;
export const BRAND_COLOUR = '#1d4fa3';
const INK = '#1a1f29';
const MUTED = '#5a6270';
const FONT = "'PingFang SC','Hiragino Sans GB','Microsoft YaHei','Noto Sans CJK SC','Noto Sans SC',sans-serif";

/** Width units of one line of the product name (a Chinese character is 1, Latin narrower). */
const NAME_LINE_UNITS = 13;
const NAME_MAX_LINES = 2;
const NAME_LINE_HEIGHT = 58;
const QR_SIZE = 440;

/** What the product's type obliges a poster to say (wealth: the regulator's risk warning). */
const FOOTNOTES: Record<ShareProductType, string | null> = {
  ACCOUNT: null,
  LOAN: '贷款额度与利率以审批结果为准，请理性借贷',
  WEALTH: '理财非存款，产品有风险，投资须谨慎',
  BILL: null,
};

export interface PosterFacts {
  productType: ShareProductType;
  productName: string;
  /** The product's key figure in words, e.g. 最高可借 200,000 元. */
  highlight: string;
  manager: { name: string; staffNo: string; branchName: string };
  /** The mini-program code, as WeChat returned it. */
  qr: { contentType: 'image/png' | 'image/jpeg'; base64: string };
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);

const units = (char: string): number => (/[\x20-\x7e]/.test(char) ? 0.55 : 1);

/** The name broken into at most two lines of the card's width; a longer one ends in an ellipsis. */
export function nameLines(name: string): string[] {
  const lines: string[] = [];
  let line = '';
  let width = 0;
  for (const char of Array.from(name.trim())) {
    if (width + units(char) > NAME_LINE_UNITS) {
      lines.push(line.trimEnd());
      line = '';
      width = 0;
      if (lines.length === NAME_MAX_LINES) break;
    }
    line += char;
    width += units(char);
  }
  if (lines.length < NAME_MAX_LINES) return [...lines, line];
  const last = Array.from(lines[NAME_MAX_LINES - 1]!);
  lines[NAME_MAX_LINES - 1] = `${last.slice(0, -1).join('')}…`;
  return lines;
}

function text(x: number, y: number, size: number, fill: string, content: string, extra = ''): string {
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(content)}</text>`;
}

const centred = (y: number, size: number, fill: string, content: string, extra = '') =>
  text(POSTER_WIDTH / 2, y, size, fill, content, ` text-anchor="middle"${extra}`);

export function posterSvg(facts: PosterFacts): string {
  const bold = ' font-weight="600"';
  const lines = nameLines(facts.productName);
  // A one-line name moves the middle block down half a line, so it stays centred on the card.
  const shift = (NAME_MAX_LINES - lines.length) * (NAME_LINE_HEIGHT / 2);
  const nameTop = 340 + shift;
  const highlightY = nameTop + lines.length * NAME_LINE_HEIGHT + 12;
  const qrTop = highlightY + 46;
  const footnote = FOOTNOTES[facts.productType];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" viewBox="0 0 ${POSTER_WIDTH} ${POSTER_HEIGHT}" font-family="${FONT}">`,
    `<rect width="${POSTER_WIDTH}" height="${POSTER_HEIGHT}" fill="#f3f5f8"/>`,
    `<rect width="${POSTER_WIDTH}" height="380" fill="${BRAND_COLOUR}"/>`,
    `<rect x="48" y="56" width="84" height="84" rx="22" fill="#ffffff"/>`,
    text(90, 114, 46, BRAND_COLOUR, '邻', ` text-anchor="middle"${bold}`),
    text(156, 98, 40, '#ffffff', '近邻银行', bold),
    text(156, 136, 24, '#ffffff', '不用跑网点，银行就在身边'),
    `<rect x="40" y="200" width="670" height="1040" rx="24" fill="#ffffff"/>`,
    centred(268 + shift, 26, MUTED, `客户经理 ${facts.manager.name} 为您推荐`),
    ...lines.map((line, index) => centred(nameTop + index * NAME_LINE_HEIGHT, 46, INK, line, bold)),
    centred(highlightY, 34, BRAND_COLOUR, facts.highlight, bold),
    `<image x="${(POSTER_WIDTH - QR_SIZE) / 2}" y="${qrTop}" width="${QR_SIZE}" height="${QR_SIZE}" xlink:href="data:${facts.qr.contentType};base64,${facts.qr.base64}"/>`,
    centred(qrTop + QR_SIZE + 50, 26, MUTED, '微信扫一扫，查看产品详情'),
    `<line x1="88" y1="1090" x2="662" y2="1090" stroke="#e3e7ee" stroke-width="2"/>`,
    centred(1148, 32, INK, `客户经理 ${facts.manager.name}`, bold),
    centred(1194, 24, MUTED, `${facts.manager.branchName} · 工号 ${facts.manager.staffNo}`),
    ...(footnote ? [centred(1292, 22, MUTED, footnote)] : []),
    '</svg>',
  ].join('');
}
