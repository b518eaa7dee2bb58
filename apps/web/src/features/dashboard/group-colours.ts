/**
 * One colour per stakeholder group, in the groups' order, from Radix's step-9 solid colours (they
 * keep 3:1 contrast against the page for chart marks); the legend and tables name each group.
 */
const COLOURS = [
  'var(--blue-9)',
  'var(--orange-9)',
  'var(--grass-9)',
  'var(--crimson-9)',
  'var(--violet-9)',
  'var(--brown-9)',
  'var(--cyan-9)',
  'var(--gray-9)',
];

export const groupColour = (index: number) => COLOURS[index % COLOURS.length]!;
