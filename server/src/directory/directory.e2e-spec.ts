import { createAlumnus, signedIn } from '../../test/auth.js';
import { groupWith } from '../../test/group-feeds.js';
import { eventually } from '../../test/notifications.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { AlumnusEntity } from '../alumni/alumnus.entity.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';
import { DepartmentEntity } from '../school/department.entity.js';

const SECOND = 1000;

/**
 * Run with the read cache off (every search reads everything) and on for longer than any test
 * waits, where a non-staff search is everyone's kept page merged with the searcher's own circle
 * (DirectoryService): both must answer exactly the same, and a change must show at once.
 */
describe.each(['0', '60'])('directory (/api/v1/directory), READ_CACHE_SECONDS=%s', (readCacheSeconds) => {
  let t: TestApp;
  let mech: DepartmentEntity;
  let econ: DepartmentEntity;
  let verifiedAt: number;
  /** A verified alumnus; later ones were verified later, so they come first. */
  let listed: (values: Partial<AlumnusEntity>) => Promise<AlumnusEntity>;
  let searcher: Awaited<ReturnType<typeof signedIn>>;

  const names = (body: { items: { displayName: string }[] }) => body.items.map((item) => item.displayName);
  const search = (query: string, headers = searcher.headers) => t.request(`/api/v1/directory${query}`, { headers });

  beforeAll(async () => {
    t = await startTestApp({ env: { READ_CACHE_SECONDS: readCacheSeconds } });
    const departments = t.dataSource.getRepository(DepartmentEntity);
    mech = await departments.save({ name: '机电工程学院', sortOrder: 1 });
    econ = await departments.save({ name: '经济管理学院', sortOrder: 2 });
    verifiedAt = Date.now() - 3600 * SECOND;
    listed = (values) => createAlumnus(t, { verifiedAt: new Date((verifiedAt += SECOND)), ...values });

    searcher = await signedIn(t, ['alumnus'], {
      displayName: '搜索者',
      verifiedAt: new Date(verifiedAt - 600 * SECOND),
      graduationYear: 2012,
      departmentId: mech.id,
      className: '机械 1201 班',
    });
    await listed({
      displayName: '张一',
      realName: '张伟',
      graduationYear: 2012,
      departmentId: mech.id,
      className: '机械 1201 班',
      city: '杭州',
      visibility: { city: 'everyone' },
    });
    await listed({
      displayName: '小李',
      realName: '李娜',
      graduationYear: 2012,
      departmentId: mech.id,
      className: '机械 1201 班',
      city: '杭州',
    });
    await listed({
      displayName: '王二',
      realName: '王芳',
      graduationYear: 2013,
      departmentId: econ.id,
      className: '经管 1301 班',
      industry: '金融',
      visibility: { industry: 'everyone' },
    });
    await listed({
      displayName: '隐身',
      realName: '赵秘',
      graduationYear: 2012,
      departmentId: mech.id,
      className: '机械 1201 班',
      city: '杭州',
      industry: '金融',
      visibility: { realName: 'staff', graduationYear: 'staff', department: 'staff', className: 'staff', city: 'staff', industry: 'staff' },
    });
    await createAlumnus(t, {
      displayName: '未认证',
      realName: '张未',
      graduationYear: 2012,
      departmentId: mech.id,
      className: '机械 1201 班',
    });
    await listed({ displayName: '已注销', realName: '张注', deletedAt: new Date(), graduationYear: 2012 });
  });
  afterAll(() => t.close());

  it('refuses alumni who are not verified yet, and anonymous callers', async () => {
    const unverified = await signedIn(t);
    const res = await search('', unverified.headers);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('DIRECTORY_VERIFICATION_REQUIRED');
    expect((await t.request('/api/v1/directory')).status).toBe(401);
    expect((await t.request('/api/v1/directory/my-class', { headers: unverified.headers })).body.error.code).toBe(
      'DIRECTORY_VERIFICATION_REQUIRED',
    );
  });

  it('lists only verified, non-erased alumni, most recently verified first', async () => {
    const res = await search('');
    expect(res.status).toBe(200);
    expect(names(res.body)).toEqual(['隐身', '王二', '小李', '张一', '搜索者']);
  });

  it('shows each result only as its visibility allows', async () => {
    const res = await search('?q=隐');
    expect(res.body.items).toEqual([
      expect.objectContaining({
        displayName: '隐身',
        realName: null,
        graduationYear: null,
        department: null,
        className: null,
        city: null,
        industry: null,
      }),
    ]);
    const other = (await search('?q=张')).body.items[0];
    expect(other).toMatchObject({ displayName: '张一', realName: '张伟', city: '杭州', department: { id: mech.id, name: '机电工程学院' } });
    // City defaults to "groups": nobody shares a group yet, so it stays hidden.
    expect((await search('?q=小李')).body.items[0]).toMatchObject({ realName: '李娜', city: null });
  });

  it('never matches a filter against a field hidden from the searcher', async () => {
    expect(names((await search('?city=杭州')).body)).toEqual(['张一']);
    expect(names((await search('?industry=金融')).body)).toEqual(['王二']);
    expect(names((await search('?graduationYear=2012')).body)).toEqual(['小李', '张一', '搜索者']);
    expect(names((await search(`?departmentId=${mech.id}`)).body)).toEqual(['小李', '张一', '搜索者']);
    expect(names((await search(`?className=${encodeURIComponent('机械 1201 班')}`)).body)).toEqual(['小李', '张一', '搜索者']);
    expect(names((await search('?q=赵')).body)).toEqual([]);
    expect(names((await search('?q=隐')).body)).toEqual(['隐身']);
  });

  it('lets staff filter on every field', async () => {
    const staff = await signedIn(t, ['staff']);
    expect(names((await search('?city=杭州', staff.headers)).body)).toEqual(['隐身', '小李', '张一']);
    expect(names((await search('?q=赵', staff.headers)).body)).toEqual(['隐身']);
    expect((await search('?q=赵', staff.headers)).body.items[0]).toMatchObject({ realName: '赵秘', city: '杭州' });
  });

  it('finds a name by any part of it: the surname, the given name or the whole', async () => {
    for (const q of ['张', '伟', '张伟', '一', '张一'])
      expect(names((await search(`?q=${encodeURIComponent(q)}`)).body), q).toEqual(['张一']);
    // The real name 王芳 by its given name, typed with full-width spaces around it.
    expect(names((await search(`?q=${encodeURIComponent('　芳　')}`)).body)).toEqual(['王二']);
    expect(names((await search(`?q=${encodeURIComponent('伟张')}`)).body)).toEqual([]);
    expect(names((await search(`?q=${encodeURIComponent('张芳')}`)).body)).toEqual([]);
  });

  it('finds a hidden real name only for staff, by any part of it', async () => {
    expect(names((await search(`?q=${encodeURIComponent('秘')}`)).body)).toEqual([]);
    const staff = await signedIn(t, ['staff']);
    expect(names((await search(`?q=${encodeURIComponent('秘')}`, staff.headers)).body)).toEqual(['隐身']);
  });

  it('finds an alumnus by the display name they chose last, not the one before', async () => {
    const renamed = await signedIn(t, ['alumnus'], {
      displayName: '旧名字',
      verifiedAt: new Date(verifiedAt - 1200 * SECOND),
      consentVersion: PRIVACY_NOTICE.version,
      consentedAt: new Date(),
    });
    const patch = await t.request('/api/v1/me', {
      method: 'PATCH',
      headers: { ...renamed.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ displayName: '新名字' }),
    });
    expect(patch.status).toBe(200);
    expect(names((await search(`?q=${encodeURIComponent('新名')}`)).body)).toEqual(['新名字']);
    expect(names((await search(`?q=${encodeURIComponent('旧')}`)).body)).toEqual([]);
    await t.dataSource.getRepository(AlumnusEntity).update({ id: renamed.alumnus.id }, { deletedAt: new Date() });
  });

  it('treats % and _ literally: a term without a letter or digit finds nobody', async () => {
    expect(names((await search('?q=%25')).body)).toEqual([]);
    expect(names((await search('?q=_')).body)).toEqual([]);
    expect(names((await search(`?q=${encodeURIComponent('张%')}`)).body)).toEqual([]);
  });

  it('walks every page by cursor without gaps or repeats', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const res = await search(`?limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      expect(res.body.items.length).toBeLessThanOrEqual(2);
      seen.push(...names(res.body));
      cursor = res.body.nextCursor;
    } while (cursor);
    expect(seen).toEqual(['隐身', '王二', '小李', '张一', '搜索者']);
  });

  it('finds my own row by every field I hide from others, page by page, while I share no group', async () => {
    const alone = await signedIn(t, ['alumnus'], {
      displayName: '独行',
      realName: '孙悟空',
      graduationYear: 1999,
      departmentId: econ.id,
      className: '经管 9901 班',
      city: '杭州',
      industry: '航天',
      // The newest: a page after theirs must not show them again.
      verifiedAt: new Date(verifiedAt + 30 * SECOND),
      visibility: { realName: 'staff', graduationYear: 'staff', department: 'staff', className: 'staff', city: 'staff', industry: 'staff' },
      consentVersion: PRIVACY_NOTICE.version,
      consentedAt: new Date(),
    });
    const found = async (query: string) => names((await search(query, alone.headers)).body);
    expect(await found('?city=杭州')).toEqual(['独行', '张一']);
    expect(await found(`?industry=${encodeURIComponent('航天')}&graduationYear=1999`)).toEqual(['独行']);
    // PostgreSQL reads a department id in upper case as the same uuid.
    const myClass = `graduationYear=1999&departmentId=${econ.id.toUpperCase()}&className=${encodeURIComponent('经管 9901 班')}`;
    expect(await found(`?${myClass}`)).toEqual(['独行']);
    for (const q of ['悟空', '孙', '独行', '行']) expect(await found(`?q=${encodeURIComponent(q)}`), q).toEqual(['独行']);
    for (const q of ['空悟', '孙行']) expect(await found(`?q=${encodeURIComponent(q)}`), q).toEqual([]);
    expect(await found('?city=宁波')).toEqual([]);
    const first = (await search('?city=杭州&limit=1', alone.headers)).body;
    expect(names(first)).toEqual(['独行']);
    const second = (await search(`?city=杭州&limit=1&cursor=${first.nextCursor}`, alone.headers)).body;
    expect(names(second)).toEqual(['张一']);
    expect(second.nextCursor).toBeNull();
    // Nobody else finds them by those fields.
    expect(names((await search('?q=悟空')).body)).toEqual([]);
    expect(names((await search(`?industry=${encodeURIComponent('航天')}`)).body)).toEqual([]);
    // A change to their own row shows in their next search.
    const patch = await t.request('/api/v1/me', {
      method: 'PATCH',
      headers: { ...alone.headers, 'content-type': 'application/json' },
      body: JSON.stringify({ city: '西安' }),
    });
    expect(patch.status).toBe(200);
    await eventually(async () => ((await found('?city=西安')).join() === '独行' ? true : undefined), 2_000);
    expect(await found('?city=杭州')).toEqual(['张一']);
    await t.dataSource.getRepository(AlumnusEntity).update({ id: alone.alumnus.id }, { deletedAt: new Date() });
  });

  it.each([
    ['a year that is not a number', '?graduationYear=abc', 'VALIDATION_FAILED'],
    ['a malformed department id', '?departmentId=x', 'VALIDATION_FAILED'],
    ['an empty name query', '?q=%20', 'VALIDATION_FAILED'],
    ['an unknown filter', '?phone=138', 'VALIDATION_FAILED'],
    ['a limit over 100', '?limit=101', 'VALIDATION_FAILED'],
    ['a forged cursor', '?cursor=abc', 'INVALID_CURSOR'],
  ])('refuses %s', async (_case, query, code) => {
    const res = await search(query);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe(code);
  });

  describe('my class', () => {
    it('lists verified classmates who show their year, department and class', async () => {
      const res = await t.request('/api/v1/directory/my-class', { headers: searcher.headers });
      expect(res.status).toBe(200);
      expect(names(res.body)).toEqual(['小李', '张一', '搜索者']);
    });

    it('asks for year, department and class first', async () => {
      const incomplete = await signedIn(t, ['alumnus'], { verifiedAt: new Date(), graduationYear: 2012 });
      const res = await t.request('/api/v1/directory/my-class', { headers: incomplete.headers });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('MY_CLASS_UNKNOWN');
    });
  });

  describe('group peers', () => {
    it('matches a field shown to "my groups" for group peers only, in directory order, and no longer once they part', async () => {
      const older = (seconds: number) => new Date(verifiedAt - seconds * SECOND);
      // City, industry: "groups" by default. The peer's real name too, by choice.
      const peer = await signedIn(t, ['alumnus'], {
        displayName: '同组',
        realName: '钱多',
        city: '宁波',
        verifiedAt: older(700),
        visibility: { realName: 'groups' },
      });
      await listed({ displayName: '公开', city: '宁波', visibility: { city: 'everyone' } });
      const outsider = await signedIn(t, ['alumnus'], { displayName: '外人', verifiedAt: older(800) });
      const member = await signedIn(t, ['alumnus'], {
        displayName: '组员',
        city: '温州',
        verifiedAt: older(900),
        visibility: { city: 'staff' },
      });
      // The outsider searches first: with the cache on, everyone's page for it is then kept.
      expect(names((await search('?city=宁波', outsider.headers)).body)).toEqual(['公开']);
      expect(names((await search('?q=钱', outsider.headers)).body)).toEqual([]);
      const groupId = await groupWith(t, 'open', [{ member }, { member: peer }]);

      const mine = await eventually(async () => {
        const res = await search('?city=宁波', member.headers);
        return names(res.body).length === 2 ? res.body : undefined;
      }, 2_000);
      expect(names(mine)).toEqual(['公开', '同组']);
      expect(mine.items[1]).toMatchObject({ realName: '钱多', city: '宁波' });
      expect(names((await search('?q=钱', member.headers)).body)).toEqual(['同组']);
      // Page by page, everyone's rows and the circle's interleave in directory order.
      const first = (await search('?city=宁波&limit=1', member.headers)).body;
      expect(names(first)).toEqual(['公开']);
      const second = (await search(`?city=宁波&limit=1&cursor=${first.nextCursor}`, member.headers)).body;
      expect(names(second)).toEqual(['同组']);
      expect(second.nextCursor).toBeNull();
      // My own row matches my own filter, whatever I hide from others.
      expect(names((await search('?city=温州', member.headers)).body)).toEqual(['组员']);
      expect(names((await search('?city=温州', outsider.headers)).body)).toEqual([]);
      expect(names((await search('?city=宁波', outsider.headers)).body)).toEqual(['公开']);

      await t.dataSource.query(`UPDATE group_memberships SET status = 'left' WHERE group_id = $1 AND alumnus_id = $2`, [
        groupId,
        peer.alumnus.id,
      ]);
      await eventually(async () => (names((await search('?city=宁波', member.headers)).body).length === 1 ? true : undefined), 2_000);
      expect(names((await search('?city=宁波', member.headers)).body)).toEqual(['公开']);
      expect(names((await search('?q=钱', member.headers)).body)).toEqual([]);
    });
  });
});
