/**
 * The staff tools, one entry each; every tool is a page of this subpackage. The workbench
 * lists them; at a desk the H5 build's side navigation does too (src/desk/layout.tsx).
 */
export const STAFF_TOOLS = [
  { url: '/packages/staff/pages/dashboard/index', title: '数据看板', hint: '校友覆盖、参与与捐赠概况，待跟进名单导出' },
  { url: '/packages/staff/pages/events/index', title: '活动管理', hint: '发布活动、查看报名名单、现场签到与导出' },
  { url: '/packages/staff/pages/campaigns/index', title: '捐赠项目', hint: '发起植树、助学等募捐，登记善款去向' },
  { url: '/packages/staff/pages/giving-donations/index', title: '捐赠明细', hint: '查询捐赠、导出财务明细，管理员办理退款' },
  { url: '/packages/staff/pages/giving-days/index', title: '捐赠日', hint: '设置捐赠日的时间、项目、目标和班级挑战' },
  { url: '/packages/staff/pages/giving-monthly/index', title: '月捐', hint: '每月捐赠承诺、履约率、流失率和未完成的月份' },
  { url: '/packages/staff/pages/giving-receipts/index', title: '捐赠票据', hint: '处理捐赠票据申请：上传电子票据、登记票据号，导出给财务' },
  { url: '/packages/staff/pages/giving-reconciliations/index', title: '对账差异', hint: '每日与微信支付账单核对的结果' },
  { url: '/packages/staff/pages/claims/index', title: '认证审核', hint: '审核名册未能自动匹配的校友认证' },
  { url: '/packages/staff/pages/class-liaisons/index', title: '班级联络人', hint: '各班认证覆盖率，任命班级联络人找回失联同学' },
  { url: '/packages/staff/pages/duplicates/index', title: '重复记录', hint: '找出同一校友的两条记录，对比后合并或标记为不是同一人' },
  { url: '/packages/staff/pages/group-moderation/index', title: '群内容审核', hint: '处理内容安全拦截和被举报的群动态、评论' },
  { url: '/packages/staff/pages/content-reviews/index', title: '内容审核', hint: '处理内容安全未放行的资料、捐赠留言和图片' },
  { url: '/packages/staff/pages/stories/index', title: '校友故事', hint: '审核校友投稿，发布新闻和杰出校友专访（须本人同意）' },
  { url: '/packages/staff/pages/group-proposals/index', title: '群组审核', hint: '审核校友发起的兴趣、城市、行业群' },
  { url: '/packages/staff/pages/branches/index', title: '分会管理', hint: '设立城市、行业、海外和兴趣分会，任命分会管理员' },
  {
    url: '/packages/staff/pages/careers-programme/index',
    title: '导师项目',
    hint: '导师与辅导情况、各行业供需、久未互动的辅导，导出与设置',
  },
  { url: '/packages/staff/pages/careers-review/index', title: '职业内容审核', hint: '审核招聘信息、导师介绍和职业资料，下架不当内容' },
  { url: '/packages/staff/pages/governance-votes/index', title: '投票选举', hint: '发起投票、表决与理事选举，结束后公布结果' },
  { url: '/packages/staff/pages/governance-suggestions/index', title: '建言办理', hint: '受理校友建言，研究办理并公开答复' },
  { url: '/packages/staff/pages/governance-council/index', title: '理事会管理', hint: '聘任理事、当选者入会、任期与卸任' },
  { url: '/packages/staff/pages/surveys/index', title: '问卷调查', hint: '设计问卷并发送，回收统计、纸质录入、分组百分比表与样本量测算' },
  { url: '/packages/staff/pages/campus-days/index', title: '返校日与聚会', hint: '设置返校日打卡点、打印二维码，审核班级聚会提议' },
  { url: '/packages/staff/pages/memories-timeline/index', title: '校园时光轴', hint: '按年代记录校园大事，配上校友上传的老照片' },
  { url: '/packages/staff/pages/notifications/index', title: '消息发送', hint: '查看订阅消息的送达情况，重新发送失败的消息' },
  { url: '/packages/staff/pages/roster-import/index', title: '名册导入', hint: '从 Excel 或 CSV 导入毕业生名册' },
  { url: '/packages/staff/pages/staff-members/index', title: '工作人员管理', hint: '管理员授权或撤销工作人员' },
];
