import { CONTACT_LIMITS, type ContactShareInput } from '@alumni/shared';

/**
 * The contact fields an alumnus shares with one person (a job's poster, a classmate who asked
 * to be in touch), as the form holds them: a tick for the bound phone, an e-mail address and a
 * WeChat ID each behind a tick. The server checks everything again.
 */
export interface ContactShareDraft {
  sharePhone: boolean;
  shareEmail: boolean;
  email: string;
  shareWechat: boolean;
  wechatId: string;
}

export type ContactShareProblems = Partial<Record<'contact' | 'email' | 'wechatId', string>>;

export const EMPTY_SHARE: ContactShareDraft = { sharePhone: false, shareEmail: false, email: '', shareWechat: false, wechatId: '' };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** What keeps the draft from being sent, in the words the form shows; empty when it can go. */
export function shareProblems(d: ContactShareDraft, phoneBound: boolean): ContactShareProblems {
  const p: ContactShareProblems = {};
  if (!d.sharePhone && !d.shareEmail && !d.shareWechat) p.contact = '请至少选择一种联系方式';
  if (d.sharePhone && !phoneBound) p.contact = '你还没有绑定手机号，可在“我的”中绑定，或改用邮箱、微信号';
  if (d.shareEmail && !EMAIL.test(d.email.trim())) p.email = '请填写有效的邮箱地址';
  if (d.shareWechat && d.wechatId.trim() === '') p.wechatId = '请填写微信号';
  else if ([...d.wechatId.trim()].length > CONTACT_LIMITS.wechatId) p.wechatId = `微信号最多 ${CONTACT_LIMITS.wechatId} 字`;
  return p;
}

/** Only what was ticked leaves the phone. */
export const shareInput = (d: ContactShareDraft): ContactShareInput => ({
  sharePhone: d.sharePhone,
  email: d.shareEmail ? d.email.trim() : null,
  wechatId: d.shareWechat ? d.wechatId.trim() : null,
});
