import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection } from '../personal-data/personal-data.js';

/**
 * Verification claims. Erasure withdraws a pending claim, and forgets the name typed and the
 * evidence photo (removed after the commit); what was decided stays, nameless.
 */
@Injectable()
@PersonalDataContributor()
export class VerificationPersonalData implements PersonalDataContributor {
  readonly sections: PersonalDataSection[] = [
    {
      key: 'claims',
      table: 'verification_claims',
      column: 'alumnus_id',
      read: (manager, alumnusId) =>
        manager.query(
          `SELECT c.id, c.status, c.name, c.graduation_year AS "graduationYear", d.name AS "department", c.student_number AS "studentNumber",
                  c.class_name AS "className", c.evidence_key IS NOT NULL AS "evidenceAttached", c.reject_reason AS "rejectReason",
                  c.created_at AS "createdAt", c.decided_at AS "decidedAt"
             FROM verification_claims c JOIN departments d ON d.id = c.department_id
            WHERE c.alumnus_id = $1 ORDER BY c.created_at, c.id`,
          [alumnusId],
        ),
    },
  ];

  readonly notExported = { 'verification_claims.decided_by': 'staff work: who decided on a claim' };

  async erase(manager: EntityManager, alumnusId: string): Promise<string[]> {
    await manager.query(`UPDATE verification_claims SET status = 'withdrawn' WHERE alumnus_id = $1 AND status = 'pending'`, [alumnusId]);
    const evidence: { evidence_key: string }[] = await manager.query(
      `SELECT evidence_key FROM verification_claims WHERE alumnus_id = $1 AND evidence_key IS NOT NULL`,
      [alumnusId],
    );
    await manager.query(`UPDATE verification_claims SET name = '已注销校友', evidence_key = NULL WHERE alumnus_id = $1`, [alumnusId]);
    return evidence.map((row) => row.evidence_key);
  }
}
