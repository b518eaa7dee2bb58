import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { hash, verify } from '@node-rs/argon2';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';

/** argon2id with the OWASP-recommended baseline (19 MiB, 2 passes); memory lowered only in tests. */
@Injectable()
export class PasswordHasher implements OnModuleInit {
  /**
   * Verified against when there is no account, so an unknown email takes as long as a wrong
   * password. Made at start-up: made on first use, that first answer would take twice as long.
   */
  private dummyHash = '';

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  async onModuleInit(): Promise<void> {
    this.dummyHash = await this.hash('not-a-real-password');
  }

  hash(password: string): Promise<string> {
    return hash(password, { memoryCost: this.config.passwordHashMemoryKib, timeCost: 2, parallelism: 1 });
  }

  /** False for a wrong password, and always false without a hash, after the same work. */
  async verify(passwordHash: string | undefined, password: string): Promise<boolean> {
    try {
      const isMatch = await verify(passwordHash ?? this.dummyHash, password);
      return passwordHash !== undefined && isMatch;
    } catch {
      return false;
    }
  }
}
