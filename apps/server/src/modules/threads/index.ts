/** What other parts of the app may use of the threads module; the rest is its own. */
export { ThreadsModule } from './threads.module.js';
export { commentsThrottler } from './comments-throttler.js';
export { DemoInputSeeder } from './demo-input.seeder.js';
export { type ThreadChange, ThreadEventBus } from './thread-event-bus.js';
export { presentThread } from './thread.presenter.js';
export { isShownUnder, ThreadsService } from './threads.service.js';
