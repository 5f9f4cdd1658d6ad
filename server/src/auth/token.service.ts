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
  private readonly verified = new WeakMap<object, AuthUserDto | null>();

  constructor(
    private readonly jwt: JwtService,
    private readonly config: ConfigService<AppConfig, true>,
  ) {}

  issueAccessToken(user: AuthUserDto): { token: string; expiresAt: Date } {
    const ttlSeconds = this.config.get('accessTokenTtlSeconds', { infer: true });
    const token = this.jwt.sign({ sub: user.id, roles: user.roles } satisfies AccessTokenClaims, { expiresIn: ttlSeconds });
    return { token, expiresAt: new Date(Date.now() + ttlSeconds * 1000) };
  }

  /**
   * The user a request's bearer token names, or null. Verified once per request: the rate
   * limiter and the auth guard, both global, each ask.
   */
  requestUser(request: object & { headers: Record<string, string | string[] | undefined> }): AuthUserDto | null {
    if (this.verified.has(request)) return this.verified.get(request)!;
    const header = request.headers.authorization;
    const user = typeof header === 'string' && header.startsWith('Bearer ') ? this.verifyAccessToken(header.slice(7).trim()) : null;
    this.verified.set(request, user);
    return user;
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
