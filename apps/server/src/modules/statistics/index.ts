/** What other parts of the app may use of the statistics module; the rest is its own. */
export { StatisticsModule } from './statistics.module.js';
export { figureOf, type FigureTable, layOut, type TableCell } from './figure-tables.js';
export {
  type ExactFigures,
  type FigureRow,
  type FiguresScope,
  GENERAL_KEY,
  InputFiguresRepository,
  OPEN_KEY,
  suggestionStateKey,
} from './input-figures.repository.js';
