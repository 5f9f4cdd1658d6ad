import type { EntityManager } from 'typeorm';
import type { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { sanitizeRichText } from '../../common/rich-text.js';
import type { CampaignEntity } from '../../giving/campaign.entity.js';

const DAY_MS = 24 * 60 * 60 * 1000;

interface DemoStory {
  kind: 'news' | 'alumni_story' | 'outstanding_alumnus';
  status: 'published' | 'submitted';
  author: number;
  subject?: number;
  consent?: 'given' | 'requested';
  title: string;
  summary: string;
  body: string;
  links?: { kind: 'campaign' | 'mentoring'; id: string | null; title: string }[];
  daysAgo: number;
  readers: number[];
  likers: number[];
  comments: [number, string][];
}

/**
 * Stories and news for the demo: the association's news, alumni stories (one of a donor linked
 * to the drive she gave to, one of a mentor linked to the mentoring programme), profiles of
 * outstanding alumni with their consent given in the app, a submission waiting for staff, and
 * a profile of the first demo account waiting for their consent. Counts agree with their rows;
 * the log rows they imply are written with them.
 */
export async function seedDemoStories(
  manager: EntityManager,
  { alumni, now, drives }: { alumni: AlumnusEntity[]; now: Date; drives: { trees: CampaignEntity } },
): Promise<void> {
  const staff = 5;
  const name = (i: number) => `${alumni[i]!.realName} · ${alumni[i]!.graduationYear}届`;
  const stories: DemoStory[] = [
    {
      kind: 'news',
      status: 'published',
      author: staff,
      title: '江州学院校友会第五届理事会第二次会议召开',
      summary: '理事们审议了年度工作报告，确定明年“校友林”与励志奖学金两项重点工作。',
      body: '11 月 18 日，校友会第五届理事会第二次会议在图书馆报告厅召开。\n\n会议审议通过了年度工作报告和财务报告，确定明年重点推进“校友林”植树和励志奖学金两项工作，并启动校友口述史采集。',
      daysAgo: 18,
      readers: [0, 1, 2, 3, 4, 12, 13, 14, 15],
      likers: [1, 2, 12],
      comments: [[2, '期待口述史项目！']],
    },
    {
      kind: 'news',
      status: 'published',
      author: staff,
      title: '2026 年校友返校日圆满举行',
      summary: '来自 20 多个城市的 600 余名校友回到母校，在老校门、图书馆和体育场集章打卡。',
      body: '金秋十月，600 余名校友从全国各地回到母校。\n\n老校门前的合影、图书馆里的旧借书卡、体育场上的友谊赛，让许多校友感慨“像回到了二十岁”。',
      daysAgo: 40,
      readers: [0, 3, 16, 17, 18],
      likers: [3, 16],
      comments: [],
    },
    {
      kind: 'outstanding_alumnus',
      status: 'published',
      author: staff,
      subject: 10,
      consent: 'given',
      title: '从实验楼到发射场：一位航天工程师的二十年',
      summary: '毕业后扎根航天一线，参与多型运载火箭总装测试。',
      body: '<h2>“那台旧车床教会我的”</h2><p>在学校机械实验楼里，他第一次亲手加工零件……</p><p>如今，他带领的团队完成了多次发射任务的总装测试。</p>',
      daysAgo: 10,
      readers: [0, 1, 2, 3, 4, 11, 12, 19, 20, 21],
      likers: [0, 1, 2, 11, 19],
      comments: [
        [1, '师兄太厉害了，母校的骄傲！'],
        [19, '当年同一个实验室，与有荣焉。'],
      ],
    },
    {
      kind: 'outstanding_alumnus',
      status: 'published',
      author: staff,
      subject: 11,
      consent: 'given',
      title: '把乡村学校办成“最美课堂”的校长',
      summary: '回到家乡任教十五年，让一所村小走出了三百多名大学生。',
      body: '十五年前，她放弃城里的工作回到家乡的村小。\n\n“孩子们需要有人相信他们。”如今，这所学校已经走出了三百多名大学生。',
      daysAgo: 25,
      readers: [2, 4, 22, 23],
      likers: [2, 22],
      comments: [],
    },
    {
      kind: 'alumni_story',
      status: 'published',
      author: 1,
      title: '我在校友林种下的第一棵树',
      summary: '一棵树苗 30 元，一份心意种在母校。',
      body: '毕业十年，第一次以“校友”的身份回到母校，在校友林种下一棵树苗。\n\n树牌上写着我们班的名字，希望它和母校一起长大。',
      links: [{ kind: 'campaign', id: drives.trees.id, title: drives.trees.title }],
      daysAgo: 6,
      readers: [0, 2, 3, 24, 25],
      likers: [0, 24],
      comments: [[24, '明年我们班也去种！']],
    },
    {
      kind: 'alumni_story',
      status: 'published',
      author: 2,
      title: '做导师的这一年，我也被学弟学妹们改变了',
      summary: '跨行业带了三位学弟学妹，聊简历、聊选择，也聊迷茫。',
      body: '去年加入校友导师计划，带了三位想转行的学弟学妹。\n\n每个月一次视频通话，我也重新想清楚了自己为什么出发。',
      links: [{ kind: 'mentoring', id: null, title: '校友导师计划' }],
      daysAgo: 3,
      readers: [1, 3, 26],
      likers: [1],
      comments: [],
    },
    {
      kind: 'alumni_story',
      status: 'submitted',
      author: 3,
      title: '食堂的红烧肉和那年的冬天',
      summary: '一道菜，一段大学时光。',
      body: '每到冬天，我都会想起二食堂的红烧肉。',
      daysAgo: 1,
      readers: [],
      likers: [],
      comments: [],
    },
    {
      kind: 'outstanding_alumnus',
      status: 'submitted',
      author: staff,
      subject: 0,
      consent: 'requested',
      title: '一位校友志愿者的十年',
      summary: '十年组织校友返校、植树和助学活动。',
      body: '从第一次组织班级返校开始，他已经为校友会做了十年志愿者。',
      daysAgo: 1,
      readers: [],
      likers: [],
      comments: [],
    },
  ];

  for (const story of stories) {
    const at = new Date(now.getTime() - story.daysAgo * DAY_MS);
    const published = story.status === 'published';
    const consent = story.consent ?? null;
    const [row] = (await manager.query(
      `INSERT INTO stories (kind, status, author_id, title, summary, body, subject_alumnus_id, subject_name, links, consent_status,
                            consent_method, consent_revision, consent_at, check_outcome, submitted_at, published_at, reviewed_by,
                            read_count, like_count, comment_count, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, 'pass', $14, $15, $16, $17, $18, $19, $14, $14)
       RETURNING id`,
      [
        story.kind,
        story.status,
        alumni[story.author]!.id,
        story.title,
        story.summary,
        sanitizeRichText(story.body),
        story.subject === undefined ? null : alumni[story.subject]!.id,
        story.subject === undefined ? null : name(story.subject),
        JSON.stringify(story.links ?? []),
        consent ?? 'not_needed',
        consent === 'given' ? 'in_app' : null,
        consent === 'given' ? 1 : null,
        consent === 'given' ? at : null,
        at,
        published ? at : null,
        published ? alumni[staff]!.id : null,
        story.readers.length,
        story.likers.length,
        story.comments.length,
      ],
    )) as { id: string }[];
    const id = row!.id;
    const day = (i: number) => new Date(at.getTime() + (i % 3) * DAY_MS).toISOString().slice(0, 10);
    for (const [i, reader] of story.readers.entries()) {
      await manager.query(`INSERT INTO story_reads (story_id, alumnus_id, day) VALUES ($1, $2, $3)`, [id, alumni[reader]!.id, day(i)]);
    }
    for (const liker of story.likers) {
      await manager.query(`INSERT INTO story_likes (story_id, alumnus_id, created_at) VALUES ($1, $2, $3)`, [id, alumni[liker]!.id, at]);
    }
    for (const [i, [who, text]] of story.comments.entries()) {
      await manager.query(
        `INSERT INTO story_comments (story_id, author_id, text, status, check_outcome, created_at) VALUES ($1, $2, $3, 'published', 'pass', $4)`,
        [id, alumni[who]!.id, text, new Date(at.getTime() + (i + 1) * 3_600_000)],
      );
    }
    // The log rows the app writes with these steps.
    const log = async (who: number, kind: string, occurredAt: Date, detail: Record<string, unknown> = {}) =>
      manager.query(
        `INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at) VALUES ($1, $2, 'story', $3, $4, $5)`,
        [alumni[who]!.id, kind, id, detail, occurredAt],
      );
    if (story.author !== staff) await log(story.author, 'stories.submitted', at, { kind: story.kind, checkOutcome: 'pass' });
    if (consent === 'given') await log(story.subject!, 'stories.consented', at, { revision: 1 });
    if (published) {
      if (story.author !== staff) await log(story.author, 'stories.published', at, { kind: story.kind, role: 'author' });
      if (story.subject !== undefined) await log(story.subject, 'stories.published', at, { kind: story.kind, role: 'subject' });
      for (const reader of new Set(story.readers)) await log(reader, 'stories.read', at, { kind: story.kind });
      for (const liker of story.likers) await log(liker, 'stories.liked', at);
      for (const [who] of story.comments) await log(who, 'memories.commented', at, { status: 'published' });
    }
    if (consent === 'requested') {
      await manager.query(
        `INSERT INTO inbox_messages (alumnus_id, kind, title, body, page, created_at) VALUES ($1, 'stories.consent-requested', $2, $3, $4, $5)`,
        [
          alumni[story.subject!]!.id,
          '请确认关于你的文章',
          `校友会准备发布「${story.title}」，写的是你。请阅读全文并确认是否同意发布。`,
          `packages/stories/pages/story/index?id=${id}`,
          at,
        ],
      );
    }
  }
}
