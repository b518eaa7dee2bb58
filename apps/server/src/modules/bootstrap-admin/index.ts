/** What other parts of the app may use of the bootstrap-admin module; the rest is its own. */
export { BootstrapAdminModule } from './bootstrap-admin.module.js';
