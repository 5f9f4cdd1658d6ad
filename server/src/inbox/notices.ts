import { abnormalRefundBankName, formatFen, formatShanghaiDateTime } from '@alumni/shared';

/**
 * What each notice says in the message centre (消息), and the page it opens. Every kind the
 * outbox queues has an entry: the in-app notice is the one every alumnus gets, subscribed to
 * WeChat messages or not. The WeChat subscription message of the same notice
 * (notifications/templates.ts) opens the same page, `noticePage`.
 */
export interface Notice {
  title: string;
  body: string;
  /** A mini-program page path with its query, without the leading slash. */
  page: string | null;
}

type Payload = Record<string, unknown>;

const text = (value: unknown, fallback = ''): string => (typeof value === 'string' && value.trim() !== '' ? value.trim() : fallback);
const fen = (value: unknown): string => formatFen(Math.max(0, Math.trunc(Number(value) || 0)));
const at = (value: unknown): string => (typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? formatShanghaiDateTime(value) : '');
const quoted = (value: unknown) => `「${text(value, '—')}」`;

const eventPage = (p: Payload) => `packages/events/pages/detail/index?id=${String(p.eventId)}`;
const groupPage = (p: Payload) => `packages/groups/pages/group/index?id=${String(p.groupId)}`;
const donationPage = (p: Payload) => `packages/giving/pages/donation/index?id=${String(p.donationId)}`;
const instalmentPage = (p: Payload) => `packages/giving/pages/monthly-pay/index?id=${String(p.instalmentId)}`;
const campaignPage = (p: Payload) => `packages/giving/pages/campaign/index?id=${String(p.campaignId)}`;
const votePage = (p: Payload) => `packages/governance/pages/vote/index?id=${String(p.voteId)}`;
const mentorshipPage = (p: Payload) => `packages/careers/pages/mentorship/index?id=${String(p.mentorshipId)}`;
const MENTORING_ENDINGS: Record<string, string> = {
  closed_by_mentor: '导师结束了这段辅导',
  closed_by_mentee: '学员结束了这段辅导',
  term_ended: '辅导期已满，这段辅导结束了',
  account_deleted: '对方已注销账号，这段辅导结束了',
};
const storyPage = (p: Payload) => `packages/stories/pages/story/index?id=${String(p.storyId)}`;
const contactsPage = 'packages/alumni/pages/contacts/index';
const reunionPage = (p: Payload) => `packages/campus-days/pages/reunion/index?id=${String(p.proposalId)}`;
const bankCard = (p: Payload) => `${abnormalRefundBankName(text(p.bankType))}借记卡（尾号 ${text(p.cardLast4, '—')}）`;
/** Where a refund's money went: the way it came, unless staff sent an abnormal refund elsewhere (giving.refund_rerouted). */
const refundWhere = (p: Payload) =>
  p.route === 'user_bank_card'
    ? `款项已退至你的${bankCard(p)}`
    : p.route === 'merchant_bank_card'
      ? '款项已转入学校账户，校友会将与你联系退还'
      : '款项原路退回';
const where = (p: Payload) => [at(p.startsAt), text(p.place)].filter(Boolean).join('，');

const NOTICES: Record<string, (p: Payload) => Notice> = {
  'events.reminder': (p) => ({
    title: p.lead === '1h' ? '活动 1 小时后开始' : '活动明天开始',
    body: `你报名的${quoted(p.title)}将于 ${where(p)} 开始，记得准时到场。`,
    page: eventPage(p),
  }),
  'events.changed': (p) => ({
    title: '活动有变更',
    body: `你报名的${quoted(p.title)}时间或地点有变更，现为 ${where(p)}。`,
    page: eventPage(p),
  }),
  'events.cancelled': (p) => ({
    title: '活动已取消',
    body: `你报名的${quoted(p.title)}已取消，给你带来不便，敬请谅解。`,
    page: eventPage(p),
  }),
  'events.promoted': (p) => ({
    title: '候补转为正式名额',
    body: `你候补的${quoted(p.title)}有了名额，报名已确认。活动时间 ${where(p)}。`,
    page: eventPage(p),
  }),
  'directory.contact-requested': (p) => ({
    title: '新的联系请求',
    body: `${text(p.senderName, '一位校友')} 想与你交换联系方式${p.note ? `：${quoted(p.note)}` : '。'}接受后你们能看到彼此分享的联系方式。`,
    page: contactsPage,
  }),
  'directory.contact-accepted': (p) => ({
    title: '联系请求已接受',
    body: `${text(p.recipientName, '对方')} 接受了你的联系请求，现在可以看到对方分享的联系方式了。`,
    page: contactsPage,
  }),
  'verification.decided': (p) =>
    p.status === 'approved' || p.status === 'matched'
      ? {
          title: '校友认证已通过',
          body: '欢迎回家！你的校友身份已认证，可以加入班级群、查找同学了。',
          page: 'packages/verification/pages/claim/index',
        }
      : {
          title: '校友认证未通过',
          body: `原因：${text(p.reason, '信息与名册不符')}。可补充材料后重新申请。`,
          page: 'packages/verification/pages/claim/index',
        },
  'liaisons.classmate-verified': (p) => ({
    title: '你邀请的同学已认证',
    body: `${text(p.classmateName, '你邀请的同学')} 已完成校友认证，${quoted(p.className)}又联系上一位同学。`,
    page: `packages/reach/pages/class/index?id=${String(p.classGroupId)}`,
  }),
  'groups.join-decided': (p) =>
    p.approved === true
      ? { title: '入群申请已通过', body: `你已加入${quoted(p.groupName)}，快去打个招呼吧。`, page: groupPage(p) }
      : {
          title: '入群申请未通过',
          body: `${quoted(p.groupName)}的管理员未通过你的申请${p.reason ? `：${text(p.reason)}` : '。'}`,
          page: groupPage(p),
        },
  'groups.proposal-decided': (p) =>
    p.approved === true
      ? { title: '群组创建申请已通过', body: `你发起的${quoted(p.groupName)}已开通，你是群主。`, page: groupPage(p) }
      : {
          title: '群组创建申请未通过',
          body: `你发起的${quoted(p.groupName)}未通过审核${p.reason ? `：${text(p.reason)}` : '。'}`,
          page: 'packages/groups/pages/my-requests/index',
        },
  'groups.post-replied': (p) => ({
    title: '动态有新评论',
    body: `${text(p.commenterName, '校友')} 评论了你在${quoted(p.groupName)}的动态：${text(p.commentSnippet)}`,
    page: `packages/groups/pages/post/index?id=${String(p.postId)}`,
  }),
  'giving.thanked': (p) => ({
    title: '感谢你的捐赠',
    body:
      `你向${quoted(p.campaignTitle)}捐赠 ${fen(p.amountFen)}，证书编号 ${text(p.certificateNo, '—')}。` +
      (Array.isArray(p.treeNumbers) && p.treeNumbers.length > 0 ? `你种下了第 ${String(p.treeNumbers.at(-1))} 棵树。` : '母校因你更美好。'),
    page: donationPage(p),
  }),
  'giving.funds_used': (p) => ({
    title: '善款使用公示',
    body: `你支持的${quoted(p.campaignTitle)}公示了一笔支出：${text(p.purpose)}，${fen(p.amountFen)}。`,
    page: campaignPage(p),
  }),
  'giving.monthly_due': (p) => ({
    title: p.reminder === true ? '本月月捐尚未完成' : '本月月捐待支付',
    body:
      `你每月支持的${quoted(p.campaignTitle)}，${text(p.month)} 的 ${fen(p.amountFen)} 待支付，点此一键完成。` +
      (p.reminder === true ? `本月底前未支付将记为未完成。` : ''),
    page: instalmentPage(p),
  }),
  'giving.monthly_missed': (p) => ({
    title: '上月月捐未完成',
    body: `你每月支持的${quoted(p.campaignTitle)}，${text(p.month)} 的 ${fen(p.amountFen)} 未能完成，本月将照常邀请。可在「我的月捐」暂停或修改。`,
    page: 'packages/giving/pages/monthly/index',
  }),
  'giving.receipt_issued': (p) => ({
    title: '捐赠票据已开具',
    body: `你申请的捐赠票据（${text(p.payerName)}，${fen(p.amountFen)}）已开具，票据号 ${text(p.receiptNo, '—')}，可在「我的捐赠 · 捐赠票据」下载。`,
    page: 'packages/giving/pages/receipts/index',
  }),
  'giving.receipt_voided': (p) => ({
    title: '捐赠票据已作废',
    body:
      (p.receiptNo
        ? `你的捐赠票据（票据号 ${text(p.receiptNo)}，${fen(p.amountFen)}）已作废${p.reversalNo ? `，红字票据号 ${text(p.reversalNo)}` : ''}`
        : `你申请的捐赠票据（${text(p.payerName)}，${fen(p.amountFen)}）已撤回`) +
      `。原因：${text(p.reason)}。未退款的捐赠可重新申请票据。`,
    page: 'packages/giving/pages/receipts/index',
  }),
  'giving.refunded': (p) => ({
    title: '捐赠已退款',
    body: `你对${quoted(p.campaignTitle)}的捐赠已退款 ${fen(p.amountFen)}，${refundWhere(p)}。${p.reason ? `原因：${text(p.reason)}` : ''}`,
    page: donationPage(p),
  }),
  'giving.refund_rerouted': (p) =>
    p.route === 'user_bank_card'
      ? {
          title: '捐赠退款改退至你的银行卡',
          body: `你对${quoted(p.campaignTitle)}的捐赠退款 ${fen(p.amountFen)} 未能原路退回（如原支付银行卡已注销或冻结），校友会已将它改退至你的${bankCard(p)}，到账时间以银行为准。`,
          page: donationPage(p),
        }
      : {
          title: '捐赠退款将由校友会退还',
          body: `你对${quoted(p.campaignTitle)}的捐赠退款 ${fen(p.amountFen)} 未能原路退回（如原支付银行卡已注销或冻结），款项已转入学校账户，校友会将与你联系，通过其他方式退还给你。`,
          page: donationPage(p),
        },
  'careers.mentoring-requested': (p) => ({
    title: '收到新的导师申请',
    body: `${text(p.menteeName, '一位校友')} 想请你辅导「${text(p.topic, '职业发展')}」，去看看 TA 的目标吧。`,
    page: mentorshipPage(p),
  }),
  'careers.mentoring-decided': (p) =>
    p.accepted === true
      ? {
          title: '导师接受了你的申请',
          body: `${text(p.mentorName, '导师')} 接受了你的辅导申请${p.message ? `：${text(p.message)}` : '。'}快去约第一次交流吧。`,
          page: mentorshipPage(p),
        }
      : {
          title: p.full === true ? '导师名额已满' : '导师未接受你的申请',
          body:
            p.full === true
              ? `${text(p.mentorName, '导师')} 的名额刚刚满了，看看其他导师吧。`
              : `${text(p.mentorName, '导师')} 暂时无法辅导你${p.message ? `：${text(p.message)}` : '。'}看看其他导师吧。`,
          page: mentorshipPage(p),
        },
  'careers.mentoring-updated': (p) => ({
    title: p.event === 'withdrawn' ? '辅导申请已撤回' : p.event === 'meeting' ? '辅导有新的交流记录' : '导师辅导已结束',
    body:
      p.event === 'withdrawn'
        ? `${text(p.otherName, '校友')} 撤回了给你的辅导申请。`
        : p.event === 'meeting'
          ? `${text(p.otherName, '对方')} 记录了一次交流，去看看吧。`
          : `${MENTORING_ENDINGS[String(p.reason)] ?? '这段辅导结束了'}。欢迎留下简短的反馈。`,
    page: mentorshipPage(p),
  }),
  'careers.job-applied': (p) => ({
    title: '职位收到新的投递',
    body: `${text(p.applicantName, '一位校友')} 对你发布的${quoted(p.jobTitle)}感兴趣，去看看 TA 留下的联系方式吧。`,
    page: `packages/careers/pages/applications/index?jobId=${String(p.jobId)}`,
  }),
  'careers.job-application-updated': (p) => ({
    title: `投递进度：${text(p.statusLabel, '有更新')}`,
    body: `你对${quoted(p.jobTitle)}的投递状态更新为「${text(p.statusLabel, '有更新')}」。`,
    page: `packages/careers/pages/job/index?id=${String(p.jobId)}`,
  }),
  'careers.reviewed': (p) => ({
    title: `${p.subject === 'resource' ? '职业资料' : '招聘信息'}审核结果：${text(p.outcome, '已处理')}`,
    body: `你提交的${quoted(p.title)}${text(p.outcome, '已处理')}${p.reason ? `，原因：${text(p.reason)}` : '。'}`,
    page: typeof p.page === 'string' ? p.page : 'packages/careers/pages/index/index',
  }),
  'governance.vote-opened': (p) => ({
    title: p.purpose === 'election' ? '校友会选举开始了' : '校友会投票开始了',
    body: `${quoted(p.title)}正在进行，${at(p.closesAt)} 截止，欢迎投出你的一票。`,
    page: votePage(p),
  }),
  'governance.vote-result': (p) => ({
    title: '投票结果已公布',
    body: `你参与的${quoted(p.title)}已公布结果，去看看吧。`,
    page: votePage(p),
  }),
  'governance.suggestion-updated': (p) => ({
    title: `建言进度：${text(p.statusLabel, '有更新')}`,
    body:
      `你${p.author === true ? '提交' : '附议'}的${quoted(p.title)}${text(p.statusLabel, '有更新')}` +
      (p.note ? `：${text(p.note)}` : '。'),
    page: `packages/governance/pages/suggestion/index?id=${String(p.suggestionId)}`,
  }),
  'surveys.invited': (p) => ({
    title: '邀请你填写问卷',
    body: `校友会邀请你填写${quoted(p.title)}，${at(p.closesAt)} 截止，感谢你的参与。`,
    page: `packages/surveys/pages/survey/index?id=${String(p.surveyId)}`,
  }),
  'stories.consent-requested': (p) => ({
    title: '请确认关于你的文章',
    body: `校友会准备发布${quoted(p.title)}，写的是你。请阅读全文并确认是否同意发布。`,
    page: storyPage(p),
  }),
  'stories.reviewed': (p) => ({
    title: `投稿审核结果：${text(p.outcome, '已处理')}`,
    body: `你投稿的${quoted(p.title)}${text(p.outcome, '已处理')}${p.note ? `：${text(p.note)}` : '。'}`,
    page: storyPage(p),
  }),
  'reunions.proposed': (p) => ({
    title: '班级聚会倡议',
    body: `${text(p.proposerName, '同学')} 发起了${quoted(p.title)}（${text(p.className)}），时间 ${at(p.startsAt)}，想去就点“我想参加”。`,
    page: reunionPage(p),
  }),
  'reunions.approved': (p) => ({
    title: '班级聚会成行了',
    body: `${quoted(p.title)}已由校友会安排，${where(p)}，报名已开放（加入班级群即可报名）。`,
    page: eventPage(p),
  }),
  'memories.tagged': (p) => ({
    title: '有校友在老照片里标记了你',
    body: `${text(p.taggerName, '校友')} 在${p.year ? `${String(p.year)} 年的` : ''}老照片${quoted(p.caption)}里标记了你，同意后你的名字才会显示。`,
    page: `packages/old-photos/pages/photo/index?id=${String(p.photoId)}`,
  }),
  'reunions.declined': (p) => ({
    title: '聚会倡议未通过',
    body: `你发起的${quoted(p.title)}未通过${p.reason ? `：${text(p.reason)}` : '。'}`,
    page: reunionPage(p),
  }),
};

/** Every outbox kind that has a notice text. */
export const NOTICE_KINDS = Object.keys(NOTICES);

/** The in-app notice of an outbox kind; a kind without one is a programming error, refused loudly. */
export function renderNotice(kind: string, payload: Payload): Notice {
  const render = NOTICES[kind];
  if (!render) throw new Error(`no in-app notice for outbox kind ${kind}: add it to inbox/notices.ts`);
  return render(payload);
}

/** The page a notice (in-app or WeChat) of this kind opens. */
export function noticePage(kind: string, payload: Payload): string | null {
  return NOTICES[kind] ? renderNotice(kind, payload).page : null;
}
