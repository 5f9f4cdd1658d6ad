import type { EntityManager } from 'typeorm';
import type { CareerTopic, ResourceKind } from '@alumni/shared';
import type { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { CareerResourceBookmarkEntity } from '../../careers/resources/career-resource-bookmark.entity.js';
import { CareerResourceEntity } from '../../careers/resources/career-resource.entity.js';
import { searchableResource } from '../../careers/resources/resource-search.js';
import { sanitizeRichText } from '../../common/rich-text.js';

/** Who wrote it: the staff account, or a mentor by index (0 is the demo account 周明远). */
const RESOURCES: {
  by: 'staff' | number;
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  industry: string | null;
  topic: CareerTopic;
  status: 'published' | 'submitted' | 'draft';
  daysAgo: number;
  views: number;
  /** Students (by index) who keep it. */
  keptBy: number[];
}[] = [
  {
    by: 'staff',
    kind: 'guide',
    title: '2027届秋招时间线与准备清单',
    summary: '从暑期实习到秋招正式批，每个月该做什么，一页看清。',
    body: '<h2>六月到八月：暑期实习与提前批</h2><p>整理简历和作品集，关注目标单位的提前批和暑期实习转正机会。</p><h2>九月到十月：正式批</h2><ul><li>每周固定投递时间，记录进度</li><li>笔试前刷历年真题</li><li>面试后当天复盘</li></ul><h2>十一月以后：补录与选择</h2><p>比较薪资之外的成长空间，必要时向校友导师请教。</p>',
    industry: null,
    topic: 'job_search',
    status: 'published',
    daysAgo: 30,
    views: 412,
    keptBy: [0, 1, 2, 3, 5],
  },
  {
    by: 0,
    kind: 'interview',
    title: '互联网产品岗面试复盘：从群面到终面',
    summary: '三轮面试的真实问题和我的回答思路，附上事后看来更好的答法。',
    body: '<h2>一面：业务面</h2><p>请你分析一个常用 App 的一项功能：先说用户是谁、要解决什么问题，再谈指标。</p><h2>二面：交叉面</h2><p>面试官更关心你怎么和研发沟通、怎么排优先级。</p><h2>终面</h2><p>聊职业规划，真诚最重要。</p>',
    industry: '互联网',
    topic: 'interview',
    status: 'published',
    daysAgo: 21,
    views: 268,
    keptBy: [1, 2, 4],
  },
  {
    by: 2,
    kind: 'interview',
    title: '银行管培生春招群面经验',
    summary: '群面无领导小组讨论怎么抢到有效发言，以及结构化面试常见题。',
    body: '<p>群面题目多为案例分析，十分钟读题、三十分钟讨论。不要抢着当组长，计时和总结同样出彩。</p><p>结构化面试常问：为什么选择银行？你如何看待基层轮岗？</p>',
    industry: '金融',
    topic: 'interview',
    status: 'published',
    daysAgo: 16,
    views: 153,
    keptBy: [3],
  },
  {
    by: 4,
    kind: 'industry_overview',
    title: '制造业数字化转型：岗位地图',
    summary: '工艺、质量、设备、数字化四条线分别做什么，需要什么背景。',
    body: '<h2>四条岗位线</h2><table><thead><tr><th>方向</th><th>常见岗位</th></tr></thead><tbody><tr><td>工艺</td><td>工艺工程师</td></tr><tr><td>质量</td><td>质量工程师</td></tr><tr><td>设备</td><td>设备工程师</td></tr><tr><td>数字化</td><td>MES 实施、工业数据分析</td></tr></tbody></table><p>机械、自动化、计算机背景都有机会，关键是愿意下车间。</p>',
    industry: '制造业',
    topic: 'industry_insight',
    status: 'published',
    daysAgo: 12,
    views: 97,
    keptBy: [0, 6],
  },
  {
    by: 5,
    kind: 'industry_overview',
    title: '医疗健康行业入门：医院之外的机会',
    summary: '医药企业、器械公司、互联网医疗和卫生管理，四类雇主一览。',
    body: '<p>医学和护理专业的同学，除了医院还可以考虑医药企业的医学事务、器械公司的临床支持、互联网医疗的内容与运营，以及卫生管理部门。</p>',
    industry: '医疗健康',
    topic: 'career_change',
    status: 'published',
    daysAgo: 8,
    views: 64,
    keptBy: [5],
  },
  {
    by: 1,
    kind: 'guide',
    title: '考研还是工作：一位过来人的建议',
    summary: '用三个问题帮你做决定。',
    body: '<p>先问自己：目标岗位是否要求硕士？两三年后你想在哪里？家里能支持多久？</p>',
    industry: null,
    topic: 'further_study',
    status: 'submitted',
    daysAgo: 2,
    views: 0,
    keptBy: [],
  },
  {
    by: 0,
    kind: 'guide',
    title: '创业第一年踩过的坑',
    summary: '',
    body: '<p>（草稿）合伙人协议要早签；现金流比估值重要。</p>',
    industry: '互联网',
    topic: 'entrepreneurship',
    status: 'draft',
    daysAgo: 1,
    views: 0,
    keptBy: [],
  },
];

/**
 * The library's demo: guides, interview experiences and industry overviews by staff and
 * mentors, published with views and students' bookmarks, one waiting for staff and one
 * draft of the demo mentor's, with the interaction rows they imply. Files need stored objects,
 * so no resource of files is seeded (docs/careers.md, Demo).
 */
export async function seedDemoResources(
  manager: EntityManager,
  { mentors, students, at }: { mentors: AlumnusEntity[]; students: AlumnusEntity[]; at: (daysAgo: number, hours?: number) => Date },
): Promise<void> {
  const [staff] = (await manager.query(`SELECT id FROM alumni WHERE openid = 'o_demo_staff'`)) as { id: string }[];
  for (const r of RESOURCES) {
    const authorId = r.by === 'staff' ? staff!.id : mentors[r.by]!.id;
    const createdAt = at(r.daysAgo, 6);
    const fields = {
      kind: r.kind,
      title: r.title,
      summary: r.summary,
      bodyHtml: sanitizeRichText(r.body),
      industry: r.industry,
      topic: r.topic,
    };
    const saved = await manager.save(
      CareerResourceEntity,
      manager.create(CareerResourceEntity, {
        ...fields,
        ...searchableResource(fields),
        authorId,
        status: r.status,
        checkOutcome: r.status === 'draft' ? null : 'pass',
        submittedAt: r.status === 'draft' ? null : at(r.daysAgo, 2),
        publishedAt: r.status === 'published' ? at(r.daysAgo) : null,
        moderatedBy: r.status === 'published' && r.by !== 'staff' ? staff!.id : null,
        moderatedAt: r.status === 'published' && r.by !== 'staff' ? at(r.daysAgo) : null,
        viewCount: r.views,
        bookmarkCount: r.keptBy.length,
        createdAt,
      }),
    );
    for (const [n, student] of r.keptBy.entries()) {
      await manager.insert(CareerResourceBookmarkEntity, {
        alumnusId: students[student]!.id,
        resourceId: saved.id,
        createdAt: at(Math.max(0, r.daysAgo - 1 - n)),
      });
    }
  }
  await manager.query(`
    INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at)
    SELECT author_id, 'careers.resource_submitted', 'career_resource', id::text, jsonb_build_object('kind', kind), submitted_at
      FROM career_resources WHERE submitted_at IS NOT NULL
    UNION ALL
    SELECT author_id, 'careers.resource_published', 'career_resource', id::text, jsonb_build_object('kind', kind), published_at
      FROM career_resources WHERE published_at IS NOT NULL
    UNION ALL
    SELECT alumnus_id, 'careers.resource_bookmarked', 'career_resource', resource_id::text, '{}'::jsonb, created_at
      FROM career_resource_bookmarks
    ORDER BY 6`);
}
