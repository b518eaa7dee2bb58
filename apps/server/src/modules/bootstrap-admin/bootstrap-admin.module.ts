import { Module } from '@nestjs/common';
import { AuthModule } from '../auth/index.js';
import { BootstrapAdmin } from './bootstrap-admin.js';

@Module({ imports: [AuthModule], providers: [BootstrapAdmin] })
export class BootstrapAdminModule {}
