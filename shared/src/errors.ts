/**
 * Every error the API can answer, with its HTTP status and the default Chinese message
 * shown to the user. Codes are stable: clients branch on them, so never rename one.
 * Feature issues add their codes here, in their own section.
 */
export interface ErrorDefinition {
  readonly status: number;
  readonly message: string;
}

export const ERRORS = {
  // Request shape
  VALIDATION_FAILED: { status: 400, message: '请求参数有误，请检查后重试' },
  MALFORMED_JSON: { status: 400, message: '请求内容不是有效的 JSON' },
  MALFORMED_MULTIPART: { status: 400, message: '上传的表单数据不完整，请重新上传' },
  INVALID_CURSOR: { status: 400, message: '分页游标无效，请从第一页重新加载' },
  UNAUTHENTICATED: { status: 401, message: '请先登录' },
  FORBIDDEN: { status: 403, message: '没有权限执行此操作' },
  ROUTE_NOT_FOUND: { status: 404, message: '请求的接口不存在' },
  PAYLOAD_TOO_LARGE: { status: 413, message: '请求内容过大' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: '不支持的请求内容类型' },
  METHOD_OVERRIDE_NOT_ALLOWED: { status: 400, message: 'X-HTTP-Method-Override 只能把 POST 请求改为 PATCH' },
  UNSUPPORTED_CHARSET: { status: 415, message: '请求内容须使用 UTF-8 编码（charset=utf-8）' },
  BODY_NOT_ALLOWED: { status: 400, message: '此接口不接受请求内容，请不带请求体（或只带 {}）发送' },
  MALFORMED_QUERY: { status: 400, message: '网址中的查询参数编码有误，请使用 UTF-8 百分号编码' },
  // Refused by the HTTP layer before any route runs (bootstrap.ts answers them in this body too)
  MALFORMED_HTTP_REQUEST: { status: 400, message: '请求不符合 HTTP 规范（如未知的请求方法），请检查客户端' },
  REQUEST_HEADERS_TOO_LARGE: { status: 431, message: '网址或请求头过长，请缩短后重试' },
  REQUEST_TIMEOUT: { status: 408, message: '请求发送超时，请重试' },
  RATE_LIMITED: { status: 429, message: '操作过于频繁，请稍后再试' },
  // Rate limits of single actions (Retry-After says when to try again)
  SIGN_IN_RATE_LIMITED: { status: 429, message: '登录尝试过于频繁，请稍后再试' },
  VERIFICATION_RATE_LIMITED: { status: 429, message: '认证申请提交过于频繁，请稍后再试' },
  POSTING_RATE_LIMITED: { status: 429, message: '发帖或评论过于频繁，请稍后再试' },
  DONATION_RATE_LIMITED: { status: 429, message: '捐赠下单过于频繁，请稍后再试' },
  // Server side
  INTERNAL: { status: 500, message: '服务器开小差了，请稍后再试' },
  DATABASE_UNAVAILABLE: { status: 503, message: '服务暂时不可用，请稍后再试' },
  CONCURRENT_CHANGE: { status: 409, message: '数据刚被其他操作修改，请刷新后重试' },
  // School
  SCHOOL_NOT_CONFIGURED: { status: 404, message: '学校信息尚未设置' },
  // Uploads, profiles, directory, staff management
  UPLOAD_NOT_FOUND: { status: 404, message: '文件不存在或已被删除' },
  UPLOAD_FILE_MISSING: { status: 400, message: '请选择要上传的图片' },
  UPLOAD_TOO_LARGE: { status: 413, message: '图片过大，请选择 2 MB 以内的图片' },
  UPLOAD_TYPE_UNSUPPORTED: { status: 415, message: '仅支持 JPG、PNG 或 WebP 格式的图片' },
  DEPARTMENT_NOT_FOUND: { status: 422, message: '所选院系不存在，请重新选择' },
  ALUMNUS_NOT_FOUND: { status: 404, message: '该校友不存在或已注销' },
  DIRECTORY_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能查找校友' },
  MY_CLASS_UNKNOWN: { status: 409, message: '请先在个人资料中填写毕业年份、院系和班级' },
  // 校友录 contact requests
  CONTACT_SELF: { status: 422, message: '不能向自己发送联系请求' },
  CONTACT_RECIPIENT_NOT_FOUND: { status: 404, message: '该校友不存在、已注销或尚未认证' },
  CONTACT_NOTHING_SHARED: { status: 422, message: '请至少选择一种联系方式：手机号、邮箱或微信号' },
  CONTACT_PHONE_NOT_BOUND: { status: 409, message: '你还没有绑定手机号：请先在“我的”中绑定，或改用邮箱、微信号' },
  CONTACT_REQUEST_PENDING: { status: 409, message: '你已向该校友发送过联系请求，请等待对方回应' },
  CONTACT_REQUEST_AWAITS_YOU: { status: 409, message: '对方已向你发来联系请求，请在“联系请求”中处理' },
  CONTACT_ALREADY_CONNECTED: { status: 409, message: '你们已经交换过联系方式' },
  CONTACT_REFUSED_RECENTLY: { status: 409, message: '对方最近未接受你的联系请求，30 天后才能再次发送' },
  CONTACT_NOT_ACCEPTED: { status: 403, message: '对方不接受你的联系请求' },
  CONTACT_RATE_LIMITED: { status: 429, message: '今天发送的联系请求已达上限，请明天再试' },
  CONTACT_REQUEST_NOT_FOUND: { status: 404, message: '该联系请求不存在' },
  CONTACT_REQUEST_STATE_CONFLICT: { status: 409, message: '该联系请求当前状态不允许此操作，请刷新后重试' },
  STAFF_SELF_REVOKE: { status: 409, message: '不能撤销自己的管理员或工作人员身份，请让其他管理员操作' },
  // Subscription messages
  NOTIFICATION_TEMPLATE_UNKNOWN: { status: 422, message: '订阅消息模板不存在，请刷新后重试' },
  NOTIFICATION_NOT_FOUND: { status: 404, message: '该通知不存在' },
  NOTIFICATION_NOT_RETRYABLE: { status: 409, message: '只有发送失败的通知可以重新发送' },
  INBOX_MESSAGE_NOT_FOUND: { status: 404, message: '该消息不存在或已被删除' },
  // WeChat platform, sign-in, sessions, consent, phone
  WECHAT_CODE_INVALID: { status: 401, message: '微信登录凭证无效或已过期，请重新登录' },
  WECHAT_LOGIN_BLOCKED: { status: 403, message: '微信暂时限制了该账号登录，请稍后再试或联系微信客服' },
  WECHAT_RATE_LIMITED: { status: 429, message: '微信接口调用过于频繁，请一分钟后再试' },
  WECHAT_UNAVAILABLE: { status: 503, message: '微信服务暂时不可用，请稍后再试' },
  REFRESH_TOKEN_INVALID: { status: 401, message: '登录已失效，请重新登录' },
  CONSENT_REQUIRED: { status: 403, message: '请先阅读并同意隐私政策' },
  CONSENT_VERSION_OUTDATED: { status: 409, message: '隐私政策已更新，请重新阅读最新版本后再同意' },
  PHONE_CODE_INVALID: { status: 400, message: '手机号授权已失效，请重新点击绑定手机号' },
  DEMO_MODE_ONLY: { status: 404, message: '演示登录仅在演示环境可用' },
  // Events, registrations, check-in
  EVENT_NOT_FOUND: { status: 404, message: '活动不存在或尚未发布' },
  EVENT_TIME_INVALID: { status: 422, message: '活动结束时间必须晚于开始时间' },
  EVENT_SIGNUP_WINDOW_INVALID: { status: 422, message: '报名截止时间须晚于报名开始时间，且不晚于活动开始时间' },
  EVENT_PLACE_REQUIRED: { status: 422, message: '线下活动请填写地点和地址（坐标可不填，填写时经纬度须成对）；线上活动请填写参会链接' },
  EVENT_AUDIENCE_INVALID: { status: 422, message: '报名范围设置有误：请选择已有的群组，或填写有效的毕业年份区间' },
  EVENT_QUESTIONS_INVALID: { status: 422, message: '报名问题设置有误：选择题至少两个选项，问题编号不能重复' },
  EVENT_CAPACITY_BELOW_CONFIRMED: { status: 409, message: '名额不能少于已确认报名的人数' },
  EVENT_STATE_CONFLICT: { status: 409, message: '活动当前状态不允许此操作，请刷新后重试' },
  EVENT_NOT_OPEN: { status: 409, message: '活动未发布、已取消或已结束，无法报名' },
  EVENT_SIGNUP_NOT_STARTED: { status: 409, message: '报名尚未开始，请在报名开始后再来' },
  EVENT_SIGNUP_CLOSED: { status: 409, message: '报名已截止' },
  EVENT_AUDIENCE_EXCLUDED: { status: 403, message: '该活动仅限特定校友报名，你不在报名范围内' },
  EVENT_FULL: { status: 409, message: '名额已满，欢迎关注下次活动' },
  ANSWER_QUESTION_UNKNOWN: { status: 422, message: '回答了不存在的报名问题，请刷新页面后重新填写' },
  ANSWER_TYPE_INVALID: { status: 422, message: '报名问题的回答格式不正确，请重新选择或填写' },
  ANSWER_REQUIRED: { status: 422, message: '请回答所有必答的报名问题' },
  ANSWER_TOO_LONG: { status: 422, message: '回答过长，请精简到 500 字以内' },
  REGISTRATION_NOT_FOUND: { status: 404, message: '报名记录不存在' },
  REGISTRATION_NOT_CONFIRMED: { status: 409, message: '报名尚未确认（候补或已取消），暂不能签到' },
  IDEMPOTENCY_KEY_INVALID: { status: 400, message: 'Idempotency-Key 须为 8 到 64 位字母、数字或连字符' },
  IDEMPOTENCY_KEY_REUSED: { status: 422, message: '同一个 Idempotency-Key 不能用于不同的请求内容' },
  CHECK_IN_TOKEN_INVALID: { status: 400, message: '签到码无效，请让校友刷新电子票后重新扫码' },
  CHECK_IN_TOKEN_EXPIRED: { status: 410, message: '签到码已过期，请让校友刷新电子票后重新扫码' },
  CHECK_IN_WRONG_EVENT: { status: 422, message: '这是其他活动的电子票，请核对活动' },
  CHECK_IN_CODE_INVALID: { status: 400, message: '签到短码无效或已过期，请让校友刷新电子票后重新输入' },
  // Rosters and verification claims
  ROSTER_FILE_TOO_LARGE: { status: 413, message: '名册文件过大，请拆分为 10 MB 以内的文件后分批导入' },
  ROSTER_FILE_TYPE_UNSUPPORTED: { status: 415, message: '仅支持 CSV 或 Excel（.xlsx）格式的名册，请下载模板填写' },
  ROSTER_ENCODING_UNSUPPORTED: { status: 422, message: '无法识别文件编码，请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重新上传' },
  ROSTER_FILE_MALFORMED: { status: 422, message: '名册文件已损坏或格式不正确，请用模板重新填写后上传' },
  ROSTER_HEADERS_INVALID: { status: 422, message: '表头与模板不一致，请保留模板第一行的表头' },
  ROSTER_FILE_EMPTY: { status: 422, message: '名册中没有数据行，请填写后再上传' },
  ROSTER_TOO_MANY_ROWS: { status: 413, message: '单个名册最多 50000 行，请拆分后分批导入' },
  ROSTER_IMPORT_NOT_FOUND: { status: 404, message: '导入记录不存在，请重新上传名册' },
  ROSTER_IMPORT_ALREADY_COMMITTED: { status: 409, message: '该名册已经导入，无需重复提交' },
  ROSTER_ENTRY_NOT_FOUND: { status: 404, message: '名册记录不存在，请刷新后重新选择' },
  ROSTER_ENTRY_ALREADY_CLAIMED: { status: 409, message: '该名册记录已被其他账号认领，请选择其他记录或联系校友会' },
  CLAIM_IDENTIFIER_REQUIRED: { status: 400, message: '请填写学号或班级中的至少一项' },
  CLAIM_ALREADY_VERIFIED: { status: 409, message: '你已完成校友认证，无需再次申请' },
  CLAIM_RATE_LIMITED: { status: 429, message: '今天的认证尝试次数已用完，请 24 小时后再试，或联系校友会' },
  CLAIM_NOT_FOUND: { status: 404, message: '认证申请不存在' },
  CLAIM_NOT_PENDING: { status: 409, message: '该认证申请已处理，请刷新列表' },
  CLAIM_EVIDENCE_NOT_FOUND: { status: 404, message: '该申请没有上传证明材料' },
  // Interaction log and engagement
  INTERACTION_TIME_INVALID: { status: 422, message: '互动时间不能晚于现在，也不能早于 50 年前' },
  ENGAGEMENT_KIND_UNKNOWN: { status: 422, message: '权重里有未知的互动类型，请刷新页面后重试' },
  ENGAGEMENT_WEIGHT_DUPLICATE: { status: 422, message: '同一种互动只能设置一个权重' },
  // Groups: discovery, proposals, memberships, invitations
  GROUP_NOT_FOUND: { status: 404, message: '群组不存在或尚未开放' },
  GROUP_NOT_ACTIVE: { status: 409, message: '该群组尚未通过审核或已归档，暂不能加入' },
  GROUP_KIND_NOT_ALLOWED: { status: 422, message: '校友只能发起兴趣、城市或行业群；班级群由名册自动创建' },
  GROUP_KIND_DATA_REQUIRED: { status: 422, message: '城市群请填写城市，行业群请填写行业' },
  GROUP_POLICY_INVALID: { status: 422, message: '只有班级群可以设为“仅限本班认证校友”，班级群也只能如此' },
  GROUP_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能发起群组' },
  GROUP_NOT_PROPOSED: { status: 409, message: '该群组已审核过，请刷新列表' },
  GROUP_JOIN_NOT_ALLOWED: { status: 403, message: '该班级群仅限本班已认证的校友加入，请先完成校友认证' },
  GROUP_ALREADY_MEMBER: { status: 409, message: '你已经是该群成员' },
  GROUP_JOIN_PENDING: { status: 409, message: '你的入群申请正在等待群管理员审核' },
  GROUP_NOT_MEMBER: { status: 409, message: '你不是该群成员' },
  GROUP_OWNER_CANNOT_LEAVE: { status: 409, message: '群主不能退出群组，请联系校友会转让群主后再退出' },
  GROUP_MEMBERS_FORBIDDEN: { status: 403, message: '加入该群组后才能查看成员' },
  GROUP_ADMIN_REQUIRED: { status: 403, message: '只有群主或群管理员可以执行此操作' },
  GROUP_OWNER_REQUIRED: { status: 403, message: '只有群主可以设置或取消管理员' },
  GROUP_MEMBER_NOT_FOUND: { status: 404, message: '该校友不在群中' },
  GROUP_JOIN_REQUEST_NOT_FOUND: { status: 404, message: '入群申请不存在或已处理' },
  GROUP_ROLE_CONFLICT: { status: 409, message: '不能对群主或自己执行此操作' },
  GROUP_SCENE_INVALID: { status: 404, message: '小程序码无效或对应的群组已不存在' },
  WECHAT_QRCODE_PAGE_INVALID: { status: 502, message: '生成小程序码失败：小程序页面尚未发布，请联系管理员' },
  // Group feeds: posts, comments, likes, reports, moderation, content security
  GROUP_FEED_FORBIDDEN: { status: 403, message: '加入该群组后才能查看群内动态' },
  GROUP_FEED_MEMBERS_ONLY: { status: 403, message: '加入该群组后才能发言、点赞或举报' },
  GROUP_FEED_MUTED: { status: 403, message: '你已被群管理员禁言，暂时不能发言' },
  GROUP_POST_NOT_FOUND: { status: 404, message: '动态不存在或已被删除' },
  GROUP_POST_FORBIDDEN: { status: 403, message: '只能编辑或删除自己的动态' },
  GROUP_POST_STATE_CONFLICT: { status: 409, message: '该内容当前状态不允许此操作，请刷新后重试' },
  GROUP_POST_PIN_LIMIT: { status: 409, message: '每个群最多置顶 3 条公告，请先取消一条' },
  GROUP_POST_IMAGE_INVALID: { status: 422, message: '图片无效或已被使用，请重新上传' },
  GROUP_COMMENT_NOT_FOUND: { status: 404, message: '评论不存在或已被删除' },
  GROUP_REPORT_OWN_CONTENT: { status: 403, message: '不能举报自己发布的内容' },
  CONTENT_RISKY: { status: 422, message: '内容可能含有违规信息，请修改后再发布' },
  CONTENT_REVIEW_NOT_FOUND: { status: 404, message: '该待审内容不存在或已处理' },
  // Giving: campaigns, donations, WeChat Pay
  CAMPAIGN_NOT_FOUND: { status: 404, message: '捐赠项目不存在或尚未发布' },
  CAMPAIGN_NOT_OPEN: { status: 409, message: '该捐赠项目尚未开始或已结束，暂不能捐赠' },
  CAMPAIGN_WINDOW_INVALID: { status: 422, message: '捐赠项目的结束时间须晚于开始时间' },
  CAMPAIGN_AMOUNTS_INVALID: { status: 422, message: '金额设置有误：最高金额不能低于最低金额，推荐金额须在两者之间' },
  CAMPAIGN_UNIT_INVALID: { status: 422, message: '单位名称和单价须同时填写（如“棵树苗”“3000 分”），植树项目必须设置单位' },
  CAMPAIGN_STATE_CONFLICT: { status: 409, message: '捐赠项目当前状态不允许此操作，请刷新后重试' },
  DONATION_AMOUNT_REQUIRED: { status: 400, message: '请选择或填写捐赠金额（金额和份数只能填一项）' },
  DONATION_AMOUNT_TOO_SMALL: { status: 422, message: '捐赠金额低于本项目的最低金额' },
  DONATION_AMOUNT_TOO_LARGE: { status: 422, message: '捐赠金额超过本项目单笔上限' },
  DONATION_UNITS_NOT_OFFERED: { status: 422, message: '该项目不按份数捐赠，请直接填写金额' },
  DONATION_PAYER_UNKNOWN: { status: 409, message: '请先用微信登录后再捐赠' },
  DONATION_NOT_FOUND: { status: 404, message: '捐赠记录不存在' },
  DONATION_NOT_PAYABLE: { status: 409, message: '该笔捐赠已支付、已关闭或尚未下单成功，请刷新后重试' },
  PAYMENT_NOT_CONFIGURED: { status: 503, message: '学校尚未开通微信支付捐赠，请稍后再来' },
  PAYMENT_UNAVAILABLE: { status: 503, message: '微信支付暂时不可用，请稍后再试' },
  PAYMENT_REJECTED: { status: 502, message: '微信支付未能受理本次捐赠，请稍后再试或联系校友会' },
  DONATION_PAYMENT_REFUSED: { status: 422, message: '微信支付拒绝了本次捐赠，请稍后重新下单或联系校友会' },
  PAYMENT_SIMULATION_UNAVAILABLE: { status: 404, message: '模拟支付仅在演示环境可用' },
  DONATION_NOT_REFUNDABLE: { status: 409, message: '该笔捐赠未支付或已全额退款，不能退款' },
  REFUND_EXCEEDS_PAID: { status: 422, message: '退款金额不能超过该笔捐赠尚可退还的金额' },
  // WeChat Pay refused a refund for a reason of business (not of our request's form): staff act on it
  REFUND_ORDER_UNKNOWN: { status: 422, message: '微信支付查不到这笔捐赠的支付订单，无法原路退款；请在微信支付商户平台核对该订单' },
  REFUND_FUNDS_INSUFFICIENT: { status: 409, message: '商户账户可用余额不足，微信支付暂不能退款；请在商户平台充值后再退款' },
  REFUND_REFUSED: { status: 422, message: '微信支付拒绝了这笔退款，请到微信支付商户平台查看原因' },
  REFUND_NOT_FOUND: { status: 404, message: '这笔捐赠没有该退款记录' },
  REFUND_NOT_ABNORMAL: { status: 409, message: '这笔退款不是「退款异常」状态（可能已到账、正在处理或已关闭），无需再处理；请刷新后查看' },
  CAMPAIGN_MATCH_NOT_FOUND: { status: 404, message: '配捐承诺不存在' },
  CAMPAIGN_MATCH_INVALID: { status: 422, message: '配捐设置有误：请检查时间段、限定班级和配捐方' },
  MATCH_PAYMENT_EXCEEDS_CAP: { status: 422, message: '配捐方到账金额累计不能超过配捐上限' },
  GIVING_DAY_NOT_FOUND: { status: 404, message: '捐赠日不存在或尚未发布' },
  GIVING_DAY_INVALID: { status: 422, message: '捐赠日设置有误：请检查时间段、项目和挑战' },
  GIVING_DAY_EDIT_CONFLICT: {
    status: 409,
    message:
      '捐赠日已开始，这项修改会改变校友已看到的结果：开始时间不能改到未来、结束时间不能改到过去，不能退回草稿，不能移除已有捐赠的项目或改动已解锁的挑战',
  },
  RECEIPT_GIFTS_INVALID: { status: 422, message: '只能为自己已支付（未全额退款）的捐赠申请票据，请刷新后重选' },
  RECEIPT_ALREADY_REQUESTED: { status: 409, message: '所选捐赠中有已申请过票据的，每笔捐赠只能开具一次票据' },
  RECEIPT_TAX_ID_INVALID: { status: 422, message: '证件号码有误：个人请填 18 位身份证号，单位请填 18 位统一社会信用代码' },
  RECEIPT_NOT_FOUND: { status: 404, message: '票据申请不存在' },
  RECEIPT_NOT_ISSUED: { status: 409, message: '票据尚未开具，开具后会通知你' },
  RECEIPT_FILE_MISSING: { status: 409, message: '请先上传电子票据文件，再登记票据号' },
  RECEIPT_STATE_CONFLICT: { status: 409, message: '该票据已开具或已作废，不能再修改' },
  RECEIPT_NO_TAKEN: { status: 409, message: '该票据号已登记在另一张票据上，请核对' },
  MONTHLY_PLEDGE_NOT_FOUND: { status: 404, message: '月捐不存在' },
  MONTHLY_PLEDGE_EXISTS: { status: 409, message: '你已在按月支持这个项目，可在「我的月捐」修改金额' },
  MONTHLY_PLEDGE_STATE_CONFLICT: { status: 409, message: '月捐当前状态不允许此操作，请刷新后重试' },
  MONTHLY_AMOUNT_INVALID: { status: 422, message: '每月金额须在 ¥5 到 ¥5000 之间' },
  MONTHLY_INSTALMENT_NOT_FOUND: { status: 404, message: '这个月的月捐不存在' },
  MONTHLY_INSTALMENT_NOT_PAYABLE: { status: 409, message: '这个月的月捐已支付、已错过或已停止，无需再付' },
  MONTHLY_RUN_UNAVAILABLE: { status: 404, message: '只有演示环境可以手动运行月捐任务' },
  RECEIPT_NOT_VOIDABLE: { status: 409, message: '只有已开具的票据可以作废，请刷新后查看' },
  RECEIPT_VOIDED: { status: 409, message: '该票据已作废，不能再下载使用' },
  CERTIFICATE_NOT_ISSUED: { status: 409, message: '捐赠支付成功后才会生成证书，请稍后刷新' },
  TREE_NOT_FOUND: { status: 404, message: '这棵树还没有被认捐' },
  // Careers: who may take part
  CAREERS_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能使用此功能（在校生可用学号认证）' },
  CAREERS_GRADUATE_REQUIRED: { status: 403, message: '此功能面向已毕业的认证校友；在校生可以找导师、投递职位和阅读资料' },
  // Careers: mentoring
  MENTOR_NOT_FOUND: { status: 404, message: '导师不存在或暂不接受申请' },
  MENTOR_OFFER_NOT_FOUND: { status: 404, message: '你还没有登记为导师' },
  MENTOR_OFFER_STATE_CONFLICT: { status: 409, message: '导师登记当前状态不允许此操作，请刷新后重试' },
  MENTOR_SELF: { status: 422, message: '不能向自己申请辅导' },
  MENTOR_NOT_ACCEPTING: { status: 409, message: '该导师暂停接受新的申请，请选择其他导师' },
  MENTOR_FULL: { status: 409, message: '该导师的名额已满，请选择其他导师' },
  MENTOR_BUSY: { status: 409, message: '该导师待处理的申请较多，请稍后再试或选择其他导师' },
  MENTEE_LIMIT: { status: 409, message: '你等待回复的申请或进行中的辅导已达上限，请先处理已有的' },
  MENTORSHIP_ALREADY_OPEN: { status: 409, message: '你已向该导师提交过申请，或正在接受其辅导' },
  MENTORSHIP_NOT_FOUND: { status: 404, message: '辅导记录不存在' },
  MENTORSHIP_STATE_CONFLICT: { status: 409, message: '辅导当前状态不允许此操作，请刷新后重试' },
  MENTORSHIP_FEEDBACK_GIVEN: { status: 409, message: '你已经提交过这段辅导的反馈' },
  MENTORING_MEETING_DATE_INVALID: { status: 422, message: '交流日期不能晚于今天，也不能早于辅导开始的日期' },
  // Careers: jobs and internships
  JOB_NOT_FOUND: { status: 404, message: '职位不存在或已下架' },
  JOB_SALARY_INVALID: { status: 422, message: '薪资范围有误：最低、最高和计薪方式须同时填写，且最高不低于最低' },
  JOB_CLOSING_DATE_INVALID: { status: 422, message: '截止日期须在今天到 180 天之内' },
  JOB_STATE_CONFLICT: { status: 409, message: '职位当前状态不允许此操作，请刷新后重试' },
  JOB_POSTER_ONLY: { status: 403, message: '只有职位发布者可以执行此操作' },
  JOB_NOT_OPEN: { status: 409, message: '该职位已截止或已关闭，不能再投递' },
  JOB_OWN_POST: { status: 422, message: '不能投递自己发布的职位' },
  JOB_ALREADY_APPLIED: { status: 409, message: '你已经投递过该职位' },
  JOB_CONTACT_REQUIRED: { status: 422, message: '请至少选择一种联系方式：手机号、邮箱或微信号' },
  JOB_PHONE_NOT_BOUND: { status: 409, message: '你还没有绑定手机号：请先在“我的”中绑定，或改用邮箱、微信号' },
  JOB_APPLICATION_NOT_FOUND: { status: 404, message: '投递记录不存在' },
  JOB_APPLICATION_STATE_CONFLICT: { status: 409, message: '该投递已撤回，不能再处理' },
  // Careers: resource library
  RESOURCE_NOT_FOUND: { status: 404, message: '资料不存在或尚未发布' },
  RESOURCE_FORBIDDEN: { status: 403, message: '只能修改自己的资料' },
  RESOURCE_STATE_CONFLICT: { status: 409, message: '资料当前状态不允许此操作，请刷新后重试' },
  RESOURCE_FILE_REQUIRED: { status: 422, message: '资料文件类请至少上传一个附件' },
  RESOURCE_FILE_INVALID: { status: 422, message: '附件无效或已被使用，请重新上传' },
  RESOURCE_FILE_NOT_FOUND: { status: 404, message: '文件不存在' },
  RESOURCE_FILE_TYPE_UNSUPPORTED: { status: 415, message: '仅支持 PDF 文件或 JPG、PNG、WebP 图片' },
  RESOURCE_FILE_TOO_LARGE: { status: 413, message: '文件过大：PDF 不超过 10 MB，图片不超过 5 MB' },
  // Audiences (votes and surveys)
  AUDIENCE_INVALID: { status: 422, message: '参与范围设置有误：请选择已有的群组，或填写有效的毕业年份区间' },
  // Governance: votes and polls
  VOTE_NOT_FOUND: { status: 404, message: '投票不存在或尚未发布' },
  VOTE_OPTIONS_INVALID: { status: 422, message: '选项设置有误：至少两个选项，名称不能重复；多选的可选数量须在 2 到选项数之间' },
  VOTE_TIME_INVALID: { status: 422, message: '投票时间有误：结束时间须晚于开始时间和现在，且投票期不超过 90 天' },
  VOTE_SECRET_LIVE_RESULTS: { status: 422, message: '无记名投票只能在结束后公布结果，不能实时显示' },
  VOTE_CANDIDATE_INVALID: { status: 422, message: '候选人须为已认证的校友，且不能重复' },
  VOTE_STATE_CONFLICT: { status: 409, message: '投票当前状态不允许此操作，请刷新后重试' },
  VOTE_NOT_OPEN: { status: 409, message: '投票尚未开始或已经结束，不能再投票' },
  VOTE_NOT_ELIGIBLE: { status: 403, message: '你不在本次投票的范围内' },
  VOTE_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能参与投票' },
  VOTE_ALREADY_CAST: { status: 409, message: '你已经投过票了，每人只能投一次' },
  VOTE_BALLOT_INVALID: { status: 422, message: '选票无效：请选择列出的选项，单选只能选一项，多选不能超过限定数量' },
  // Governance: suggestions to the school (建言献策)
  SUGGESTION_NOT_FOUND: { status: 404, message: '建言不存在或尚未公开' },
  SUGGESTION_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能提交建言或附议' },
  SUGGESTION_STATE_CONFLICT: { status: 409, message: '该建言当前状态不允许此操作，请刷新后重试' },
  SUGGESTION_OWN: { status: 422, message: '不能附议自己提交的建言' },
  SUGGESTION_ALREADY_COSIGNED: { status: 409, message: '你已经附议过这条建言' },
  SUGGESTION_NOT_COSIGNABLE: { status: 409, message: '这条建言已答复或已关闭，不能再附议' },
  SUGGESTION_AUTHOR_ONLY: { status: 403, message: '只有建言人可以撤回建言' },
  SUGGESTION_ANSWER_REQUIRED: { status: 422, message: '答复、采纳或不采纳时请填写公开答复' },
  // Governance: the alumni council
  COUNCIL_MEMBER_NOT_FOUND: { status: 404, message: '理事会成员记录不存在' },
  COUNCIL_TERM_INVALID: { status: 422, message: '任期有误：结束日期须不早于开始日期，任期不超过 6 年' },
  COUNCIL_MEMBER_OVERLAP: { status: 409, message: '该校友在这段任期内已是理事会成员' },
  COUNCIL_MEMBER_INELIGIBLE: { status: 422, message: '理事会成员须为已认证的校友' },
  COUNCIL_ELECTION_INVALID: { status: 422, message: '选举产生的理事须是已公布结果的选举中的候选人' },
  // Surveys
  SURVEY_NOT_FOUND: { status: 404, message: '问卷不存在或尚未发放' },
  SURVEY_QUESTIONS_INVALID: { status: 422, message: '题目设置有误：选择题至少两个选项且不重复，量表两端须为 0–10 的整数且左小右大' },
  SURVEY_CLOSING_TIME_INVALID: { status: 422, message: '截止时间须晚于现在，且回收期不超过 180 天' },
  SURVEY_STATE_CONFLICT: { status: 409, message: '问卷当前状态不允许此操作，请刷新后重试' },
  SURVEY_NOT_OPEN: { status: 409, message: '问卷尚未发放或已经结束，不能再填写' },
  SURVEY_NOT_ELIGIBLE: { status: 403, message: '这份问卷只发给特定的校友，你不在发放范围内' },
  SURVEY_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能填写问卷' },
  SURVEY_ALREADY_ANSWERED: { status: 409, message: '你已经填写过这份问卷，每人只能填写一次' },
  SURVEY_ANSWER_INVALID: { status: 422, message: '答案格式有误：请按题目要求选择或填写后再提交' },
  SURVEY_START_TOKEN_INVALID: { status: 400, message: '问卷页面已失效，请重新打开问卷后填写' },
  SURVEY_ATTRIBUTE_UNKNOWN: { status: 422, message: '没有这个分组维度，请从列出的维度中选择' },
  SURVEY_IMPORT_FILE_TOO_LARGE: { status: 413, message: '问卷文件过大，请拆分为 10 MB 以内的文件后分批导入' },
  SURVEY_IMPORT_FILE_TYPE_UNSUPPORTED: { status: 415, message: '仅支持 CSV 或 Excel（.xlsx）格式，请下载模板填写' },
  SURVEY_IMPORT_ENCODING_UNSUPPORTED: { status: 422, message: '无法识别文件编码，请在 Excel 中另存为“CSV UTF-8”或 .xlsx 后重新上传' },
  SURVEY_IMPORT_FILE_MALFORMED: { status: 422, message: '问卷文件已损坏或格式不正确，请用模板重新填写后上传' },
  SURVEY_IMPORT_HEADERS_INVALID: {
    status: 422,
    message: '表头有误：每列须为一道题（如“Q1”或题号加题目）或一个属性（如学院、城市），且不能重复',
  },
  SURVEY_IMPORT_FILE_EMPTY: { status: 422, message: '文件中没有数据行，请填写后再上传' },
  SURVEY_IMPORT_TOO_MANY_ROWS: { status: 413, message: '单个文件最多 10000 行，请拆分后分批导入' },
  SURVEY_IMPORT_NOT_FOUND: { status: 404, message: '导入记录不存在或已过期，请重新上传文件' },
  SURVEY_IMPORT_HAS_PROBLEMS: { status: 422, message: '文件中有无法识别的行，请按预览中的提示改正后重新上传；本次未写入任何数据' },
  SURVEY_IMPORT_ALREADY_COMMITTED: { status: 409, message: '该文件已经导入，无需重复提交' },
  // Memories: photo walls, tags, timeline
  MEMORIES_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能查看和上传老照片' },
  MEMORY_IMAGE_INVALID: { status: 422, message: '图片无效或已被使用，请重新上传' },
  MEMORY_IMAGE_TOO_LARGE: { status: 413, message: '图片过大，请选择 8 MB 以内的照片' },
  MEMORY_PHOTO_NOT_FOUND: { status: 404, message: '照片不存在或已被删除' },
  MEMORY_PHOTO_YEAR_INVALID: { status: 422, message: '照片年份须在 1900 年到今年之间' },
  MEMORY_PHOTO_FORBIDDEN: { status: 403, message: '只能删除自己上传的照片' },
  MEMORY_PHOTO_STATE_CONFLICT: { status: 409, message: '照片当前状态不允许此操作，请刷新后重试' },
  MEMORY_CLASS_NOT_MINE: { status: 403, message: '只有本班认证校友可以向班级照片墙上传照片' },
  MEMORY_TAG_NOT_FOUND: { status: 404, message: '标记不存在或已被删除' },
  MEMORY_TAG_EXISTS: { status: 409, message: '这位校友已经被标记在这张照片里' },
  MEMORY_TAG_LIMIT: { status: 409, message: '一张照片最多标记 50 位校友' },
  MEMORY_TAG_FORBIDDEN: { status: 403, message: '只有被标记的校友本人可以确认或拒绝显示姓名' },
  MEMORY_COMMENT_NOT_FOUND: { status: 404, message: '评论不存在或已被删除' },
  MEMORY_REPORT_OWN_CONTENT: { status: 403, message: '不能举报自己发布的内容' },
  TIMELINE_ENTRY_NOT_FOUND: { status: 404, message: '时间轴条目不存在' },
  TIMELINE_PHOTO_INVALID: { status: 422, message: '只能选用已发布的老照片' },
  // Stories and news
  STORY_NOT_FOUND: { status: 404, message: '文章不存在或尚未发布' },
  STORY_FORBIDDEN: { status: 403, message: '只能修改自己的文章' },
  STORY_STATE_CONFLICT: { status: 409, message: '文章当前状态不允许此操作，请刷新后重试' },
  STORY_KIND_NOT_ALLOWED: { status: 403, message: '校友会新闻由工作人员发布；校友可以投稿校友故事或推荐杰出校友' },
  STORY_SUBJECT_REQUIRED: { status: 422, message: '杰出校友专访须选择本人账号，或填写姓名并由工作人员记录线下授权' },
  STORY_CONSENT_REQUIRED: { status: 409, message: '须征得文章主人公本人对当前版本的同意后才能发布' },
  STORY_CONSENT_FORBIDDEN: { status: 403, message: '只有文章主人公本人可以确认授权' },
  STORY_LINK_INVALID: { status: 422, message: '关联的捐赠项目或导师不存在，请重新选择' },
  STORY_COMMENT_NOT_FOUND: { status: 404, message: '评论不存在或已被删除' },
  STORY_REPORT_OWN_CONTENT: { status: 403, message: '不能举报自己发布的内容' },
  STORY_VERIFICATION_REQUIRED: { status: 403, message: '完成校友认证后才能投稿、点赞和评论' },
  // Campus days and reunions
  CAMPUS_DAY_NOT_FOUND: { status: 404, message: '该活动不是校庆返校日，或尚未发布' },
  CAMPUS_DAY_SPOT_NOT_FOUND: { status: 404, message: '打卡点不存在' },
  CAMPUS_DAY_SPOT_LIMIT: { status: 409, message: '一个返校日最多设置 24 个打卡点' },
  CAMPUS_DAY_CODE_INVALID: { status: 400, message: '这不是有效的打卡点二维码，或该二维码已更换，请扫描现场的最新二维码' },
  CAMPUS_DAY_NOT_OPEN: { status: 409, message: '返校日尚未开始或已经结束，暂不能打卡' },
  REUNION_NOT_FOUND: { status: 404, message: '聚会倡议不存在' },
  REUNION_CLASS_NOT_MINE: { status: 403, message: '只有本班认证校友可以发起或响应班级聚会' },
  REUNION_TIME_INVALID: { status: 422, message: '聚会时间须在未来两年内，且结束晚于开始' },
  REUNION_OPEN_LIMIT: { status: 409, message: '本班已有 3 个征集中的聚会倡议，请先响应或撤回' },
  REUNION_STATE_CONFLICT: { status: 409, message: '聚会倡议当前状态不允许此操作，请刷新后重试' },
  // Branches (分会)
  BRANCH_NOT_FOUND: { status: 404, message: '分会不存在或已撤销' },
  BRANCH_ADMIN_REQUIRED: { status: 403, message: '只有本分会的管理员或校友会工作人员可以执行此操作' },
  BRANCH_NAME_TAKEN: { status: 409, message: '已有同名分会，请换一个名称' },
  BRANCH_PLACE_REQUIRED: { status: 422, message: '城市分会请填写城市，行业分会请填写行业，海外分会请填写国家或地区' },
  BRANCH_ADMIN_NOT_VERIFIED: { status: 409, message: '分会管理员须是已完成认证的校友，请先请其完成校友认证' },
  BRANCH_ADMIN_NOT_FOUND: { status: 404, message: '该校友不是本分会的管理员' },
  BRANCH_NOT_ACTIVE: { status: 409, message: '该分会已撤销，不能再添加内容' },
  BRANCH_EVENT_AUDIENCE_INVALID: { status: 422, message: '分会活动只能面向所有校友或本分会的群组' },
  BRANCH_CAMPAIGN_TAKEN: { status: 409, message: '该募捐项目已归属另一个分会' },
  // Class liaisons (docs/reach.md)
  CLASS_NOT_FOUND: { status: 404, message: '班级不存在' },
  LIAISON_CLASS_NOT_MINE: { status: 403, message: '只有本班的班级联络人可以查看本班名册和邀请同学' },
  LIAISON_NOT_CLASSMATE: { status: 422, message: '班级联络人须是本班已认证的校友' },
  LIAISON_NOT_FOUND: { status: 404, message: '该校友不是本班的班级联络人' },
  CLASSMATE_NOT_FOUND: { status: 404, message: '本班名册中没有这位同学' },
  CLASSMATE_ALREADY_VERIFIED: { status: 409, message: '这位同学已经完成认证，无需邀请' },
  CLASS_INVITATION_NOT_FOUND: { status: 404, message: '邀请不存在或已失效，请向班级联络人重新索取' },
  LIAISON_CLASS_NOT_IN_BRANCH: { status: 403, message: '这个班级没有本分会的成员，分会管理员只能为有本分会成员的班级任命联络人' },
  LIAISON_NOT_BRANCH_MEMBER: { status: 422, message: '分会管理员任命的班级联络人须是本分会成员，且是本班已认证的校友' },
  // Duplicate records (docs/reach.md)
  DUPLICATE_NOT_FOUND: { status: 404, message: '该重复记录候选不存在' },
  DUPLICATE_DECIDED: { status: 409, message: '这对记录已处理过（已合并或已标记为不是同一人），请刷新列表' },
  DUPLICATE_SURVIVOR_INVALID: { status: 422, message: '保留的记录须是这对候选中的一条' },
  DUPLICATE_RECORD_GONE: { status: 409, message: '其中一条记录已注销或已合并，无法合并，请重新扫描' },
} as const satisfies Record<string, ErrorDefinition>;

export type ErrorCode = keyof typeof ERRORS;

export const ERROR_CODES = Object.keys(ERRORS) as ErrorCode[];

/** One problem with the request, e.g. a field that failed validation. */
export interface ErrorDetail {
  /** Dotted path of the offending field, when the problem is about one field. */
  field?: string;
  /** What is wrong and how to fix it. */
  issue: string;
}

/** The one error body every endpoint answers with. */
export interface ErrorBody {
  error: {
    code: ErrorCode;
    message: string;
    details: ErrorDetail[];
  };
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && Object.prototype.hasOwnProperty.call(ERRORS, value);
}

export function isErrorBody(value: unknown): value is ErrorBody {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return (
    typeof error === 'object' &&
    error !== null &&
    isErrorCode((error as { code?: unknown }).code) &&
    typeof (error as { message?: unknown }).message === 'string'
  );
}
