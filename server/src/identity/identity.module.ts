import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { FieldCipher } from '../common/field-cipher.js';
import type { AppConfig } from '../config/configuration.js';
import { InteractionsModule } from '../interactions/interactions.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { AuthController } from './auth.controller.js';
import { ConsentService } from './consent.service.js';
import { IdentityPersonalData } from './identity-personal-data.js';
import { IdentityService } from './identity.service.js';
import { MeIdentityController } from './me-identity.controller.js';
import { PHONE_CIPHER, PhoneService } from './phone.service.js';
import { RefreshTokenEntity } from './refresh-token.entity.js';
import { SessionsService } from './sessions.service.js';
import { SignInService } from './sign-in.service.js';
import { IdentityMerge } from './identity-merge.js';

/**
 * Who the user is: WeChat sign-in, sessions, privacy consent and the phone number. It owns
 * the identity columns of `alumni` (openid, unionid, roles on sign-up, consent, phone) and
 * the refresh-token table.
 */
@Module({
  imports: [TypeOrmModule.forFeature([AlumnusEntity, RefreshTokenEntity]), InteractionsModule, WechatModule],
  controllers: [AuthController, MeIdentityController],
  providers: [
    SignInService,
    SessionsService,
    ConsentService,
    PhoneService,
    IdentityService,
    IdentityPersonalData,
    IdentityMerge,
    {
      provide: PHONE_CIPHER,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) => {
        const { encryptionKeys, hashKey } = config.get('phone', { infer: true });
        return new FieldCipher(encryptionKeys, hashKey);
      },
    },
  ],
  exports: [ConsentService, SessionsService, IdentityService, PhoneService],
})
export class IdentityModule {}
