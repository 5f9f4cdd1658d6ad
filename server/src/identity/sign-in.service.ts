import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { DataSource, IsNull } from 'typeorm';
import type { DemoAccountDto, SessionAlumnusDto, SessionDto } from '@alumni/shared';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { WechatEndpoint } from '../wechat/wechat-endpoint.js';
import { WechatLoginClient } from '../wechat/wechat-login.client.js';
import { currentConsentRequired } from './consent.service.js';
import { SessionsService } from './sessions.service.js';

/** Seeded demo accounts have openids with this prefix (database/seed/demo-seed.ts). */
export const DEMO_OPENID_PREFIX = 'o_demo_';

/**
 * Name of a new account until the alumnus sets one: before consent nothing personal is
 * stored, not even the WeChat nickname.
 */
const NEW_ALUMNUS_NAME = '新校友';

@Injectable()
export class SignInService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatLoginClient,
    private readonly endpoint: WechatEndpoint,
    private readonly sessions: SessionsService,
    private readonly interactions: InteractionsService,
  ) {}

  /** `wx.login()` code → openid → the alumnus (made on first sign-in) → a new session. */
  async signInWithWechat(code: string): Promise<SessionDto> {
    const { openid, unionid } = await this.wechat.code2Session(code);
    return this.dataSource.transaction(async (manager) => {
      // ON CONFLICT: two first sign-ins of the same user at once make one account.
      const inserted: { id: string }[] = await manager.query(
        `INSERT INTO alumni (openid, unionid, display_name) VALUES ($1, $2, $3) ON CONFLICT (openid) DO NOTHING RETURNING id`,
        [openid, unionid, NEW_ALUMNUS_NAME],
      );
      if (inserted.length > 0) {
        await this.interactions.record(manager, { alumnusId: inserted[0]!.id, kind: 'identity.signed_up', detail: { via: 'wechat' } });
      }
      const alumnus = await manager.findOneBy(AlumnusEntity, { openid });
      if (!alumnus || alumnus.deletedAt !== null) throw new AppError('ALUMNUS_NOT_FOUND');
      if (unionid !== null && alumnus.unionid !== unionid) {
        await manager.update(AlumnusEntity, { id: alumnus.id }, { unionid });
      }
      return this.sessions.start(manager, alumnus);
    });
  }

  /** The signed-in alumnus as the client shows them (consent state, masked phone). */
  async whoAmI(alumnusId: string): Promise<SessionAlumnusDto> {
    const alumnus = await this.dataSource.getRepository(AlumnusEntity).findOneBy({ id: alumnusId, deletedAt: IsNull() });
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    return {
      id: alumnus.id,
      displayName: alumnus.displayName,
      roles: alumnus.roles,
      consentRequired: currentConsentRequired(alumnus),
      phoneMasked: alumnus.phoneMasked,
    };
  }

  /**
   * Demo mode (the fake WeChat is running): a login code minted at the fake, so the H5
   * build — which has no wx.login — signs in through the same code2Session path.
   */
  demoCode(openid: string | undefined): { code: string } {
    const fake = this.requireFake();
    return { code: fake.mintLoginCode({ openid: openid ?? `${DEMO_OPENID_PREFIX}new_${randomBytes(6).toString('hex')}` }) };
  }

  /** Demo mode: a phone code at the fake for this alumnus, standing in for the getPhoneNumber button. */
  async demoPhoneCode(alumnusId: string, phoneNumber: string): Promise<{ code: string }> {
    const fake = this.requireFake();
    const alumnus = await this.dataSource.getRepository(AlumnusEntity).findOneBy({ id: alumnusId, deletedAt: IsNull() });
    if (!alumnus?.openid) throw new AppError('ALUMNUS_NOT_FOUND');
    return { code: fake.mintPhoneCode({ openid: alumnus.openid, phoneNumber }) };
  }

  /** Demo mode: the seeded accounts one can sign in as. */
  async demoAccounts(): Promise<DemoAccountDto[]> {
    this.requireFake();
    // `_` is a LIKE wildcard, hence the escapes; accounts made by "新校友" sign-ins are left out.
    const rows = await this.dataSource
      .getRepository(AlumnusEntity)
      .createQueryBuilder('a')
      .where(`a.openid LIKE 'o\\_demo\\_%' AND a.openid NOT LIKE 'o\\_demo\\_new\\_%' AND a.deleted_at IS NULL`)
      .orderBy('a.openid', 'ASC')
      .limit(20)
      .getMany();
    return rows.map((row) => ({ openid: row.openid!, displayName: row.realName ?? row.displayName, roles: row.roles }));
  }

  private requireFake() {
    if (!this.endpoint.fake) throw new AppError('DEMO_MODE_ONLY');
    return this.endpoint.fake;
  }
}
