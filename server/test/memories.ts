import type { AlumnusEntity } from '../src/alumni/alumnus.entity.js';
import { createClassGroup } from '../src/groups/class-groups.js';
import { GroupEntity } from '../src/groups/group.entity.js';
import { GroupMembershipEntity } from '../src/groups/group-membership.entity.js';
import { PRIVACY_NOTICE } from '../src/identity/privacy-notice.js';
import { signedIn } from './auth.js';
import { createDepartments, createRosterEntry } from './roster.js';
import type { TestApp } from './test-app.js';

export type Person = Awaited<ReturnType<typeof signedIn>>;

export const consented = () => ({ consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date() });

let classes = 0;

/**
 * A class of `size` verified alumni (each holding a claimed roster entry of the class) and its
 * class group; with `joined`, they are also active members of the group.
 */
export async function classOf(t: TestApp, size: number, options: { joined?: boolean; values?: Partial<AlumnusEntity> } = {}) {
  classes += 1;
  const [departmentId] = [...(await createDepartments(t, [`记忆学院${process.pid}_${classes}`])).values()];
  const className = `记忆${classes}班`;
  await t.dataSource.transaction((manager) => createClassGroup(manager, { graduationYear: 2006, departmentId: departmentId!, className }));
  const group = await t.dataSource.getRepository(GroupEntity).findOneByOrFail({ kind: 'class', className, departmentId });
  const people: Person[] = [];
  for (let i = 0; i < size; i++) {
    const person = await signedIn(t, ['alumnus'], { ...consented(), verifiedAt: new Date(), ...options.values });
    await createRosterEntry(t, { departmentId, graduationYear: 2006, className, claimedBy: person.alumnus.id, claimedAt: new Date() });
    if (options.joined) {
      await t.dataSource.getRepository(GroupMembershipEntity).save({
        groupId: group.id,
        alumnusId: person.alumnus.id,
        role: 'member',
        status: 'active',
        joinedAt: new Date(),
      });
    }
    people.push(person);
  }
  if (options.joined) await t.dataSource.query(`UPDATE groups SET member_count = $2 WHERE id = $1`, [group.id, size]);
  return { group, people };
}

export const staffOf = (t: TestApp) => signedIn(t, ['alumnus', 'staff'], { ...consented(), verifiedAt: new Date() });

export const put = (headers: Record<string, string>, body?: unknown): RequestInit => ({
  method: 'PUT',
  headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
  body: body === undefined ? undefined : JSON.stringify(body),
});

export const del = (headers: Record<string, string>): RequestInit => ({ method: 'DELETE', headers });

/** Interaction rows of one alumnus and kind. */
export async function logged(
  t: TestApp,
  alumnusId: string,
  kind: string,
): Promise<{ subject_id: string; detail: Record<string, unknown> }[]> {
  return t.dataSource.query(`SELECT subject_id, detail FROM interactions WHERE alumnus_id = $1 AND kind = $2 ORDER BY id`, [
    alumnusId,
    kind,
  ]);
}
