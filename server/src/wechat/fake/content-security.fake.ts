import { randomBytes } from 'node:crypto';
import type { FakeRequest, FakeWechatServer } from './fake-wechat.server.js';

/**
 * The fake's `msgSecCheck` v2 (wechat-contracts.md §5). Verdicts come from deterministic
 * word rules instead of WeChat's model: the first rule whose word the content contains
 * decides; no hit is `pass` with label 100. Faults (`-1`, timeouts, garbage) come from the
 * core's injectFault like every other path.
 */
export interface ContentRule {
  word: string;
  suggest: 'review' | 'risky';
  /** WeChat's label enum, e.g. 20006 illegal, 20012 vulgar. */
  label: number;
}

/** Words tests and the demo can type to get each verdict. */
export const RISKY_WORD = '违禁词';
export const REVIEW_WORD = '待审词';
export const DEFAULT_CONTENT_RULES: readonly ContentRule[] = [
  { word: RISKY_WORD, suggest: 'risky', label: 20006 },
  { word: REVIEW_WORD, suggest: 'review', label: 20012 },
];

export interface RecordedCheck {
  openid: string;
  scene: number;
  content: string;
  suggest: 'pass' | 'review' | 'risky';
}

const PATH = '/wxa/msg_sec_check';
const MAX_CONTENT_CHARS = 2500;
/** Openids as WeChat shapes them (and as the fake's tests mint them); anything else is 40003. */
const OPENID = /^o[A-Za-z0-9_-]{5,63}$/;

export class FakeContentSecurity {
  /** Every answered check, oldest first, for tests that assert what was sent. */
  readonly checks: RecordedCheck[] = [];
  private rules: ContentRule[] = [...DEFAULT_CONTENT_RULES];
  /** HTTP statuses the next checks answer with (a gateway in trouble), first first. */
  private readonly httpErrors: number[] = [];

  constructor(private readonly fake: FakeWechatServer) {}

  setRules(rules: ContentRule[]): void {
    this.rules = [...rules];
  }

  /** The next check answers this HTTP status with an HTML body, as a failing gateway does. */
  failNextWithHttp(status: number): void {
    this.httpErrors.push(status);
  }

  handle({ query, body, res }: FakeRequest): void {
    const httpError = this.httpErrors.shift();
    if (httpError !== undefined) {
      res.writeHead(httpError, { 'content-type': 'text/html' }).end(`<html><body>${httpError}</body></html>`);
      return;
    }
    const tokenProblem = this.fake.tokenError(query.access_token);
    if (tokenProblem !== null) return this.fake.error(res, tokenProblem);
    if (body.version !== 2) return this.fake.error(res, 47001, 'version must be 2');
    if (![1, 2, 3, 4].includes(body.scene as number)) return this.fake.error(res, 40129, 'invalid scene');
    if (typeof body.content !== 'string' || body.content === '') return this.fake.error(res, 44002, 'empty post data');
    if ([...body.content].length > MAX_CONTENT_CHARS) return this.fake.error(res, 47001, 'content too long');
    if (typeof body.openid !== 'string' || !OPENID.test(body.openid)) return this.fake.error(res, 40003, 'invalid openid');

    const content = body.content;
    const hit = this.rules.find((rule) => content.includes(rule.word));
    const suggest = hit?.suggest ?? 'pass';
    const label = hit?.label ?? 100;
    this.checks.push({ openid: body.openid, scene: body.scene as number, content, suggest });
    this.fake.send(res, {
      errcode: 0,
      errmsg: 'ok',
      trace_id: `fake-trace-${randomBytes(8).toString('hex')}`,
      result: { suggest, label },
      detail: [
        { strategy: 'content_model', errcode: 0, suggest, label, prob: hit ? 90 : 0 },
        hit ? { strategy: 'keyword', errcode: 0, suggest, label, level: 20, keyword: hit.word } : { strategy: 'keyword', errcode: 0 },
      ],
    });
  }
}

const installed = new WeakMap<FakeWechatServer, FakeContentSecurity>();

/**
 * Adds msgSecCheck and its hooks to a fake server: `POST /__fake/msg-sec-check/rules`
 * `{rules: ContentRule[]}` replaces the rules, `POST /__fake/msg-sec-check/http-error`
 * `{status}` fails the next check at the HTTP level, `GET /__fake/msg-sec-checks` lists checks.
 */
export function installContentSecurityFake(fake: FakeWechatServer): FakeContentSecurity {
  const contentSecurity = new FakeContentSecurity(fake);
  installed.set(fake, contentSecurity);
  fake.route(`POST ${PATH}`, (request) => contentSecurity.handle(request));
  fake.hookRoute('POST /__fake/msg-sec-check/rules', ({ body, res }) => {
    const rules = body.rules;
    const valid =
      Array.isArray(rules) &&
      rules.every(
        (r: Partial<ContentRule>) =>
          typeof r.word === 'string' && r.word !== '' && (r.suggest === 'review' || r.suggest === 'risky') && typeof r.label === 'number',
      );
    if (!valid) {
      res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ issue: 'rules: [{word, suggest, label}]' }));
      return;
    }
    contentSecurity.setRules(rules as ContentRule[]);
    fake.send(res, {});
  });
  fake.hookRoute('POST /__fake/msg-sec-check/http-error', ({ body, res }) => {
    contentSecurity.failNextWithHttp(typeof body.status === 'number' ? body.status : 502);
    fake.send(res, {});
  });
  fake.hookRoute('GET /__fake/msg-sec-checks', ({ res }) => fake.send(res, { checks: contentSecurity.checks }));
  return contentSecurity;
}

/** The content-security fake of a started fake server (tests inspect and configure it). */
export function contentSecurityFake(fake: FakeWechatServer): FakeContentSecurity {
  const contentSecurity = installed.get(fake);
  if (!contentSecurity) throw new Error('the content-security fake is not installed on this server');
  return contentSecurity;
}
