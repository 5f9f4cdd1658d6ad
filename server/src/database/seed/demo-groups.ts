import { faker } from '@faker-js/faker/locale/zh_CN';
import type { EntityManager } from 'typeorm';
import type { GroupJoinPolicy, GroupKind, GroupMemberRole } from '@alumni/shared';
import { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { createRosterClassGroups } from '../../groups/class-groups.js';
import { GroupEntity } from '../../groups/group.entity.js';
import { GroupMembershipEntity } from '../../groups/group-membership.entity.js';
import { RosterEntryEntity } from '../../roster/roster-entry.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;
const CLASSMATES = 6;

interface DemoGroup {
  kind: GroupKind;
  name: string;
  intro: string;
  joinPolicy: GroupJoinPolicy;
  city?: string;
  industry?: string;
  owner?: AlumnusEntity;
  members: AlumnusEntity[];
}

/**
 * The groups of the demo college: a class group for every roster class (the first demo
 * account's class has verified classmates in it, so that account can verify and join it),
 * city, interest and industry groups with members, a join request from the third demo
 * account waiting for the second (a group owner), and a proposal waiting for staff.
 * `alumni` starts with the demo accounts (five alumni, then staff). Answers the classmates
 * it added.
 */
export async function seedDemoGroups(
  manager: EntityManager,
  alumni: AlumnusEntity[],
  cities: string[],
  industries: string[],
  now: Date,
): Promise<AlumnusEntity[]> {
  const [first, second, third, fourth, , staff] = alumni as [
    AlumnusEntity,
    AlumnusEntity,
    AlumnusEntity,
    AlumnusEntity,
    AlumnusEntity,
    AlumnusEntity,
  ];
  const classmates = await seedClassmates(manager, first, alumni.length, now);
  await createRosterClassGroups(manager);
  const classGroup = await manager.findOneByOrFail(GroupEntity, {
    kind: 'class',
    graduationYear: first.graduationYear!,
    departmentId: first.departmentId!,
    className: first.className!,
  });
  const memberships: Partial<GroupMembershipEntity>[] = [];
  const join = (groupId: string, alumnus: AlumnusEntity, index: number, role: GroupMemberRole = 'member') =>
    memberships.push({
      groupId,
      alumnusId: alumnus.id,
      role,
      status: 'active',
      joinedAt: new Date(now.getTime() - ((index * 7) % 300) * DAY_MS - index * 60_000),
    });
  classmates.forEach((a, i) => join(classGroup.id, a, i, i === 0 ? 'admin' : 'member'));

  const every = (step: number, offset: number) => alumni.filter((_, i) => i >= 6 && i % step === offset);
  const groups: DemoGroup[] = [
    ...cities.map((city) => ({
      kind: 'city' as const,
      name: `江州学院${city}校友会`,
      intro: `在${city}工作生活的江院校友之家，定期举办聚会与行业交流。`,
      joinPolicy: 'open' as const,
      city,
      members: alumni.filter((a) => a.city === city),
    })),
    {
      kind: 'interest',
      name: '摄影爱好者',
      intro: '用镜头记录生活，每月一次外拍。',
      joinPolicy: 'approval',
      owner: second,
      members: every(9, 1),
    },
    { kind: 'interest', name: '校友跑团', intro: '周末一起跑，约起来！', joinPolicy: 'open', members: [first, ...every(7, 2)] },
    { kind: 'interest', name: '读书会', intro: '每月共读一本书，线上分享。', joinPolicy: 'open', owner: alumni[10], members: every(11, 3) },
    {
      kind: 'interest',
      name: '创业者联盟',
      intro: '校友创业者互助、对接资源。',
      joinPolicy: 'approval',
      owner: alumni[12],
      members: every(13, 4),
    },
    ...industries.slice(0, 4).map((industry) => ({
      kind: 'industry' as const,
      name: `${industry}校友圈`,
      intro: `${industry}行业的校友交流、招聘与合作。`,
      joinPolicy: 'approval' as const,
      industry,
      members: alumni.filter((a) => a.industry === industry),
    })),
  ];
  for (const [index, group] of groups.entries()) {
    const members = [...new Set(group.members)].filter((a) => a !== group.owner && a !== staff);
    const saved = await manager.save(GroupEntity, {
      kind: group.kind,
      name: group.name,
      intro: group.intro,
      city: group.city ?? null,
      industry: group.industry ?? null,
      joinPolicy: group.joinPolicy,
      status: 'active' as const,
      memberCount: members.length + (group.owner ? 1 : 0),
      createdBy: group.owner?.id ?? staff.id,
      createdAt: new Date(now.getTime() - (400 - index * 20) * DAY_MS),
    });
    if (group.owner) join(saved.id, group.owner, index, 'owner');
    members.forEach((a, i) => join(saved.id, a, i + index));
    if (group.owner === second) {
      memberships.push({
        groupId: saved.id,
        alumnusId: third.id,
        role: 'member',
        status: 'pending',
        requestOutcome: 'pending',
        requestNote: '我也喜欢拍照，想加入大家。',
        requestedAt: new Date(now.getTime() - DAY_MS),
      });
    }
  }
  await manager.update(GroupEntity, { id: classGroup.id }, { memberCount: classmates.length });
  await manager.insert(GroupMembershipEntity, memberships);
  await manager.save(GroupEntity, {
    kind: 'interest' as const,
    name: '羽毛球俱乐部',
    intro: '每周三晚上在江州体育馆打球，欢迎各水平校友。',
    joinPolicy: 'open' as const,
    status: 'proposed' as const,
    createdBy: fourth.id,
  });
  return classmates;
}

/** Verified graduates of `first`'s class, on the roster with their entries claimed. */
async function seedClassmates(manager: EntityManager, first: AlumnusEntity, offset: number, now: Date): Promise<AlumnusEntity[]> {
  const classmates = await manager.save(
    AlumnusEntity,
    Array.from({ length: CLASSMATES }, (_, i) => {
      const name = `${faker.person.lastName()}${faker.person.firstName()}`;
      return manager.create(AlumnusEntity, {
        displayName: name,
        realName: name,
        graduationYear: first.graduationYear,
        departmentId: first.departmentId,
        major: first.major,
        className: first.className,
        city: first.city,
        industry: first.industry,
        verifiedAt: new Date(now.getTime() - (i + 1) * 30 * DAY_MS),
      });
    }),
  );
  await manager.insert(
    RosterEntryEntity,
    classmates.map((a, i) => ({
      studentNumber: `${a.graduationYear! - 4}${String(offset + i + 1).padStart(5, '0')}`,
      name: a.realName!,
      graduationYear: a.graduationYear!,
      departmentId: a.departmentId!,
      major: a.major,
      className: a.className,
      degree: 'bachelor' as const,
      claimedBy: a.id,
      claimedAt: a.verifiedAt,
    })),
  );
  return classmates;
}
