import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { PasswordHasher, UsersRepository } from '../auth/index.js';

/**
 * Creates the organiser account named by BOOTSTRAP_ADMIN_EMAIL at start-up, so a fresh
 * installation has someone who can create consultations. An existing account is left untouched.
 */
@Injectable()
export class BootstrapAdmin implements OnApplicationBootstrap {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const admin = this.config.bootstrapAdmin;
    if (!admin || (await this.users.findByEmail(admin.email))) return;
    const created = await this.users.create({
      email: admin.email,
      name: admin.name,
      passwordHash: await this.hasher.hash(admin.password),
      isOrganiser: true,
    });
    if (created) new Logger('BootstrapAdmin').log(`Created organiser account ${admin.email}`);
  }
}
