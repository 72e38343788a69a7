// Name screening (名单筛查, issue 18): a customer's legal name against the watch lists the bank
// holds as data — the published lists of terrorist organisations and persons (涉恐名单), the UN
// Security Council sanctions lists (制裁名单) and the bank's own (本行关注名单). Chinese names are
// short and shared by many, and a name on a list is often written a little differently from the
// ID card: so besides an exact match the screening reports near matches, each by a rule that says
// in words why the names are close. The rules are deliberately narrow: "one character different"
// needs three characters or more, since on 王伟 it would flag a large share of all customers; a
// near match needs the same surname, or a surname that sounds the same (张/章, 徐/许) with the
// same given name. Homophones elsewhere in a name (张伟 / 张维) are not matched: telling them
// needs a pinyin dictionary larger than a function may bundle (docs/ARCHITECTURE.md). Pure:
// services/name-screening.ts reads the list and opens the alert.
import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema.js';
import { normalizePersonName, PERSON_NAME_MAX_CHARS } from './person-name.js';

export const WATCH_LISTS = ['TERRORIST', 'SANCTIONS', 'INTERNAL'] as const;
export type WatchListKind = (typeof WATCH_LISTS)[number];

export const WATCH_LIST_LABELS: Record<WatchListKind, string> = { TERRORIST: '涉恐名单', SANCTIONS: '制裁名单', INTERNAL: '本行关注名单' };

export interface WatchListEntry {
  entryId: string;
  name: string;
  list: WatchListKind;
  /** Where the entry comes from (the list's notice and its number), for the officer. */
  source: string;
}

export interface WatchList {
  version: number;
  entries: WatchListEntry[];
}

/** A list is read whole on each screening: kept well inside one stored item. */
export const MAX_WATCH_LIST_ENTRIES = 2_000;

/** Text an officer reads: no control, invisible format or unpaired surrogate characters. */
const PRINTABLE = /^[^\p{Cc}\p{Cf}\p{Cs}]+$/u;

export const WatchListSchema: z.ZodMiniType<WatchList> = /* @__PURE__ */ lazySchema(() =>
  z.object({
    // 0: the empty list a bank starts with, never stored.
    version: z.int().check(z.minimum(0)),
    entries: z
      .array(
        z.strictObject({
          entryId: z.string().check(z.regex(/^[A-Za-z0-9-]{1,40}$/)),
          name: z.string().check(z.minLength(2), z.maxLength(PERSON_NAME_MAX_CHARS * 2), z.regex(PRINTABLE)),
          list: z.enum(WATCH_LISTS),
          source: z.string().check(z.minLength(2), z.maxLength(200), z.regex(PRINTABLE)),
        }),
      )
      .check(
        z.maxLength(MAX_WATCH_LIST_ENTRIES),
        z.refine((entries) => new Set(entries.map((entry) => entry.entryId)).size === entries.length, 'entryId must be unique'),
      ),
  }),
);

/** A bank that never stored a list screens against none. */
export const EMPTY_WATCH_LIST: WatchList = { version: 0, entries: [] };

export const NAME_MATCH_RULES = ['SAME_NAME', 'HOMOPHONE_SURNAME', 'ONE_CHARACTER_DIFFERENT', 'TWO_CHARACTERS_SWAPPED', 'ONE_CHARACTER_MORE_OR_LESS'] as const;
export type NameMatchRule = (typeof NAME_MATCH_RULES)[number];

/** Each rule in words, for the officer who decides whether the customer is the listed person. */
export const NAME_MATCH_RULE_TEXTS: Record<NameMatchRule, string> = {
  SAME_NAME: '去除空格和间隔号、繁体字按简体比较后，与名单姓名完全一致',
  HOMOPHONE_SURNAME: '姓氏同音（如 张/章、徐/许），名完全相同',
  ONE_CHARACTER_DIFFERENT: '姓相同、字数相同（3 字及以上），名中仅一个字不同',
  TWO_CHARACTERS_SWAPPED: '姓相同、字数相同（3 字及以上），名中相邻两字顺序颠倒',
  ONE_CHARACTER_MORE_OR_LESS: '4 字及以上的长名（如少数民族音译名），姓相同，多出或缺少一个字',
};

/** Only the same name is an exact match; every other rule is a near one. */
export const matchKindOf = (rule: NameMatchRule): NameMatch['kind'] => (rule === 'SAME_NAME' ? 'EXACT' : 'NEAR');

export interface NameMatch {
  entry: WatchListEntry;
  kind: 'EXACT' | 'NEAR';
  rule: NameMatchRule;
}

/** The traditional forms of characters common in names, read as their simplified forms: a list
 *  published in Hong Kong or Taiwan writes 張偉 where the ID card has 张伟. */
const TRADITIONAL_TO_SIMPLIFIED: ReadonlyMap<string, string> = new Map(
  // Pairs: each traditional character followed by its simplified one.
  Array.from('張张陳陈劉刘黃黄趙赵吳吴鄭郑謝谢馬马孫孙楊杨許许蕭萧葉叶蘇苏盧卢羅罗韓韩廣广東东華华國国偉伟強强軍军紅红麗丽龍龙鳳凤長长勝胜學学義义興兴寶宝貴贵發发財财傑杰輝辉慶庆榮荣鵬鹏飛飞濤涛銘铭錦锦賢贤瑩莹嬌娇嬋婵綺绮雲云錢钱鄧邓馮冯譚谭閆闫蔣蒋陸陆賈贾龔龚萬万顧顾湯汤嚴严範范鐘钟溫温車车聶聂鄒邹賴赖鄺邝閻阎饒饶喬乔鄔邬齊齐龐庞諸诸'.matchAll(/(.)(.)/gu), ([, traditional, simplified]) => [traditional!, simplified!]),
);

/** Common surnames that sound the same (toneless pinyin), one group a string: a list written from
 *  speech or a transliteration may carry either. */
const HOMOPHONE_SURNAME_GROUPS = [
  '张章', '王汪', '李黎厉', '刘柳', '杨阳', '吴武伍巫邬', '徐许', '胡扈', '朱诸祝', '高郜', '林蔺', '何贺和', '郭国', '马麻',
  '罗骆', '谢解', '唐汤', '冯丰封凤', '于余俞虞喻', '萧肖', '程成', '袁元苑', '傅付符伏', '沈申', '卢陆鲁路', '蒋江姜',
  '魏韦卫', '阎闫严颜燕', '钟仲', '范樊', '方房', '石史施时', '谭谈', '金靳', '白柏', '毛茅', '邱丘秋裘', '秦覃', '顾谷',
  '孟蒙', '齐戚祁', '龚宫弓', '殷尹', '易伊', '常昌', '文温闻', '包鲍',
];
const SURNAME_SOUND: ReadonlyMap<string, number> = new Map(HOMOPHONE_SURNAME_GROUPS.flatMap((group, index) => [...group].map((surname) => [surname, index] as const)));

const sameSound = (a: string, b: string) => SURNAME_SOUND.has(a) && SURNAME_SOUND.get(a) === SURNAME_SOUND.get(b);

/** Spaces and every kind of dot between the parts of a name: a list may write 阿沛 阿旺晋美 or
 *  阿沛阿旺晋美 for 阿沛·阿旺晋美. */
const SEPARATORS = /[\s\u00B7.．\-－_]/gu;

/** The name in simplified characters, as written otherwise. */
export function simplifiedName(name: string): string {
  return [...name].map((character) => TRADITIONAL_TO_SIMPLIFIED.get(character) ?? character).join('');
}

/** The name as screening compares it: the ID card's own normalization, then no separators, then
 *  simplified characters; as characters (code points). */
export function screeningForm(name: string): string[] {
  return [...simplifiedName(normalizePersonName(name.normalize('NFKC')).replace(SEPARATORS, ''))];
}

/** The rule by which two screening forms are close, if any. Symmetric. */
export function nameMatchRule(a: readonly string[], b: readonly string[]): NameMatchRule | undefined {
  if (a.length === 0 || b.length === 0) return undefined;
  if (a.length === b.length && a.every((character, i) => character === b[i])) return 'SAME_NAME';
  if (a[0] !== b[0]) {
    const sameGivenName = a.length === b.length && a.every((character, i) => i === 0 || character === b[i]);
    return sameGivenName && sameSound(a[0]!, b[0]!) ? 'HOMOPHONE_SURNAME' : undefined;
  }
  if (a.length === b.length && a.length >= 3) {
    const differ = a.flatMap((character, i) => (character === b[i] ? [] : [i]));
    if (differ.length === 1) return 'ONE_CHARACTER_DIFFERENT';
    if (differ.length === 2 && differ[1] === differ[0]! + 1 && a[differ[0]!] === b[differ[1]!] && a[differ[1]!] === b[differ[0]!]) return 'TWO_CHARACTERS_SWAPPED';
    return undefined;
  }
  const [shorter, longer] = a.length < b.length ? [a, b] : [b, a];
  if (longer.length - shorter.length === 1 && shorter.length >= 4) {
    // Longer minus one character is shorter: the first position they differ at is the extra one.
    const at = shorter.findIndex((character, i) => character !== longer[i]);
    const skip = at === -1 ? shorter.length : at;
    if (shorter.every((character, i) => character === longer[i < skip ? i : i + 1])) return 'ONE_CHARACTER_MORE_OR_LESS';
  }
  return undefined;
}

/** At most so many matches are reported for one name: an officer reads them all. */
export const MAX_NAME_MATCHES = 10;

/** Every entry of `list` the name matches, exact ones first. */
export function screenName(name: string, list: WatchList): NameMatch[] {
  const form = screeningForm(name);
  const matches: NameMatch[] = [];
  for (const entry of list.entries.slice(0, MAX_WATCH_LIST_ENTRIES)) {
    const rule = nameMatchRule(form, screeningForm(entry.name));
    if (rule) matches.push({ entry, kind: matchKindOf(rule), rule });
  }
  return matches.sort((x, y) => (x.kind === y.kind ? 0 : x.kind === 'EXACT' ? -1 : 1)).slice(0, MAX_NAME_MATCHES);
}

/** What the officer reads on the alert: each match with its list, the listed name and the rule. */
export function screeningSummary(matches: readonly NameMatch[]): string {
  return matches
    .map(({ entry, kind, rule }) => `${kind === 'EXACT' ? '完全匹配' : '近似匹配'}${WATCH_LIST_LABELS[entry.list]}「${entry.name}」（${entry.source}）：${NAME_MATCH_RULE_TEXTS[rule]}`)
    .join('；');
}
