import { createHash, randomBytes } from 'node:crypto';
import type { FakeRequest, FakeWechatServer } from './fake-wechat.server.js';

/**
 * The fake's `mediaCheckAsync` v2 and its verdict push (WeChat:
 * https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/sec-center/sec-check/mediaCheckAsync.html,
 * and 消息推送 for the push). The request is validated as WeChat documents it and answered
 * with a `trace_id`; then, like WeChat, the fake downloads `media_url` itself (a URL it cannot
 * download gets no verdict, as with WeChat) and pushes a `wxa_media_check` event, JSON in
 * plaintext mode, to the message push URL, signed with the push Token. Verdicts are `pass`
 * (label 100) unless a test queued others.
 */
const PATH = '/wxa/media_check_async';
const OPENID = /^o[A-Za-z0-9_-]{5,63}$/;
/** Where the push goes unless a test says otherwise: the push URL on the origin the image came from (our PUBLIC_BASE_URL). */
const DEFAULT_PUSH_PATH = '/api/v1/wechat/message-push';

export interface MediaVerdictRule {
  suggest: 'pass' | 'review' | 'risky';
  label: number;
}

export interface RecordedMediaCheck {
  traceId: string;
  openid: string;
  scene: number;
  mediaUrl: string;
  /** The image's bytes as downloaded (SHA-256), or null when the download failed. */
  sha256: string | null;
  verdict: MediaVerdictRule | null;
  /** The push's HTTP status and answer, once pushed. */
  pushed: { status: number; body: string } | null;
}

export class MediaCheckFake {
  /** Every accepted check, oldest first. */
  readonly checks: RecordedMediaCheck[] = [];
  private readonly queued: MediaVerdictRule[] = [];
  private pushUrl: string | null = null;
  private holding = false;
  private readonly held: (() => Promise<void>)[] = [];
  private readonly inFlight = new Set<Promise<void>>();

  constructor(private readonly fake: FakeWechatServer) {
    fake.route(`POST ${PATH}`, (request) => this.handle(request));
    fake.hookRoute('POST /__fake/media-check/verdicts', ({ body, res }) => {
      const verdicts = Array.isArray(body.verdicts) ? (body.verdicts as MediaVerdictRule[]) : [];
      this.queueVerdicts(...verdicts);
      fake.send(res, {});
    });
    fake.hookRoute('GET /__fake/media-checks', ({ res }) => fake.send(res, { checks: this.checks }));
  }

  /** The next checks answer these verdicts, first first. */
  queueVerdicts(...verdicts: MediaVerdictRule[]): void {
    this.queued.push(...verdicts);
  }

  /** Sends pushes to this URL instead of the image's origin. */
  setPushUrl(url: string | null): void {
    this.pushUrl = url;
  }

  /** Keeps verdicts back (WeChat slow, or down after accepting) until `release`. */
  hold(): void {
    this.holding = true;
  }

  /** Delivers what was kept back, and waits until every verdict is pushed (those not yet due too). */
  async release(): Promise<void> {
    this.holding = false;
    await Promise.all(this.held.splice(0).map((deliver) => deliver()));
    await this.settled();
  }

  /** Waits until every accepted check has been downloaded and its verdict pushed. */
  async settled(): Promise<void> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
  }

  private handle({ query, body, res }: FakeRequest): void {
    const tokenProblem = this.fake.tokenError(query.access_token);
    if (tokenProblem !== null) return this.fake.error(res, tokenProblem);
    if (body.version !== 2) return this.fake.error(res, 47001, 'version must be 2');
    if (body.media_type !== 1 && body.media_type !== 2) return this.fake.error(res, 47001, 'invalid media_type');
    if (typeof body.media_url !== 'string' || !/^https?:\/\/\S+$/.test(body.media_url))
      return this.fake.error(res, 47001, 'invalid media_url');
    if (![1, 2, 3, 4].includes(body.scene as number)) return this.fake.error(res, 40129, 'invalid scene');
    if (typeof body.openid !== 'string' || !OPENID.test(body.openid)) return this.fake.error(res, 40003, 'invalid openid');
    const traceId = `${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}-${randomBytes(4).toString('hex')}`;
    const check: RecordedMediaCheck = {
      traceId,
      openid: body.openid,
      scene: body.scene as number,
      mediaUrl: body.media_url,
      sha256: null,
      verdict: null,
      pushed: null,
    };
    this.checks.push(check);
    this.fake.send(res, { errcode: 0, errmsg: 'ok', trace_id: traceId });
    // WeChat answers first and downloads and judges afterwards.
    const deliver = () => this.judgeAndPush(check);
    const run = new Promise<void>((resolve) => setTimeout(resolve, 20))
      .then(() => (this.holding ? new Promise<void>((resolve) => this.held.push(() => deliver().then(resolve))) : deliver()))
      .finally(() => this.inFlight.delete(run));
    this.inFlight.add(run);
  }

  private async judgeAndPush(check: RecordedMediaCheck): Promise<void> {
    try {
      const response = await fetch(check.mediaUrl);
      if (!response.ok || !/^image\//.test(response.headers.get('content-type') ?? '')) return;
      check.sha256 = createHash('sha256')
        .update(Buffer.from(await response.arrayBuffer()))
        .digest('hex');
    } catch {
      return;
    }
    const verdict = this.queued.shift() ?? { suggest: 'pass' as const, label: 100 };
    check.verdict = verdict;
    const token = this.fake.pushToken;
    if (token === null) return;
    const timestamp = String(Math.floor(this.fake.now() / 1000));
    const nonce = String(randomBytes(4).readUInt32BE());
    const signature = createHash('sha1').update([token, timestamp, nonce].sort().join('')).digest('hex');
    const target = new URL(this.pushUrl ?? `${new URL(check.mediaUrl).origin}${DEFAULT_PUSH_PATH}`);
    for (const [key, value] of Object.entries({ signature, timestamp, nonce, openid: check.openid })) target.searchParams.set(key, value);
    // The shape of a real push as quoted in WeChat's developer community (label as a string there).
    const label = String(verdict.label);
    const event = {
      ToUserName: 'gh_fake00000000',
      FromUserName: check.openid,
      CreateTime: Number(timestamp),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: this.fake.appId,
      trace_id: check.traceId,
      version: 2,
      result: { suggest: verdict.suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest: verdict.suggest, label, prob: 90 }],
    };
    try {
      const response = await fetch(target, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(event),
      });
      check.pushed = { status: response.status, body: await response.text() };
    } catch (error) {
      check.pushed = { status: 0, body: String(error) };
    }
  }
}
