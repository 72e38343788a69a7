// A person's legal name as a resident ID card prints it: Han characters of any Unicode block
// (the basic block, the CJK extensions and the compatibility ideographs: GB 18030-2022 covers
// them, and names such as 王𠮷 or 刘䶮 need them; which code points are Han is the JS engine's
// Unicode data — Node 20 here knows Unicode 15.1 and later, extension I included), parts of a
// minority name joined by the middle dot U+00B7. The ONE rule for customers, staff and the
// PIN-reset identity check: the contract's PersonName schema applies it, the console imports it,
// the mini-program mirrors it (miniprogram/src/lib/person-name.ts, held equal by a jest test).

/** The middle dot ID cards print between the parts of a minority name (阿沛·阿旺晋美). */
export const NAME_MIDDLE_DOT = '\u00B7';

/** Dots an input method or a copied text gives instead (katakana ・ and its half-width form,
 *  bullet •, hyphenation point ‧, bullet and dot operators ∙ ⋅, Greek ano teleia, word-separator
 *  middle dot): each is read as the ID card's dot, so the name stored and compared is the card's. */
const MIDDLE_DOT_LOOK_ALIKES = /[\u30FB\uFF65\u2022\u2027\u2219\u22C5\u0387\u2E31]/g;

/** Counted in characters (code points): 𠮷 is one character although it is two UTF-16 units. */
export const PERSON_NAME_MIN_CHARS = 2;
/** Room for long minority names (维吾尔族, 藏族 names run past 20 characters with their dots). */
export const PERSON_NAME_MAX_CHARS = 30;
/** What an input box may hold in UTF-16 units (an input's maxlength counts those): every
 *  character of a name at its longest may be outside the basic plane. */
export const PERSON_NAME_MAX_UTF16_UNITS = PERSON_NAME_MAX_CHARS * 2;

/** Han script runs, one dot between two of them (never leading, trailing or doubled). */
const PERSON_NAME_SHAPE = /^\p{Script=Han}+(?:\u00B7\p{Script=Han}+)*$/u;

/** Characters (code points) in `text`, not UTF-16 units. */
export function characterCount(text: string): number {
  return [...text].length;
}

/** The name as it is checked, stored and compared: surrounding spaces dropped, look-alike dots
 *  made the ID card's dot. */
export function normalizePersonName(name: string): string {
  return name.trim().replace(MIDDLE_DOT_LOOK_ALIKES, NAME_MIDDLE_DOT);
}

/** Why `name` (already normalized) is not a legal name, in the customer's words; undefined when it is one. */
export function personNameProblem(name: string): string | undefined {
  const length = characterCount(name);
  if (length < PERSON_NAME_MIN_CHARS || length > PERSON_NAME_MAX_CHARS) {
    return `姓名须为 ${PERSON_NAME_MIN_CHARS}–${PERSON_NAME_MAX_CHARS} 个汉字`;
  }
  if (!PERSON_NAME_SHAPE.test(name)) return '请输入身份证上的中文姓名，少数民族姓名中间用“·”分隔';
  return undefined;
}

export function isPersonName(name: string): boolean {
  return personNameProblem(name) === undefined;
}
