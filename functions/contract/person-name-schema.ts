// A person's legal name in a request (domain/person-name.ts): look-alike dots become the ID
// card's dot before the check, so the handler gets the name as it is stored and compared. Its own
// file so the customer, PIN-reset and console-staff contracts share it without importing each other.
import * as z from 'zod/mini';
import { isPersonName, normalizePersonName, PERSON_NAME_MAX_CHARS, PERSON_NAME_MIN_CHARS } from '../domain/person-name.js';
import { lazySchema } from '../domain/lazy-schema.js';

export const PersonName = /* @__PURE__ */ lazySchema(() =>
  z
    .string()
    .check(
      z.maxLength(PERSON_NAME_MAX_CHARS * 8, 'far too long to be a name'),
      z.overwrite(normalizePersonName),
      z.refine(isPersonName, `${PERSON_NAME_MIN_CHARS}–${PERSON_NAME_MAX_CHARS} Han characters, minority names' parts joined by ·`),
      z.meta({
        description: `Legal name as on the resident ID card: ${PERSON_NAME_MIN_CHARS}–${PERSON_NAME_MAX_CHARS} characters (code points) of the Han script (CJK extensions included), parts joined by the middle dot U+00B7; ・ • ‧ and similar dots are read as U+00B7`,
      }),
    ),
);
