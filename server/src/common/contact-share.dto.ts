import { ApiProperty } from '@nestjs/swagger';
import { IsBoolean, IsEmail, ValidateIf } from 'class-validator';
import { CONTACT_LIMITS, type ContactShareInput } from '@alumni/shared';
import { NullableText } from './text-fields.js';

/**
 * The contact fields an alumnus shares with one other person (a job's poster, a classmate
 * who asked to be in touch): the bound phone by a tick, an e-mail address and a WeChat ID as
 * typed. Which of them must be given is the route's rule.
 */
export class ContactShareBodyDto implements ContactShareInput {
  @ApiProperty({ description: 'share my bound phone number' })
  @IsBoolean()
  sharePhone: boolean;

  @NullableText(CONTACT_LIMITS.email, 'an e-mail address to share')
  @ValidateIf((_, value) => value !== undefined && value !== null)
  @IsEmail()
  email?: string | null;

  @NullableText(CONTACT_LIMITS.wechatId, 'a WeChat ID to share') wechatId?: string | null;
}
