/** What other parts of the app may use of the consultations module; the rest is its own. */
export { ConsultationsModule } from './consultations.module.js';
export { ConsultationBuilder } from './consultation-builder.js';
export { ConsultationsRepository } from './consultations.repository.js';
export { ConsultationsService, todayIn } from './consultations.service.js';
