import { DOMINANCE_SHARE } from '@cw/shared';
import type { GapItem, GapKind } from './gap-groups';

export type GapMessageKey = `dashboard.gaps.items.${GapKind}${'Question' | 'Section'}`;

export interface GapMessage {
  key: GapMessageKey;
  values: { number: string; groups?: string[]; group?: string; percent?: number };
}

/** The catalogue message and its values for one line of a gap list ("Question 4: no input from …"). */
export function gapMessage(kind: GapKind, item: GapItem, rowLabel: (rowKey: string) => string): GapMessage {
  const on = item.target.kind === 'question' ? 'Question' : 'Section';
  const number = String(item.target.number);
  const key: GapMessageKey = `dashboard.gaps.items.${kind}${on}`;
  switch (kind) {
    case 'unanswered':
      return { key, values: { number } };
    case 'missingVoices':
      return { key, values: { number, groups: item.rowKeys.map(rowLabel) } };
    case 'dominated':
      return {
        key,
        values: { number, group: rowLabel(item.rowKeys[0]!), percent: Math.round(DOMINANCE_SHARE * 100) },
      };
  }
}
