import type { DashboardData, GapTarget } from '@cw/shared';

/**
 * The kinds of gap, most serious first: a question or section nobody spoke to, one some groups
 * left out, one a single group dominates.
 */
export const GAP_KINDS = ['unanswered', 'missingVoices', 'dominated'] as const;
export type GapKind = (typeof GAP_KINDS)[number];

/** One line of a gap list: a question or section and the rows it concerns (none: everybody). */
export interface GapItem {
  target: GapTarget;
  rowKeys: string[];
}

export interface GapGroup {
  kind: GapKind;
  items: GapItem[];
}

type GapSource = Pick<DashboardData, 'gaps' | 'questions' | 'sections'>;

/**
 * The gaps grouped by kind, kinds without gaps left out. A question or section some groups left
 * out is one line naming them all, the most groups missing first: that is where the paper hears
 * the fewest voices. The other kinds are equally serious line by line, so they follow the paper
 * (questions by number, then sections in order), which is how organisers walk it.
 */
export function groupGaps({ gaps, questions, sections }: GapSource): GapGroup[] {
  const paperPosition = new Map([
    ...questions.map((question, index) => [question.id, index] as const),
    ...sections.map((section, index) => [section.id, questions.length + index] as const),
  ]);
  const byPaper = (a: GapItem, b: GapItem) =>
    paperPosition.get(a.target.id)! - paperPosition.get(b.target.id)!;
  const items: Record<GapKind, Map<string, GapItem>> = {
    unanswered: new Map(),
    missingVoices: new Map(),
    dominated: new Map(),
  };
  for (const gap of gaps) {
    const kind: GapKind =
      gap.kind === 'dominant' ? 'dominated' : gap.rowKey === null ? 'unanswered' : 'missingVoices';
    const item = items[kind].get(gap.target.id) ?? { target: gap.target, rowKeys: [] };
    if (gap.rowKey !== null) item.rowKeys.push(gap.rowKey);
    items[kind].set(gap.target.id, item);
  }
  const ranked: Record<GapKind, (a: GapItem, b: GapItem) => number> = {
    unanswered: byPaper,
    missingVoices: (a, b) => b.rowKeys.length - a.rowKeys.length || byPaper(a, b),
    dominated: byPaper,
  };
  return GAP_KINDS.map((kind) => ({ kind, items: [...items[kind].values()].sort(ranked[kind]) })).filter(
    (group) => group.items.length > 0,
  );
}
