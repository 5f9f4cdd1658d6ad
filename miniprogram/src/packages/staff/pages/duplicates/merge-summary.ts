import { formatFen, formatShanghaiShort, type ClaimDto, type DuplicateRecordDto, type DuplicateRosterEntryDto } from '@alumni/shared';

/** Which record, in one phrase: its display name (the two records' real names are often the same), 「思远（2010届 计算机学院）」. */
export function recordName(record: DuplicateRecordDto): string {
  const where = [record.graduationYear ? `${record.graduationYear}届` : null, record.departmentName].filter(Boolean).join(' ');
  return `「${record.displayName}${where ? `（${where}）` : ''}」`;
}

/**
 * The record proposed to stay: the verified one, else the one with more history (donations,
 * registrations, memberships, interactions), else the older account. Staff may choose the other.
 */
export function proposedSurvivor(records: readonly [DuplicateRecordDto, DuplicateRecordDto]): DuplicateRecordDto {
  const weight = (r: DuplicateRecordDto) => r.donations.count + r.registrations + r.memberships + r.posts + r.interactions;
  const [a, b] = records;
  if (a.verified !== b.verified) return a.verified ? a : b;
  if (weight(a) !== weight(b)) return weight(a) > weight(b) ? a : b;
  return a.createdAt <= b.createdAt ? a : b;
}

/** What the confirmation says moves, and what becomes of the merged account. */
export function mergeSummary(survivor: DuplicateRecordDto, merged: DuplicateRecordDto): string {
  const moves = [
    merged.registrations ? `${merged.registrations} 条活动报名` : null,
    merged.donations.count ? `${merged.donations.count} 笔捐赠（${formatFen(merged.donations.totalFen)}）` : null,
    merged.memberships ? `${merged.memberships} 个群组` : null,
    merged.posts ? `${merged.posts} 条群动态` : null,
    merged.interactions ? `${merged.interactions} 条互动记录` : null,
    merged.claim ? '名册认领' : null,
  ].filter((part): part is string => part !== null);
  const what = moves.length > 0 ? moves.join('、') : '全部记录';
  return (
    `将把${recordName(merged)}的${what}并入${recordName(survivor)}。` +
    `重复的报名、群成员和点赞只保留一份，捐赠总额不变。${recordName(merged)}将不能再登录，旧链接会打开保留的记录。此操作不可撤销。`
  );
}

const CLAIM_STATES: Record<ClaimDto['status'], string> = {
  pending: '待审核',
  rejected: '未通过',
  withdrawn: '已被新申请替代',
  matched: '已匹配',
  approved: '已通过',
};

/** One claim as the alumnus filed it: 「欧阳铭轩 2014届 计算机学院 计科1403班（待审核，12月6日 10:00）」. */
export function claimLine(claim: ClaimDto): string {
  const what = [claim.name, `${claim.graduationYear}届`, claim.department.name, claim.className, claim.studentNumber]
    .filter(Boolean)
    .join(' ');
  return `${what}（${CLAIM_STATES[claim.status]}，${formatShanghaiShort(claim.createdAt)}）`;
}

/** What linking an account to a roster entry does, as the confirmation says it. */
export function linkSummary(account: DuplicateRecordDto, entry: DuplicateRosterEntryDto): string {
  const where = [`${entry.graduationYear}届`, entry.departmentName, entry.className, `学号 ${entry.studentNumber}`]
    .filter(Boolean)
    .join(' ');
  return (
    `将把${recordName(account)}关联到名册上的「${entry.name}」（${where}）：该账号通过校友认证，` +
    `姓名、届别、院系和班级以名册为准，可加入班级群，并会收到认证通过的通知。此操作不可撤销。`
  );
}
