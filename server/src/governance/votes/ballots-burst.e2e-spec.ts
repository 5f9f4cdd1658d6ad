import { ballot, openVote, staffOf, voter } from '../../../test/governance.js';
import { scalar } from '../../../test/interactions.js';
import { useTwoInstances } from '../../../test/test-app.js';

/**
 * Two server instances on one database: one ballot per voter is the database's rule (the poll
 * book's primary key), not one process's memory, and the counts follow the ballots exactly.
 */
describe('a burst of ballots on two instances', () => {
  const instances = useTwoInstances();

  it('60 alumni each vote twice at once, half through each instance: 60 ballots counted, 60 refused, nothing lost', async () => {
    const { a, b } = instances;
    const staff = await staffOf(a);
    const voteId = await openVote(a, staff, { secret: true });
    const voters = [];
    for (let i = 0; i < 60; i++) voters.push(await voter(a));

    const answers = await Promise.all(
      voters.flatMap((who, i) => [
        ballot(i % 2 === 0 ? a : b, who, voteId, [(i % 3) + 1]),
        ballot(i % 2 === 0 ? b : a, who, voteId, [(i % 3) + 1]),
      ]),
    );
    expect(answers.filter((r) => r.status >= 500)).toEqual([]);
    expect(answers.filter((r) => r.status === 201)).toHaveLength(60);
    expect(answers.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(60).fill('VOTE_ALREADY_CAST'));

    const [tally] = await a.dataSource.query(`SELECT ballots, counts FROM vote_tallies WHERE vote_id = $1`, [voteId]);
    expect(tally).toEqual({ ballots: 60, counts: [20, 20, 20] });
    expect(await scalar(a, `SELECT count(*) FROM vote_participations WHERE vote_id = $1`, [voteId])).toBe(60);
    expect(await scalar(a, `SELECT count(*) FROM interactions WHERE kind = 'governance.voted' AND subject_id = $1`, [voteId])).toBe(60);
  }, 180_000);
});
