/**
 * One colour per stakeholder group, in the groups' order, from Radix's step-10 solid colours: each
 * keeps at least 3:1 contrast against the page for chart marks (WCAG 1.4.11; some step-9 colours,
 * orange's and cyan's, fall just short). The legend and tables name each group.
 */
const COLOURS = [
  'var(--blue-10)',
  'var(--orange-10)',
  'var(--grass-10)',
  'var(--crimson-10)',
  'var(--violet-10)',
  'var(--brown-10)',
  'var(--cyan-10)',
  'var(--gray-10)',
];

export const groupColour = (index: number) => COLOURS[index % COLOURS.length]!;
