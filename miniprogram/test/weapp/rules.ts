/**
 * What WeChat's runtime refuses, as the `wx` fake enforces it. Each rule names the WeChat
 * document it comes from (developers.weixin.qq.com unless said otherwise); "(unverified)"
 * marks what no WeChat page states and the fake assumes on the strictest reading.
 * A call that breaks a rule is recorded here and fails the test (test/weapp/after-each.ts).
 */
export const RULES = {
  'request.method': {
    says: 'wx.request documents only OPTIONS, GET, HEAD, POST, PUT, DELETE, TRACE and CONNECT as methods',
    source: '/miniprogram/dev/api/network/request/wx.request.html (object.method 的合法值)',
  },
  'network.domain': {
    says:
      'wx.request, wx.uploadFile and wx.downloadFile reach only https URLs of the domains configured in the admin console; ' +
      'no IP address, no localhost, no port unless the port was configured (we configure none)',
    source: '/miniprogram/dev/framework/ability/network.html (服务器域名配置)',
  },
  'image.src': {
    says:
      '<image src> and wx.previewImage: a network image is an absolute https URL; a path starting with "/" is a file ' +
      'inside the code package, so a server path there shows nothing',
    source:
      '/miniprogram/dev/component/image.html, /miniprogram/dev/api/media/image/wx.previewImage.html; ' +
      'https for images (not only for requests) is the fake’s reading (unverified: http images load on some clients)',
  },
  'dialog.one-at-a-time': {
    says: 'one native dialog or sheet at a time: modal, action sheet, subscription dialog, payment sheet, privacy popup',
    source:
      '/miniprogram/dev/api/ui/interaction/wx.showModal.html (显示模态对话框), /miniprogram/dev/api/ui/interaction/wx.showActionSheet.html ' +
      '(注意: on iOS and Android 6.7.2 on, a tap on the mask does not close the 模态弹窗): each is modal, over the page; ' +
      '(unverified) what a second call while one is up does: WeChat documents no queue, it is lost or fails on phones, so the fake refuses it',
  },
  'modal.color': {
    says: 'wx.showModal’s confirmColor and cancelColor are hexadecimal colour strings (必须是 16 进制格式的颜色字符串)',
    source:
      '/miniprogram/dev/api/ui/interaction/wx.showModal.html (confirmColor, default #576B95; cancelColor, default #000000); ' +
      'no page gives a length: the fake takes only #RRGGBB (7 characters, the form of both defaults) and refuses a name, ' +
      'rgb(), #RGB and #RRGGBBAA (unverified: WeChat’s community reports a non-hex colour leaves the button blank on iOS)',
  },
  'subscribe.tap': {
    says: 'wx.requestSubscribeMessage opens only in a user tap or a payment callback (base library 2.8.2 on)',
    source: '/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html (注意事项)',
  },
  'subscribe.ids': {
    says: 'wx.requestSubscribeMessage takes 1 to 3 template ids with distinct titles',
    source:
      '/miniprogram/dev/api/open-api/subscribe-message/wx.requestSubscribeMessage.html (tmplIds; the English page and older ' +
      'clients say 3, the current Chinese page 5: the fake keeps 3)',
  },
  'settings.tap': {
    says: 'wx.openSetting opens only after a user tap (base library 2.3.0 on); a modal’s button counts as a tap (unverified)',
    source: '/miniprogram/dev/api/open-api/setting/wx.openSetting.html',
  },
  'scope.refusal': {
    says:
      'an API whose permission (scope) or privacy agreement the person refused fails without asking again; the app must ' +
      'tell them, and where a setting can change it, offer wx.openSetting',
    source: '/miniprogram/dev/framework/open-ability/authorize.html (如果用户已拒绝授权…请开发者兼容用户拒绝授权的场景)',
  },
  'privacy.declared': {
    says:
      'an API collecting private information works only when its type is declared in the console’s 用户隐私保护指引 ' +
      '(errno 112 otherwise); the declared types are miniprogram/wechat/privacy-guide.json',
    source: '/miniprogram/dev/framework/user-privacy/PrivacyAuthorize.html, /miniprogram/dev/framework/user-privacy/miniprogram-intro.html',
  },
  'privacy.required-infos': {
    says: 'location APIs (chooseLocation, getLocation, …) must be listed in app.json requiredPrivateInfos',
    source: '/miniprogram/dev/api/location/wx.chooseLocation.html (使用方法), /miniprogram/dev/reference/configuration/app.html',
  },
  'navigate.page': {
    says: 'navigateTo and redirectTo open a non-tab page of the app, switchTab a tab page; a page path starts with "/"',
    source: '/miniprogram/dev/api/route/wx.navigateTo.html (不能跳到 tabbar 页面), /miniprogram/dev/api/route/wx.switchTab.html',
  },
  'share.path': {
    says: 'a share card’s path is a full page path starting with "/", of a page the app has; its imageUrl a local, package or https image',
    source: '/miniprogram/dev/reference/api/Page.html#onShareAppMessage-Object-object',
  },
  'payment.params': {
    says: 'wx.requestPayment needs timeStamp, nonceStr, package ("prepay_id=…"), signType (RSA for API v3) and paySign, all strings',
    source: 'WeChat Pay 小程序调起支付 (pay.weixin.qq.com, API v3); /miniprogram/dev/api/payment/wx.requestPayment.html',
  },
  'miniprogram.tap': {
    says: 'wx.navigateToMiniProgram opens another mini-program only from a user tap (not after an await in it)',
    source:
      '/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html (需要用户触发跳转); that an await ends the tap is the fake’s strict reading (unverified), ' +
      'as for requestSubscribeMessage',
  },
  'miniprogram.appid-list': {
    says: 'the mini-program opened must be listed in app.json navigateToMiniProgramAppIdList',
    source:
      'WeChat Pay 小程序纯签约 (pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_3.shtml: 请在 app.json 的 navigateToMiniProgramAppIdList 中增加此 appid); ' +
      'whether current clients still refuse an unlisted appId is unverified',
  },
  'miniprogram.extra-data': {
    says: 'extraData is an object; WeChat Pay’s signing mini-program takes its request there, every value a string with a sign',
    source: '/miniprogram/dev/api/navigate/wx.navigateToMiniProgram.html (extraData: object); WeChat Pay 小程序纯签约 (extraData 字段)',
  },
} as const;

export type RuleId = keyof typeof RULES;

export interface Violation {
  rule: RuleId;
  detail: string;
}

const broken: Violation[] = [];

/** Records a broken rule; the test fails at its end with every rule it broke. */
export function breakRule(rule: RuleId, detail: string): void {
  broken.push({ rule, detail });
}

/** The rules broken since the last call, emptied. */
export function takeViolations(): Violation[] {
  return broken.splice(0, broken.length);
}

export function describeViolation({ rule, detail }: Violation): string {
  const { says, source } = RULES[rule];
  return `[${rule}] ${detail}\n    WeChat: ${says}\n    source: ${source}`;
}
