import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type AuthUserDto, type Role } from '@alumni/shared';
import type { AppConfig } from '../config/configuration.js';

interface AccessTokenClaims {
  sub: string;
  roles: Role[];
}

/** Short-lived access tokens carrying the user's id and roles (HS256, JWT_SECRET). */
@Injectable()
export class TokenService {
  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  issueAccessToken(user: AuthUserDto): { token: string; expiresAt: Date } {
    const ttlSeconds = this.config.get('accessTokenTtlSeconds', { infer: true });
    const token = this.jwt.sign({ sub: user.id, roles: user.roles } satisfies AccessTokenClaims, { expiresIn: ttlSeconds });
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
  }

  /** The user the token names, or null when it is missing, forged or expired. */
  verifyAccessToken(token: string): AuthUserDto | null {
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles)) return null;
      return { id: claims.sub, roles: claims.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role)) };
    } catch {
      return null;
    }
  }
}
