import type { CampusDayDto, CampusDayKeepsakeDto, ReunionProposalInput } from '@alumni/shared';

/** What the campus-day pages say; pure, so it is tested without a page. */

/**
 * The token a stamp page was opened with: WeChat's scanner opens it with `scene=t%3D…` (the
 * mini-program code's scene), a link with `t=…`. Null when neither.
 */
export function tokenOfParams(params: Record<string, string | undefined>): string | null {
  if (params.scene) {
    const scene = decodeURIComponent(params.scene);
    return scene.startsWith('t=') ? scene : `t=${scene}`;
  }
  return params.t ? `t=${decodeURIComponent(params.t)}` : null;
}

/** `已集 3 / 5 枚`. */
export function progressLine(day: Pick<CampusDayDto, 'collectedCount' | 'spots'>): string {
  return `已集 ${day.collectedCount} / ${day.spots.length} 枚`;
}

/** Why codes are not accepted now, or null when they are. */
export function closedNote(day: Pick<CampusDayDto, 'open' | 'event'>, now: Date = new Date()): string | null {
  if (day.open) return null;
  return Date.parse(day.event.startsAt) > now.getTime() ? '返校日当天开放打卡' : '本次返校日打卡已结束';
}

/** The keepsake's lines, as the card shows them. */
export function keepsakeLines(k: CampusDayKeepsakeDto): { title: string; name: string; body: string; footer: string } {
  return {
    title: k.eventTitle,
    name: k.className ? `${k.name} · ${k.className}` : k.name,
    body: `${k.day} 重返母校，走过${k.spotNames.join('、')}，集齐全部 ${k.spotNames.length} 枚印章，是当天第 ${k.completionNumber} 位集齐的校友。`,
    footer: k.schoolName,
  };
}

export interface ProposeForm {
  title: string;
  message: string;
  /** `2027-05-01` and `18:00`, Beijing time. */
  date: string;
  time: string;
  hours: string;
  city: string;
  venue: string;
}

/** The request for the form, or why it cannot be sent. */
export function proposalInput(
  classGroupId: string,
  form: ProposeForm,
  now: Date = new Date(),
): { input: ReunionProposalInput } | { problem: string } {
  if (form.title.trim() === '') return { problem: '请填写聚会名称' };
  if (form.message.trim() === '') return { problem: '请写几句话告诉同学们' };
  if (!/^\d{4}-\d{2}-\d{2}$/.test(form.date) || !/^\d{2}:\d{2}$/.test(form.time)) return { problem: '请选择日期和时间' };
  const startsAt = new Date(`${form.date}T${form.time}:00+08:00`);
  const hours = Number(form.hours || '3');
  if (Number.isNaN(startsAt.getTime()) || startsAt.getTime() <= now.getTime()) return { problem: '聚会时间须在将来' };
  if (!Number.isFinite(hours) || hours <= 0 || hours > 72) return { problem: '时长填 1–72 小时' };
  return {
    input: {
      classGroupId,
      title: form.title.trim(),
      message: form.message.trim(),
      startsAt: startsAt.toISOString(),
      endsAt: new Date(startsAt.getTime() + hours * 3_600_000).toISOString(),
      city: form.city.trim() || null,
      venue: form.venue.trim() || null,
    },
  };
}
