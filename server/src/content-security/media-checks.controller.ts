import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { ApiErrors } from '../common/api-errors.decorator.js';
import { AppError } from '../common/app-error.js';
import { MediaChecksService } from './media-checks.service.js';

/**
 * An image under check, for WeChat's media check to download (and for staff to look at while
 * it waits in their queue). The token is unguessable and the image is served only while its
 * check is open, whatever folder (private ones included) it is kept in.
 */
@ApiTags('content security')
@Public()
@SkipThrottle()
@Controller('media-checks')
export class MediaChecksController {
  constructor(private readonly mediaChecks: MediaChecksService) {}

  @Get(':token')
  @ApiOperation({ summary: 'An image while its content check is open' })
  @ApiProduces('image/jpeg', 'image/png', 'image/webp')
  @ApiErrors('UPLOAD_NOT_FOUND')
  async image(@Param('token') token: string, @Res() reply: FastifyReply): Promise<void> {
    const file = /^[\w-]{32}$/.test(token) ? await this.mediaChecks.openImage(token) : null;
    if (!file) throw new AppError('UPLOAD_NOT_FOUND');
    await reply
      .header('content-type', file.contentType)
      .header('cache-control', 'private, no-store')
      .header('x-content-type-options', 'nosniff')
      .send(file.body);
  }
}
