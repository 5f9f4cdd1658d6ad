import type { EntityManager } from 'typeorm';
import { type CareerTopic, endOfShanghaiDay, type JobType, type MentoringFormat, type Role, shanghaiDay } from '@alumni/shared';
import { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { JobApplicationEntity } from '../../careers/jobs/job-application.entity.js';
import { JobPostEntity } from '../../careers/jobs/job-post.entity.js';
import { searchable } from '../../careers/jobs/job-search.js';
import { MentorOfferEntity } from '../../careers/mentoring/mentor-offer.entity.js';
import { MentoringMeetingEntity } from '../../careers/mentoring/mentoring-meeting.entity.js';
import { MentorshipEntity } from '../../careers/mentoring/mentorship.entity.js';
import { createRosterClassGroups } from '../../groups/class-groups.js';
import { PRIVACY_NOTICE } from '../../identity/privacy-notice.js';
import { RosterEntryEntity } from '../../roster/roster-entry.entity.js';
import type { DepartmentEntity } from '../../school/department.entity.js';
import { seedDemoResources } from './demo-career-resources.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/** The mentors: industry, where they work, what they talk about. The first is the demo account 周明远. */
const MENTORS: {
  industry: string;
  employer: string;
  city: string;
  jobTitle: string;
  topics: CareerTopic[];
  formats: MentoringFormat[];
  capacity: number;
  intro: string;
}[] = [
  {
    industry: '互联网',
    employer: '江州云科技',
    city: '上海',
    jobTitle: '产品总监',
    topics: ['career_change', 'job_search', 'interview'],
    formats: ['online', 'in_person'],
    capacity: 3,
    intro: '计科 2012 届，做过程序员，后来转做产品，现在带一个二十人的产品团队。乐意聊转行、简历和产品岗面试。',
  },
  {
    industry: '金融',
    employer: '江州农商银行',
    city: '江州',
    jobTitle: '支行行长',
    topics: ['job_search', 'workplace'],
    formats: ['in_person', 'online'],
    capacity: 2,
    intro: '在银行系统工作十五年，从柜员做到支行行长。可以聊银行校招、管培生和职场第一年。',
  },
  {
    industry: '制造业',
    employer: '华东重工',
    city: '苏州',
    jobTitle: '高级工程师',
    topics: ['industry_insight', 'career_change', 'job_search'],
    formats: ['online'],
    capacity: 3,
    intro: '机械专业毕业，在装备制造企业做研发。想进制造业、或想从制造业出去看看的同学都欢迎来聊。',
  },
  {
    industry: '教育',
    employer: '江州市第一中学',
    city: '江州',
    jobTitle: '高级教师',
    topics: ['further_study', 'job_search'],
    formats: ['in_person', 'online'],
    capacity: 2,
    intro: '数学老师，带过多届毕业班。可以聊教师招聘考试、教资面试和考研。',
  },
  {
    industry: '医疗健康',
    employer: '江州市人民医院',
    city: '江州',
    jobTitle: '护士长',
    topics: ['workplace', 'further_study'],
    formats: ['online'],
    capacity: 2,
    intro: '护理专业毕业，在三甲医院工作十二年。规培、护理岗位选择、在职读研都可以聊。',
  },
  {
    industry: '咨询服务',
    employer: '明德管理咨询',
    city: '上海',
    jobTitle: '项目经理',
    topics: ['interview', 'industry_insight'],
    formats: ['online'],
    capacity: 2,
    intro: '经管学院毕业，做了八年管理咨询。案例面试、行业研究方法、咨询转行业都能聊。',
  },
  {
    industry: '建筑地产',
    employer: '中建江州分公司',
    city: '武汉',
    jobTitle: '项目总工',
    topics: ['job_search', 'workplace'],
    formats: ['online'],
    capacity: 3,
    intro: '土木工程毕业，在工地和项目部都干过。想进施工单位、设计院的同学可以来问。',
  },
  {
    industry: '文化传媒',
    employer: '江州日报社',
    city: '江州',
    jobTitle: '主任记者',
    topics: ['career_change', 'entrepreneurship'],
    formats: ['in_person', 'online'],
    capacity: 2,
    intro: '新闻学毕业，做了十年记者，也做过新媒体创业。写作、内容行业、从媒体转行都可以聊。',
  },
  {
    industry: '能源',
    employer: '国网江州供电公司',
    city: '江州',
    jobTitle: '调度主管',
    topics: ['job_search', 'industry_insight'],
    formats: ['online'],
    capacity: 2,
    intro: '电气专业毕业，在电网系统工作。电网招聘考试、岗位分配和职业路径都可以聊。',
  },
  {
    industry: '政府机关',
    employer: '江州市发展和改革委员会',
    city: '江州',
    jobTitle: '科长',
    topics: ['further_study', 'workplace'],
    formats: ['in_person'],
    capacity: 2,
    intro: '考公上岸十年。公务员考试、选调生、机关工作的真实样子，欢迎来问。',
  },
  {
    industry: '互联网',
    employer: '星河互动',
    city: '杭州',
    jobTitle: '数据科学家',
    topics: ['interview', 'job_search', 'further_study'],
    formats: ['online'],
    capacity: 2,
    intro: '统计学毕业，读研后做数据分析和算法。数据岗面试、读研还是工作，都可以聊。',
  },
  {
    industry: '互联网',
    employer: '小鹿创业工作室',
    city: '江州',
    jobTitle: '创始人',
    topics: ['entrepreneurship', 'career_change'],
    formats: ['in_person', 'online'],
    capacity: 2,
    intro: '软件工程毕业，第二次创业中。大学生创业、找合伙人、融资踩过的坑，欢迎交流。',
  },
  {
    industry: '金融',
    employer: '海宁证券',
    city: '上海',
    jobTitle: '研究员',
    topics: ['industry_insight', 'interview'],
    formats: ['online'],
    capacity: 2,
    intro: '国贸专业毕业，做行业研究。券商实习、研究岗面试、CFA 备考可以聊。',
  },
  {
    industry: '制造业',
    employer: '江州机床厂',
    city: '江州',
    jobTitle: '车间主任',
    topics: ['workplace', 'job_search'],
    formats: ['in_person'],
    capacity: 2,
    intro: '从技术员做到车间主任，欢迎想进工厂一线的同学来聊，加微信详谈。',
  },
];

/** Students of the school (verified against next years' rosters); the first is the demo account 林小雨. */
const STUDENTS: { name: string; department: number; major: string; short: string; yearsAhead: number }[] = [
  { name: '林小雨', department: 0, major: '机械设计制造及其自动化', short: '机械', yearsAhead: 2 },
  { name: '陈思远', department: 2, major: '软件工程', short: '软工', yearsAhead: 1 },
  { name: '王一鸣', department: 2, major: '计算机科学与技术', short: '计科', yearsAhead: 1 },
  { name: '赵晓彤', department: 3, major: '会计学', short: '会计', yearsAhead: 2 },
  { name: '孙浩然', department: 6, major: '数学与应用数学', short: '数学', yearsAhead: 1 },
  { name: '周佳怡', department: 11, major: '护理学', short: '护理', yearsAhead: 2 },
  { name: '吴俊杰', department: 3, major: '市场营销', short: '营销', yearsAhead: 3 },
  { name: '郑雨萱', department: 4, major: '新闻学', short: '新闻', yearsAhead: 1 },
];

const JOBS: {
  by: number;
  title: string;
  company: string;
  industry: string;
  city: string;
  type: JobType;
  salary?: [number, number, 'month' | 'day'];
  description: string;
  howToApply: string;
  daysAgo: number;
  open: number;
  status?: 'pending' | 'expired' | 'closed';
  views: number;
}[] = [
  {
    by: 0,
    title: '产品经理实习生',
    company: '江州云科技',
    industry: '互联网',
    city: '上海',
    type: 'internship',
    salary: [150, 200, 'day'],
    description: '参与校园招聘小程序的需求调研、原型设计和上线复盘。每周到岗 4 天，实习 3 个月以上，表现优秀可转正。',
    howToApply: '简历发送至 campus@jzyun.example.com，邮件标题写“校友内推-产品实习-姓名”。',
    daysAgo: 2,
    open: 28,
    views: 86,
  },
  {
    by: 0,
    title: 'Java 后端开发工程师',
    company: '江州云科技',
    industry: '互联网',
    city: '上海',
    type: 'full_time',
    salary: [15_000, 25_000, 'month'],
    description: '负责招聘系统后端服务的设计与开发。要求熟悉 Java、Spring、MySQL，两年以上经验，应届生有实习经历亦可。',
    howToApply: '简历发送至 campus@jzyun.example.com，注明“校友推荐”。',
    daysAgo: 6,
    open: 40,
    views: 132,
  },
  {
    by: 1,
    title: '管理培训生（2027 届）',
    company: '江州农商银行',
    industry: '金融',
    city: '江州',
    type: 'full_time',
    salary: [6_000, 9_000, 'month'],
    description: '面向 2027 届本科及以上毕业生，轮岗柜面、信贷、运营，一年后定岗。经管、数学、计算机专业优先。',
    howToApply: '登录银行官网“招聘”栏目网申，校友推荐请在备注填写推荐人“王行长”。',
    daysAgo: 4,
    open: 45,
    views: 205,
  },
  {
    by: 2,
    title: '机械设计工程师',
    company: '华东重工',
    industry: '制造业',
    city: '苏州',
    type: 'full_time',
    salary: [9_000, 14_000, 'month'],
    description: '负责工程机械结构件设计与图纸审核。熟练使用 SolidWorks，机械相关专业本科以上。',
    howToApply: '简历发送至 hr@hdzg.example.com。',
    daysAgo: 9,
    open: 30,
    views: 64,
  },
  {
    by: 3,
    title: '初中数学教师（代课）',
    company: '江州市第一中学',
    industry: '教育',
    city: '江州',
    type: 'part_time',
    salary: [200, 300, 'day'],
    description: '初二数学代课一学期，每周 10 课时。持有或正在考取教师资格证的同学优先。',
    howToApply: '携简历到学校教务处面谈，或电话联系教务处张老师 0710-0000000。',
    daysAgo: 12,
    open: 20,
    views: 41,
  },
  {
    by: 4,
    title: '护士（2027 届校招）',
    company: '江州市人民医院',
    industry: '医疗健康',
    city: '江州',
    type: 'full_time',
    description: '护理学专业应届毕业生，取得护士执业资格。规培期间享受在编同等待遇。',
    howToApply: '医院官网发布校园招聘公告，按公告报名；校友可先咨询护理部。',
    daysAgo: 15,
    open: 60,
    views: 98,
  },
  {
    by: 5,
    title: '咨询分析师实习',
    company: '明德管理咨询',
    industry: '咨询服务',
    city: '上海',
    type: 'internship',
    salary: [250, 300, 'day'],
    description: '参与制造业客户的数字化转型项目，做访谈整理、数据分析和报告撰写。要求熟练使用 Excel 和 PPT。',
    howToApply: '简历（中英文）发送至 join@mingde.example.com。',
    daysAgo: 1,
    open: 21,
    views: 57,
  },
  {
    by: 6,
    title: '施工员（土木方向）',
    company: '中建江州分公司',
    industry: '建筑地产',
    city: '武汉',
    type: 'full_time',
    salary: [7_000, 10_000, 'month'],
    description: '负责项目现场施工管理、质量与进度控制。土木工程专业，能适应项目驻场。',
    howToApply: '简历发送至 hr@zjjz.example.com。',
    daysAgo: 20,
    open: 25,
    views: 33,
  },
  {
    by: 7,
    title: '新媒体运营实习生',
    company: '江州日报社',
    industry: '文化传媒',
    city: '江州',
    type: 'internship',
    salary: [100, 120, 'day'],
    description: '运营报社公众号和视频号，参与选题策划与短视频剪辑。新闻、汉语言文学专业优先。',
    howToApply: '作品集和简历发送至 xmt@jzrb.example.com。',
    daysAgo: 3,
    open: 30,
    views: 72,
  },
  {
    by: 8,
    title: '电网调度岗（内推）',
    company: '国网江州供电公司',
    industry: '能源',
    city: '江州',
    type: 'referral',
    description: '电气工程及其自动化专业应届生，可内推参加国网统一招聘考试的面试环节。',
    howToApply: '在“我感兴趣”留下联系方式，我会统一联系。',
    daysAgo: 7,
    open: 35,
    views: 88,
  },
  {
    by: 10,
    title: '数据分析实习生',
    company: '星河互动',
    industry: '互联网',
    city: '杭州',
    type: 'internship',
    salary: [200, 260, 'day'],
    description: '负责游戏用户行为分析，搭建报表。熟悉 SQL 和 Python，统计、数学、计算机专业。',
    howToApply: '简历发送至 data@xinghe.example.com，注明“江州学院校友推荐”。',
    daysAgo: 5,
    open: 25,
    views: 110,
  },
  {
    by: 11,
    title: '前端开发（兼职）',
    company: '小鹿创业工作室',
    industry: '互联网',
    city: '江州',
    type: 'part_time',
    salary: [150, 250, 'day'],
    description: '开发小程序前端，熟悉 React 或 Vue，可远程，每周至少投入两天。',
    howToApply: '加微信 xiaolu_studio，发一下你的作品。',
    daysAgo: 11,
    open: 15,
    views: 49,
  },
  {
    by: 12,
    title: '行业研究助理实习',
    company: '海宁证券',
    industry: '金融',
    city: '上海',
    type: 'internship',
    salary: [200, 200, 'day'],
    description: '协助研究员跟踪新能源行业，整理数据、撰写周报。经管、理工科均可。',
    howToApply: '简历发送至 research@hnzq.example.com。',
    daysAgo: 8,
    open: 18,
    views: 77,
  },
  {
    by: 13,
    title: '数控车工',
    company: '江州机床厂',
    industry: '制造业',
    city: '江州',
    type: 'full_time',
    salary: [6_000, 8_000, 'month'],
    description: '操作数控车床，能看懂零件图。机械相关专业，欢迎应届生。',
    howToApply: '到厂人事科面试，或电话 0710-1111111。',
    daysAgo: 14,
    open: 30,
    views: 26,
  },
  {
    by: 3,
    title: '课外辅导老师',
    company: '启明教育',
    industry: '教育',
    city: '江州',
    type: 'part_time',
    description: '周末小学数学辅导，时间灵活。',
    howToApply: '电话联系李老师。',
    daysAgo: 1,
    open: 30,
    status: 'pending',
    views: 0,
  },
  {
    by: 7,
    title: '短视频剪辑（兼职）',
    company: '江州日报社',
    industry: '文化传媒',
    city: '江州',
    type: 'part_time',
    description: '剪辑报社视频号内容，熟悉剪映或 Premiere。',
    howToApply: '作品发送至 xmt@jzrb.example.com。',
    daysAgo: 0,
    open: 20,
    status: 'pending',
    views: 0,
  },
  {
    by: 2,
    title: '工艺工程师（已截止）',
    company: '华东重工',
    industry: '制造业',
    city: '苏州',
    type: 'full_time',
    salary: [8_000, 12_000, 'month'],
    description: '负责焊接工艺编制与现场改善。',
    howToApply: '简历发送至 hr@hdzg.example.com。',
    daysAgo: 70,
    open: -10,
    status: 'expired',
    views: 140,
  },
];

/** Applications to the posts above (job index, student index, what they shared, where it stands). */
const APPLICATIONS: {
  job: number;
  student: number;
  email?: string;
  wechatId?: string;
  message: string;
  status: 'submitted' | 'contacted' | 'declined';
  daysAgo: number;
}[] = [
  { job: 1, student: 2, email: 'wangyiming@example.com', message: '计科大四，做过校园二手交易平台后端。', status: 'contacted', daysAgo: 4 },
  { job: 0, student: 1, wechatId: 'csy_2026', message: '软工大四，做过两个小程序项目，每周可到岗四天。', status: 'submitted', daysAgo: 1 },
  { job: 2, student: 3, email: 'zhaoxt@example.com', message: '会计学大三，有银行暑期实习经历。', status: 'submitted', daysAgo: 2 },
  { job: 5, student: 5, wechatId: 'zjy_nurse', message: '护理学大三，明年毕业。', status: 'contacted', daysAgo: 10 },
  { job: 10, student: 4, email: 'sunhr@example.com', message: '数学专业，熟悉 Python 和 SQL。', status: 'submitted', daysAgo: 3 },
  { job: 8, student: 7, wechatId: 'zyx_news', message: '新闻学大四，运营过学院公众号。', status: 'declined', daysAgo: 2 },
];

interface Built {
  mentors: AlumnusEntity[];
  students: AlumnusEntity[];
}

/**
 * A lively careers area for the demo college: fourteen mentors across ten industries (周明远,
 * the demo account o_demo_mentor, among them), eight students verified against next years'
 * rosters (林小雨, o_demo_student, among them), pairings in every state — waiting, active with
 * meetings, one gone quiet, ended with feedback — a board of open jobs and internships with
 * applications, two posts waiting for staff and one expired, the resource library
 * (demo-career-resources.ts), and the interaction rows all of it implies. Times are relative to `now`, so the demo always looks current.
 */
export async function seedDemoCareers(
  manager: EntityManager,
  { alumni, departments, now }: { alumni: AlumnusEntity[]; departments: DepartmentEntity[]; now: Date },
): Promise<void> {
  const { mentors, students } = await seedPeople(manager, alumni, departments, now);
  const at = (daysAgo: number, hours = 0) => new Date(now.getTime() - daysAgo * DAY_MS - hours * 60 * 60 * 1000);

  const offers = await manager.save(
    MentorOfferEntity,
    MENTORS.map((m, i) =>
      manager.create(MentorOfferEntity, {
        alumnusId: mentors[i]!.id,
        industry: m.industry,
        employer: m.employer,
        city: m.city,
        topics: m.topics,
        formats: m.formats,
        capacity: m.capacity,
        intro: m.intro,
        // The last one's intro asks to add a WeChat: held by the content check, waiting for staff.
        status: i === MENTORS.length - 1 ? 'held' : 'open',
        checkOutcome: i === MENTORS.length - 1 ? 'review' : 'pass',
        checkLabel: i === MENTORS.length - 1 ? 20002 : null,
        createdAt: at(120 - i * 5),
      }),
    ),
  );

  // Pairings: mentor index ← student index, in every state the programme knows.
  type Pairing = {
    mentor: number;
    student: number;
    topic: CareerTopic;
    target: string;
    goals: string;
    state: 'requested' | 'active' | 'quiet' | 'ended' | 'declined';
    days: number;
    meetings: number;
    ratings?: [number, number];
  };
  const pairings: Pairing[] = [
    {
      mentor: 0,
      student: 1,
      topic: 'job_search',
      target: '互联网',
      goals: '明年毕业，想投互联网大厂的开发岗，简历不知道怎么写。',
      state: 'active',
      days: 20,
      meetings: 2,
    },
    {
      mentor: 0,
      student: 2,
      topic: 'interview',
      target: '互联网',
      goals: '下个月有后端岗面试，想请学长模拟一次。',
      state: 'requested',
      days: 1,
      meetings: 0,
    },
    {
      mentor: 1,
      student: 3,
      topic: 'job_search',
      target: '金融',
      goals: '想了解银行管培生和柜员的区别，该怎么选。',
      state: 'quiet',
      days: 45,
      meetings: 1,
    },
    {
      mentor: 3,
      student: 4,
      topic: 'further_study',
      target: '教育',
      goals: '犹豫考研还是直接考教师编制，想听听一线老师的建议。',
      state: 'active',
      days: 10,
      meetings: 1,
    },
    {
      mentor: 2,
      student: 1,
      topic: 'career_change',
      target: '制造业',
      goals: '想看看制造业里软件岗的机会。',
      state: 'declined',
      days: 30,
      meetings: 0,
    },
    {
      mentor: 4,
      student: 5,
      topic: 'further_study',
      target: '医疗健康',
      goals: '想在工作几年后读护理硕士，现在该准备什么。',
      state: 'ended',
      days: 120,
      meetings: 3,
      ratings: [5, 5],
    },
    {
      mentor: 5,
      student: 6,
      topic: 'interview',
      target: '咨询服务',
      goals: '想申请咨询公司实习，不会做案例面试。',
      state: 'ended',
      days: 80,
      meetings: 2,
      ratings: [4, 5],
    },
    {
      mentor: 9,
      student: 6,
      topic: 'further_study',
      target: '政府机关',
      goals: '在考虑考选调生，想了解机关的工作。',
      state: 'requested',
      days: 3,
      meetings: 0,
    },
    {
      mentor: 7,
      student: 7,
      topic: 'career_change',
      target: '互联网',
      goals: '新闻专业，想转做互联网内容运营。',
      state: 'active',
      days: 15,
      meetings: 1,
    },
    {
      mentor: 10,
      student: 4,
      topic: 'interview',
      target: '互联网',
      goals: '数学专业，想投数据分析岗。',
      state: 'active',
      days: 6,
      meetings: 0,
    },
  ];
  const counts = offers.map(() => ({ active: 0, waiting: 0 }));
  for (const [index, p] of pairings.entries()) {
    const offer = offers[p.mentor]!;
    const mentor = MENTORS[p.mentor]!;
    const student = students[p.student]!;
    const requestedAt = at(p.days, index);
    const decidedAt = p.state === 'requested' ? null : at(p.days - 1, index);
    const started = p.state === 'active' || p.state === 'quiet' || p.state === 'ended';
    const endedAt = p.state === 'ended' ? at(p.days - 91, index) : null;
    if (p.state === 'requested') counts[p.mentor]!.waiting += 1;
    if (p.state === 'active' || p.state === 'quiet') counts[p.mentor]!.active += 1;
    const lastActivityAt =
      p.state === 'quiet' ? at(40) : (endedAt ?? (started && p.meetings > 0 ? at(Math.max(1, p.days - 8)) : (decidedAt ?? requestedAt)));
    const pair = await manager.save(MentorshipEntity, {
      mentorId: offer.alumnusId,
      menteeId: student.id,
      offerId: offer.id,
      mentorIndustry: mentor.industry,
      mentorEmployer: mentor.employer,
      mentorCity: mentor.city,
      menteeStage: 'student' as const,
      menteeIndustry: p.target,
      crossIndustry: mentor.industry !== p.target,
      status: p.state === 'quiet' ? ('active' as const) : p.state,
      goals: p.goals,
      targetIndustry: p.target,
      topic: p.topic,
      format: 'online' as const,
      replyMessage:
        p.state === 'declined' ? '这个方向我不太熟，推荐你找互联网行业的导师聊聊。' : started ? '没问题，先加个微信约时间。' : null,
      requestedAt,
      decidedAt,
      acceptedAt: started ? decidedAt : null,
      endsAt: started ? new Date(decidedAt!.getTime() + 90 * DAY_MS) : null,
      endedAt,
      endReason: endedAt ? ('term_ended' as const) : null,
      lastActivityAt,
      meetingCount: p.meetings,
      ...(p.ratings
        ? {
            mentorRating: p.ratings[0],
            mentorComment: '学员很认真，每次都带着问题来。',
            mentorFeedbackAt: endedAt,
            menteeRating: p.ratings[1],
            menteeComment: '帮我理清了方向，非常感谢。',
            menteeFeedbackAt: endedAt,
          }
        : {}),
    });
    for (let m = 0; m < p.meetings; m++) {
      const day = at(Math.max(1, p.days - 8 - m * 12));
      await manager.insert(MentoringMeetingEntity, {
        mentorshipId: pair.id,
        loggedBy: m % 2 === 0 ? student.id : offer.alumnusId,
        loggedAs: m % 2 === 0 ? ('mentee' as const) : ('mentor' as const),
        occurredOn: shanghaiDay(day),
        format: 'online' as const,
        durationMinutes: 40 + m * 10,
        notes: ['聊了简历的结构，约好下周再看修改稿。', '做了一次模拟面试，复盘了回答思路。', '讨论了未来三年的规划。'][m % 3]!,
        createdAt: day,
      });
    }
  }
  for (const [i, offer] of offers.entries()) {
    await manager.update(MentorOfferEntity, { id: offer.id }, { activeCount: counts[i]!.active, waitingCount: counts[i]!.waiting });
  }

  const jobs = await manager.save(
    JobPostEntity,
    JOBS.map((job) => {
      const createdAt = at(job.daysAgo, 3);
      const fields = { title: job.title, company: job.company, industry: job.industry, city: job.city, type: job.type };
      return manager.create(JobPostEntity, {
        ...fields,
        ...searchable(fields),
        posterId: mentors[job.by]!.id,
        salaryMinFen: job.salary ? job.salary[0] * 100 : null,
        salaryMaxFen: job.salary ? job.salary[1] * 100 : null,
        salaryPeriod: job.salary ? job.salary[2] : null,
        description: job.description,
        howToApply: job.howToApply,
        closesAt: endOfShanghaiDay(shanghaiDay(new Date(now.getTime() + job.open * DAY_MS))),
        status: job.status ?? 'published',
        checkOutcome: 'pass',
        publishedAt: job.status === 'pending' ? null : createdAt,
        viewCount: job.views,
        createdAt,
      });
    }),
  );
  for (const a of APPLICATIONS) {
    const student = students[a.student]!;
    await manager.insert(JobApplicationEntity, {
      postId: jobs[a.job]!.id,
      applicantId: student.id,
      applicantName: student.realName!,
      applicantStage: 'student',
      sharePhone: false,
      email: a.email ?? null,
      wechatId: a.wechatId ?? null,
      message: a.message,
      status: a.status,
      createdAt: at(a.daysAgo, 1),
      statusChangedAt: at(a.daysAgo),
    });
    await manager.increment(JobPostEntity, { id: jobs[a.job]!.id }, 'applicationCount', 1);
  }

  // What the log would hold had all this happened in the app (engagement is rebuilt from it afterwards).
  await manager.query(`
    INSERT INTO interactions (alumnus_id, kind, subject_type, subject_id, detail, occurred_at)
    SELECT alumnus_id, 'careers.mentor_offered', 'mentor_offer', id::text, jsonb_build_object('industry', industry), created_at FROM mentor_offers
    UNION ALL
    SELECT mentee_id, 'careers.mentoring_requested', 'mentorship', id::text, jsonb_build_object('mentorId', mentor_id), requested_at FROM mentorships
    UNION ALL
    SELECT mentor_id, 'careers.mentoring_accepted', 'mentorship', id::text, jsonb_build_object('menteeId', mentee_id), accepted_at
      FROM mentorships WHERE accepted_at IS NOT NULL
    UNION ALL
    SELECT mentee_id, 'careers.mentoring_started', 'mentorship', id::text, jsonb_build_object('mentorId', mentor_id), accepted_at
      FROM mentorships WHERE accepted_at IS NOT NULL
    UNION ALL
    SELECT m.logged_by, 'careers.mentoring_met', 'mentorship', m.mentorship_id::text, jsonb_build_object('meetingId', m.id), m.created_at
      FROM mentoring_meetings m
    UNION ALL
    SELECT poster_id, 'careers.job_posted', 'job_post', id::text, jsonb_build_object('type', type, 'industry', industry), created_at FROM job_posts
    UNION ALL
    SELECT applicant_id, 'careers.job_applied', 'job_post', post_id::text, jsonb_build_object('applicationId', id), created_at FROM job_applications
    ORDER BY 6`);
  await seedDemoResources(manager, { mentors, students, at });
}

/**
 * The mentors (the demo account 周明远, then alumni of the seeded college) and the students,
 * verified: each holds their roster entry, as after claiming it in the mini-program.
 */
async function seedPeople(manager: EntityManager, alumni: AlumnusEntity[], departments: DepartmentEntity[], now: Date): Promise<Built> {
  const consented = { consentVersion: PRIVACY_NOTICE.version, consentedAt: new Date(now.getTime() - 200 * DAY_MS) };
  const demoMentor = await manager.save(
    AlumnusEntity,
    manager.create(AlumnusEntity, {
      openid: 'o_demo_mentor',
      roles: ['alumnus'] as Role[],
      displayName: '周明远',
      realName: '周明远',
      graduationYear: 2012,
      departmentId: departments[2]!.id,
      major: '计算机科学与技术',
      className: '计科2008级1班',
      ...consented,
    }),
  );
  const demoVerifiedAt = new Date(now.getTime() - 300 * DAY_MS);
  await manager.insert(RosterEntryEntity, {
    studentNumber: '2008M0001',
    name: '周明远',
    graduationYear: 2012,
    departmentId: departments[2]!.id,
    major: '计算机科学与技术',
    className: '计科2008级1班',
    degree: 'bachelor' as const,
    claimedBy: demoMentor.id,
    claimedAt: demoVerifiedAt,
  });
  // Alumni 30–42 of the seeded college become the other mentors (well clear of the demo accounts and their classes);
  // their roster entries carry their place in the list (demo-seed.ts).
  const mentors = [demoMentor, ...alumni.slice(30, 30 + MENTORS.length - 1)];
  for (const [i, mentor] of mentors.entries()) {
    const profile = MENTORS[i]!;
    const verifiedAt = i === 0 ? demoVerifiedAt : new Date(now.getTime() - (300 - i * 10) * DAY_MS);
    const profileFields = {
      industry: profile.industry,
      employer: profile.employer,
      city: profile.city,
      jobTitle: profile.jobTitle,
      verifiedAt,
    };
    Object.assign(mentor, profileFields);
    await manager.update(AlumnusEntity, { id: mentor.id }, profileFields);
    if (i > 0) {
      const studentNumber = `${mentor.graduationYear! - 4}${String(30 + i).padStart(5, '0')}`;
      await manager.update(RosterEntryEntity, { studentNumber }, { claimedBy: mentor.id, claimedAt: verifiedAt });
    }
  }

  const thisYear = new Date(now.getTime() + 8 * 60 * 60 * 1000).getUTCFullYear();
  const students: AlumnusEntity[] = [];
  for (const [i, s] of STUDENTS.entries()) {
    const graduationYear = thisYear + s.yearsAhead;
    const className = `${s.short}${graduationYear - 4}级1班`;
    const verifiedAt = new Date(now.getTime() - (150 - i * 7) * DAY_MS);
    const student = await manager.save(
      AlumnusEntity,
      manager.create(AlumnusEntity, {
        ...(i === 0 ? { openid: 'o_demo_student', ...consented } : {}),
        roles: ['alumnus'] as Role[],
        displayName: s.name,
        realName: s.name,
        graduationYear,
        departmentId: departments[s.department]!.id,
        major: s.major,
        className,
        city: '江州',
        // The field the demo student studies toward: mentors elsewhere show as 跨行业视角.
        industry: i === 0 ? '制造业' : null,
        verifiedAt,
      }),
    );
    await manager.insert(RosterEntryEntity, {
      studentNumber: `${graduationYear - 4}S${String(i + 1).padStart(4, '0')}`,
      name: s.name,
      graduationYear,
      departmentId: departments[s.department]!.id,
      major: s.major,
      className,
      degree: 'bachelor' as const,
      claimedBy: student.id,
      claimedAt: verifiedAt,
    });
    students.push(student);
  }
  // The new roster classes get their class groups, as every roster class has.
  await createRosterClassGroups(manager);
  return { mentors, students };
}
