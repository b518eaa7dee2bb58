/** What other parts of the app may use of the demo module; the rest is its own. */
export { DemoModule } from './demo.module.js';
export { DEMO_ACCOUNTS, DEMO_PASSWORD } from './demo-accounts.js';
