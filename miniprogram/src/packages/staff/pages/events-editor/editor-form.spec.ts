import { emptyEventDraft, type EventDraft, newQuestion, parseShanghaiTime, problemsFromServer, toEventInput } from './editor-form';

const valid = (): EventDraft => ({
  ...emptyEventDraft(),
  title: ' 秋季返校日 ',
  kind: 'homecoming',
  city: '江州',
  venue: '大礼堂',
  address: '学府路 1 号',
  latitude: '30.5',
  longitude: '114.3',
  startsAt: '2030-05-02 10:00',
  endsAt: '2030-05-02 14:00',
  capacity: '100',
});

describe('event editor form', () => {
  it('reads times as Beijing time and refuses impossible dates', () => {
    expect(parseShanghaiTime('2030-05-02 10:00')).toBe('2030-05-02T02:00:00.000Z');
    expect(parseShanghaiTime('2030-5-2 8:05')).toBe('2030-05-02T00:05:00.000Z');
    expect(parseShanghaiTime('2030-02-30 10:00')).toBeNull();
    expect(parseShanghaiTime('2030-05-02 24:00')).toBeNull();
    expect(parseShanghaiTime('明天下午')).toBeNull();
  });

  it('builds the server’s input from a valid draft', () => {
    const { input, problems } = toEventInput({
      ...valid(),
      questions: [{ ...newQuestion([], 'single'), label: '是否携带家属？', required: true, optionsText: '是\n 否 \n\n' }],
    });
    expect(problems).toEqual({});
    expect(input).toMatchObject({
      title: '秋季返校日',
      online: false,
      latitude: 30.5,
      longitude: 114.3,
      startsAt: '2030-05-02T02:00:00.000Z',
      endsAt: '2030-05-02T06:00:00.000Z',
      signupOpensAt: null,
      capacity: 100,
      audience: { kind: 'everyone' },
      questions: [{ id: 'q1', kind: 'single', label: '是否携带家属？', required: true, options: ['是', '否'] }],
      onlineUrl: null,
    });
  });

  it('names what the server would refuse, field by field', () => {
    const { input, problems } = toEventInput({
      ...valid(),
      title: '',
      endsAt: '2030-05-02 09:00',
      signupClosesAt: '2030-05-03 10:00',
      latitude: '',
      capacity: '-1',
      audienceKind: 'graduation_years',
      yearFrom: '2010',
      yearTo: '2006',
      questions: [{ ...newQuestion([], 'multiple'), label: '饮食', optionsText: '素食' }],
    });
    expect(input).toBeNull();
    expect(Object.keys(problems).sort()).toEqual(
      ['title', 'endsAt', 'signupClosesAt', 'latitude', 'capacity', 'yearTo', 'questions.0'].sort(),
    );
    expect(problems.endsAt).toBe('结束时间须晚于开始时间');
  });

  it('takes an address without coordinates, but not half a pair', () => {
    const { input } = toEventInput({ ...valid(), latitude: '', longitude: '' });
    expect(input).toMatchObject({ address: '学府路 1 号', latitude: null, longitude: null });
    expect(Object.keys(toEventInput({ ...valid(), latitude: '' }).problems)).toEqual(['latitude']);
  });

  it('asks an online event for its link instead of a place', () => {
    const { problems } = toEventInput({ ...valid(), online: true, venue: '', latitude: '', onlineUrl: 'meeting.example.com' });
    expect(problems).toEqual({ onlineUrl: '请填写以 http:// 或 https:// 开头的链接' });
  });

  it('gives new questions ids that never clash with kept ones', () => {
    expect(newQuestion([{ id: 'q2' } as never, { id: 'q3' } as never]).id).toBe('q4');
    expect(newQuestion([{ id: 'q1' } as never]).id).toBe('q2');
  });

  it('puts the server’s refusal on the fields it names', () => {
    expect(
      problemsFromServer('报名问题设置有误', [
        { field: 'questions.1.options' },
        { field: 'audience.groupId' },
        { field: 'audience' },
        { field: 'nope' },
      ]),
    ).toEqual({ 'questions.1': '报名问题设置有误', groupId: '报名问题设置有误', audienceKind: '报名问题设置有误' });
  });
});
