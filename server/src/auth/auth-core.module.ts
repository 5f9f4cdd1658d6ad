import { createSecretKey } from 'node:crypto';
import { Global, Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import type { AppConfig } from '../config/configuration.js';
import { AuthGuard } from './auth.guard.js';
import { AuthPersonalData } from './auth-personal-data.js';
import { RoleChanges } from './role-changes.js';
import { TokenService } from './token.service.js';
import { AuthMerge } from './auth-merge.js';

/** Access tokens and the global guard; sign-in itself lives in the auth feature module. */
@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => ({
        // A key object made once: given the string, jsonwebtoken tries (and fails) to parse it as
        // a public key on every verify, about a tenth of a hot read's CPU (docs/benchmarks.md).
        secret: createSecretKey(Buffer.from(config.get('jwtSecret', { infer: true }), 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: 'alumnilink' },
        verifyOptions: { issuer: 'alumnilink' },
      }),
    }),
  ],
  providers: [TokenService, RoleChanges, AuthPersonalData, AuthMerge, { provide: APP_GUARD, useClass: AuthGuard }],
  exports: [TokenService],
})
export class AuthCoreModule {}
