import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { AuthUserDto, BallotReceiptDto } from '@alumni/shared';
import { AlumniService } from '../../alumni/alumni.service.js';
import { AudiencesService } from '../../audiences/audiences.service.js';
import { AppError } from '../../common/app-error.js';
import { ConsentService } from '../../identity/consent.service.js';
import { InteractionsService } from '../../interactions/interactions.service.js';
import { phaseOf } from './vote-presenter.js';
import { ballotProblem } from './vote-results.js';
import { VoteEntity } from './vote.entity.js';
import { VotesService } from './votes.service.js';

/**
 * Casting a ballot (docs/governance.md, One ballot each, Secret ballots). In one transaction:
 * the vote's row is held in share mode (so "close now" waits for ballots under way, and no
 * ballot counts after it), the participation row is inserted (its primary key refuses a
 * second ballot, whatever the instance), the interaction is logged, and the tally — the
 * vote's one row of counts — is rewritten last, so its lock is held for the shortest time.
 * A secret ballot's choices exist only as +1s in that row, which every ballot rewrites whole.
 */
@Injectable()
export class BallotsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly votes: VotesService,
    private readonly alumni: AlumniService,
    private readonly audiences: AudiencesService,
    private readonly consent: ConsentService,
    private readonly interactions: InteractionsService,
  ) {}

  async cast(user: AuthUserDto, voteId: string, choices: number[]): Promise<BallotReceiptDto> {
    const vote = await this.dataSource.manager.findOneBy(VoteEntity, { id: voteId });
    if (!vote || vote.status === 'draft') throw new AppError('VOTE_NOT_FOUND');
    if (phaseOf(vote) !== 'open') throw new AppError('VOTE_NOT_OPEN');
    const alumnus = await this.alumni.findActive(user.id);
    if (!alumnus) throw new AppError('ALUMNUS_NOT_FOUND');
    if (alumnus.verifiedAt === null) throw new AppError('VOTE_VERIFICATION_REQUIRED');
    await this.consent.assertConsented(user.id);
    const problem = ballotProblem(vote, choices);
    if (problem) throw new AppError('VOTE_BALLOT_INVALID', [{ field: 'choices', issue: problem }]);
    if (!(await this.audiences.includes(vote.audience, user.id))) throw new AppError('VOTE_NOT_ELIGIBLE');
    const sorted = [...choices].sort((a, b) => a - b);

    await this.dataSource.transaction(async (manager) => {
      const [current]: { open: boolean }[] = await manager.query(
        `SELECT status = 'published' AND opens_at <= now() AND closes_at > now() AS open FROM votes WHERE id = $1 FOR SHARE`,
        [voteId],
      );
      if (!current?.open) throw new AppError('VOTE_NOT_OPEN');
      const inserted: unknown[] = await manager.query(
        `INSERT INTO vote_participations (vote_id, alumnus_id, choices) VALUES ($1, $2, $3)
         ON CONFLICT (vote_id, alumnus_id) DO NOTHING RETURNING 1`,
        [voteId, user.id, vote.secret ? null : sorted],
      );
      if (inserted.length === 0) throw new AppError('VOTE_ALREADY_CAST');
      // Never the choices: the log outlives the vote and is read by staff.
      await this.interactions.record(manager, {
        alumnusId: user.id,
        kind: 'governance.voted',
        subjectType: 'vote',
        subjectId: voteId,
        detail: { secret: vote.secret },
      });
      await manager.query(
        `UPDATE vote_tallies
            SET ballots = ballots + 1,
                counts = ARRAY(SELECT c + (n = ANY($2::int[]))::int FROM unnest(counts) WITH ORDINALITY AS t(c, n) ORDER BY n)
          WHERE vote_id = $1`,
        [voteId, sorted],
      );
    });
    return {
      voteId,
      choices: vote.secret ? null : sorted,
      vote: await this.votes.present(vote, user),
    };
  }
}
