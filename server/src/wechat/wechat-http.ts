import { Injectable } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import type { AppConfig } from '../config/configuration.js';
import { WechatEndpoint } from './wechat-endpoint.js';
import { WechatError } from './wechat-error.js';

/** A successful MP answer: `errcode` was 0 or absent. */
export type WechatBody = Record<string, unknown>;

export interface WechatRequest {
  method: 'GET' | 'POST';
  path: string;
  query?: Record<string, string>;
  body?: unknown;
  /**
   * Sending it twice does no harm (a token fetch, a content check, a code image): it is sent
   * once more when WeChat gave no usable answer (timeout, transport or HTTP error, garbage)
   * or said it was busy (-1). Single-use codes and message sends are never repeated.
   */
  idempotent?: boolean;
}

/** Pause before the one repeat of an idempotent call. */
const RETRY_PAUSE_MS = 100;

/**
 * The one place that talks HTTP to WeChat's MP host. It enforces the rules every MP API
 * shares (§0): a timeout on every call, the body parsed as JSON whatever the content type,
 * and `errcode` inspected on HTTP 200 — a failure becomes a WechatError. Secrets and tokens
 * travel in the query string, so URLs are never logged.
 */
@Injectable()
export class WechatHttp {
  private readonly timeoutMs: number;

  constructor(
    private readonly endpoint: WechatEndpoint,
    @InjectPinoLogger('WechatHttp') private readonly logger: PinoLogger,
    config: ConfigService<AppConfig, true>,
  ) {
    this.timeoutMs = config.get('wechat', { infer: true }).timeoutMs;
  }

  async call(request: WechatRequest): Promise<WechatBody> {
    return this.withRetry(request, async () => this.parse((await this.send(request)).bytes.toString('utf8'), request.path));
  }

  /**
   * For APIs that answer a file on success and an `{errcode, errmsg}` JSON body on failure
   * (the mini-program code, §6): decided by the content type and, defensively, by a leading
   * `{`, so an error body is never taken for an image.
   */
  callForFile(request: WechatRequest): Promise<{ body: Buffer; contentType: string }> {
    return this.withRetry(request, async () => {
      const { bytes, contentType } = await this.send(request);
      // Text of any kind (JSON, or a gateway's HTML page) is never the file.
      if (/json|^text\//i.test(contentType) || bytes[0] === 0x7b) {
        this.parse(bytes.toString('utf8'), request.path);
        throw this.logged(new WechatError(null, 'answer is JSON without an errcode, not a file', request.path));
      }
      return { body: bytes, contentType };
    });
  }

  private async withRetry<T>(request: WechatRequest, attempt: () => Promise<T>): Promise<T> {
    try {
      return await attempt();
    } catch (error) {
      const repeatable = error instanceof WechatError && (error.errcode === null || error.errcode === -1);
      if (!request.idempotent || !repeatable) throw error;
      await new Promise((resolve) => setTimeout(resolve, RETRY_PAUSE_MS));
      return attempt();
    }
  }

  private async send({ method, path, query = {}, body }: WechatRequest): Promise<{ bytes: Buffer; contentType: string }> {
    const url = `${this.endpoint.baseUrl}${path}?${new URLSearchParams(query).toString()}`;
    try {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? { accept: 'application/json' } : { 'content-type': 'application/json', accept: 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
      const bytes = Buffer.from(await response.arrayBuffer());
      if (!response.ok) throw new WechatError(null, `HTTP ${response.status}`, path);
      return { bytes, contentType: response.headers.get('content-type') ?? '' };
    } catch (error) {
      if (error instanceof WechatError) throw this.logged(error);
      const reason = error instanceof Error && error.name === 'TimeoutError' ? `timed out after ${this.timeoutMs} ms` : 'request failed';
      throw this.logged(new WechatError(null, reason, path));
    }
  }

  /** The JSON answer; a failure (`errcode` other than 0, or no JSON object) becomes a WechatError. */
  private parse(text: string, path: string): WechatBody {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw this.logged(new WechatError(null, 'answer is not JSON', path));
    }
    if (typeof parsed !== 'object' || parsed === null) throw this.logged(new WechatError(null, 'answer is not an object', path));
    const answer = parsed as WechatBody;
    const errcode = typeof answer.errcode === 'number' ? answer.errcode : Number(answer.errcode ?? 0);
    if (errcode !== 0) {
      throw this.logged(new WechatError(Number.isNaN(errcode) ? null : errcode, String(answer.errmsg ?? ''), path));
    }
    return answer;
  }

  private logged(error: WechatError): WechatError {
    this.logger.warn({ path: error.path, errcode: error.errcode, errmsg: error.errmsg }, 'WeChat call failed');
    return error;
  }
}
