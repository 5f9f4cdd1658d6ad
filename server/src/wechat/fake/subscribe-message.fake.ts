import type { FakeWechatServer } from './fake-wechat.server.js';

/**
 * `subscribeMessage.send` on the fake (contract §4). Like the MP admin console, it knows the
 * templates the development mini-program "picked" (id → keywords), counts each user's
 * acceptances (what tapping 允许 in `wx.requestSubscribeMessage` grants) and records every
 * accepted send so tests and the demo can read them.
 */
export interface DeliveredSubscribeMessage {
  touser: string;
  templateId: string;
  page: string | null;
  data: Record<string, string>;
  at: number;
}

/** Keyword kinds and the longest value WeChat accepts for each (characters). */
const LIMITS: Record<string, number> = { thing: 20, phrase: 5, name: 10, character_string: 32, number: 32, amount: 16, time: 32, date: 32 };
const FORMATS: Record<string, RegExp> = {
  number: /^\d+$/,
  amount: /^¥?\d+(\.\d{1,2})?元?$/,
  time: /^\d{4}-\d{2}-\d{2}( \d{2}:\d{2}(:\d{2})?)?$|^\d{4}年\d{1,2}月\d{1,2}日( \d{2}:\d{2})?$/,
  date: /^\d{4}-\d{2}-\d{2}$|^\d{4}年\d{1,2}月\d{1,2}日$/,
};

/** The development mini-program's templates: what was picked in the (imaginary) admin console. */
export const FAKE_TEMPLATES: Record<string, string[]> = {
  'dev-eventReminder': ['thing1', 'time2', 'thing3', 'thing4'],
  'dev-eventChanged': ['thing1', 'time2', 'thing3', 'thing4'],
  'dev-eventRegistration': ['thing1', 'phrase2', 'thing3'],
  'dev-verificationResult': ['phrase1', 'thing2', 'time3'],
  'dev-groupJoinDecision': ['thing1', 'phrase2', 'thing3'],
  'dev-postReply': ['thing1', 'thing2', 'time3'],
  'dev-donationThanks': ['thing1', 'amount2', 'character_string3', 'thing4'],
  'dev-fundUse': ['thing1', 'thing2', 'amount3'],
  'dev-refundNotice': ['thing1', 'amount2', 'thing3'],
  'dev-monthlyGiftDue': ['thing1', 'amount2', 'date3', 'thing4'],
  'dev-mentoringRequest': ['thing1', 'thing2', 'time3'],
  'dev-mentoringResult': ['thing1', 'phrase2', 'thing3'],
  'dev-mentoringUpdate': ['thing1', 'thing2', 'time3'],
  'dev-jobApplication': ['thing1', 'thing2', 'time3'],
  'dev-jobApplicationStatus': ['thing1', 'phrase2', 'thing3'],
  'dev-careersReview': ['thing1', 'phrase2', 'thing3'],
  'dev-participationInvite': ['thing1', 'thing2', 'time3'],
  'dev-governanceProgress': ['thing1', 'phrase2', 'thing3'],
};

export class SubscribeMessageFake {
  readonly delivered: DeliveredSubscribeMessage[] = [];
  /** `openid template` → acceptances left. */
  private readonly acceptances = new Map<string, number>();

  constructor(private readonly fake: FakeWechatServer) {
    fake.route('POST /cgi-bin/message/subscribe/send', ({ query, body, res }) => {
      const problem = this.check(query, body);
      if (problem) return fake.error(res, problem.errcode, problem.errmsg);
      const key = `${String(body.touser)} ${String(body.template_id)}`;
      this.acceptances.set(key, (this.acceptances.get(key) ?? 0) - 1);
      const data = body.data as Record<string, { value: string }>;
      this.delivered.push({
        touser: String(body.touser),
        templateId: String(body.template_id),
        page: typeof body.page === 'string' ? body.page : null,
        data: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, v.value])),
        at: fake.now(),
      });
      fake.send(res, { errcode: 0, errmsg: 'ok', msgid: Date.now() });
    });
    fake.hookRoute('GET /__fake/subscribe-messages', ({ res }) => fake.send(res, { messages: this.delivered }));
    fake.hookRoute('POST /__fake/subscribe-acceptance', ({ body, res }) => {
      if (typeof body.openid !== 'string' || typeof body.templateId !== 'string') {
        res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ issue: 'openid and templateId are required' }));
        return;
      }
      this.accept(body.openid, body.templateId);
      fake.send(res, {});
    });
  }

  /** What a user's 允许 tap grants: one more send of this template to them. */
  accept(openid: string, templateId: string): void {
    const key = `${openid} ${templateId}`;
    this.acceptances.set(key, (this.acceptances.get(key) ?? 0) + 1);
  }

  /** Messages delivered to one user, oldest first. */
  deliveredTo(openid: string): DeliveredSubscribeMessage[] {
    return this.delivered.filter((m) => m.touser === openid);
  }

  private check(query: Record<string, string>, body: Record<string, unknown>): { errcode: number; errmsg?: string } | null {
    const tokenProblem = this.fake.tokenError(query.access_token);
    if (tokenProblem !== null) return { errcode: tokenProblem };
    if (typeof body.touser !== 'string' || !/^o[\w-]{5,}$/.test(body.touser)) return { errcode: 40003, errmsg: 'invalid openid' };
    const keywords = typeof body.template_id === 'string' ? FAKE_TEMPLATES[body.template_id] : undefined;
    if (!keywords) return { errcode: 40037, errmsg: 'invalid template_id' };
    if (body.page !== undefined && (typeof body.page !== 'string' || /^https?:/.test(body.page)))
      return { errcode: 41030, errmsg: 'invalid page' };
    const data = body.data;
    if (typeof data !== 'object' || data === null) return { errcode: 47003, errmsg: 'argument invalid! data is empty' };
    const given = Object.keys(data).sort();
    if (given.join() !== [...keywords].sort().join())
      return { errcode: 47003, errmsg: `argument invalid! data keys must be ${keywords.join(',')}` };
    for (const [key, entry] of Object.entries(data as Record<string, unknown>)) {
      const value = (entry as { value?: unknown } | null)?.value;
      const kind = key.replace(/\d+$/, '');
      if (
        typeof value !== 'string' ||
        value === '' ||
        [...value].length > (LIMITS[kind] ?? 20) ||
        (FORMATS[kind] && !FORMATS[kind].test(value))
      ) {
        return { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` };
      }
    }
    if ((this.acceptances.get(`${body.touser} ${body.template_id}`) ?? 0) <= 0)
      return { errcode: 43101, errmsg: 'user refuse to accept the msg' };
    return null;
  }
}
