import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from '../../personal-data/personal-data.js';

const rowsOf = (sql: string) => (manager: EntityManager, alumnusId: string) => manager.query(sql, [alumnusId]) as Promise<PersonalRecord[]>;

const MENTORSHIP = `SELECT id, status, mentor_industry AS "mentorIndustry", mentor_employer AS "mentorEmployer", mentor_city AS "mentorCity",
        mentee_stage AS "menteeStage", mentee_industry AS "menteeIndustry", goals, target_industry AS "targetIndustry", topic, format,
        reply_message AS "replyMessage", requested_at AS "requestedAt", decided_at AS "decidedAt", accepted_at AS "acceptedAt",
        ends_at AS "endsAt", ended_at AS "endedAt", end_reason AS "endReason", closing_note AS "closingNote",
        meeting_count AS "meetingCount", mentor_rating AS "mentorRating", mentor_comment AS "mentorComment",
        mentee_rating AS "menteeRating", mentee_comment AS "menteeComment"
   FROM mentorships`;

/**
 * Mentoring: the alumnus's offer, the pairings on either side, the meetings they logged.
 * Erasure withdraws or declines open requests, ends active pairings (`account_deleted`) with
 * the other side's offer counts kept right, forgets the words written (goals, replies, notes, feedback comments),
 * and deletes the offer.
 */
@Injectable()
@PersonalDataContributor()
export class MentoringPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'mentorOffer',
      table: 'mentor_offers',
      column: 'alumnus_id',
      read: rowsOf(
        `SELECT industry, employer, city, topics, formats, capacity, intro, status, created_at AS "createdAt", updated_at AS "updatedAt"
           FROM mentor_offers WHERE alumnus_id = $1`,
      ),
    },
    {
      key: 'mentorshipsAsMentor',
      table: 'mentorships',
      column: 'mentor_id',
      read: rowsOf(`${MENTORSHIP} WHERE mentor_id = $1 ORDER BY requested_at, id`),
    },
    {
      key: 'mentorshipsAsMentee',
      table: 'mentorships',
      column: 'mentee_id',
      read: rowsOf(`${MENTORSHIP} WHERE mentee_id = $1 ORDER BY requested_at, id`),
    },
    {
      key: 'mentoringMeetings',
      table: 'mentoring_meetings',
      column: 'logged_by',
      read: rowsOf(
        `SELECT mentorship_id AS "mentorshipId", logged_as AS "loggedAs", occurred_on AS "occurredOn", format,
                duration_minutes AS "durationMinutes", notes, created_at AS "createdAt"
           FROM mentoring_meetings WHERE logged_by = $1 ORDER BY created_at, id`,
      ),
    },
  ];

  readonly notExported = {
    'careers_settings.updated_by': 'staff work: who changed the programme’s settings',
    'mentor_offers.moderated_by': 'staff work: who released or held an offer',
  };

  async erase(manager: EntityManager, alumnusId: string): Promise<void> {
    // The other side's offer loses what this account held there: a waiting request, an active pairing.
    await manager.query(
      `UPDATE mentor_offers o SET waiting_count = o.waiting_count - m.waiting, active_count = o.active_count - m.active, updated_at = now()
         FROM (SELECT offer_id, count(*) FILTER (WHERE status = 'requested')::int AS waiting, count(*) FILTER (WHERE status = 'active')::int AS active
                 FROM mentorships WHERE mentee_id = $1 AND offer_id IS NOT NULL GROUP BY offer_id) m
        WHERE o.id = m.offer_id`,
      [alumnusId],
    );
    await manager.query(
      `UPDATE mentorships SET status = CASE WHEN mentee_id = $1 THEN 'withdrawn' ELSE 'declined' END, decided_at = now()
        WHERE (mentee_id = $1 OR mentor_id = $1) AND status = 'requested'`,
      [alumnusId],
    );
    await manager.query(
      `UPDATE mentorships SET status = 'ended', ended_at = now(), end_reason = 'account_deleted'
        WHERE (mentee_id = $1 OR mentor_id = $1) AND status = 'active'`,
      [alumnusId],
    );
    await manager.query(`UPDATE mentorships SET goals = '', mentee_comment = NULL WHERE mentee_id = $1`, [alumnusId]);
    await manager.query(`UPDATE mentorships SET reply_message = NULL, mentor_comment = NULL WHERE mentor_id = $1`, [alumnusId]);
    await manager.query(
      `UPDATE mentorships SET closing_note = NULL
        WHERE (mentee_id = $1 AND end_reason = 'closed_by_mentee') OR (mentor_id = $1 AND end_reason = 'closed_by_mentor')`,
      [alumnusId],
    );
    await manager.query(`UPDATE mentoring_meetings SET notes = '' WHERE logged_by = $1`, [alumnusId]);
    await manager.query(`DELETE FROM mentor_offers WHERE alumnus_id = $1`, [alumnusId]);
  }
}
