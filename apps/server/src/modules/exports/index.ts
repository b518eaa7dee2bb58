/** What other parts of the app may use of the exports module; the rest is its own. */
export { ExportsModule } from './exports.module.js';
