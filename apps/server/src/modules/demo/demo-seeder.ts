import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { createConsultationBody } from '@cw/shared';
import { APP_CONFIG, type AppConfig } from '../../config/config.js';
import { Database, type TransactionSql } from '../../db/database.js';
import { PasswordHasher, UsersRepository } from '../auth/index.js';
import {
  ConsultationBuilder,
  ConsultationsRepository,
  ConsultationsService,
  todayIn,
} from '../consultations/index.js';
import { TemplateCatalog } from '../templates/index.js';
import { DemoInputSeeder } from '../threads/index.js';
import {
  DEMO_CONSULTATION_TITLE,
  DEMO_ORGANISER_GROUP,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  DEMO_RAPPORTEURS,
  DEMO_SEED_NAME,
  DEMO_TEMPLATE_ID,
} from './demo-accounts.js';
import { SeedsRepository } from './seeds.repository.js';

/**
 * In demo mode, seeds the demo accounts and an open consultation from the foundational-paper
 * template once per database. Runs after migrations (the database provider applies them).
 */
@Injectable()
export class DemoSeeder implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly db: Database,
    private readonly seeds: SeedsRepository,
    private readonly users: UsersRepository,
    private readonly hasher: PasswordHasher,
    private readonly catalog: TemplateCatalog,
    private readonly consultationsService: ConsultationsService,
    private readonly consultations: ConsultationsRepository,
    private readonly builder: ConsultationBuilder,
    private readonly demoInput: DemoInputSeeder,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    if (!this.config.isDemoMode) return;
    if (await this.seeds.isApplied(DEMO_SEED_NAME)) return;
    // Hashed once outside the transaction: argon2 is deliberately slow.
    const passwordHash = await this.hasher.hash(DEMO_PASSWORD);
    const consultationId = await this.db.sql.begin(async (tx) => {
      if (!(await this.seeds.markApplied(DEMO_SEED_NAME, tx))) return undefined;
      return this.seed(tx, passwordHash);
    });
    if (!consultationId) return;
    // Sample threads need the committed consultation and its paper, so they follow in a step of their own.
    await this.demoInput.seed(consultationId);
    this.logger.log(`Seeded the demo consultation; demo password: ${DEMO_PASSWORD}`);
  }

  /** Returns the demo consultation's id. */
  private async seed(tx: TransactionSql, passwordHash: string): Promise<string> {
    const userIds = new Map<string, string>();
    for (const person of DEMO_PEOPLE) {
      const created = await this.users.create({ ...person, passwordHash }, tx);
      const user = created ?? (await this.users.findByEmail(person.email, tx));
      userIds.set(person.email, user!.id);
    }
    const template = this.catalog.find(DEMO_TEMPLATE_ID)!;
    const [admin, ...others] = DEMO_PEOPLE;
    const body = createConsultationBody.parse({
      title: DEMO_CONSULTATION_TITLE,
      description: template.description,
      timezone: template.timezone,
      attributionMode: 'chatham',
      // Reviewers co-edit the demo paper directly; its settings switch it to suggestions.
      textChanges: 'edit',
      templateId: template.id,
      agendaDate: todayIn(template.timezone),
      organiserGroup: DEMO_ORGANISER_GROUP,
    });
    const blueprint = this.consultationsService.blueprint(userIds.get(admin!.email)!, body);
    const { consultationId, groupIds } = await this.builder.build(tx, blueprint);
    await this.consultations.movePhase(consultationId, 'draft', 'open', tx);
    for (const person of others) {
      await this.consultations.addMember(
        {
          consultationId,
          userId: userIds.get(person.email)!,
          role: person.role,
          groupId: groupIds.get(person.group)!,
        },
        tx,
      );
    }
    for (const { email, sessionTitles } of DEMO_RAPPORTEURS)
      await this.seeds.nameRapporteur(consultationId, email, sessionTitles, tx);
    return consultationId;
  }
}
