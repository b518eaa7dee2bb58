import { DOMINANCE_SHARE, type Gap, type GapTarget, type InputFigures, type InputTable } from '@cw/shared';

/** No thread, comment, endorsement or edit. A figure with input left out is never zero. */
const hasNoInput = (figures: InputFigures) =>
  figures.threads === 0 &&
  figures.comments === 0 &&
  figures.endorsements === 0 &&
  figures.suggestions === 0 &&
  figures.charsEdited === 0;

/**
 * The representation gaps of one table (columns = `targets`, rows = `rowKeys`): a target nobody
 * gave input on, a row with no input on a target, and a row that wrote more than DOMINANCE_SHARE
 * of a target's comments. Only exact figures count, so in published figures no gap depends on
 * input that was left out.
 */
export function findGaps(
  table: InputTable,
  rowKeys: readonly string[],
  targets: readonly GapTarget[],
): Gap[] {
  const gaps: Gap[] = [];
  targets.forEach((target, column) => {
    const total = table.columnTotals[column]!;
    if (hasNoInput(total)) {
      gaps.push({ kind: 'noInput', rowKey: null, target });
      return;
    }
    rowKeys.forEach((rowKey, row) => {
      if (hasNoInput(table.cells[row]![column]!)) gaps.push({ kind: 'noInput', rowKey, target });
    });
    const totalComments = total.comments;
    if (typeof totalComments !== 'number' || totalComments === 0) return;
    rowKeys.forEach((rowKey, row) => {
      const comments = table.cells[row]![column]!.comments;
      if (typeof comments === 'number' && comments > DOMINANCE_SHARE * totalComments)
        gaps.push({ kind: 'dominant', rowKey, target, share: DOMINANCE_SHARE });
    });
  });
  return gaps;
}
