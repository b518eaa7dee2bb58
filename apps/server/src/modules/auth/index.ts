/** What other parts of the app may use of the auth module; the rest is its own. */
export { AuthModule } from './auth.module.js';
export { AuthService } from './auth.service.js';
export { PasswordHasher } from './password-hasher.js';
export { tokenFromRequest } from './session-cookie.js';
export { hashToken, newToken, SESSION_COOKIE } from './session-token.js';
export { UsersRepository } from './users.repository.js';
