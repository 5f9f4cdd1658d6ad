import type { EntityManager } from 'typeorm';
import type { SurveyAnswer, SurveyQuestionDto, VoteOptionDto } from '@alumni/shared';
import type { AlumnusEntity } from '../../alumni/alumnus.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A verified alumnus as the seed reads them back: the pool ballots, signatures and answers come from. */
interface Person {
  id: string;
  name: string;
  year: number;
  city: string | null;
  department: string | null;
}

/** The demo accounts stay out of the seeded ballots, co-signatures and answers, so a visitor can take part themselves. */
const DEMO_ACCOUNTS = ['o_demo_mentor', 'o_demo_student', 'o_demo_staff'];

/**
 * Verifies one in three of the seeded graduates against the roster entry the seed made for them
 * (as if they had claimed it in the mini-program): votes, co-signatures and surveys count
 * verified alumni only, and a college of a few dozen verified graduates would leave them bare.
 * The demo accounts are left to verify themselves. Runs before the seed signs in every verified
 * alumnus with WeChat, so these have an openid like the rest.
 */
export async function verifyDemoVoters(manager: EntityManager, alumni: AlumnusEntity[], demoAccounts: number, now: Date): Promise<void> {
  for (const [index, a] of alumni.entries()) {
    if (index < demoAccounts || index % 3 !== 0 || a.verifiedAt) continue;
    const verifiedAt = new Date(now.getTime() - (30 + (index % 700)) * DAY_MS);
    // Mentors the careers seed took from the same list are verified already: they stay as they are.
    const updated: unknown[] = await manager.query(`UPDATE alumni SET verified_at = $2 WHERE id = $1 AND verified_at IS NULL RETURNING 1`, [
      a.id,
      verifiedAt,
    ]);
    if (updated.length === 0) continue;
    // The student number the seed gave this graduate's roster entry.
    await manager.query(`UPDATE roster_entries SET claimed_by = $2, claimed_at = $3 WHERE student_number = $1 AND claimed_by IS NULL`, [
      `${a.graduationYear! - 4}${String(index + 1).padStart(5, '0')}`,
      a.id,
      verifiedAt,
    ]);
  }
}

/**
 * Alumni in the school's decisions, for the demo college: a council (elected two hundred days
 * ago in a secret election whose result is published, plus appointed officers and two who
 * served before), a secret poll and a named live poll running now with ballots, a draft for
 * staff; suggestions in every public stage with co-signatures, steps and the school's answers;
 * a survey collecting answers (online and paper) and a closed one with its tables. Ballots,
 * signatures and answers come from the verified alumni in a fixed order, so every
 * installation shows the same figures; the interaction rows they imply are written too.
 * Runs after the people are seeded (verification comes from groups and careers).
 */
export async function seedDemoParticipation(manager: EntityManager, now: Date): Promise<void> {
  const at = (days: number, hours = 0) => new Date(now.getTime() + days * DAY_MS + hours * 3_600_000);
  const day = (days: number) => new Date(now.getTime() + days * DAY_MS + 8 * 3_600_000).toISOString().slice(0, 10);
  const people: Person[] = await manager.query(
    `SELECT a.id, coalesce(a.real_name, a.display_name) AS name, a.graduation_year AS year, a.city, d.name AS department
       FROM alumni a LEFT JOIN departments d ON d.id = a.department_id
      WHERE a.verified_at IS NOT NULL AND a.graduation_year <= 2024 AND (a.openid IS NULL OR a.openid <> ALL($1))
      ORDER BY a.verified_at, a.display_name, a.class_name`,
    [DEMO_ACCOUNTS],
  );
  const [{ id: staffId }]: { id: string }[] = await manager.query(`SELECT id FROM alumni WHERE openid = 'o_demo_staff'`);
  const [{ verified }]: { verified: number }[] = await manager.query(
    `SELECT count(*)::int AS verified FROM alumni WHERE verified_at IS NOT NULL`,
  );
  // Every k-th person from an offset, each once: a spread of years, colleges and cities, the same every time.
  const pick = (count: number, offset: number, step = 1): Person[] => {
    const chosen = new Set<number>();
    for (let i = 0; chosen.size < Math.min(count, people.length); i++) {
      let index = (offset + i * step) % people.length;
      while (chosen.has(index)) index = (index + 1) % people.length;
      chosen.add(index);
    }
    return [...chosen].map((index) => people[index]!);
  };

  // Votes ---------------------------------------------------------------------------------

  const candidates = pick(5, 3, 7);
  const election = await insertVote(manager, {
    title: '第二届校友理事会理事选举',
    description: '按照《江州学院校友会章程》，由全体认证校友从五位候选人中选出三位理事，任期五年。无记名投票，每人最多选三位。',
    purpose: 'election',
    choice: 'multiple',
    maxChoices: 3,
    options: candidates.map((c, i) => ({
      number: i + 1,
      label: c.name,
      description: `${c.year} 届${c.department ?? ''}校友${c.city ? `，现居${c.city}` : ''}`,
      candidateId: c.id,
    })),
    secret: true,
    resultsVisibility: 'after_close',
    opensAt: at(-214),
    closesAt: at(-200),
    resultsPublishedAt: at(-199),
    resultNote: `${candidates[0]!.name}、${candidates[1]!.name}、${candidates[2]!.name} 当选第二届校友理事会理事，任期自公布之日起五年。感谢每一位投票的校友！`,
    createdBy: staffId,
  });
  // Ballots that put the first three candidates ahead: a secret ballot leaves only the sums.
  await castBallots(manager, election, pick(64, 0, 1), (i) => [1 + (i % 3), 1 + ((i + 1) % 5), ...(i % 4 === 0 ? [3] : [])], at(-210));

  const emblem = await insertVote(manager, {
    title: '校友会会徽设计方案投票',
    description: '校友会向全体校友征集会徽设计，经初评选出四个方案，请投出你最喜欢的一个。无记名投票，结束后公布结果。',
    purpose: 'poll',
    choice: 'single',
    maxChoices: 1,
    options: ['方案一：校门与书卷', '方案二：江水与银杏', '方案三：1958 与星辰', '方案四：简约字标'].map((label, i) => ({
      number: i + 1,
      label,
      description: null,
      candidateId: null,
    })),
    secret: true,
    resultsVisibility: 'after_close',
    opensAt: at(-3),
    closesAt: at(11),
    resultsPublishedAt: null,
    resultNote: null,
    createdBy: staffId,
  });
  await castBallots(manager, emblem, pick(38, 20, 3), (i) => [[2, 1, 2, 3, 2, 4][i % 6]!], at(-3, 2));

  const homecoming = await insertVote(manager, {
    title: '2027 年校友返校日定在哪个周末？',
    description: '明年返校日想安排在大家最方便的时间，请选一个周末（记名投票，票数实时可见）。',
    purpose: 'poll',
    choice: 'single',
    maxChoices: 1,
    options: ['4 月 17–18 日（春季）', '5 月 15–16 日（校庆前后）', '10 月 16–17 日（秋季）'].map((label, i) => ({
      number: i + 1,
      label,
      description: null,
      candidateId: null,
    })),
    secret: false,
    resultsVisibility: 'live',
    opensAt: at(-6),
    closesAt: at(8),
    resultsPublishedAt: null,
    resultNote: null,
    createdBy: staffId,
  });
  await castBallots(manager, homecoming, pick(27, 41, 5), (i) => [[2, 2, 3, 1, 2][i % 5]!], at(-6, 3));

  await insertVote(manager, {
    title: '校友会章程修订草案表决',
    description: '理事会提交的章程修订草案，发布前请核对条款。',
    purpose: 'poll',
    choice: 'single',
    maxChoices: 1,
    options: ['同意', '不同意', '弃权'].map((label, i) => ({ number: i + 1, label, description: null, candidateId: null })),
    secret: true,
    resultsVisibility: 'after_close',
    opensAt: at(7),
    closesAt: at(21),
    resultsPublishedAt: null,
    resultNote: null,
    createdBy: staffId,
    status: 'draft',
  });

  // The council ---------------------------------------------------------------------------

  const officers = pick(4, 90, 11);
  const council = [
    ...officers.map((p, i) => ({
      person: p,
      title: ['会长', '副会长', '副会长', '秘书长'][i]!,
      intro: ['统筹校友会工作，联络各地校友分会', '分管校友企业与职业发展', '分管校友活动与返校日', '负责校友会日常事务与联络'][i]!,
      source: 'appointed' as const,
    })),
    ...candidates.slice(0, 3).map((p) => ({ person: p, title: '理事', intro: '第二届校友理事会选举产生', source: 'elected' as const })),
    ...pick(2, 130, 13).map((p, i) => ({
      person: p,
      title: i === 0 ? '常务理事' : '监事',
      intro: i === 0 ? '联络上海、苏州、杭州校友' : '监督校友会财务与捐赠使用',
      source: 'appointed' as const,
    })),
  ];
  for (const member of council) {
    await manager.query(
      `INSERT INTO council_members (alumnus_id, title, intro, term_starts_on, term_ends_on, source, vote_id, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        member.person.id,
        member.title,
        member.intro,
        day(-199),
        day(5 * 365 - 200),
        member.source,
        member.source === 'elected' ? election : null,
        staffId,
        at(-199),
      ],
    );
  }
  for (const [i, p] of pick(2, 150, 17).entries()) {
    await manager.query(
      `INSERT INTO council_members (alumnus_id, title, intro, term_starts_on, term_ends_on, ended_on, source, created_by, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, 'appointed', $7, $8)`,
      [p.id, i === 0 ? '会长' : '理事', '第一届校友理事会', day(-5 * 365 - 199), day(-200), day(-200), staffId, at(-5 * 365 - 199)],
    );
  }

  // Suggestions (建言献策) -------------------------------------------------------------------

  const SUGGESTIONS: {
    title: string;
    category: string;
    body: string;
    status: string;
    daysAgo: number;
    cosigns: number;
    answer?: string;
    steps: { status: string; daysAgo: number; note?: string }[];
  }[] = [
    {
      title: '为认证校友开放图书馆借阅',
      category: 'campus',
      body: '不少校友毕业后留在江州工作，希望凭校友认证办理图书馆借阅证，周末能回学校看书、查资料。可以收取押金，或限制借阅册数。',
      status: 'adopted',
      daysAgo: 95,
      cosigns: 34,
      answer:
        '感谢建议！图书馆已于本学期起为认证校友办理借阅证：凭小程序中的校友认证到一楼服务台办理，押金 100 元，可借 5 册，周末及寒暑假均开放。',
      steps: [
        { status: 'collecting', daysAgo: 95 },
        { status: 'received', daysAgo: 80, note: '附议达到 20 人，已提交学校' },
        { status: 'under_review', daysAgo: 76 },
        { status: 'adopted', daysAgo: 60 },
      ],
    },
    {
      title: '在校友林设立认养牌查询系统',
      category: 'alumni_affairs',
      body: '每年植树活动种下的树苗很多，建议在校友林入口放一个二维码，扫码就能查到每棵树的认养人、届别和留言，方便校友返校时找到自己的树。',
      status: 'answered',
      daysAgo: 70,
      cosigns: 23,
      answer: '校友会正在与后勤处商量树牌方案：今年起新种的树挂带编号的树牌，证书上的编号即可在“捐赠”中查到位置；已有树木明年春季补挂。',
      steps: [
        { status: 'collecting', daysAgo: 70 },
        { status: 'received', daysAgo: 52, note: '附议达到 20 人，已提交学校' },
        { status: 'answered', daysAgo: 40 },
      ],
    },
    {
      title: '恢复老校区食堂的怀旧窗口',
      category: 'campus',
      body: '老校区一食堂的红烧狮子头和糖醋排骨是很多校友的回忆，建议在返校日前后开一个怀旧窗口，按当年的做法供应几道经典菜。',
      status: 'declined',
      daysAgo: 120,
      cosigns: 41,
      answer:
        '老校区一食堂已改建为学生活动中心，暂无条件开设窗口。返校日当天南校区食堂会推出“怀旧午餐”，供应狮子头、糖醋排骨等经典菜，欢迎校友报名。',
      steps: [
        { status: 'collecting', daysAgo: 120 },
        { status: 'received', daysAgo: 110, note: '附议达到 20 人，已提交学校' },
        { status: 'under_review', daysAgo: 104 },
        { status: 'declined', daysAgo: 90 },
      ],
    },
    {
      title: '为在校生开设校友职业分享课',
      category: 'careers',
      body: '建议每学期请不同行业的校友回校开一次职业分享课，计入选修学分，让在校生早点了解行业，也让校友有机会回报母校。',
      status: 'under_review',
      daysAgo: 40,
      cosigns: 27,
      steps: [
        { status: 'collecting', daysAgo: 40 },
        { status: 'received', daysAgo: 25, note: '附议达到 20 人，已提交学校' },
        { status: 'under_review', daysAgo: 20 },
      ],
    },
    {
      title: '校史馆增加各届毕业照展区',
      category: 'alumni_affairs',
      body: '校史馆里很少有各届毕业生的集体照，建议开辟一面墙，按年份展示毕业照，也可以征集校友手里的老照片。',
      status: 'received',
      daysAgo: 18,
      cosigns: 21,
      steps: [
        { status: 'collecting', daysAgo: 18 },
        { status: 'received', daysAgo: 4, note: '附议达到 20 人，已提交学校' },
      ],
    },
    {
      title: '实验室向校友企业开放合作',
      category: 'teaching',
      body: '学校几个工科实验室设备很好，建议建立校友企业合作机制，在不影响教学的前提下承接检测和联合研发，收入用于实验室建设。',
      status: 'collecting',
      daysAgo: 9,
      cosigns: 12,
      steps: [{ status: 'collecting', daysAgo: 9 }],
    },
    {
      title: '毕业生档案查询线上办理',
      category: 'other',
      body: '外地校友查询、转递档案需要专程回校，建议在小程序里提供档案去向查询和线上申请，减少往返。',
      status: 'collecting',
      daysAgo: 3,
      cosigns: 5,
      steps: [{ status: 'collecting', daysAgo: 3 }],
    },
  ];
  for (const [n, s] of SUGGESTIONS.entries()) {
    const author = people[(200 + n * 19) % people.length]!;
    const received = s.steps.find((step) => step.status === 'received');
    const answered = s.answer ? s.steps[s.steps.length - 1]! : null;
    const [{ id }]: { id: string }[] = await manager.query(
      `INSERT INTO suggestions (author_id, title, category, body, status, check_outcome, threshold, cosign_count, collect_until,
                                received_at, answer, answered_at, answered_by, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, 'pass', 20, $6, $7, $8, $9, $10, $11, $12, $12) RETURNING id`,
      [
        author.id,
        s.title,
        s.category,
        s.body,
        s.status,
        s.cosigns,
        at(60 - s.daysAgo),
        received ? at(-received.daysAgo) : null,
        s.answer ?? null,
        answered ? at(-answered.daysAgo) : null,
        answered ? staffId : null,
        at(-s.daysAgo),
      ],
    );
    for (const step of s.steps) {
      await manager.query(`INSERT INTO suggestion_steps (suggestion_id, status, note, actor_id, at) VALUES ($1, $2, $3, $4, $5)`, [
        id,
        step.status,
        step.status === s.status && s.answer ? s.answer : (step.note ?? null),
        step.status === 'collecting' ? author.id : step.status === 'received' ? null : staffId,
        at(-step.daysAgo),
      ]);
    }
    const signers = pick(s.cosigns + 1, 7 + n * 23, 3)
      .filter((p) => p.id !== author.id)
      .slice(0, s.cosigns);
    for (const [i, signer] of signers.entries()) {
      await manager.query(`INSERT INTO suggestion_cosigns (suggestion_id, alumnus_id, created_at) VALUES ($1, $2, $3)`, [
        id,
        signer.id,
        at(-s.daysAgo, 2 + i * 5),
      ]);
    }
    // The count the page shows is the signatures there are (a small pool may give fewer than planned).
    await manager.query(`UPDATE suggestions SET cosign_count = $2 WHERE id = $1`, [id, signers.length]);
  }

  // Surveys -------------------------------------------------------------------------------

  const question = (number: number, q: Partial<SurveyQuestionDto> & Pick<SurveyQuestionDto, 'kind' | 'title'>): SurveyQuestionDto => ({
    key: `q${number}`,
    number,
    required: true,
    options: [],
    maxChoices: null,
    scaleMin: null,
    scaleMax: null,
    minLabel: null,
    maxLabel: null,
    ...q,
  });
  const development = [
    question(1, { kind: 'single', title: '您目前的工作单位类型', options: ['企业', '机关事业单位', '学校或科研院所', '自主创业', '其他'] }),
    question(2, {
      kind: 'multiple',
      title: '您希望校友会提供哪些服务（最多选三项）',
      options: ['职业发展与招聘', '校友联谊活动', '继续教育与培训', '子女教育咨询', '创业支持', '返校参观'],
      maxChoices: 3,
    }),
    question(3, {
      kind: 'scale',
      title: '您对母校校友工作的总体满意度',
      scaleMin: 1,
      scaleMax: 5,
      minLabel: '非常不满意',
      maxLabel: '非常满意',
    }),
    question(4, { kind: 'single', title: '过去一年您参加过几次校友活动', options: ['没有', '1 次', '2–3 次', '4 次及以上'] }),
    question(5, { kind: 'text', title: '您对校友会工作还有什么建议', required: false }),
  ];
  const ideas = [
    '多办一些行业沙龙',
    '希望各地都有校友分会',
    '返校日可以安排参观新校区',
    '希望有校友导师和在校生结对',
    '校友卡能在图书馆使用',
  ];
  const developmentAnswer = (i: number): Record<string, SurveyAnswer> => ({
    q1: [1, 1, 2, 1, 3, 1, 4, 2, 1, 5][i % 10]!,
    q2: [[1, 2], [1, 3, 5], [2, 6], [1], [2, 3, 4], [1, 2, 6]][i % 6]!,
    q3: [4, 5, 3, 4, 4, 2, 5, 4][i % 8]!,
    q4: [1, 2, 3, 2, 1, 4, 2][i % 7]!,
    ...(i % 4 === 0 ? { q5: ideas[(i / 4) % ideas.length]! } : {}),
  });

  const open = await insertSurvey(manager, {
    title: '2026 年校友发展状况调查',
    intro: '了解校友的工作、需要和对校友会的评价，结果用于改进校友工作。约 3 分钟，匿名统计。',
    questions: development,
    status: 'open',
    openedAt: at(-12),
    closesAt: at(18),
    issuedOnline: verified,
    paperIssued: 120,
    minSeconds: 30,
    createdBy: staffId,
  });
  const respondents = pick(Math.min(58, people.length), 11, 2);
  for (const [i, p] of respondents.entries()) {
    await manager.query(
      `INSERT INTO survey_responses (survey_id, alumnus_id, source, answers, attributes, complete, duration_seconds, submitted_at)
       VALUES ($1, $2, 'online', $3, $4, $5, $6, $7)`,
      [
        open,
        p.id,
        developmentAnswer(i),
        attributesOf(p),
        true,
        // A few rushed through it: returned, not valid under the 30-second rule.
        i % 13 === 5 ? 12 : 70 + ((i * 37) % 200),
        at(-12 + (i % 12), i % 9),
      ],
    );
  }
  // Paper questionnaires handed out at the Shanghai salon and entered from a spreadsheet.
  const [{ id: importId }]: { id: string }[] = await manager.query(
    `INSERT INTO survey_imports (survey_id, status, file_name, total_rows, problem_rows, inserted_rows, imported_by, created_at, committed_at)
     VALUES ($1, 'committed', '上海校友沙龙纸质问卷.xlsx', 24, 0, 24, $2, $3, $3) RETURNING id`,
    [open, staffId, at(-5)],
  );
  const paperColleges = ['机械工程学院', '经济管理学院', '计算机科学与技术学院', '电气与信息工程学院'];
  for (let i = 0; i < 24; i++) {
    const answers = developmentAnswer(i + 3);
    // Two respondents skipped the satisfaction question: returned, not valid.
    if (i % 12 === 7) delete answers.q3;
    await manager.query(
      `INSERT INTO survey_responses (survey_id, source, import_id, line, answers, attributes, complete, submitted_at)
       VALUES ($1, 'import', $2, $3, $4, $5, $6, $7)`,
      [
        open,
        importId,
        i + 2,
        answers,
        { 院系: paperColleges[i % 4]!, 毕业年份: String(2004 + ((i * 3) % 20)), 城市: '上海' },
        answers.q3 !== undefined,
        at(-5),
      ],
    );
  }

  const closed = await insertSurvey(manager, {
    title: '2026 年秋季返校日满意度调查',
    intro: '感谢回到母校！请花一分钟告诉我们这次返校日的感受。',
    questions: [
      question(1, { kind: 'scale', title: '您对本次返校日的总体评价', scaleMin: 1, scaleMax: 5, minLabel: '很不满意', maxLabel: '很满意' }),
      question(2, { kind: 'multiple', title: '您最喜欢的环节', options: ['校史馆参观', '学院座谈', '校友林植树', '怀旧午餐'] }),
      question(3, { kind: 'single', title: '明年还会回来吗', options: ['一定会', '可能会', '不确定'] }),
    ],
    status: 'closed',
    openedAt: at(-80),
    closesAt: at(-60),
    issuedOnline: 186,
    paperIssued: 0,
    minSeconds: 15,
    createdBy: staffId,
  });
  for (const [i, p] of pick(Math.min(71, people.length), 5, 3).entries()) {
    await manager.query(
      `INSERT INTO survey_responses (survey_id, alumnus_id, source, answers, attributes, complete, duration_seconds, submitted_at)
       VALUES ($1, $2, 'online', $3, $4, true, $5, $6)`,
      [
        closed,
        p.id,
        { q1: [5, 4, 5, 4, 3, 5][i % 6]!, q2: [[1, 4], [3], [1, 2, 4], [4], [2, 3]][i % 5]!, q3: [1, 1, 2, 1, 3][i % 5]! },
        attributesOf(p),
        40 + ((i * 17) % 90),
        at(-79 + (i % 18)),
      ],
    );
  }

  // What the log would hold had all this happened in the app (engagement is rebuilt from it afterwards).
  await manager.query(`
    INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at)
    SELECT s.author_id, 'governance.suggested', 'suggestion', s.id::text, '{}'::jsonb, s.created_at FROM suggestions s
    UNION ALL
    SELECT c.alumnus_id, 'governance.cosigned', 'suggestion', c.suggestion_id::text, '{}'::jsonb, c.created_at FROM suggestion_cosigns c
    UNION ALL
    SELECT m.alumnus_id, 'governance.council_joined', 'council_member', m.id::text, jsonb_build_object('title', m.title, 'source', m.source), m.created_at
      FROM council_members m
    UNION ALL
    SELECT r.alumnus_id, 'surveys.answered', 'survey', r.survey_id::text, '{}'::jsonb, r.submitted_at
      FROM survey_responses r WHERE r.alumnus_id IS NOT NULL
    ORDER BY 6`);
}

function attributesOf(p: Person): Record<string, string> {
  return { 院系: p.department ?? '', 毕业年份: String(p.year), 城市: p.city ?? '' };
}

interface SeedVote {
  title: string;
  description: string;
  purpose: 'poll' | 'election';
  choice: 'single' | 'multiple';
  maxChoices: number;
  options: VoteOptionDto[];
  secret: boolean;
  resultsVisibility: 'live' | 'after_close';
  opensAt: Date;
  closesAt: Date;
  resultsPublishedAt: Date | null;
  resultNote: string | null;
  createdBy: string;
  status?: 'draft' | 'published';
}

/** A vote for every verified alumnus, with its empty ballot box. */
async function insertVote(manager: EntityManager, v: SeedVote): Promise<string> {
  const status = v.status ?? 'published';
  const publishedAt = status === 'published' ? v.opensAt : null;
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO votes (title, description, purpose, choice, max_choices, options, option_count, audience, opens_at, closes_at,
                        results_visibility, secret, status, published_at, announced_at, results_published_at, result_note, created_by, created_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, '{"kind":"verified"}', $8, $9, $10, $11, $12, $13, $13, $14, $15, $16, $17) RETURNING id`,
    [
      v.title,
      v.description,
      v.purpose,
      v.choice,
      v.maxChoices,
      JSON.stringify(v.options),
      v.options.length,
      v.opensAt,
      v.closesAt,
      v.resultsVisibility,
      v.secret,
      status,
      publishedAt,
      v.resultsPublishedAt,
      v.resultNote,
      v.createdBy,
      new Date(v.opensAt.getTime() - 2 * DAY_MS),
    ],
  );
  await manager.query(`INSERT INTO vote_tallies (vote_id, ballots, counts) VALUES ($1, 0, $2)`, [id, v.options.map(() => 0)]);
  return id;
}

/**
 * Ballots as the app casts them: the poll book (choices only for an open ballot), the tally's
 * sums, and the interaction (never the choice).
 */
async function castBallots(manager: EntityManager, voteId: string, voters: Person[], choicesOf: (i: number) => number[], from: Date) {
  const [vote]: { secret: boolean; option_count: number }[] = await manager.query(`SELECT secret, option_count FROM votes WHERE id = $1`, [
    voteId,
  ]);
  const counts = Array.from({ length: vote!.option_count }, () => 0);
  for (const [i, voter] of voters.entries()) {
    const choices = [...new Set(choicesOf(i))].sort((a, b) => a - b);
    for (const n of choices) counts[n - 1]!++;
    await manager.query(`INSERT INTO vote_participations (vote_id, alumnus_id, choices) VALUES ($1, $2, $3)`, [
      voteId,
      voter.id,
      vote!.secret ? null : choices,
    ]);
    await manager.query(
      `INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at)
       VALUES ($1, 'governance.voted', 'vote', $2, $3, $4)`,
      [voter.id, voteId, { secret: vote!.secret }, new Date(from.getTime() + i * 3_600_000)],
    );
  }
  await manager.query(`UPDATE vote_tallies SET ballots = $2, counts = $3 WHERE vote_id = $1`, [voteId, voters.length, counts]);
}

interface SeedSurvey {
  title: string;
  intro: string;
  questions: SurveyQuestionDto[];
  status: 'open' | 'closed';
  openedAt: Date;
  closesAt: Date;
  issuedOnline: number;
  paperIssued: number;
  minSeconds: number;
  createdBy: string;
}

async function insertSurvey(manager: EntityManager, s: SeedSurvey): Promise<string> {
  const [{ id }]: { id: string }[] = await manager.query(
    `INSERT INTO surveys (title, intro, questions, audience, status, closes_at, opened_at, closed_at, issued_online, paper_issued,
                          require_complete, min_seconds, created_by, created_at)
     VALUES ($1, $2, $3, '{"kind":"verified"}', $4, $5, $6, $7, $8, $9, true, $10, $11, $12) RETURNING id`,
    [
      s.title,
      s.intro,
      JSON.stringify(s.questions),
      s.status,
      s.closesAt,
      s.openedAt,
      s.status === 'closed' ? s.closesAt : null,
      s.issuedOnline,
      s.paperIssued,
      s.minSeconds,
      s.createdBy,
      new Date(s.openedAt.getTime() - DAY_MS),
    ],
  );
  return id;
}
