/** What other parts of the app may use of the results module; the rest is its own. */
export { ResultsModule } from './results.module.js';
export { ResultsService } from './results.service.js';
