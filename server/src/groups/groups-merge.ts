import { Injectable } from '@nestjs/common';
import { MergeParticipant, moveReferences, type MergeContext } from '../duplicates/merge-participant.js';

/** How good a membership is, best first: an active owner over an admin over a member, then a pending request, then the rest. */
const RANK = `(CASE status WHEN 'active' THEN 30 WHEN 'pending' THEN 20 ELSE 10 END + CASE role WHEN 'owner' THEN 3 WHEN 'admin' THEN 2 ELSE 1 END)`;

/**
 * Memberships: one per group, the better of the two kept; a group both were active members
 * of counts one member fewer (each was counted). Groups they created or decided move.
 */
@Injectable()
@MergeParticipant()
export class GroupsMerge implements MergeParticipant {
  readonly columns = ['groups.created_by', 'groups.decided_by', 'group_memberships.alumnus_id', 'group_memberships.decided_by'] as const;

  async merge(context: MergeContext): Promise<void> {
    const { manager, mergedId, survivorId } = context;
    const both = (await manager.query(
      `SELECT m.group_id, m.id AS merged, s.id AS survivor, (m.status = 'active' AND s.status = 'active') AS counted_twice,
              ${RANK.replace(/(status|role)\b/g, 'm.$1')} > ${RANK.replace(/(status|role)\b/g, 's.$1')} AS merged_better
         FROM group_memberships m JOIN group_memberships s ON s.group_id = m.group_id AND s.alumnus_id = $2
        WHERE m.alumnus_id = $1 ORDER BY m.group_id`,
      [mergedId, survivorId],
    )) as { group_id: string; merged: string; survivor: string; counted_twice: boolean; merged_better: boolean }[];
    for (const row of both) {
      // Under the group's lock, as every membership change.
      await manager.query('SELECT 1 FROM groups WHERE id = $1 FOR UPDATE', [row.group_id]);
      await manager.query('DELETE FROM group_memberships WHERE id = $1', [row.merged_better ? row.survivor : row.merged]);
      if (row.counted_twice)
        await manager.query('UPDATE groups SET member_count = member_count - 1, updated_at = now() WHERE id = $1', [row.group_id]);
    }
    await moveReferences(context, this.columns);
  }
}
