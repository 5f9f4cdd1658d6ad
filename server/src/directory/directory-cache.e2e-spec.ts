import { signedIn } from '../../test/auth.js';
import { groupWith } from '../../test/group-feeds.js';
import { post } from '../../test/giving.js';
import { statementsOf } from '../../test/statements.js';
import { useKeptAnswersPair } from '../../test/test-app.js';
import { serverTestsRun } from '../../test/test-database.js';
import { PRIVACY_NOTICE } from '../identity/privacy-notice.js';

type Who = Awaited<ReturnType<typeof signedIn>>;

const CONSENTED = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() };

/**
 * A searcher's answer is kept whole (DirectoryService): a repeated search reads nothing. It is
 * kept for 60 s here, far longer than any test waits, so a fresh answer after a change made
 * through the other instance can only come from the change being heard.
 */
describe.runIf(serverTestsRun())('directory answers kept per searcher, across two instances', () => {
  const pair = useKeptAnswersPair();
  let searcher: Who;
  let peer: Who;
  let outsider: Who;
  let groupId: string;
  let departmentId: string;

  const names = (body: { items: { displayName: string }[] }) => body.items.map((item) => item.displayName);
  const search = (who: Who, query: string) => pair.b.request(`/api/v1/directory${query}`, { headers: who.headers });
  /** Searches on b until `accept` holds (KeptAnswersPair.freshOnB). */
  const freshOnB = (who: Who, query: string, accept: (body: any, status: number) => boolean) =>
    pair.freshOnB(`/api/v1/directory${query}`, accept, who.headers);
  const patchMe = (who: Who, body: unknown) => pair.a.request('/api/v1/me', { ...post(body, who.headers), method: 'PATCH' });

  beforeAll(async () => {
    const { a } = pair;
    const hour = Date.now() - 3_600_000;
    [{ id: departmentId }] = (await a.dataSource.query(
      `INSERT INTO departments (name, sort_order) VALUES ('机电工程学院', 1) RETURNING id`,
    )) as { id: string }[];
    searcher = await signedIn(a, ['alumnus'], { displayName: '搜索者', verifiedAt: new Date(hour), ...CONSENTED });
    // City and industry are shown to "my groups" by default.
    peer = await signedIn(a, ['alumnus'], {
      displayName: '同组',
      city: '宁波',
      departmentId,
      verifiedAt: new Date(hour + 1_000),
      visibility: { department: 'everyone' },
      ...CONSENTED,
    });
    outsider = await signedIn(a, ['alumnus'], { displayName: '外人', verifiedAt: new Date(hour + 2_000), ...CONSENTED });
    await signedIn(a, ['alumnus'], {
      displayName: '公开',
      city: '宁波',
      verifiedAt: new Date(hour + 3_000),
      visibility: { city: 'everyone' },
    });
    groupId = await groupWith(a, 'open', [{ member: searcher, role: 'owner' }, { member: peer }]);
  });

  it('answers a repeated search without the database, the same as the first time', async () => {
    for (const who of [searcher, outsider]) {
      const first = await search(who, '?city=宁波');
      expect(first.status).toBe(200);
      const statements = await statementsOf(pair.b.dataSource, async () => {
        const again = await search(who, '?city=宁波');
        expect(again.body).toEqual(first.body);
      });
      expect(statements).toEqual([]);
    }
    expect(names((await search(searcher, '?city=宁波')).body)).toEqual(['公开', '同组']);
    expect(names((await search(outsider, '?city=宁波')).body)).toEqual(['公开']);
  });

  it('builds the first answer of a searcher in no group from kept reads: their own row is checked in code', async () => {
    await search(outsider, '?city=宁波');
    await search(searcher, '?q=外');
    // The outsider's standing and everyone's page for 外 are kept on b: their first 外 reads nothing.
    const alone = await statementsOf(
      pair.b.dataSource,
      async () => expect(names((await search(outsider, '?q=外')).body)).toEqual(['外人']),
      1,
    );
    expect(alone.filter((sql) => sql.includes('alumni'))).toEqual([]);
    // The searcher has a group peer: their first search by a field reads their circle's rows.
    await search(outsider, '?q=同');
    const circle = await statementsOf(
      pair.b.dataSource,
      async () => expect(names((await search(searcher, '?q=同')).body)).toEqual(['同组']),
      1,
    );
    expect(circle.filter((sql) => sql.includes('alumni'))).toEqual([expect.stringContaining('unnest')]);
  });

  it("shows a group peer's changed privacy and city in the next searches", async () => {
    expect(names((await search(searcher, '?city=宁波')).body)).toEqual(['公开', '同组']);
    expect((await patchMe(peer, { visibility: { city: 'staff' } })).status).toBe(200);
    await freshOnB(searcher, '?city=宁波', (body) => names(body).join() === '公开');

    expect(names((await search(searcher, '?city=温州')).body)).toEqual([]);
    expect((await patchMe(peer, { city: '温州', visibility: { city: 'groups' } })).status).toBe(200);
    await freshOnB(searcher, '?city=温州', (body) => names(body).join() === '同组' && body.items[0].city === '温州');
    // The outsider still cannot find the peer by a city shown to the peer's groups only.
    expect(names((await search(outsider, '?city=温州')).body)).toEqual([]);
  });

  it('drops a peer whose membership ends, and finds them again once it is back', async () => {
    // Only the membership row changes (the API would also write the group's member count).
    const membership = (status: string) =>
      pair.a.dataSource.query(`UPDATE group_memberships SET status = $1 WHERE group_id = $2 AND alumnus_id = $3`, [
        status,
        groupId,
        peer.alumnus.id,
      ]);
    expect(names((await search(searcher, '?city=温州')).body)).toEqual(['同组']);
    await membership('left');
    await freshOnB(searcher, '?city=温州', (body) => names(body).length === 0);
    await membership('active');
    await freshOnB(searcher, '?city=温州', (body) => names(body).join() === '同组');
  });

  it('shows a renamed department in kept answers', async () => {
    expect((await search(outsider, '?q=同组')).body.items[0].department).toEqual({ id: departmentId, name: '机电工程学院' });
    await pair.a.dataSource.query(`UPDATE departments SET name = '智能制造学院' WHERE id = $1`, [departmentId]);
    await freshOnB(outsider, '?q=同组', (body) => body.items[0]?.department?.name === '智能制造学院');
  });

  it('refuses a searcher whose verification was withdrawn, though their answer was kept', async () => {
    expect((await search(searcher, '?city=温州')).status).toBe(200);
    await pair.a.dataSource.query(`UPDATE alumni SET verified_at = NULL WHERE id = $1`, [searcher.alumnus.id]);
    await freshOnB(searcher, '?city=温州', (body, status) => status === 403 && body.error.code === 'DIRECTORY_VERIFICATION_REQUIRED');
  });
});
