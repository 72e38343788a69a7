// Why a draft in the console's product forms (loan and wealth products, billers) would be refused,
// in the form's words: the draft is checked with the very schema the server checks the change
// with, and each issue takes the message of the field it belongs to. No other import: the console
// bundles it.
import type * as z from 'zod/mini';

export interface DraftIssue {
  /** Dotted path in the draft: `minAmountFen`, `spreadBpsByGrade.A`; '' for the draft as a whole. */
  path: string;
  message: string;
}

export interface DraftWords {
  /** What each field must be, by dotted path: an issue takes the longest one its path starts with. */
  fields: Record<string, string>;
  /** For an issue under no field. */
  otherwise: string;
  /** Report an issue at the field it matched (the form shows no deeper one), not at its own path. */
  atField?: boolean;
  /** A refinement's message is written for the form (in Chinese): it is the issue's. */
  refinementsSpeak?: boolean;
}

/** One issue per path, the first zod reports there (none: the draft would be accepted). */
export function draftIssues(schema: z.ZodMiniType, words: DraftWords, draft: unknown): DraftIssue[] {
  const parsed = schema.safeParse(draft);
  if (parsed.success) return [];
  const issues = new Map<string, string>();
  for (const issue of parsed.error.issues) {
    const raw = issue.path.map(String).join('.');
    const field = Object.keys(words.fields)
      .filter((known) => raw === known || raw.startsWith(`${known}.`))
      .sort((a, b) => b.length - a.length)[0];
    const message =
      words.refinementsSpeak && issue.code === 'custom'
        ? issue.message
        : field !== undefined
          ? words.fields[field]!
          : issue.code === 'unrecognized_keys'
            ? `不支持的字段：${issue.keys.join('、')}`
            : words.otherwise;
    const path = words.atField && field !== undefined ? field : raw;
    if (!issues.has(path)) issues.set(path, message);
  }
  return [...issues].map(([path, message]) => ({ path, message }));
}
