import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../personal-data/personal-data.js';

const rowsOf = (sql: string) => (manager: EntityManager, alumnusId: string) => manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

/**
 * Stamps collected on campus days, sets completed, reunions proposed and answered. Erasure
 * forgets the stamps and completions (the day's figures lose a visitor), withdraws the
 * person's interest (the counts stay true), deletes their proposals that never became an
 * event, and keeps an approved one's event nameless.
 */
@Injectable()
@PersonalDataContributor()
export class CampusDaysPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'campusDayStamps',
      table: 'campus_day_stamps',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT s.event_id AS "eventId", e.title AS "eventTitle", p.name AS spot, s.collected_at AS "collectedAt"
           FROM campus_day_stamps s JOIN campus_day_spots p ON p.id = s.spot_id JOIN events e ON e.id = s.event_id
          WHERE s.alumnus_id = $1 ORDER BY s.collected_at, s.id`,
      ),
    },
    {
      key: 'campusDayCompletions',
      table: 'campus_day_completions',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT c.event_id AS "eventId", e.title AS "eventTitle", c.completed_at AS "completedAt"
           FROM campus_day_completions c JOIN events e ON e.id = c.event_id WHERE c.alumnus_id = $1 ORDER BY c.completed_at`,
      ),
    },
    {
      key: 'reunionProposals',
      table: 'reunion_proposals',
      column: 'proposer_id',
      read: rowsOf(
        `SELECT p.id, g.name AS "className", p.title, p.message, p.starts_at AS "startsAt", p.ends_at AS "endsAt", p.city, p.venue,
                p.status, p.interest_count AS "interestCount", p.event_id AS "eventId", p.decision_note AS "decisionNote",
                p.created_at AS "createdAt"
           FROM reunion_proposals p JOIN groups g ON g.id = p.class_group_id WHERE p.proposer_id = $1 ORDER BY p.created_at, p.id`,
      ),
    },
    {
      key: 'reunionInterests',
      table: 'reunion_interests',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT i.proposal_id AS "proposalId", p.title, i.created_at AS "at"
           FROM reunion_interests i JOIN reunion_proposals p ON p.id = i.proposal_id WHERE i.alumnus_id = $1 ORDER BY i.created_at`,
      ),
    },
  ];

  readonly notExported = { 'reunion_proposals.decided_by': 'staff work: who approved or declined a class’s reunion' };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    await manager.query(`DELETE FROM campus_day_stamps WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(`DELETE FROM campus_day_completions WHERE alumnus_id = $1`, [alumnusId]);
    await manager.query(
      `WITH gone AS (DELETE FROM reunion_interests WHERE alumnus_id = $1 RETURNING proposal_id)
       UPDATE reunion_proposals p SET interest_count = p.interest_count - 1 FROM gone WHERE p.id = gone.proposal_id`,
      [alumnusId],
    );
    await manager.query(`DELETE FROM reunion_proposals WHERE proposer_id = $1 AND status <> 'approved'`, [alumnusId]);
    await manager.query(`UPDATE reunion_proposals SET proposer_id = NULL WHERE proposer_id = $1`, [alumnusId]);
  }
}
