/** What other parts of the app may use of the dashboard module; the rest is its own. */
export { DashboardModule } from './dashboard.module.js';
export { DashboardService } from './dashboard.service.js';
