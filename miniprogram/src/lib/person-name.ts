// The legal-name rule of functions/domain/person-name.ts, mirrored: the mini-program's bundle may
// not import the backend's modules (config/index.ts), so the rule lives here too and
// miniprogram/test/lib/person-name.test.ts holds the two equal on every example it knows.
// Any Han character (CJK extensions too: 王𠮷, 刘䶮), parts joined by the ID card's dot U+00B7.

const NAME_MIDDLE_DOT = '\u00B7';
/** ・ ･ • ‧ ∙ ⋅ and kin, as input methods type them: read as the ID card's dot. */
const MIDDLE_DOT_LOOK_ALIKES = /[\u30FB\uFF65\u2022\u2027\u2219\u22C5\u0387\u2E31]/g;
export const PERSON_NAME_MIN_CHARS = 2;
export const PERSON_NAME_MAX_CHARS = 30;
/** An input's maxlength counts UTF-16 units; every character of a name may need two. */
export const PERSON_NAME_MAX_UTF16_UNITS = PERSON_NAME_MAX_CHARS * 2;
const PERSON_NAME_SHAPE = /^\p{Script=Han}+(?:\u00B7\p{Script=Han}+)*$/u;

export function normalizePersonName(name: string): string {
  return name.trim().replace(MIDDLE_DOT_LOOK_ALIKES, NAME_MIDDLE_DOT);
}

/** Why `name` (already normalized) is not a legal name; undefined when it is one. */
export function personNameProblem(name: string): string | undefined {
  const length = Array.from(name).length;
  if (length < PERSON_NAME_MIN_CHARS || length > PERSON_NAME_MAX_CHARS) {
    return `姓名须为 ${PERSON_NAME_MIN_CHARS}–${PERSON_NAME_MAX_CHARS} 个汉字`;
  }
  if (!PERSON_NAME_SHAPE.test(name)) return '请输入身份证上的中文姓名，少数民族姓名中间用“·”分隔';
  return undefined;
}
