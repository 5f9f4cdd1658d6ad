import {
  applyProblems,
  applyRequest,
  askProblems,
  askRequest,
  EMPTY_APPLY,
  jobDraft,
  jobProblems,
  jobRequest,
  meetingProblems,
  meetingRequest,
  offerDraft,
  offerProblems,
  offerRequest,
} from './forms';

const NOW = new Date('2026-12-01T04:00:00Z');

describe('careers forms', () => {
  it('starts an offer from the profile and asks for what is missing', () => {
    const draft = offerDraft(null, { industry: '互联网', city: '上海' });
    expect(draft).toMatchObject({ industry: '互联网', city: '上海', formats: ['online'], capacity: 2, accepting: true });
    expect(offerDraft(null, { industry: '养殖', city: null }).industry).toBe('');
    expect(Object.keys(offerProblems(draft))).toEqual(['topics', 'intro']);
    const ready = { ...draft, topics: ['job_search' as const], intro: '  欢迎聊求职  ', employer: ' ' };
    expect(offerProblems(ready)).toEqual({});
    expect(offerRequest(ready)).toMatchObject({ intro: '欢迎聊求职', employer: null });
  });

  it('asks a mentor with goals, target industry and topic', () => {
    expect(Object.keys(askProblems({ goals: ' ', targetIndustry: '', topic: '', format: '' }))).toEqual([
      'goals',
      'targetIndustry',
      'topic',
    ]);
    expect(askRequest('m1', { goals: ' 转行 ', targetIndustry: '金融', topic: 'career_change', format: '' })).toEqual({
      mentorId: 'm1',
      goals: '转行',
      targetIndustry: '金融',
      topic: 'career_change',
    });
  });

  it('logs a meeting between the pairing’s start and today', () => {
    const draft = { occurredOn: '2026-12-02', format: 'online' as const, duration: 'abc', notes: '' };
    expect(meetingProblems(draft, '2026-11-01', NOW)).toEqual({ occurredOn: '交流日期不能晚于今天', duration: '时长请填写分钟数' });
    expect(meetingProblems({ ...draft, occurredOn: '2026-10-31', duration: '' }, '2026-11-01', NOW).occurredOn).toBe(
      '交流日期不能早于辅导开始的日期',
    );
    expect(meetingRequest({ ...draft, occurredOn: '2026-11-20', duration: '45', notes: ' 聊简历 ' })).toEqual({
      occurredOn: '2026-11-20',
      format: 'online',
      notes: '聊简历',
      durationMinutes: 45,
    });
  });

  it('turns a job’s salary in yuan into fen, or none for 面议, and checks the closing day', () => {
    const draft = {
      ...jobDraft(null, NOW),
      title: '会计',
      company: '江州银行',
      industry: '金融',
      city: '江州',
      description: '做账',
      howToApply: '投简历',
    };
    expect(draft.closesOn).toBe('2026-12-31');
    expect(jobProblems(draft, NOW)).toEqual({});
    expect(jobProblems({ ...draft, salaryMin: '8000', salaryMax: '6000' }, NOW).salary).toBe('最高薪资不能低于最低薪资');
    expect(jobProblems({ ...draft, salaryMin: '8000' }, NOW).salary).toMatch(/最低和最高/);
    expect(jobProblems({ ...draft, closesOn: '2026-11-30' }, NOW).closesOn).toMatch(/截止日期/);
    expect(jobRequest({ ...draft, salaryMin: '8000', salaryMax: '12000.5' })).toMatchObject({
      salaryMinFen: 800_000,
      salaryMaxFen: 1_200_050,
      salaryPeriod: 'month',
    });
    expect(jobRequest(draft)).toMatchObject({ salaryMinFen: null, salaryMaxFen: null, salaryPeriod: null });
  });

  it('sends only the contact details ticked for this application', () => {
    expect(applyProblems(EMPTY_APPLY, true).contact).toBe('请至少选择一种联系方式');
    expect(applyProblems({ ...EMPTY_APPLY, sharePhone: true }, false).contact).toMatch(/还没有绑定手机号/);
    expect(applyProblems({ ...EMPTY_APPLY, shareEmail: true, email: 'nope' }, true).email).toBe('请填写有效的邮箱地址');
    const typed = { ...EMPTY_APPLY, sharePhone: true, email: 'a@b.cn', wechatId: 'wx1', shareWechat: false, message: '' };
    expect(applyRequest(typed)).toEqual({ sharePhone: true, email: null, wechatId: null, message: null });
  });
});
