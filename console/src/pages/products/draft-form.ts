// What the product factory's editors (loan and wealth products) share: the contract's own check
// as each field's rule, the server's refusals placed under the fields they name, and the
// customer's-view preview the server renders while the draft is typed.
import type { FormInstance, FormRule } from 'antd';
import { useEffect, useRef, useState } from 'react';
import type { DraftIssue } from '../../../../functions/domain/draft-issues';
import { ApiError, errorMessage } from '@/api/http';

/** A form field: a name, or a name and a key in it (`['spreads', 'B']`). */
export type FieldName = string | [string, string];

/** How an editor maps what the server and the contract say onto its form. */
export interface DraftFields<V> {
  /** The contract's own check (the one the server runs) of the form's values. */
  issuesOf(values: V): readonly DraftIssue[];
  /** The form field a path names; undefined when no one field holds it. */
  fieldOf(path: string): FieldName | undefined;
  /** How a problem no field holds reads above the form. */
  unplacedLine(issue: DraftIssue): string;
}

/** How long typing pauses before the preview is asked for, in ms. */
export const PREVIEW_DEBOUNCE_MS = 400;

const sameField = (a: FieldName | undefined, b: FieldName) => a !== undefined && String(a) === String(b);

/** Each field's rule: the contract's first problem for it. */
export function contractRuleFor<V>({ issuesOf, fieldOf }: DraftFields<V>) {
  return (name: FieldName): FormRule =>
    ({ getFieldsValue }) => ({
      validator: async () => {
        const problem = issuesOf(getFieldsValue(true) as V).find((issue) => sameField(fieldOf(issue.path), name));
        if (problem) throw new Error(problem.message);
      },
    });
}

/** Why the server refused the draft, by field: a 400 VALIDATION_FAILED names the paths it refused
 *  (`请求参数有误：product.minAmountFen、product.termsMonths.2`, as the contract documents it) and
 *  the contract's own check (`issues`) says why; a path only the server named is shown with the
 *  server's words. */
export function refusedFields(error: ApiError, issues: readonly DraftIssue[]): DraftIssue[] {
  if (error.code !== 'VALIDATION_FAILED') return [...issues];
  const named = (error.message.split('：')[1] ?? '')
    .split('、')
    .map((path) => path.trim().replace(/^product\./, ''))
    .filter((path) => path !== '' && path !== '(body)');
  const unexplained = named.filter((path) => !issues.some((issue) => issue.path === path));
  return [...issues, ...unexplained.map((path) => ({ path, message: error.message }))];
}

export interface Problem {
  title: string;
  lines: string[];
}

/** The problems an editor shows: under their fields (clearing the fields a previous answer
 *  marked), and — for a refused submit, which has a title — the rest above the form. */
export function useDraftProblems<V>(form: FormInstance<V>, { fieldOf, unplacedLine }: Pick<DraftFields<V>, 'fieldOf' | 'unplacedLine'>) {
  const [problem, setProblem] = useState<Problem | undefined>();
  // Fields that show the server's problems, so a later answer that takes the draft clears them.
  const serverMarked = useRef<FieldName[]>([]);
  function showProblems(problems: readonly DraftIssue[], title?: string) {
    const byField = new Map<string, { name: FieldName; errors: string[] }>();
    const unplaced: string[] = [];
    for (const issue of problems) {
      const name = fieldOf(issue.path);
      if (!name) {
        unplaced.push(unplacedLine(issue));
        continue;
      }
      const key = String(name);
      byField.set(key, { name, errors: [...(byField.get(key)?.errors ?? []), issue.message] });
    }
    const fields = [...serverMarked.current.filter((name) => !byField.has(String(name))).map((name) => ({ name, errors: [] as string[] })), ...byField.values()];
    form.setFields(fields as Parameters<typeof form.setFields>[0]);
    serverMarked.current = [...byField.values()].map(({ name }) => name);
    // The preview shows its own refusal; a refused submit says why above the form.
    if (title !== undefined) setProblem({ title, lines: unplaced });
  }
  return { problem, setProblem, showProblems };
}

export type PreviewState<P> = { kind: 'idle' } | { kind: 'loading'; last?: P } | { kind: 'ready'; preview: P } | { kind: 'refused'; message: string };

/** The server's preview of what `key` describes, asked again when typing pauses; only the newest
 *  answer is shown (an older one may arrive after it). `ask` is undefined while there is nothing
 *  to preview. A 400 refusal is the draft's (`onRefused` marks its fields); anything else is only
 *  shown in the panel. */
export function useServerPreview<P>(key: string, ask: (() => Promise<P>) | undefined, onAccepted: () => void, onRefused: (error: ApiError) => void) {
  const [state, setState] = useState<PreviewState<P>>({ kind: 'idle' });
  const sequence = useRef(0);
  useEffect(() => {
    sequence.current += 1;
    if (!ask) {
      setState({ kind: 'idle' });
      return undefined;
    }
    const mine = sequence.current;
    setState((previous) => ({ kind: 'loading', last: previous.kind === 'ready' ? previous.preview : previous.kind === 'loading' ? previous.last : undefined }));
    const timer = setTimeout(() => {
      ask().then(
        (preview) => {
          if (mine !== sequence.current) return;
          setState({ kind: 'ready', preview });
          onAccepted();
        },
        (error: unknown) => {
          if (mine !== sequence.current) return;
          setState({ kind: 'refused', message: errorMessage(error) });
          if (error instanceof ApiError && error.status === 400) onRefused(error);
        },
      );
    }, PREVIEW_DEBOUNCE_MS);
    return () => clearTimeout(timer);
    // The key holds what is previewed: a new object with the same content asks nothing.
  }, [key]);
  const shown = state.kind === 'ready' ? state.preview : state.kind === 'loading' ? state.last : undefined;
  return { state, shown };
}
