/** What other parts of the app may use of the search module; the rest is its own. */
export { SearchModule } from './search.module.js';
