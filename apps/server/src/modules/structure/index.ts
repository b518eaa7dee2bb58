/** What other parts of the app may use of the structure module; the rest is its own. */
export { StructureModule } from './structure.module.js';
export { ConsultationStructure, type ConsultationOutline } from './consultation-structure.js';
export { invalidField } from './section-links.js';
