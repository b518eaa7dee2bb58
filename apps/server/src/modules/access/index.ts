/** What other parts of the app may use of the access module; the rest is its own. */
export { AccessModule } from './access.module.js';
export { SocketAdmission } from './socket-admission.js';
