import { createAlumnus } from '../../test/auth.js';
import { startTestApp, type TestApp } from '../../test/test-app.js';
import { InteractionsService } from './interactions.service.js';

describe('the interaction log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  const rowsOf = async (alumnusId: string | null) =>
    t.dataSource.query('SELECT kind FROM interactions WHERE alumnus_id IS NOT DISTINCT FROM $1 ORDER BY id', [alumnusId]);

  it('commits a row with the change it records, and rolls it back with it', async () => {
    const alumnus = await createAlumnus(t);
    const log = t.app.get(InteractionsService);
    await t.dataSource.transaction((manager) => log.record(manager, { alumnusId: alumnus.id, kind: 'identity.consented' }));
    await expect(
      t.dataSource.transaction(async (manager) => {
        await log.record(manager, { alumnusId: alumnus.id, kind: 'identity.verified' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await rowsOf(alumnus.id)).toEqual([{ kind: 'identity.consented' }]);
  });

  it('is append-only in the database itself: updates and deletes are refused', async () => {
    const alumnus = await createAlumnus(t);
    await t.dataSource.transaction((manager) =>
      t.app.get(InteractionsService).record(manager, { alumnusId: alumnus.id, kind: 'identity.signed_up' }),
    );
    await expect(t.dataSource.query("UPDATE interactions SET kind = 'x' WHERE alumnus_id = $1", [alumnus.id])).rejects.toThrow(
      /append-only/,
    );
    await expect(t.dataSource.query('DELETE FROM interactions WHERE alumnus_id = $1', [alumnus.id])).rejects.toThrow(/append-only/);
    expect(await rowsOf(alumnus.id)).toEqual([{ kind: 'identity.signed_up' }]);
  });

  it('allows exactly one change: forgetting the actor when an account is erased', async () => {
    const alumnus = await createAlumnus(t);
    const log = t.app.get(InteractionsService);
    await t.dataSource.transaction((manager) => log.record(manager, { alumnusId: alumnus.id, kind: 'identity.signed_up' }));
    const before = Number((await t.dataSource.query('SELECT count(*) FROM interactions'))[0].count);
    await t.dataSource.transaction((manager) => log.anonymise(manager, alumnus.id));
    expect(await rowsOf(alumnus.id)).toEqual([]);
    expect(Number((await t.dataSource.query('SELECT count(*) FROM interactions'))[0].count)).toBe(before);
  });
});
