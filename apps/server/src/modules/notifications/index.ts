/** What other parts of the app may use of the notifications module; the rest is its own. */
export { NotificationsModule } from './notifications.module.js';
export { type ModerationKind } from './notifications.repository.js';
export { NotificationsService } from './notifications.service.js';
