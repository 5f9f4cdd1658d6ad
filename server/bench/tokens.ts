import { randomBytes } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import type { Role } from '@alumni/shared';

/** A fresh secret per run, handed to the instances as JWT_SECRET. */
export const benchJwtSecret = (): string => randomBytes(32).toString('base64url');

/**
 * Mints access tokens as the server's TokenService does (HS256, issuer `alumnilink`,
 * claims `sub` and `roles`), so scenarios skip a sign-in per simulated alumnus.
 * They live an hour, longer than any run, whatever ACCESS_TOKEN_TTL_SECONDS says.
 */
export function tokenMinter(secret: string): (alumnusId: string, roles?: Role[]) => string {
  const jwt = new JwtService({ secret, signOptions: { algorithm: 'HS256', issuer: 'alumnilink', expiresIn: 3600 } });
  return (alumnusId, roles = ['alumnus']) => jwt.sign({ sub: alumnusId, roles });
}
