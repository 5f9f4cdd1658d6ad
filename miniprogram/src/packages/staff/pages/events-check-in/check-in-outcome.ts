import { type CheckInResultDto, formatShanghaiShort } from '@alumni/shared';

export type OutcomeTone = 'ok' | 'repeat' | 'refused';

/** What the door sees after one scan or typed code. */
export interface CheckInOutcome {
  tone: OutcomeTone;
  title: string;
  detail: string;
}

/** The server's refusals, in the words a volunteer at the door acts on. */
const REFUSALS: Record<string, { title: string; detail: string }> = {
  CHECK_IN_WRONG_EVENT: { title: '不是本场活动的票', detail: '这是其他活动的电子票，请核对活动' },
  CHECK_IN_TOKEN_EXPIRED: { title: '签到码已过期', detail: '请对方刷新电子票后重新扫码' },
  CHECK_IN_TOKEN_INVALID: { title: '无效的签到码', detail: '二维码无法验证，可能是伪造或损坏的，请对方打开小程序中的电子票' },
  CHECK_IN_CODE_INVALID: { title: '签到码无效', detail: '短码不存在或已过期，请对方刷新电子票后重新报码' },
  REGISTRATION_NOT_CONFIRMED: { title: '报名未确认', detail: '对方在候补中或已取消报名，可在下方“现场登记”' },
  EVENT_NOT_OPEN: { title: '活动不在进行中', detail: '只有已发布的活动可以签到' },
  NETWORK_ERROR: { title: '网络异常', detail: '未能连接服务器，请重试' },
};

export function outcomeOfResult(result: CheckInResultDto): CheckInOutcome {
  return result.alreadyCheckedIn
    ? {
        tone: 'repeat',
        title: '此前已签到',
        detail: `${result.displayName} 已于 ${formatShanghaiShort(result.checkedInAt)} 签到过，无需重复签到`,
      }
    : { tone: 'ok', title: '已签到', detail: `${result.displayName} · ${formatShanghaiShort(result.checkedInAt)}` };
}

export function outcomeOfError(code: string, message: string): CheckInOutcome {
  const known = REFUSALS[code];
  return { tone: 'refused', title: known?.title ?? '签到失败', detail: known?.detail ?? message };
}

/** A short code as people type it: spaces and dashes dropped, upper case (the server forgives O/0 and I/L/1). */
export function cleanShortCode(typed: string): string {
  return typed.replace(/[\s-]/g, '').toUpperCase();
}
