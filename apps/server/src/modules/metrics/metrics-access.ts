import { Inject, Injectable } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'node:crypto';
import { AppError } from '../../common/app-error.js';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

const digest = (value: string) => createHash('sha256').update(value).digest();

/**
 * Who may read /metrics: whoever presents METRICS_TOKEN as a bearer token. Without the setting
 * the endpoint does not exist (404): metrics name routes and counts that outsiders need not see.
 */
@Injectable()
export class MetricsAccess {
  private readonly expected: Buffer | undefined;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.expected = config.metricsToken ? digest(config.metricsToken) : undefined;
  }

  check(authorization: string | undefined): void {
    if (!this.expected) throw new AppError('NOT_FOUND', 'Not found');
    const presented = authorization?.startsWith('Bearer ') ? authorization.slice(7).trim() : '';
    // Digests have equal length, so the comparison takes the same time whatever was sent.
    if (!presented || !timingSafeEqual(digest(presented), this.expected)) {
      throw new AppError('UNAUTHENTICATED', 'Metrics need the bearer token set in METRICS_TOKEN', undefined, {
        'WWW-Authenticate': 'Bearer realm="metrics"',
      });
    }
  }
}
