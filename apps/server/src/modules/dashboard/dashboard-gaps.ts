import { DOMINANCE_SHARE, type Gap, type GapTarget, type InputFigures, type InputTable } from '@cw/shared';

/** No thread, comment, endorsement or edit. Hidden figures are never zero, so this holds in both views. */
const hasNoInput = (figures: InputFigures) =>
  figures.threads === 0 && figures.comments === 0 && figures.endorsements === 0 && figures.charsEdited === 0;

/**
 * The representation gaps of one table (columns = `targets`): a target nobody gave input on, a
 * group with no input on a target, and a group that wrote more than DOMINANCE_SHARE of a target's
 * comments. Only figures the table shows are used, so in the published view no gap gives away
 * a hidden figure.
 */
export function findGaps(
  table: InputTable,
  groupIds: readonly string[],
  targets: readonly GapTarget[],
): Gap[] {
  const gaps: Gap[] = [];
  targets.forEach((target, column) => {
    const total = table.columnTotals[column]!;
    if (hasNoInput(total)) {
      gaps.push({ kind: 'noInput', groupId: null, target });
      return;
    }
    groupIds.forEach((groupId, row) => {
      if (hasNoInput(table.cells[row]![column]!)) gaps.push({ kind: 'noInput', groupId, target });
    });
    const totalComments = total.comments;
    if (typeof totalComments !== 'number' || totalComments === 0) return;
    groupIds.forEach((groupId, row) => {
      const comments = table.cells[row]![column]!.comments;
      if (typeof comments === 'number' && comments > DOMINANCE_SHARE * totalComments)
        gaps.push({ kind: 'dominant', groupId, target, share: DOMINANCE_SHARE });
    });
  });
  return gaps;
}
