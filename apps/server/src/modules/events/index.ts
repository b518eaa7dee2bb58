/** What other parts of the app may use of the events module; the rest is its own. */
export { EventsModule } from './events.module.js';
