import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

const rowsOf = (sql: string) => (manager: EntityManager, alumnusId: string) => manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * Governance: the votes taken part in (the choices only where the ballot was open), the
 * suggestions written and co-signed, and seats on the alumni council. Erasure withdraws the
 * author's suggestions that never reached the school and unlinks the others (the school's
 * public answer stays), takes back co-signatures, forgets which votes the account took part in
 * (the tallies keep their counts) and ends a council term still running.
 */
@Injectable()
@PersonalDataContributor()
export class GovernancePersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'votesTaken',
      table: 'vote_participations',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT v.id AS "voteId", v.title, v.secret, p.choices FROM vote_participations p JOIN votes v ON v.id = p.vote_id
          WHERE p.alumnus_id = $1 ORDER BY v.opens_at, v.id`,
      ),
    },
    {
      key: 'suggestions',
      table: 'suggestions',
      column: 'author_id',
      read: rowsOf(
        `SELECT id, title, category, body, status, cosign_count AS "cosignCount", answer, created_at AS "createdAt",
                received_at AS "receivedAt", answered_at AS "answeredAt"
           FROM suggestions WHERE author_id = $1 ORDER BY created_at, id`,
      ),
    },
    {
      key: 'suggestionsCosigned',
      table: 'suggestion_cosigns',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT s.id AS "suggestionId", s.title, c.created_at AS "cosignedAt" FROM suggestion_cosigns c JOIN suggestions s ON s.id = c.suggestion_id
          WHERE c.alumnus_id = $1 ORDER BY c.created_at, s.id`,
      ),
    },
    {
      key: 'councilSeats',
      table: 'council_members',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT title, intro, term_starts_on AS "termStartsOn", term_ends_on AS "termEndsOn", ended_on AS "endedOn",
                end_reason AS "endReason", source FROM council_members WHERE alumnus_id = $1 ORDER BY term_starts_on, id`,
      ),
    },
  ];

  readonly notExported = {
    'votes.created_by': 'staff work: who set up a vote',
    'suggestions.answered_by': 'staff work: who answered a suggestion',
    'suggestions.moderated_by': 'staff work: who released or removed a suggestion',
    'suggestion_steps.actor_id': 'who moved a suggestion a step on; the author’s own steps show in the suggestion’s status',
    'council_members.created_by': 'staff work: who recorded a council seat',
    'governance_settings.updated_by': 'staff work: who changed the governance settings',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(
      `UPDATE suggestions SET status = CASE WHEN status IN ('held', 'collecting') THEN 'withdrawn' ELSE status END, author_id = NULL,
              updated_at = now()
        WHERE author_id = $1`,
      [alumnusId],
    );
    // Each suggestion's row is locked by the update, so a co-signature arriving meanwhile counts right.
    await manager.query(
      `UPDATE suggestions s SET cosign_count = s.cosign_count - 1
         FROM suggestion_cosigns c WHERE c.suggestion_id = s.id AND c.alumnus_id = $1`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM suggestion_cosigns WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(`DELETE FROM vote_participations WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(
      `UPDATE council_members SET ended_on = LEAST(GREATEST(current_date, term_starts_on - 1), term_ends_on), end_reason = '账号已注销',
              updated_at = now()
        WHERE alumnus_id = $1 AND ended_on IS NULL AND term_ends_on >= current_date`,
      [alumnusId],
    );
  }
}
