/** What other parts of the app may use of the health module; the rest is its own. */
export { HealthModule } from './health.module.js';
