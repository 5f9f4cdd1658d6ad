import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { JwtService } from '@nestjs/jwt';
import { ROLES, type AuthUserDto, type Role } from '@alumni/shared';
import type { AppConfig } from '../config/configuration.js';

interface AccessTokenClaims {
  sub: string;
  roles: Role[];
  exp?: number;
}

/** Tokens whose signature has been checked, kept at most (the oldest goes first). */
const MAX_VERIFIED_TOKENS = 10_000;

/** Where a request keeps the user its token named, once verified (a property: a WeakMap entry per request weighed on the GC). */
const REQUEST_USER = Symbol('requestUser');

/** Short-lived access tokens carrying the user's id and roles (HS256, JWT_SECRET). */
@Injectable()
export class TokenService {
  /**
   * Valid tokens seen lately and when they expire: a signed-in reader's token comes with
   * every request, and its signature is checked the first time only; a forged or expired one is
   * never kept. Whether its roles still hold is the guard's question (RoleChanges), asked every time.
   */
  private readonly validTokens = new Map<string, { user: AuthUserDto; expiresAtMs: number }>();

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
    const known = request as { [REQUEST_USER]?: AuthUserDto | null };
    if (known[REQUEST_USER] !== undefined) return known[REQUEST_USER];
    const header = request.headers.authorization;
    const user = typeof header === 'string' && header.startsWith('Bearer ') ? this.verifyAccessToken(header.slice(7).trim()) : null;
    known[REQUEST_USER] = user;
    return user;
  }

  /** The user the token names, or null when it is missing, forged or expired. */
  verifyAccessToken(token: string): AuthUserDto | null {
    const known = this.validTokens.get(token);
    if (known && known.expiresAtMs > Date.now()) return known.user;
    if (known) this.validTokens.delete(token);
    try {
      const claims = this.jwt.verify<AccessTokenClaims>(token, { algorithms: ['HS256'] });
      if (typeof claims.sub !== 'string' || !Array.isArray(claims.roles) || typeof claims.exp !== 'number') return null;
      const roles = claims.roles.filter((role): role is Role => (ROLES as readonly string[]).includes(role));
      const user = Object.freeze({ id: claims.sub, roles: Object.freeze(roles) as Role[] });
      if (this.validTokens.size >= MAX_VERIFIED_TOKENS) this.validTokens.delete(this.validTokens.keys().next().value!);
      this.validTokens.set(token, { user, expiresAtMs: claims.exp * 1000 });
      return user;
    } catch {
      return null;
    }
  }
}
