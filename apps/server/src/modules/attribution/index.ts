/** What other parts of the app may use of the attribution module; the rest is its own. */
export { AttributionModule } from './attribution.module.js';
export { attribute, maySeeNameOf, type PersonRecord, timeFor, type Viewer } from './attribute-person.js';
export { GroupLabelsRepository } from './group-labels.repository.js';
export { inputRowKey, labelRows, rowKeyOf, shownScope } from './label-rows.js';
export { type Poster, posterOf } from './poster.js';
