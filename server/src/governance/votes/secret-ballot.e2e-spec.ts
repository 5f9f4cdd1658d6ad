import { Writable } from 'node:stream';
import { ballot, openVote, staffOf, voter } from '../../../test/governance.js';
import { startTestApp, type TestApp } from '../../../test/test-app.js';

/**
 * What a secret ballot leaves behind (docs/governance.md, Secret ballots): nothing from which
 * anyone with the database — staff included — could tell how someone voted.
 */
describe('secret ballots', () => {
  let t: TestApp;
  const lines: string[] = [];
  let voteId: string;
  let voters: Awaited<ReturnType<typeof voter>>[];
  beforeAll(async () => {
    const destination = new Writable({
      write(chunk: Buffer, _encoding, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    // The most talkative level: what an operator sees while debugging must not hold a ballot either.
    t = await startTestApp({ env: { LOG_LEVEL: 'trace' }, logDestination: destination });
    const staff = await staffOf(t);
    voteId = await openVote(t, staff, { choice: 'multiple', maxChoices: 2 });
    voters = [await voter(t), await voter(t), await voter(t)];
    lines.length = 0;
    for (const [i, who] of voters.entries()) expect((await ballot(t, who, voteId, i === 0 ? [1, 3] : [2])).status).toBe(201);
  });
  afterAll(() => t.close());

  it('keeps the choices only as counts in one row per vote, with no time, order or voter', async () => {
    const [tally] = await t.dataSource.query(`SELECT * FROM vote_tallies WHERE vote_id = $1`, [voteId]);
    expect(tally).toEqual({ vote_id: voteId, ballots: 3, counts: [1, 2, 1] });
    const book = await t.dataSource.query(`SELECT * FROM vote_participations WHERE vote_id = $1`, [voteId]);
    expect(book).toHaveLength(3);
    // The poll book: who, and nothing else — no choice, no time, no sequence.
    expect(
      book.every((row: Record<string, unknown>) => Object.keys(row).sort().join() === 'alumnus_id,choices,vote_id' && row.choices === null),
    ).toBe(true);
  });

  it('has no other table that names a vote beside a voter, a time or a sequence', async () => {
    const rows: { table: string; columns: string[] }[] = await t.dataSource.query(
      `SELECT c.conrelid::regclass::text AS table, array_agg(a.attname::text ORDER BY a.attname) AS columns
         FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum > 0 AND NOT a.attisdropped
        WHERE c.contype = 'f' AND c.confrelid = 'votes'::regclass
        GROUP BY 1 ORDER BY 1`,
    );
    expect(rows).toEqual([
      // An elected councillor names the election, not a ballot.
      expect.objectContaining({ table: 'council_members' }),
      { table: 'vote_participations', columns: ['alumnus_id', 'choices', 'vote_id'] },
      { table: 'vote_tallies', columns: ['ballots', 'counts', 'vote_id'] },
    ]);
  });

  it('refuses, in the database itself, a choice written beside a secret ballot’s voter', async () => {
    await expect(
      t.dataSource.query(`UPDATE vote_participations SET choices = '{1}' WHERE vote_id = $1 AND alumnus_id = $2`, [
        voteId,
        voters[0]!.alumnus.id,
      ]),
    ).rejects.toThrow(/secret ballot/);
    const other = await voter(t);
    await expect(
      t.dataSource.query(`INSERT INTO vote_participations (vote_id, alumnus_id, choices) VALUES ($1, $2, '{2}')`, [
        voteId,
        other.alumnus.id,
      ]),
    ).rejects.toThrow(/secret ballot/);
  });

  it('logs that someone voted, never how, and writes no ballot to the server’s log', async () => {
    const logged = await t.dataSource.query(`SELECT detail FROM interactions WHERE kind = 'governance.voted' AND subject_id = $1`, [
      voteId,
    ]);
    expect(logged).toEqual([{ detail: { secret: true } }, { detail: { secret: true } }, { detail: { secret: true } }]);
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.filter((line) => /choices|vote_tallies|counts/.test(line))).toEqual([]);
  });
});
