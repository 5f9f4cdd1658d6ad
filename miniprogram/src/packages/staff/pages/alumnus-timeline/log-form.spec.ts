import { ERRORS } from '@alumni/shared';
import { EMPTY_LOG_DRAFT, logProblemsFromServer, OFFLINE_KIND_OPTIONS, toLogRequest } from './log-form';

const now = new Date('2026-11-29T06:00:00.000Z'); // 14:00 in Beijing

describe('the offline interaction form', () => {
  it('offers the five offline kinds with their Chinese names', () => {
    expect(OFFLINE_KIND_OPTIONS.map((o) => o.label)).toEqual(['校友走访', '电话联系', '回校讲座', '发布招聘岗位', '导师辅导']);
  });

  it('sends the kind, trimmed notes and a Beijing time as ISO; leaves out what is empty', () => {
    expect(toLogRequest({ kind: 'visit', notes: '  走访杭州分会  ', occurredAt: '2026-11-20 14:00' }, now)).toEqual({
      input: { kind: 'visit', notes: '走访杭州分会', occurredAt: '2026-11-20T06:00:00.000Z' },
      problems: {},
    });
    expect(toLogRequest({ kind: 'phone_call', notes: ' ', occurredAt: '' }, now).input).toEqual({ kind: 'phone_call' });
  });

  it('names what to fix, as the server would refuse it', () => {
    expect(toLogRequest(EMPTY_LOG_DRAFT, now)).toEqual({ input: null, problems: { kind: '请选择互动类型' } });
    expect(toLogRequest({ kind: 'lecture', notes: '字'.repeat(1001), occurredAt: '2026/11/20' }, now).problems).toEqual({
      notes: '备注最多 1000 字（现 1001 字）',
      occurredAt: '时间格式为 2026-11-20 14:00，不填则为现在',
    });
    // In the future, or more than 50 years ago: the server's INTERACTION_TIME_INVALID.
    expect(toLogRequest({ kind: 'mentoring', notes: '', occurredAt: '2026-11-29 14:05' }, now).problems).toEqual({
      occurredAt: ERRORS.INTERACTION_TIME_INVALID.message,
    });
    expect(toLogRequest({ kind: 'mentoring', notes: '', occurredAt: '1976-11-29 13:00' }, now).problems.occurredAt).toBe(
      ERRORS.INTERACTION_TIME_INVALID.message,
    );
    expect(toLogRequest({ kind: 'mentoring', notes: '', occurredAt: '1976-11-29 15:00' }, now).input).not.toBeNull();
  });

  it('puts the server’s refusal at its field', () => {
    expect(logProblemsFromServer('INTERACTION_TIME_INVALID', '时间不对', ['occurredAt'])).toEqual({ occurredAt: '时间不对' });
    expect(logProblemsFromServer('VALIDATION_FAILED', '备注太长', ['notes'])).toEqual({ notes: '备注太长' });
    expect(logProblemsFromServer('ALUMNUS_NOT_FOUND', '不存在', [undefined])).toEqual({});
  });
});
