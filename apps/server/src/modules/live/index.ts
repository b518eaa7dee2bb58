/** What other parts of the app may use of the live module; the rest is its own. */
export { LiveModule } from './live.module.js';
export { type LiveChange, LiveEventBus } from './live-event-bus.js';
export { LiveService } from './live.service.js';
