/** What other parts of the app may use of the access-changes module; the rest is its own. */
export { AccessChangesModule } from './access-changes.module.js';
export { type AccessChange, AccessChanges } from './access-changes.js';
