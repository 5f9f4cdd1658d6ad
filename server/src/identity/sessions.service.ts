import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { DataSource, type EntityManager, IsNull } from 'typeorm';
import type { SessionDto } from '@alumni/shared';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { TokenService } from '../auth/token.service.js';
import { AppError } from '../common/app-error.js';
import type { AppConfig } from '../config/configuration.js';
import { currentConsentRequired } from './consent.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Only the hash is stored: a copy of the table cannot be used to sign in. */
export const hashRefreshToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions: a short-lived access token (JWT) plus a refresh token that rotates on every use.
 * The tokens of one sign-in form a family; presenting a token that was already rotated
 * means someone kept a copy, so the whole family is revoked (the owner signs in again).
 */
@Injectable()
export class SessionsService {
  private readonly ttlMs: number;

  constructor(
    private readonly dataSource: DataSource,
    private readonly tokens: TokenService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.ttlMs = config.get('refreshTokenTtlDays', { infer: true }) * DAY_MS;
  }

  /** A new session (a new family) for the alumnus, inside the caller's transaction. */
  async start(manager: EntityManager, alumnus: AlumnusEntity): Promise<SessionDto> {
    return this.issue(manager, alumnus, randomUUID());
  }

  /** Trades a refresh token for a new session; REFRESH_TOKEN_INVALID when it is unknown, spent, revoked or expired. */
  async refresh(refreshToken: string): Promise<SessionDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const row = await manager
        .getRepository(RefreshTokenEntity)
        .createQueryBuilder('t')
        .setLock('pessimistic_write')
        .where('t.token_hash = :hash', { hash: hashRefreshToken(refreshToken) })
        .getOne();
      if (!row || row.revokedAt !== null || row.expiresAt.getTime() <= Date.now()) return null;
      if (row.rotatedAt !== null) {
        // Reuse of a spent token: revoke the family, and commit that before refusing.
        await this.revokeFamily(manager, row.familyId);
        return null;
      }
      const alumnus = await manager.findOneBy(AlumnusEntity, { id: row.alumnusId, deletedAt: IsNull() });
      if (!alumnus) {
        await this.revokeFamily(manager, row.familyId);
        return null;
      }
      await manager.update(RefreshTokenEntity, { id: row.id }, { rotatedAt: new Date() });
      return this.issue(manager, alumnus, row.familyId);
    });
    if (!outcome) throw new AppError('REFRESH_TOKEN_INVALID');
    return outcome;
  }

  /** Signs this device out: the token's whole family stops working. Unknown tokens are ignored. */
  async logout(refreshToken: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const row = await manager.findOneBy(RefreshTokenEntity, { tokenHash: hashRefreshToken(refreshToken) });
      if (row) await this.revokeFamily(manager, row.familyId);
    });
  }

  /**
   * Signs the alumnus out everywhere (account deletion, a staff action): every refresh token
   * stops working at once; access tokens already issued lapse within ACCESS_TOKEN_TTL_SECONDS.
   */
  async revokeAll(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { alumnusId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager.update(RefreshTokenEntity, { familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  private async issue(manager: EntityManager, alumnus: AlumnusEntity, familyId: string): Promise<SessionDto> {
    const refreshToken = randomBytes(32).toString('base64url');
    const expiresAt = new Date(Date.now() + this.ttlMs);
    await manager.insert(RefreshTokenEntity, { alumnusId: alumnus.id, familyId, tokenHash: hashRefreshToken(refreshToken), expiresAt });
    const access = this.tokens.issueAccessToken({ id: alumnus.id, roles: alumnus.roles });
    return {
      accessToken: access.token,
      accessTokenExpiresAt: access.expiresAt.toISOString(),
      refreshToken,
      refreshTokenExpiresAt: expiresAt.toISOString(),
      alumnus: {
        id: alumnus.id,
        displayName: alumnus.displayName,
        roles: alumnus.roles,
        consentRequired: currentConsentRequired(alumnus),
        phoneMasked: alumnus.phoneMasked,
      },
    };
  }
}
