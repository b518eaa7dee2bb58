/** What other parts of the app may use of the collab module; the rest is its own. */
export { CollabModule } from './collab.module.js';
export { PaperRegistry } from './paper-registry.service.js';
export { SuggestionThreadsRepository } from './suggestion-threads.repository.js';
