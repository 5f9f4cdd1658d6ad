import { Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { SkipThrottle } from '@nestjs/throttler';
import type { FastifyReply } from 'fastify';
import { Public } from '../auth/auth.decorators.js';
import { UnparsedBody, type UnparsedBodyRequest } from '../common/request-body.js';
import { MonthlyDeductionService, type PapayAnswer } from './monthly/monthly-deduction.service.js';
import { type NotifyAnswer, PaymentNotificationsService } from './payment-notifications.service.js';

/** A notification is about a kilobyte: anything near this is not one. */
const MAX_NOTIFICATION_BYTES = 64 * 1024;

const answer = async (reply: FastifyReply, { status, body }: NotifyAnswer) => {
  await (body ? reply.status(status).send(body) : reply.status(status).send());
};

/**
 * A refusal's body as WeChat Pay reads it (wechat-contracts.md 7.5: `{"code":"FAIL","message"}`),
 * from our error body when the HTTP layer refused the request before the controller ran.
 */
export function inWechatPayFormat(payload: unknown): unknown {
  if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
  // A v2 (委托代扣) answer is XML already.
  if (payload.toString().startsWith('<xml>')) return payload;
  try {
    const body = JSON.parse(payload.toString()) as { code?: unknown; error?: { message?: unknown } };
    if (body.code === 'FAIL') return payload;
    return JSON.stringify({ code: 'FAIL', message: typeof body.error?.message === 'string' ? body.error.message : '请求无效' });
  } catch {
    return JSON.stringify({ code: 'FAIL', message: '请求无效' });
  }
}

/** Where WeChat Pay's notifications arrive (their refusals are rewritten in WeChat Pay's format by GivingModule). */
export const NOTIFY_PATH_PREFIX = '/api/v1/giving/wechat-pay/';

/**
 * WeChat Pay calls this, not our clients: it answers in WeChat Pay's format (204, or 4xx/5xx
 * with `{"code":"FAIL"}`), is not rate-limited per address (notifications come from a few
 * WeChat hosts), and is left out of our API document.
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('giving/wechat-pay')
export class WechatPayNotifyController {
  constructor(private readonly notifications: PaymentNotificationsService) {}

  @Post('notify')
  @UnparsedBody(MAX_NOTIFICATION_BYTES)
  @HttpCode(204)
  async notify(@Req() request: UnparsedBodyRequest, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, await this.notifications.handle(request.headers, request.rawBody));
  }

  @Post('refund-notify')
  @UnparsedBody(MAX_NOTIFICATION_BYTES)
  @HttpCode(204)
  async refundNotify(@Req() request: UnparsedBodyRequest, @Res() reply: FastifyReply): Promise<void> {
    await answer(reply, await this.notifications.handleRefund(request.headers, request.rawBody));
  }
}

const answerXml = async (reply: FastifyReply, { status, xml }: PapayAnswer) => {
  await reply.status(status).header('content-type', 'text/xml; charset=utf-8').send(xml);
};

/**
 * WeChat Pay's 委托代扣 notifications (API v2, XML, docs/wechat-pay.md): signing and
 * termination results, and deduction results. Answered in v2's form (XML return_code).
 */
@ApiExcludeController()
@Public()
@SkipThrottle()
@Controller('giving/wechat-pay/papay')
export class PapayNotifyController {
  constructor(private readonly deduction: MonthlyDeductionService) {}

  @Post('contract-notify')
  @UnparsedBody(MAX_NOTIFICATION_BYTES)
  async contractNotify(@Req() request: UnparsedBodyRequest, @Res() reply: FastifyReply): Promise<void> {
    await answerXml(reply, await this.deduction.handleContractNotification(request.rawBody));
  }

  @Post('pay-notify')
  @UnparsedBody(MAX_NOTIFICATION_BYTES)
  async payNotify(@Req() request: UnparsedBodyRequest, @Res() reply: FastifyReply): Promise<void> {
    await answerXml(reply, await this.deduction.handleDeductionNotification(request.rawBody));
  }
}
