import { faker } from '@faker-js/faker/locale/zh_CN';
import type { EntityManager } from 'typeorm';
import type { Role } from '@alumni/shared';
import { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { CampaignEntity } from '../../giving/campaign.entity.js';
import { EventEntity } from '../../events/event.entity.js';
import { PRIVACY_NOTICE } from '../../identity/privacy-notice.js';
import { RosterEntryEntity } from '../../roster/roster-entry.entity.js';
import { DepartmentEntity } from '../../school/department.entity.js';
import { SchoolEntity } from '../../school/school.entity.js';
import { seedDemoCareers } from './demo-careers.js';
import { seedDemoDuplicates } from './demo-duplicates.js';
import { HOMECOMING_QUESTIONS, seedDemoRegistrations } from './demo-events.js';
import { seedDemoGiving } from './demo-giving.js';
import { seedDemoMonthly } from './demo-monthly.js';
import { seedDemoGroups } from './demo-groups.js';
import { seedDemoInteractions } from './demo-interactions.js';
import { seedDemoLedger } from './demo-ledger.js';
import { seedDemoMemories } from './demo-memories.js';
import { seedDemoParticipation, verifyDemoVoters } from './demo-participation.js';
import { seedDemoStories } from './demo-stories.js';

/** Fixed seed: every demo installation shows the same people and numbers. */
const SEED = 20261124;
const ALUMNI_COUNT = 360;
const DEMO_OPENIDS = ['o_demo_001', 'o_demo_002', 'o_demo_003', 'o_demo_004', 'o_demo_005'];
const DEMO_STAFF = { openid: 'o_demo_staff', roles: ['alumnus', 'staff', 'admin'] as Role[] };
const DAY_MS = 24 * 60 * 60 * 1000;

const DEPARTMENTS: { name: string; majors: [string, string][] }[] = [
  {
    name: '机械工程学院',
    majors: [
      ['机械设计制造及其自动化', '机械'],
      ['车辆工程', '车辆'],
    ],
  },
  {
    name: '电气与信息工程学院',
    majors: [
      ['电气工程及其自动化', '电气'],
      ['电子信息工程', '电信'],
    ],
  },
  {
    name: '计算机科学与技术学院',
    majors: [
      ['计算机科学与技术', '计科'],
      ['软件工程', '软工'],
    ],
  },
  {
    name: '经济管理学院',
    majors: [
      ['会计学', '会计'],
      ['市场营销', '营销'],
      ['国际经济与贸易', '国贸'],
    ],
  },
  {
    name: '文学与新闻传播学院',
    majors: [
      ['汉语言文学', '汉语言'],
      ['新闻学', '新闻'],
    ],
  },
  {
    name: '外国语学院',
    majors: [
      ['英语', '英语'],
      ['日语', '日语'],
    ],
  },
  {
    name: '数学与统计学院',
    majors: [
      ['数学与应用数学', '数学'],
      ['统计学', '统计'],
    ],
  },
  {
    name: '化学与材料工程学院',
    majors: [
      ['应用化学', '应化'],
      ['材料科学与工程', '材料'],
    ],
  },
  {
    name: '建筑工程学院',
    majors: [
      ['土木工程', '土木'],
      ['工程管理', '工管'],
    ],
  },
  {
    name: '艺术设计学院',
    majors: [
      ['视觉传达设计', '视传'],
      ['环境设计', '环设'],
    ],
  },
  {
    name: '教育科学学院',
    majors: [
      ['小学教育', '小教'],
      ['学前教育', '学前'],
    ],
  },
  {
    name: '医学院',
    majors: [
      ['护理学', '护理'],
      ['临床医学', '临床'],
    ],
  },
];

const CITIES = ['江州', '江州', '江州', '上海', '北京', '深圳', '杭州', '南京', '广州', '武汉', '成都', '苏州', '长沙', '西安'];
const INDUSTRIES = ['互联网', '教育', '制造业', '金融', '医疗健康', '建筑地产', '政府机关', '文化传媒', '能源', '咨询服务'];
const TITLES = [
  '工程师',
  '高级工程师',
  '教师',
  '项目经理',
  '会计师',
  '产品经理',
  '设计师',
  '医生',
  '总经理',
  '公务员',
  '研究员',
  '销售总监',
];

/** 14:00 Beijing time, `days` from `now`, so demo events sit at sensible hours. */
function afternoon(now: Date, days: number, hours = 0): Date {
  const day = new Date(now.getTime() + days * DAY_MS);
  return new Date(Date.UTC(day.getUTCFullYear(), day.getUTCMonth(), day.getUTCDate(), 6 + hours));
}

/**
 * A realistic Chinese local college: departments and majors, classes graduating 2000–2024,
 * a few hundred alumni, their groups, events around `now` and donation drives. Runs in the
 * caller's transaction; callers seed only an empty database.
 */
export async function seedDemoData(manager: EntityManager, now: Date = new Date()): Promise<void> {
  faker.seed(SEED);

  await manager.insert(SchoolEntity, {
    id: 1,
    name: '江州学院',
    shortName: '江院',
    motto: '明德 笃学 求是 创新',
    intro: '江州学院始建于 1958 年，是一所以工科为主、多学科协调发展的地方本科院校。六十余年来培养了十余万名校友，遍布全国各地与各行各业。',
    logoUrl: null,
    foundedYear: 1958,
    city: '江州',
  });

  const departments = await manager.save(
    DepartmentEntity,
    DEPARTMENTS.map((d, index) => manager.create(DepartmentEntity, { name: d.name, sortOrder: index + 1 })),
  );

  const alumni = Array.from({ length: ALUMNI_COUNT }, () => {
    const index = faker.number.int({ min: 0, max: DEPARTMENTS.length - 1 });
    const [major, majorShort] = faker.helpers.arrayElement(DEPARTMENTS[index]!.majors);
    const graduationYear = faker.number.int({ min: 2000, max: 2024 });
    const name = `${faker.person.lastName()}${faker.person.firstName()}`;
    return manager.create(AlumnusEntity, {
      displayName: name,
      realName: name,
      graduationYear,
      departmentId: departments[index]!.id,
      major,
      className: `${majorShort}${graduationYear - 4}级${faker.number.int({ min: 1, max: 3 })}班`,
      city: faker.helpers.arrayElement(CITIES),
      industry: faker.helpers.arrayElement(INDUSTRIES),
      employer: faker.company.name(),
      jobTitle: faker.helpers.arrayElement(TITLES),
    });
  });
  // Accounts the H5 demo signs in as (GET /auth/demo-accounts): five alumni and one staff admin,
  // their privacy consent already given, so the demo starts where a returning user would.
  const demoAccounts = [...DEMO_OPENIDS.map((openid) => ({ openid, roles: ['alumnus'] as Role[] })), DEMO_STAFF];
  demoAccounts.forEach(({ openid, roles }, index) =>
    Object.assign(alumni[index]!, { openid, roles, consentVersion: PRIVACY_NOTICE.version, consentedAt: now }),
  );
  await manager.save(AlumnusEntity, alumni, { chunk: 100 });
  // The registrar's roster lists every seeded graduate (verified ones hold their entry), so a
  // demo account verifies itself at 我的 → 校友认证 with its name, year, department and class.
  await manager.insert(
    RosterEntryEntity,
    alumni.map((a, index) => ({
      studentNumber: `${a.graduationYear! - 4}${String(index + 1).padStart(5, '0')}`,
      name: a.realName!,
      graduationYear: a.graduationYear!,
      departmentId: a.departmentId!,
      major: a.major,
      className: a.className,
      degree: 'bachelor' as const,
      claimedBy: a.verifiedAt ? a.id : null,
      claimedAt: a.verifiedAt,
    })),
  );

  const event = (days: number, durationHours: number, values: Partial<EventEntity>) => ({
    description: '',
    city: null,
    venue: null,
    online: false,
    coverUrl: null,
    status: 'published' as const,
    startsAt: afternoon(now, days),
    endsAt: afternoon(now, days, durationHours),
    ...values,
  });
  await manager.insert(EventEntity, [
    event(12, 4, {
      title: '2026 年秋季校友返校日',
      kind: 'homecoming',
      city: '江州',
      venue: '江州学院南校区 大礼堂',
      capacity: 300,
      confirmedCount: 186,
      description: '回母校走走看看：校史馆参观、各学院座谈、校友林植树、食堂怀旧午餐。',
      questions: HOMECOMING_QUESTIONS,
    }),
    event(5, 3, {
      title: '上海校友沙龙：制造业数字化转型',
      kind: 'meetup',
      city: '上海',
      venue: '上海市徐汇区漕河泾开发区 校友企业会议室',
      capacity: 60,
      confirmedCount: 41,
    }),
    event(3, 2, { title: '线上讲座：AI 时代的职业转型', kind: 'online', online: true, capacity: 500, confirmedCount: 233 }),
    event(26, 5, {
      title: '计科 2006 级毕业二十周年聚会',
      kind: 'reunion',
      city: '江州',
      venue: '江州学院 东区教学楼 A201',
      capacity: 80,
      confirmedCount: 52,
    }),
    event(40, 6, {
      title: '校园开放日：带孩子看看我们的大学',
      kind: 'campus_day',
      city: '江州',
      venue: '江州学院 图书馆前广场',
      capacity: 200,
      confirmedCount: 37,
    }),
    event(-20, 3, {
      title: '深圳校友新春联谊会',
      kind: 'meetup',
      city: '深圳',
      venue: '深圳南山 校友之家',
      capacity: 100,
      confirmedCount: 88,
      status: 'finished',
    }),
    event(-60, 2, {
      title: '校友讲堂：从工程师到创业者',
      kind: 'lecture',
      city: '江州',
      venue: '江州学院 学术报告厅',
      capacity: 150,
      confirmedCount: 150,
      status: 'finished',
    }),
    event(50, 3, { title: '北京校友年会（筹备中）', kind: 'meetup', city: '北京', venue: '待定', capacity: 120, status: 'draft' }),
  ]);

  // Totals start at zero: seedDemoGiving adds the gifts and takes the totals from them.
  const campaign = (daysAgo: number, values: Partial<CampaignEntity>) =>
    manager.create(CampaignEntity, {
      story: '',
      coverUrl: null,
      unitName: null,
      unitPriceFen: null,
      status: 'open' as const,
      startsAt: afternoon(now, -daysAgo),
      createdAt: afternoon(now, -daysAgo),
      endsAt: afternoon(now, 120 - daysAgo),
      ...values,
    });
  const [trees, aid, scholarship, library, trees2025] = await manager.save(CampaignEntity, [
    campaign(30, {
      title: '校友林植树：为母校种下一棵树',
      kind: 'sapling',
      summary: '每 30 元在南校区东坡种下一棵树苗，挂牌留名。',
      goalFen: 3_000_000,
      unitName: '棵树苗',
      unitPriceFen: 3000,
    }),
    campaign(20, {
      title: '春晖助学基金',
      kind: 'student_aid',
      summary: '资助家庭经济困难的在校学生，每一份都直接用于学费与生活费。',
      goalFen: 20_000_000,
    }),
    campaign(10, {
      title: '励志奖学金（2026 学年）',
      kind: 'scholarship',
      summary: '奖励品学兼优、自强不息的在校学生。',
      goalFen: 10_000_000,
    }),
    campaign(5, {
      title: '图书馆校友捐书计划',
      kind: 'general',
      summary: '为新图书馆添置专业书籍与经典读物。',
      goalFen: 5_000_000,
    }),
    campaign(400, {
      title: '2025 年校友林植树',
      kind: 'sapling',
      summary: '已完成：种下 1,200 棵树苗。',
      goalFen: 3_600_000,
      status: 'closed',
      unitName: '棵树苗',
      unitPriceFen: 3000,
      endsAt: afternoon(now, -300),
    }),
    campaign(1, { title: '校史馆修缮（草稿）', kind: 'general', summary: '', goalFen: 8_000_000, status: 'draft' }),
  ]);

  const classmates = await seedDemoGroups(
    manager,
    alumni,
    ['上海', '北京', '深圳', '杭州', '南京', '广州', '武汉', '成都'],
    INDUSTRIES,
    now,
  );
  await seedDemoGiving(manager, {
    alumni,
    classmates,
    now,
    drives: { trees: trees!, aid: aid!, scholarship: scholarship!, library: library!, trees2025: trees2025! },
  });
  await seedDemoLedger(manager, { now, staffId: alumni[5]!.id, drives: { aid: aid!, trees2025: trees2025! } });
  await seedDemoMonthly(manager, { alumni, aid: aid!, now });
  await seedDemoCareers(manager, { alumni, departments, now });
  await seedDemoRegistrations(manager);
  await verifyDemoVoters(manager, alumni, demoAccounts.length, now);
  // Claiming a roster entry, joining a group, signing up and giving all happen in the mini-program: whoever
  // did one has signed in with WeChat (a donor as the payer of their gifts) and agreed to the notice.
  await manager.query(
    `UPDATE alumni a
     SET openid = coalesce((SELECT min(d.payer_openid) FROM donations d WHERE d.alumnus_id = a.id), 'o_seed_' || left(md5(a.id::text), 16)),
         consent_version = $1, consented_at = a.created_at
     WHERE a.openid IS NULL
       AND (a.verified_at IS NOT NULL
            OR EXISTS (SELECT 1 FROM group_memberships m WHERE m.alumnus_id = a.id)
            OR EXISTS (SELECT 1 FROM event_registrations r WHERE r.alumnus_id = a.id)
            OR EXISTS (SELECT 1 FROM donations d WHERE d.alumnus_id = a.id))`,
    [PRIVACY_NOTICE.version],
  );
  await seedDemoParticipation(manager, now);
  await seedDemoMemories(manager, now);
  await seedDemoStories(manager, { alumni, now, drives: { trees: trees! } });
  await seedDemoInteractions(manager);
  await seedDemoDuplicates(manager, alumni[20]!);
}
