import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { StorageModule } from '../storage/storage.module.js';
import { WechatModule } from '../wechat/wechat.module.js';
import { MiniProgramCodeEntity } from './mini-program-code.entity.js';
import { MiniProgramCodesService } from './mini-program-codes.service.js';

/** Cached mini-program codes for any page and scene (spot codes, story and giving-day posters, class invitations). */
@Module({
  imports: [TypeOrmModule.forFeature([MiniProgramCodeEntity]), WechatModule, StorageModule],
  providers: [MiniProgramCodesService],
  exports: [MiniProgramCodesService],
})
export class MiniProgramCodesModule {}
