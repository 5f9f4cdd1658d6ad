import type { ClaimDto, DuplicateCandidateDto, DuplicateRecordDto, DuplicateRosterEntryDto } from '@alumni/shared';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import DuplicatesPage from './index';
import { linkSummary, mergeSummary, proposedSurvivor } from './merge-summary';

const taroRequest = Taro.request as jest.Mock;
const ok = (data: unknown) => Promise.resolve({ statusCode: 200, data, header: {} });

const record = (overrides: Partial<DuplicateRecordDto>): DuplicateRecordDto => ({
  id: 'a1',
  displayName: '陈思远',
  realName: '陈思远',
  graduationYear: 2010,
  departmentName: '计算机学院',
  className: '计科1001班',
  city: '上海',
  employer: null,
  phoneMasked: '138****1234',
  hasWechat: true,
  verified: true,
  createdAt: '2024-01-02T00:00:00.000Z',
  claim: null,
  registrations: 1,
  donations: { count: 2, totalFen: 12_000 },
  memberships: 1,
  posts: 0,
  interactions: 9,
  engagementScore: 12.5,
  ...overrides,
});
const older = record({});
const newer = record({
  id: 'b2',
  displayName: '思远',
  verified: false,
  createdAt: '2026-10-01T00:00:00.000Z',
  registrations: 2,
  donations: { count: 1, totalFen: 5_000 },
  interactions: 4,
  phoneMasked: null,
});
const side = (r: DuplicateRecordDto) => ({
  id: r.id,
  displayName: r.displayName,
  graduationYear: r.graduationYear,
  departmentName: r.departmentName,
});
const candidate: DuplicateCandidateDto = {
  id: 'c1',
  kind: 'accounts',
  score: 60,
  reasons: ['name', 'year', 'department', 'className'],
  status: 'open',
  foundAt: '2026-12-06T00:00:00.000Z',
  a: side(older),
  b: side(newer),
};

/** A last page of the queue holding `items`, counted as the server counts. */
const lastPage = (items: DuplicateCandidateDto[]) => ({
  items,
  nextCursor: null,
  open: items.length,
  openByKind: { accounts: items.filter((c) => c.kind === 'accounts').length, roster: items.filter((c) => c.kind === 'roster').length },
});

beforeEach(() => {
  taroRequest.mockReset();
  (Taro.showModal as jest.Mock).mockReset();
});

describe('duplicate records', () => {
  it('proposes the verified record to stay, and says what moves', () => {
    expect(proposedSurvivor([newer, older]).id).toBe('a1');
    expect(proposedSurvivor([record({ verified: false, interactions: 1 }), newer]).id).toBe('b2');
    expect(mergeSummary(older, newer)).toBe(
      '将把「思远（2010届 计算机学院）」的2 条活动报名、1 笔捐赠（¥50.00）、1 个群组、4 条互动记录并入「陈思远（2010届 计算机学院）」。' +
        '重复的报名、群成员和点赞只保留一份，捐赠总额不变。「思远（2010届 计算机学院）」将不能再登录，旧链接会打开保留的记录。此操作不可撤销。',
    );
  });

  it('compares a pair side by side and merges into the chosen record after confirmation', async () => {
    taroRequest.mockImplementation(({ url, method, data }: { url: string; method: string; data: unknown }) => {
      if (url === '/api/v1/staff/duplicates?limit=20') return ok(lastPage([candidate]));
      if (url === '/api/v1/staff/duplicates/c1' && method === 'GET')
        return ok({ candidate, records: [older, newer], rosterEntry: null, claims: [] });
      if (url === '/api/v1/staff/duplicates/c1/merge' && method === 'POST')
        return ok({ survivorId: (data as { survivorId: string }).survivorId, mergedId: 'a1', rosterEntryId: null });
      throw new Error(`unexpected ${method} ${url}`);
    });
    (Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true });
    render(<DuplicatesPage />);
    expect(await screen.findByText('待处理 1 对')).toBeTruthy();
    expect(screen.getByText('姓名相同')).toBeTruthy();
    fireEvent.click(screen.getByText('对比'));
    expect(await screen.findByText('2 笔 ¥120.00')).toBeTruthy();
    // Staff choose the newer record to stay.
    fireEvent.click(screen.getAllByText('○ 保留此记录')[0]!);
    fireEvent.click(screen.getByText('合并到保留的记录'));
    await waitFor(() => expect(screen.getByText('没有待处理的重复记录')).toBeTruthy());
    expect((Taro.showModal as jest.Mock).mock.calls[0]![0].content).toContain('2 笔捐赠（¥120.00）');
    const merge = taroRequest.mock.calls.find(([options]) => options.url.endsWith('/merge'))![0];
    expect(merge.data).toEqual({ survivorId: 'b2' });
  });

  it('dismisses a pair that is not one person', async () => {
    taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
      if (url === '/api/v1/staff/duplicates?limit=20') return ok(lastPage([candidate]));
      if (url === '/api/v1/staff/duplicates/c1' && method === 'GET')
        return ok({ candidate, records: [older, newer], rosterEntry: null, claims: [] });
      if (url === '/api/v1/staff/duplicates/c1/dismiss' && method === 'POST') return ok({ ...candidate, status: 'dismissed' });
      throw new Error(`unexpected ${method} ${url}`);
    });
    (Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true });
    render(<DuplicatesPage />);
    fireEvent.click(await screen.findByText('对比'));
    fireEvent.click(await screen.findByText('不是同一人'));
    await waitFor(() => expect(screen.getByText('待处理 0 对')).toBeTruthy());
    expect(taroRequest.mock.calls.some(([options]) => options.url.endsWith('/dismiss'))).toBe(true);
  });

  it('shows one kind at a time with the counts of each, and the next page on 加载更多', async () => {
    const second: DuplicateCandidateDto = { ...candidate, id: 'c3', a: { ...side(older), id: 'a3', displayName: '王芳' } };
    const entryPair: DuplicateCandidateDto = {
      ...candidate,
      id: 'c4',
      kind: 'roster',
      b: { id: 'e4', displayName: '李娜', graduationYear: 2015, departmentName: '计算机学院' },
    };
    const counts = { open: 3, openByKind: { accounts: 2, roster: 1 } };
    taroRequest.mockImplementation(({ url }: { url: string }) => {
      if (url === '/api/v1/staff/duplicates?limit=20') return ok({ items: [candidate], nextCursor: 'p2', ...counts });
      if (url === '/api/v1/staff/duplicates?limit=20&cursor=p2') return ok({ items: [second], nextCursor: null, ...counts });
      if (url === '/api/v1/staff/duplicates?kind=roster&limit=20') return ok({ items: [entryPair], nextCursor: null, ...counts });
      throw new Error(`unexpected ${url}`);
    });
    render(<DuplicatesPage />);
    expect(await screen.findByText('全部 3')).toBeTruthy();
    expect(screen.getByText('两个账号 2')).toBeTruthy();
    expect(screen.getAllByText('对比')).toHaveLength(1);
    fireEvent.click(screen.getByText('加载更多（已显示 1 对）'));
    expect(await screen.findByText('王芳 · 2010届 · 计算机学院')).toBeTruthy();
    expect(screen.getAllByText('对比')).toHaveLength(2);
    expect(screen.queryByText(/^加载更多/)).toBeNull();

    fireEvent.click(screen.getByText('账号与名册 1'));
    expect(await screen.findByText('名册：李娜 · 2015届 · 计算机学院')).toBeTruthy();
    expect(screen.getAllByText('对比')).toHaveLength(1);
    expect(screen.queryByText('王芳 · 2010届 · 计算机学院')).toBeNull();
  });

  describe('an account and an unclaimed roster entry', () => {
    const seeker = record({
      id: 'a9',
      displayName: '小欧',
      realName: null,
      graduationYear: null,
      departmentName: null,
      className: null,
      verified: false,
    });
    const entry: DuplicateRosterEntryDto = {
      id: 'e1',
      name: '欧阳明轩',
      studentNumber: '2014010203',
      graduationYear: 2014,
      departmentName: '计算机学院',
      major: '计算机科学与技术',
      className: '计科1403班',
    };
    const claim: ClaimDto = {
      id: 'k1',
      status: 'pending',
      name: '欧阳铭轩',
      graduationYear: 2014,
      department: { id: 'd1', name: '计算机学院' },
      studentNumber: null,
      className: '计科1403班',
      hasEvidence: false,
      rejectReason: null,
      createdAt: '2026-12-06T02:00:00.000Z',
      decidedAt: null,
    };
    const pair: DuplicateCandidateDto = {
      ...candidate,
      id: 'c2',
      kind: 'roster',
      score: 55,
      reasons: ['pinyin', 'year', 'department', 'className'],
      a: side(seeker),
      b: { id: 'e1', displayName: '欧阳明轩', graduationYear: 2014, departmentName: '计算机学院' },
    };

    it('shows the claim beside the roster entry and links the account after confirmation', async () => {
      taroRequest.mockImplementation(({ url, method }: { url: string; method: string }) => {
        if (url === '/api/v1/staff/duplicates?limit=20') return ok(lastPage([pair]));
        if (url === '/api/v1/staff/duplicates/c2' && method === 'GET')
          return ok({ candidate: pair, records: [seeker], rosterEntry: entry, claims: [claim] });
        if (url === '/api/v1/staff/duplicates/c2/merge' && method === 'POST')
          return ok({ survivorId: 'a9', mergedId: null, rosterEntryId: 'e1' });
        throw new Error(`unexpected ${method} ${url}`);
      });
      (Taro.showModal as jest.Mock).mockResolvedValue({ confirm: true });
      render(<DuplicatesPage />);
      expect(await screen.findByText('名册：欧阳明轩 · 2014届 · 计算机学院')).toBeTruthy();
      expect(screen.getByText('姓名同音（拼音相同）')).toBeTruthy();
      fireEvent.click(screen.getByText('对比'));
      expect(await screen.findByText('2014010203')).toBeTruthy();
      expect(screen.getByText(/^欧阳铭轩 2014届 计算机学院 计科1403班（待审核，/)).toBeTruthy();
      fireEvent.click(screen.getByText('关联到名册记录'));
      await waitFor(() => expect(screen.getByText('没有待处理的重复记录')).toBeTruthy());
      expect((Taro.showModal as jest.Mock).mock.calls[0]![0].content).toBe(linkSummary(seeker, entry));
      const link = taroRequest.mock.calls.find(([options]) => options.url.endsWith('/merge'))![0];
      expect(link.data).toEqual({ survivorId: 'a9' });
    });

    it('says what linking does', () => {
      expect(linkSummary(seeker, entry)).toBe(
        '将把「小欧」关联到名册上的「欧阳明轩」（2014届 计算机学院 计科1403班 学号 2014010203）：该账号通过校友认证，' +
          '姓名、届别、院系和班级以名册为准，可加入班级群，并会收到认证通过的通知。此操作不可撤销。',
      );
    });
  });
});
