import { createHash, timingSafeEqual } from 'node:crypto';
import { Controller, Get, HttpCode, Logger, Post, Query, Req, Res } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { RawBody } from '../common/request-body.js';
import type { AppConfig } from '../config/configuration.js';
import { MediaChecksService } from './media-checks.service.js';

/** Where the admin console's 消息推送 (message push) points: `<PUBLIC_BASE_URL>/api/v1/wechat/message-push`. */
export const MESSAGE_PUSH_PATH = '/api/v1/wechat/message-push';
/** WeChat repeats a push it got no `success` for within seconds; an older signature is a replay (our choice, not WeChat's rule). */
const MAX_AGE_SECONDS = 300;

type PushQuery = Record<string, string | undefined>;

/**
 * WeChat's message push (消息推送, JSON data format, plaintext mode): the server-address check
 * (GET, echo `echostr`) and the events (POST). Both carry `signature` = SHA-1 of the sorted
 * Token, timestamp and nonce (WeChat: "消息推送 / 验证消息的确来自微信服务器"). The one event
 * handled is `wxa_media_check`, the verdict of an image check; any other is acknowledged.
 * WeChat, not our clients, calls it: left out of the API document and not rate-limited.
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('wechat/message-push')
export class MessagePushController {
  private readonly logger = new Logger(MessagePushController.name);
  private readonly token: string | null;

  constructor(
    private readonly mediaChecks: MediaChecksService,
    config: ConfigService<AppConfig, true>,
  ) {
    this.token = config.get('wechat', { infer: true }).pushToken;
  }

  @Get()
  async verify(@Query() query: PushQuery, @Res() reply: FastifyReply): Promise<void> {
    if (!this.signed(query)) return void (await reply.status(401).type('text/plain').send('signature mismatch'));
    await reply.type('text/plain').send(query.echostr ?? '');
  }

  @Post()
  @HttpCode(200)
  @RawBody()
  async receive(@Query() query: PushQuery, @Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (!this.signed(query)) return void (await reply.status(401).type('text/plain').send('signature mismatch'));
    const body = (request.body ?? {}) as Record<string, unknown>;
    if (body.Event === 'wxa_media_check' && typeof body.trace_id === 'string') {
      const result = (body.result ?? {}) as { suggest?: unknown; label?: unknown };
      // The push example in WeChat's community threads carries label as a string ("100"); the API page shows a number.
      const label = Number(result.label);
      await this.mediaChecks.onVerdict({
        traceId: body.trace_id,
        suggest: typeof result.suggest === 'string' ? result.suggest : '',
        label: Number.isInteger(label) ? label : null,
      });
    } else {
      this.logger.debug({ event: body.Event, type: body.MsgType }, 'message push not handled');
    }
    // WeChat expects `success` (or an empty body) and repeats the push otherwise.
    await reply.type('text/plain').send('success');
  }

  private signed({ signature, timestamp, nonce }: PushQuery): boolean {
    if (this.token === null || !signature || !timestamp || !nonce) return false;
    if (!/^\d{1,12}$/.test(timestamp) || Math.abs(Date.now() / 1000 - Number(timestamp)) > MAX_AGE_SECONDS) return false;
    const expected = pushSignature(this.token, timestamp, nonce);
    return signature.length === expected.length && timingSafeEqual(Buffer.from(signature), Buffer.from(expected));
  }
}

/** SHA-1 (hex) of the Token, timestamp and nonce sorted as strings and joined: the push's `signature`. */
export function pushSignature(token: string, timestamp: string, nonce: string): string {
  return createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
}
