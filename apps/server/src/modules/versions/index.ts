/** What other parts of the app may use of the versions module; the rest is its own. */
export { VersionsModule } from './versions.module.js';
export { blocksToPlainText, fragmentToBlocks } from './paper-blocks.js';
export { sectionTexts } from './versions.service.js';
