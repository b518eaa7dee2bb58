/** What other parts of the app may use of the templates module; the rest is its own. */
export { TemplatesModule } from './templates.module.js';
export { loadTemplates, TemplateCatalog } from './template-catalog.js';
export { planFromTemplate, type TemplatePlan } from './template-plan.js';
