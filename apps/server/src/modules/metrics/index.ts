/** What other parts of the app may use of the metrics module; the rest is its own. */
export { MetricsModule } from './metrics.module.js';
export { httpMetricsMiddleware } from './http-metrics.middleware.js';
export { MetricsService } from './metrics.service.js';
