/** What other parts of the app may use of the members module; the rest is its own. */
export { MembersModule } from './members.module.js';
export { ConsultationGroupsRepository } from './consultation-groups.repository.js';
export { groupNotInConsultation } from './group-not-in-consultation.js';
export { MembersRepository } from './members.repository.js';
