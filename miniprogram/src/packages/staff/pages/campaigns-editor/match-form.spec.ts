import { emptyMatchDraft, toMatchPaymentRequest, toMatchRequest } from './match-form';

const now = new Date('2026-12-06T04:00:00.000Z');

describe('the 配捐 pledge form', () => {
  it('starts as a 1:1 company pledge from now for a week, Beijing time', () => {
    expect(emptyMatchDraft(now)).toMatchObject({
      sponsorKind: 'company',
      ratioPercent: 100,
      startsAt: '2026-12-06 12:00',
      endsAt: '2026-12-13 12:00',
    });
  });

  it('sends the cap in fen and the window as instants', () => {
    const { request } = toMatchRequest({ ...emptyMatchDraft(now), sponsorName: ' 江州科技 ', capYuan: '1,000.50', firstTimeOnly: true });
    expect(request).toEqual({
      sponsorKind: 'company',
      sponsorName: '江州科技',
      ratioPercent: 100,
      capFen: 100_050,
      startsAt: '2026-12-06T04:00:00.000Z',
      endsAt: '2026-12-13T04:00:00.000Z',
      firstTimeOnly: true,
      forClass: null,
    });
  });

  it('names each problem on its field', () => {
    const { request, problems } = toMatchRequest({ ...emptyMatchDraft(now), capYuan: '0', endsAt: '2026-12-01 12:00' });
    expect(request).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(['capYuan', 'endsAt', 'sponsorName']);
    expect(problems.endsAt).toBe('结束时间须晚于开始时间');
  });

  it('takes a sponsor payment with a past day and a reference', () => {
    expect(toMatchPaymentRequest({ amountYuan: '500', receivedOn: '2026-12-05', reference: '回单 42' }, now)).toEqual({
      request: { amountFen: 50_000, receivedOn: '2026-12-05', reference: '回单 42' },
      problem: null,
    });
    expect(toMatchPaymentRequest({ amountYuan: '500', receivedOn: '2026-12-07', reference: 'x' }, now).problem).toBe(
      '到账日期不能晚于今天',
    );
    expect(toMatchPaymentRequest({ amountYuan: '', receivedOn: '2026-12-05', reference: 'x' }, now).problem).toContain('到账金额');
    expect(toMatchPaymentRequest({ amountYuan: '1', receivedOn: '2026-12-05', reference: ' ' }, now).problem).toContain('回单');
  });

  it('sends a class-only pledge with the class as the leaderboard counts it, or names what is missing', () => {
    const now = new Date('2026-12-06T04:00:00.000Z');
    const base = { ...emptyMatchDraft(now), sponsorName: '2015 届计科1班', capYuan: '1000' };
    expect(toMatchRequest(base).request!.forClass).toBeNull();
    expect(
      toMatchRequest({
        ...base,
        classOnly: true,
        classYear: ' 2015 ',
        classDepartmentId: 'dep1',
        className: ' 计科1班 ',
        firstTimeOnly: true,
      }).request,
    ).toMatchObject({ firstTimeOnly: true, forClass: { graduationYear: 2015, departmentId: 'dep1', className: '计科1班' } });
    for (const missing of [{ classYear: '15' }, { classDepartmentId: '' }, { className: ' ' }]) {
      const { request, problems } = toMatchRequest({
        ...base,
        classOnly: true,
        classYear: '2015',
        classDepartmentId: 'dep1',
        className: '计科1班',
        ...missing,
      });
      expect(request).toBeNull();
      expect(problems.forClass).toBe('请填写班级的毕业年份（四位数字）、院系和班级名称');
    }
  });
});
