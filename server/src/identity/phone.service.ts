import { Inject, Injectable } from '@nestjs/common';
import { DataSource, IsNull, type EntityManager } from 'typeorm';
import { maskPhone, type MyPhoneDto } from '@alumni/shared';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { AppError } from '../common/app-error.js';
import type { FieldCipher } from '../common/field-cipher.js';
import { InteractionsService } from '../interactions/interactions.service.js';
import { WechatPhoneClient } from '../wechat/wechat-phone.client.js';
import { ConsentService } from './consent.service.js';

export const PHONE_CIPHER = Symbol('PHONE_CIPHER');

/** Associated data of the phone ciphertext: it opens only as this field. */
const FIELD = 'alumni.phone';

/** What is encrypted and hashed: `+<country code> <number>`, one spelling per number. */
const normalise = (countryCode: string, number: string) => `+${countryCode} ${number}`;

/**
 * The alumnus's phone number, released by WeChat through the getPhoneNumber button. It is
 * kept encrypted (AES-256-GCM, key id stored alongside) with a keyed hash for exact lookup
 * and a masked form for display; only its owner ever gets the number back.
 */
@Injectable()
export class PhoneService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly wechat: WechatPhoneClient,
    private readonly consent: ConsentService,
    private readonly interactions: InteractionsService,
    @Inject(PHONE_CIPHER) private readonly cipher: FieldCipher,
  ) {}

  async bind(alumnusId: string, code: string): Promise<MyPhoneDto> {
    await this.consent.assertConsented(alumnusId);
    const alumnus = await this.dataSource.getRepository(AlumnusEntity).findOneBy({ id: alumnusId, deletedAt: IsNull() });
    if (!alumnus?.openid) throw new AppError('ALUMNUS_NOT_FOUND');
    // The WeChat call happens before the transaction: no row stays locked while we wait on it.
    const phone = await this.wechat.phoneNumber(code, alumnus.openid);
    const full = normalise(phone.countryCode, phone.purePhoneNumber);
    const phoneMasked = maskPhone(phone.purePhoneNumber);
    await this.dataSource.transaction(async (manager) => {
      await manager.update(
        AlumnusEntity,
        { id: alumnusId },
        { phoneEncrypted: this.cipher.encrypt(full, FIELD), phoneHash: this.cipher.lookupHash(full, FIELD), phoneMasked },
      );
      await this.interactions.record(manager, {
        alumnusId,
        kind: 'identity.phone_bound',
        detail: { replaced: alumnus.phoneHash !== null },
      });
    });
    return { phoneNumber: phone.purePhoneNumber, countryCode: phone.countryCode, phoneMasked };
  }

  /** The owner's own number, decrypted; null when none is bound. */
  async mine(alumnusId: string): Promise<MyPhoneDto | null> {
    const alumnus = await this.dataSource.getRepository(AlumnusEntity).findOneBy({ id: alumnusId, deletedAt: IsNull() });
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    if (!alumnus.phoneEncrypted || !alumnus.phoneMasked) return null;
    const full = this.cipher.decrypt(alumnus.phoneEncrypted, FIELD);
    const [countryCode = '', number = ''] = full.slice(1).split(' ');
    return { phoneNumber: number, countryCode, phoneMasked: alumnus.phoneMasked };
  }

  /** Alumni whose bound phone is exactly this number (staff lookups, duplicate checks). */
  async findByPhone(countryCode: string, number: string, manager?: EntityManager): Promise<string[]> {
    const repository = (manager ?? this.dataSource.manager).getRepository(AlumnusEntity);
    const rows = await repository.find({
      where: { phoneHash: this.cipher.lookupHash(normalise(countryCode, number), FIELD), deletedAt: IsNull() },
      select: { id: true },
    });
    return rows.map((row) => row.id);
  }
}
