import { Module } from '@nestjs/common';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { LoginThrottle } from './login-throttle.service.js';
import { LoginThrottlesRepository } from './login-throttles.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { SessionsRepository } from './sessions.repository.js';
import { UsersRepository } from './users.repository.js';

@Module({
  controllers: [AuthController],
  providers: [
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
