import { Module } from '@nestjs/common';
import { MailModule } from '../mail/index.js';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import { LoginThrottlesRepository } from './login-throttles.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { PasswordResetController } from './password-reset.controller.js';
import { PasswordResetService } from './password-reset.service.js';
import { PasswordResetsRepository } from './password-resets.repository.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

@Module({
  imports: [MailModule],
  controllers: [AuthController, PasswordResetController],
  providers: [
    PasswordResetService,
    PasswordResetsRepository,
    AuthService,
    LoginThrottle,
    LoginThrottlesRepository,
    PasswordHasher,
    SessionsRepository,
    UsersRepository,
  ],
  exports: [AuthService, UsersRepository, PasswordHasher],
})
export class AuthModule {}
