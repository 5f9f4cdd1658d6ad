import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { SessionsService } from './sessions.service.js';

/** What other modules may ask of identity beyond consent (ConsentService) and sessions. */
@Injectable()
export class IdentityService {
  constructor(private readonly sessions: SessionsService) {}

  /**
   * Account erasure, in the caller's transaction: every session revoked, and the WeChat
   * identity, phone and consent record forgotten — so the same WeChat user signing in
   * again starts a new, empty account.
   */
  async eraseIdentity(manager: EntityManager, alumnusId: string): Promise<void> {
    await this.sessions.revokeAll(manager, alumnusId);
    await manager.update(
      AlumnusEntity,
      { id: alumnusId },
      { openid: null, unionid: null, phoneEncrypted: null, phoneHash: null, phoneMasked: null, consentVersion: null, consentedAt: null },
    );
  }
}
