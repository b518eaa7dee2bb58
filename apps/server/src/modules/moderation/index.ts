/** What other parts of the app may use of the moderation module; the rest is its own. */
export { ModerationModule } from './moderation.module.js';
