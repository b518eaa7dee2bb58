import type { Gap } from '@cw/shared';

export type GapMessageKey =
  | 'dashboard.gaps.nobodyQuestion'
  | 'dashboard.gaps.nobodySection'
  | 'dashboard.gaps.noInputQuestion'
  | 'dashboard.gaps.noInputSection'
  | 'dashboard.gaps.dominantQuestion'
  | 'dashboard.gaps.dominantSection';

export interface GapMessage {
  key: GapMessageKey;
  values: { number: string; group?: string; percent?: number };
}

/** The catalogue message and its values for one gap ("No Company / business input on question 4"). */
export function gapMessage(gap: Gap, rowLabel: (rowKey: string) => string): GapMessage {
  const on = gap.target.kind === 'question' ? 'Question' : 'Section';
  const number = String(gap.target.number);
  if (gap.kind === 'dominant') {
    return {
      key: `dashboard.gaps.dominant${on}`,
      values: { number, group: rowLabel(gap.rowKey), percent: Math.round(gap.share * 100) },
    };
  }
  if (gap.rowKey === null) return { key: `dashboard.gaps.nobody${on}`, values: { number } };
  return { key: `dashboard.gaps.noInput${on}`, values: { number, group: rowLabel(gap.rowKey) } };
}
