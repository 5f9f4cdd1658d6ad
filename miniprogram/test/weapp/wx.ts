import type { SessionAlumnusDto } from '@alumni/shared';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, getConfig } from '@testing-library/react';
import privacyGuide from '../../wechat/privacy-guide.json';
import appConfig from '../../src/app.config';
import { clickTwice, twiceInOneAct } from '../gestures';
import { Network, type WireResponse } from './network';
import { breakRule } from './rules';

/**
 * The WeChat runtime as the weapp build meets it, for Jest: the `wx` APIs Taro calls,
 * keeping WeChat's documented rules (test/weapp/rules.ts) and a person who answers its
 * dialogs. Tests program the network, the person and the page, and read what happened.
 */

// Captured before any test fakes the timers: the person and the gesture windows live in real time.
const realSetTimeout = setTimeout;
const nextMacrotask = () => new Promise<void>((resolve) => realSetTimeout(resolve, 0));

/** The https origin the build calls (globals.API_BASE_URL in jest.config.cjs). */
export const API_BASE = (globalThis as unknown as { API_BASE_URL: string }).API_BASE_URL;
/** The console's 服务器域名 for request, uploadFile and downloadFile: the API's host alone. */
const SERVER_DOMAINS = [new URL(API_BASE).host];
const SRC_DIR = join(__dirname, '../../src');

const LEGAL_METHODS = ['OPTIONS', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'TRACE', 'CONNECT'];

// ---------------------------------------------------------------------------------------
// Rules on addresses

/** Why WeChat would refuse this URL for request/uploadFile/downloadFile, or null. */
function networkProblem(url: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return `"${url}" is not an absolute URL`;
  }
  if (parsed.protocol !== 'https:') return `"${url}" is not https`;
  if (parsed.hostname === 'localhost' || /^\d+\.\d+\.\d+\.\d+$/.test(parsed.hostname) || parsed.hostname.includes(':'))
    return `"${url}" names an IP address or localhost`;
  if (parsed.port) return `"${url}" carries a port`;
  if (!SERVER_DOMAINS.includes(parsed.host)) return `"${parsed.host}" is not a configured server domain (${SERVER_DOMAINS.join(', ')})`;
  return null;
}

/** Why an image at `src` would not show in `<image>`/previewImage, or null. */
export function imageProblem(src: string | undefined): string | null {
  if (!src) return 'an empty src';
  if (files.has(src) || src.startsWith('data:image/')) return null;
  if (src.startsWith('/')) {
    const packaged = existsSync(join(SRC_DIR, src.split('?')[0]!));
    return packaged ? null : `"${src}" is read as a file in the code package, and the package has none`;
  }
  try {
    const url = new URL(src);
    if (url.protocol !== 'https:') return `"${src}" is not https`;
    return null;
  } catch {
    return `"${src}" is neither a package file, a temporary file nor an https URL`;
  }
}

// ---------------------------------------------------------------------------------------
// Files on the phone

let fileCounter = 0;
/** Temporary files (wxfile://tmp_…): what chooseImage picked, downloadFile fetched, a canvas exported. */
export const files = new Map<string, { bytes: Buffer; type: string }>();

export function tempFile(bytes: Buffer, type = 'image/jpeg'): string {
  const ext = type.split('/')[1]?.replace('jpeg', 'jpg') ?? 'bin';
  const path = `wxfile://tmp_${++fileCounter}.${ext}`;
  files.set(path, { bytes, type });
  return path;
}

// ---------------------------------------------------------------------------------------
// Gestures: a tap, a payment callback, a modal's button

let tapDepth = 0;
/** Open until the next macrotask after a payment succeeds or a modal button is pressed. */
let gestureWindow: 'payment' | 'modal' | null = null;

function openGestureWindow(kind: 'payment' | 'modal') {
  gestureWindow = kind;
  realSetTimeout(() => {
    if (gestureWindow === kind) gestureWindow = null;
  }, 0);
}

/** Counts a DOM click as a tap while its handlers run (document capture → document bubble). */
export function watchTaps(doc: Document): void {
  doc.addEventListener('click', () => tapDepth++, true);
  doc.addEventListener('click', () => (tapDepth = Math.max(0, tapDepth - 1)), false);
}

const inTap = () => tapDepth > 0;

// ---------------------------------------------------------------------------------------
// Dialogs and the person answering them

export type DialogKind = 'modal' | 'actionSheet' | 'subscribe' | 'payment' | 'privacy' | 'authorize' | 'miniProgram';

export interface Dialog {
  kind: DialogKind;
  options: any;
}

type Answer = any;

const DEFAULT_ANSWERS: Record<DialogKind, Answer> = {
  modal: 'confirm',
  actionSheet: 0,
  subscribe: 'accept',
  payment: 'pay',
  privacy: 'agree',
  authorize: 'allow',
  // In the other mini-program (WeChat Pay's signing page): the person signs; 'refuse' returns without signing, 'cancel' never opens it.
  miniProgram: 'sign',
};

let open: (Dialog & { answer: (value: Answer) => void }) | null = null;
let inFlight = 0;
/** Counts what happened (a dialog opened or answered, a request sent or answered), for settled(). */
let happenings = 0;
const scripted: Partial<Record<DialogKind, Answer[]>> = {};
/** Every dialog the app opened, in order, with the answer it got. */
export const dialogs: (Dialog & { answered?: Answer })[] = [];

/**
 * The person: reads a dialog only once the app has nothing in flight (a person is slower
 * than any request), then answers as the test scripted, or with the usual answer.
 */
export const person = {
  /** The next dialogs of this kind get these answers, in order. */
  willAnswer(kind: DialogKind, ...answers: Answer[]) {
    (scripted[kind] ??= []).push(...answers);
  },
  /** Picks these files in the next chooseImage / chooseMessageFile (temp paths from `tempFile`). */
  picks: [] as string[][],
  scanned: [] as string[],
  location: { name: '学校体育馆', address: '示例市学院路 1 号', latitude: 30.27, longitude: 120.15 },
};

function showDialog<T>(
  kind: DialogKind,
  options: any,
  settle: (answer: Answer, resolve: (v: T) => void, reject: (e: unknown) => void) => void,
): Promise<T> {
  if (open) {
    breakRule('dialog.one-at-a-time', `${kind} opened while the ${open.kind} was still up`);
    return Promise.reject({ errMsg: `${kind}:fail another dialog is showing` });
  }
  const record: Dialog & { answered?: Answer } = { kind, options };
  dialogs.push(record);
  happenings++;
  return new Promise<T>((resolve, reject) => {
    open = {
      kind,
      options,
      answer: (value) => {
        record.answered = value;
        open = null;
        happenings++;
        settle(value, resolve, reject);
      },
    };
    void answerWhenIdle();
  });
}

async function answerWhenIdle(): Promise<void> {
  do await nextMacrotask();
  while (inFlight > 0);
  if (!open) return;
  const answer = scripted[open.kind]?.shift() ?? DEFAULT_ANSWERS[open.kind];
  open.answer(answer);
}

// ---------------------------------------------------------------------------------------
// Privacy and permissions

/** WeChat's page 小程序用户隐私保护指引内容介绍: which private-information type each API collects. */
const PRIVATE_APIS: Record<string, string> = Object.fromEntries(
  privacyGuide.types.flatMap((type) => type.apis.map((api) => [api, type.key])),
);
/** The types declared in our console (all of privacy-guide.json; a test may drop one to see the refusal). */
export const declaredTypes = new Set(privacyGuide.types.map((t) => t.key));
const LOCATION_APIS = [
  'getLocation',
  'chooseLocation',
  'choosePoi',
  'getFuzzyLocation',
  'onLocationChange',
  'startLocationUpdate',
  'chooseAddress',
];
/** The scope list of 授权 (authorize.html); chooseLocation follows its API page (需要 scope.userLocation). */
const SCOPES: Record<string, string> = {
  saveImageToPhotosAlbum: 'scope.writePhotosAlbum',
  addPhoneCalendar: 'scope.addPhoneCalendar',
  chooseLocation: 'scope.userLocation',
  getLocation: 'scope.userLocation',
};

let privacyAgreed = false;
export const scopes = new Map<string, 'granted' | 'denied'>();
/** Refusals the app has not yet told the person about: [api, 'scope' | 'privacy']. */
const untold: { api: string; kind: 'scope' | 'privacy' }[] = [];

/** Runs the privacy and permission steps WeChat takes before a private API; rejects as WeChat would. */
async function admit(api: string): Promise<void> {
  const type = PRIVATE_APIS[api];
  if (type && !declaredTypes.has(type)) {
    breakRule('privacy.declared', `${api} collects "${type}", which the privacy guide does not declare`);
    throw { errMsg: `${api}:fail api scope is not declared in the privacy agreement`, errno: 112 };
  }
  if (LOCATION_APIS.includes(api) && !((appConfig.requiredPrivateInfos ?? []) as string[]).includes(api)) {
    breakRule('privacy.required-infos', `${api} is not in app.config.ts requiredPrivateInfos`);
    throw { errMsg: `${api}:fail the api need to be declared in the requiredPrivateInfos field in app.json/ext.json` };
  }
  if (type && !privacyAgreed) {
    // No onNeedPrivacyAuthorization handler: WeChat shows its own privacy popup (since 2023-10-17).
    const agreed = await showDialog<boolean>('privacy', { api }, (answer, resolve) => resolve(answer === 'agree'));
    if (!agreed) {
      untold.push({ api, kind: 'privacy' });
      throw { errMsg: `${api}:fail privacy permission is not authorized`, errno: 104 };
    }
    privacyAgreed = true;
  }
  const scope = SCOPES[api];
  if (!scope) return;
  if (!scopes.has(scope)) {
    const allowed = await showDialog<boolean>('authorize', { scope }, (answer, resolve) => resolve(answer === 'allow'));
    scopes.set(scope, allowed ? 'granted' : 'denied');
  }
  if (scopes.get(scope) === 'denied') {
    untold.push({ api, kind: 'scope' });
    throw { errMsg: `${api}:fail auth deny` };
  }
}

/** Refusals the app swallowed, as broken rules (called when a test ends). */
export function reportUntoldRefusals(): void {
  for (const { api, kind } of untold.splice(0)) {
    breakRule(
      'scope.refusal',
      `${api} was refused (${kind === 'scope' ? 'permission' : 'privacy agreement'}) and the app told the person nothing`,
    );
  }
}

/** A modal after a refusal tells the person; for a privacy refusal a toast is enough (no setting to change). */
function told(by: 'modal' | 'toast') {
  for (let i = untold.length - 1; i >= 0; i--) if (by === 'modal' || untold[i]!.kind === 'privacy') untold.splice(i, 1);
}

// ---------------------------------------------------------------------------------------
// The network APIs

export const network = new Network();

async function exchange(api: string, method: string, url: string, header: Record<string, string>, body?: Buffer): Promise<WireResponse> {
  const problem = networkProblem(url);
  if (problem) {
    breakRule('network.domain', `${api}: ${problem}`);
    throw { errMsg: `${api}:fail url not in domain list` };
  }
  inFlight++;
  happenings++;
  try {
    const response = await network.send({ method, url, headers: header, body });
    if (response.status === 599) throw { errMsg: `${api}:fail` };
    return response;
  } finally {
    inFlight--;
    happenings++;
  }
}

function encode(method: string, url: string, data: unknown, header: Record<string, string>): { url: string; body?: Buffer } {
  if (data === undefined || data === null) return { url };
  if (method === 'GET') {
    const query = new URLSearchParams(Object.entries(data as Record<string, string>)).toString();
    return { url: url + (url.includes('?') ? '&' : '?') + query };
  }
  if (typeof data === 'string') return { url, body: Buffer.from(data) };
  const type = Object.entries(header).find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? 'application/json';
  return {
    url,
    body: Buffer.from(type.includes('json') ? JSON.stringify(data) : new URLSearchParams(data as Record<string, string>).toString()),
  };
}

function request(options: {
  url: string;
  method?: string;
  header?: Record<string, string>;
  data?: unknown;
  dataType?: string;
  responseType?: string;
}) {
  const method = options.method ?? 'GET';
  if (!LEGAL_METHODS.includes(method)) {
    breakRule('request.method', `wx.request with method ${method} to ${options.url}`);
    return Promise.reject({ errMsg: 'request:fail invalid method' });
  }
  const header = { 'content-type': 'application/json', ...options.header };
  const { url, body } = encode(method, options.url, options.data, header);
  return exchange('request', method, url, header, body).then((response) => {
    const text = response.body.toString('utf8');
    let data: unknown = options.responseType === 'arraybuffer' ? response.body : text;
    if (options.dataType !== 'text' && options.responseType !== 'arraybuffer') {
      try {
        data = JSON.parse(text);
      } catch {
        // WeChat leaves a body that is not JSON as text.
      }
    }
    return { statusCode: response.status, data, header: response.headers, errMsg: 'request:ok' };
  });
}

function uploadFile(options: {
  url: string;
  filePath: string;
  name: string;
  header?: Record<string, string>;
  formData?: Record<string, string>;
  fileName?: string;
}) {
  const progress: ((p: { progress: number; totalBytesSent: number; totalBytesExpectedToSend: number }) => void)[] = [];
  const task = (async () => {
    const file = files.get(options.filePath);
    if (!file) throw { errMsg: `uploadFile:fail file not found: ${options.filePath}` };
    const boundary = `----wxfake${Date.now().toString(16)}`;
    const parts: Buffer[] = [];
    for (const [key, value] of Object.entries(options.formData ?? {}))
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${key}"\r\n\r\n${value}\r\n`));
    const fileName = options.filePath.split('/').pop();
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${options.name}"; filename="${fileName}"\r\nContent-Type: ${file.type}\r\n\r\n`,
      ),
      file.bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    );
    const body = Buffer.concat(parts);
    const header = { ...options.header, 'content-type': `multipart/form-data; boundary=${boundary}` };
    const response = await exchange('uploadFile', 'POST', options.url, header, body);
    for (const listener of progress) listener({ progress: 100, totalBytesSent: body.length, totalBytesExpectedToSend: body.length });
    // uploadFile answers the body as text, never parsed.
    return { statusCode: response.status, data: response.body.toString('utf8'), errMsg: 'uploadFile:ok' };
  })();
  return Object.assign(task, {
    progress(listener: (typeof progress)[number]) {
      progress.push(listener);
    },
    abort() {},
  });
}

async function downloadFile(options: { url: string; header?: Record<string, string> }) {
  const response = await exchange('downloadFile', 'GET', options.url, options.header ?? {});
  const path = tempFile(response.body, response.headers['content-type'] ?? 'application/octet-stream');
  return { statusCode: response.status, tempFilePath: path, errMsg: 'downloadFile:ok' };
}

/** What `<image>` does with a network src: fetches it (no domain list applies to images). */
export async function loadImage(src: string): Promise<boolean> {
  if (files.has(src) || src.startsWith('data:image/') || src.startsWith('/')) return true;
  const url = new URL(src);
  if (url.host !== new URL(API_BASE).host) return true;
  inFlight++;
  happenings++;
  try {
    const response = await network.send({ method: 'GET', url: src, headers: {} });
    return response.status === 200 && (response.headers['content-type'] ?? '').startsWith('image/');
  } finally {
    inFlight--;
    happenings++;
  }
}

// ---------------------------------------------------------------------------------------
// Pages, navigation, share

const TAB_PAGES = appConfig.tabBar?.list.map((t) => `/${t.pagePath}`) ?? [];
const ALL_PAGES = [
  ...appConfig.pages!.map((p) => `/${p}`),
  ...(appConfig.subPackages ?? []).flatMap((pkg) => pkg.pages.map((p) => `/${pkg.root}/${p}`)),
];

function pageProblem(api: string, url: string): string | null {
  const path = url.split('?')[0]!;
  if (!url.startsWith('/')) return `${api} to "${url}": a page path starts with "/"`;
  if (!ALL_PAGES.includes(path)) return `${api} to "${path}": no such page in app.config.ts`;
  const tab = TAB_PAGES.includes(path);
  if (api === 'switchTab' && !tab) return `switchTab to "${path}", which is not a tab page`;
  if ((api === 'navigateTo' || api === 'redirectTo') && tab) return `${api} to the tab page "${path}" (use switchTab)`;
  return null;
}

/** What a page registers with Taro's hooks, for the test to trigger as WeChat would. */
export const page = {
  params: {} as Record<string, string | undefined>,
  /** What useDidShow registered: WeChat calls them again whenever the page shows again (back from another mini-program). */
  shows: new Set<() => void>(),
  show() {
    for (const callback of [...this.shows]) callback();
  },
  share: null as null | (() => { title?: string; path?: string; imageUrl?: string }),
  timeline: null as null | (() => { title?: string; query?: string; imageUrl?: string }),
  pullDown: null as null | (() => void),
  reachBottom: null as null | (() => void),
  /** The share card WeChat would make now, checked. */
  shareCard() {
    const card = this.share?.() ?? {};
    if (card.path) {
      const problem = pageProblem('share', card.path);
      if (problem) breakRule('share.path', problem);
    }
    if (card.imageUrl) {
      const problem = imageProblem(card.imageUrl);
      if (problem) breakRule('share.path', `imageUrl: ${problem}`);
    }
    return card;
  },
  /** The Moments card WeChat would make now (onShareTimeline: no path, the page itself opens with `query`), checked. */
  timelineCard() {
    const card = this.timeline?.() ?? {};
    if (card.query !== undefined && (card.query.startsWith('?') || card.query.includes('/'))) {
      breakRule('share.path', `timeline query "${card.query}": key=value pairs without "?"`);
    }
    if (card.imageUrl) {
      const problem = imageProblem(card.imageUrl);
      if (problem) breakRule('share.path', `imageUrl: ${problem}`);
    }
    return card;
  },
};

// ---------------------------------------------------------------------------------------
// The canvas (certificate, charts)

/** A 2D context that records what was drawn; enough for code that paints and measures text. */
function recordingContext() {
  const drawn: string[] = [];
  const ctx = new Proxy({ drawn } as Record<string | symbol, unknown>, {
    get(target, key) {
      if (key in target) return target[key];
      if (key === 'measureText') return (text: string) => ({ width: [...text].length * 16 });
      if (key === 'createLinearGradient' || key === 'createRadialGradient') return () => ({ addColorStop() {} });
      return (...args: unknown[]) => void drawn.push(`${String(key)}(${args.length})`);
    },
    set(target, key, value) {
      target[key] = value;
      return true;
    },
  });
  return ctx as unknown as CanvasRenderingContext2D & { drawn: string[] };
}

export interface CanvasNode {
  width: number;
  height: number;
  getContext(type: '2d'): CanvasRenderingContext2D & { drawn: string[] };
  createImage(): CanvasPicture;
}

/** What canvas.createImage() answers: here it loads only a temporary file holding an image (a downloaded picture). */
export interface CanvasPicture {
  src: string;
  onload: (() => void) | null;
  onerror: ((error: unknown) => void) | null;
}

function canvasPicture(): CanvasPicture {
  let src = '';
  const picture: CanvasPicture = {
    onload: null,
    onerror: null,
    get src() {
      return src;
    },
    set src(value: string) {
      src = value;
      realSetTimeout(() => {
        // A download that answered an error (JSON) is a file too, but not a picture.
        if (files.get(value)?.type.startsWith('image/')) picture.onload?.();
        else picture.onerror?.({ errMsg: `image ${value} is not a picture` });
      }, 0);
    },
  };
  return picture;
}

/** `<canvas type="2d" id>` nodes of the page, as createSelectorQuery finds them. */
export const canvases = new Map<string, CanvasNode>();

export function canvasNode(): CanvasNode {
  const ctx = recordingContext();
  return { width: 300, height: 150, getContext: () => ctx, createImage: canvasPicture };
}

// ---------------------------------------------------------------------------------------
// The API object Taro's `default` export stands for

/** Every call the app made, for assertions: `calls.filter((c) => c.api === 'previewImage')`. */
export const calls: { api: string; options: any }[] = [];
export const toasts: string[] = [];
const storage = new Map<string, unknown>();

function called(api: string, options?: any) {
  calls.push({ api, options });
}

async function settings(api: string, options: any, run: () => any) {
  called(api, options);
  await admit(api);
  return run();
}

export const Taro = {
  // network
  request: (options: any) => (called('request', options), request(options)),
  uploadFile: (options: any) => (called('uploadFile', options), uploadFile(options)),
  downloadFile: (options: any) => (called('downloadFile', options), downloadFile(options)),

  // storage
  getStorageSync: (key: string) => storage.get(key) ?? '',
  setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
  removeStorageSync: (key: string) => void storage.delete(key),

  // sign-in
  login: () => (called('login'), Promise.resolve({ code: `wx-login-code-${++fileCounter}`, errMsg: 'login:ok' })),

  // navigation
  navigateTo: (o: { url: string }) => navigate('navigateTo', o),
  redirectTo: (o: { url: string }) => navigate('redirectTo', o),
  switchTab: (o: { url: string }) => navigate('switchTab', o),
  reLaunch: (o: { url: string }) => navigate('reLaunch', o),
  navigateBack: (o?: unknown) => (called('navigateBack', o), Promise.resolve()),
  setNavigationBarTitle: (o: unknown) => (called('setNavigationBarTitle', o), Promise.resolve()),
  stopPullDownRefresh: () => called('stopPullDownRefresh'),

  // feedback
  showToast: (o: { title: string }) => {
    called('showToast', o);
    toasts.push(o.title);
    told('toast');
    return Promise.resolve();
  },
  showLoading: (o: unknown) => (called('showLoading', o), Promise.resolve()),
  hideLoading: () => (called('hideLoading'), Promise.resolve()),
  showModal: (o: any) => {
    called('showModal', o);
    for (const key of ['confirmColor', 'cancelColor'])
      if (o[key] !== undefined && !/^#[0-9a-fA-F]{6}$/.test(o[key]))
        breakRule('modal.color', `showModal with ${key} ${JSON.stringify(o[key])}`);
    told('modal');
    return showDialog<{ confirm: boolean; cancel: boolean }>('modal', o, (answer, resolve) => {
      if (answer === 'confirm') openGestureWindow('modal');
      resolve({ confirm: answer === 'confirm', cancel: answer !== 'confirm' });
    });
  },
  showActionSheet: (o: { itemList: string[] }) => {
    called('showActionSheet', o);
    return showDialog<{ tapIndex: number }>('actionSheet', o, (answer, resolve, reject) =>
      typeof answer === 'number' ? resolve({ tapIndex: answer }) : reject({ errMsg: 'showActionSheet:fail cancel' }),
    );
  },

  // messages and payment
  requestSubscribeMessage: (o: { tmplIds: string[] }) => {
    called('requestSubscribeMessage', o);
    if (!inTap() && gestureWindow !== 'payment') {
      breakRule('subscribe.tap', 'requestSubscribeMessage called outside a tap and outside a payment callback');
      return Promise.reject({ errMsg: 'requestSubscribeMessage:fail can only be invoked by user TAP gesture.', errCode: 10005 });
    }
    if (o.tmplIds.length === 0 || o.tmplIds.length > 3 || new Set(o.tmplIds).size !== o.tmplIds.length) {
      breakRule('subscribe.ids', `requestSubscribeMessage with ${o.tmplIds.length} template ids (${o.tmplIds.join(', ')})`);
      return Promise.reject({ errMsg: 'requestSubscribeMessage:fail invalid tmplIds', errCode: 10004 });
    }
    return showDialog<Record<string, string>>('subscribe', o, (answer, resolve) =>
      resolve({
        errMsg: 'requestSubscribeMessage:ok',
        ...Object.fromEntries(o.tmplIds.map((id) => [id, typeof answer === 'string' ? answer : (answer[id] ?? 'reject')])),
      }),
    );
  },
  navigateToMiniProgram: (o: { appId: string; path?: string; extraData?: unknown }) => {
    called('navigateToMiniProgram', o);
    if (!inTap()) {
      breakRule('miniprogram.tap', `navigateToMiniProgram to ${o.appId} outside a tap`);
      return Promise.reject({ errMsg: 'navigateToMiniProgram:fail can only be invoked by user TAP gesture.' });
    }
    if (!((appConfig as { navigateToMiniProgramAppIdList?: string[] }).navigateToMiniProgramAppIdList ?? []).includes(o.appId)) {
      breakRule('miniprogram.appid-list', `navigateToMiniProgram to ${o.appId}, which app.config.ts does not list`);
      return Promise.reject({ errMsg: 'navigateToMiniProgram:fail invalid appid' });
    }
    const extra = o.extraData as Record<string, unknown> | undefined;
    if (
      o.appId === SIGNING_APPID &&
      (o.path !== SIGNING_PATH ||
        !extra ||
        typeof extra !== 'object' ||
        Object.values(extra).some((v) => typeof v !== 'string') ||
        SIGNING_FIELDS.some((name) => !extra[name]))
    ) {
      breakRule(
        'miniprogram.extra-data',
        `the signing mini-program opened without its path ${SIGNING_PATH} and a signed extraData of strings`,
      );
      return Promise.reject({ errMsg: 'navigateToMiniProgram:fail invalid extraData' });
    }
    return showDialog<{ errMsg: string }>('miniProgram', o, (answer, resolve, reject) => {
      if (answer === 'cancel') return reject({ errMsg: 'navigateToMiniProgram:fail cancel' });
      resolve({ errMsg: 'navigateToMiniProgram:ok' });
      // The person is in the other mini-program now; coming back, WeChat shows our page again with the referrer's data.
      realSetTimeout(() => {
        const signed = answer === 'sign';
        enterOptions = {
          scene: 1038,
          path: '',
          query: {},
          referrerInfo: {
            appId: o.appId,
            extraData: signed
              ? { return_code: 'SUCCESS', contract_id: 'Wx0000000000001' }
              : { return_code: 'FAIL', return_msg: '用户取消' },
          },
        };
        returns.push({ appId: o.appId, extraData: extra, signed });
        page.show();
      }, 0);
    });
  },
  getEnterOptionsSync: () => enterOptions,
  requestPayment: (o: Record<string, unknown>) => {
    called('requestPayment', o);
    const missing = ['timeStamp', 'nonceStr', 'package', 'signType', 'paySign'].filter((k) => typeof o[k] !== 'string' || !o[k]);
    if (missing.length > 0 || !String(o.package).startsWith('prepay_id=')) {
      breakRule('payment.params', `requestPayment without ${missing.join(', ') || 'a "prepay_id=" package'}`);
      return Promise.reject({ errMsg: 'requestPayment:fail parameter error' });
    }
    return showDialog<{ errMsg: string }>('payment', o, (answer, resolve, reject) => {
      if (answer !== 'pay') return reject({ errMsg: answer === 'cancel' ? 'requestPayment:fail cancel' : 'requestPayment:fail' });
      openGestureWindow('payment');
      resolve({ errMsg: 'requestPayment:ok' });
    });
  },

  // media
  chooseImage: (o: { count?: number }) =>
    settings('chooseImage', o, () => {
      const picked = person.picks.shift();
      if (!picked) throw { errMsg: 'chooseImage:fail cancel' };
      const chosen = picked.slice(0, o.count ?? 9);
      return {
        tempFilePaths: chosen,
        tempFiles: chosen.map((path) => ({ path, size: files.get(path)?.bytes.length ?? 0 })),
        errMsg: 'chooseImage:ok',
      };
    }),
  chooseMessageFile: (o: unknown) =>
    settings('chooseMessageFile', o, () => {
      const picked = person.picks.shift();
      if (!picked) throw { errMsg: 'chooseMessageFile:fail cancel' };
      return { tempFiles: picked.map((path) => ({ path, name: path.split('/').pop(), size: files.get(path)?.bytes.length ?? 0 })) };
    }),
  previewImage: (o: { urls: string[]; current?: string }) => {
    called('previewImage', o);
    for (const url of o.urls) {
      const problem = imageProblem(url);
      if (problem) breakRule('image.src', `previewImage: ${problem}`);
    }
    return Promise.resolve({ errMsg: 'previewImage:ok' });
  },
  saveImageToPhotosAlbum: (o: { filePath: string }) =>
    settings('saveImageToPhotosAlbum', o, () => {
      if (!files.has(o.filePath)) throw { errMsg: 'saveImageToPhotosAlbum:fail file not found' };
      return { errMsg: 'saveImageToPhotosAlbum:ok' };
    }),
  canvasToTempFilePath: (o: { canvas?: CanvasNode }) => {
    called('canvasToTempFilePath', o);
    const painted = o.canvas?.getContext('2d').drawn.length ?? 0;
    if (!o.canvas || painted === 0) return Promise.reject({ errMsg: 'canvasToTempFilePath:fail canvas is empty' });
    return Promise.resolve({ tempFilePath: tempFile(Buffer.from('png'), 'image/png'), errMsg: 'canvasToTempFilePath:ok' });
  },
  createOffscreenCanvas: () => canvasNode(),
  createSelectorQuery: () => {
    const found: unknown[] = [];
    const query = {
      in: () => query,
      select: (selector: string) => ({
        fields: () => ({
          exec: (callback: (results: unknown[]) => void) => {
            const node = canvases.get(selector.replace(/^#/, ''));
            found.push(node ? { node, width: node.width } : null);
            realSetTimeout(() => callback(found), 0);
          },
        }),
        boundingClientRect: () => ({
          exec: (callback: (results: unknown[]) => void) => realSetTimeout(() => callback([{ width: 375, height: 200 }]), 0),
        }),
      }),
    };
    return query;
  },

  // device and places
  scanCode: (o: unknown) => {
    called('scanCode', o);
    const result = person.scanned.shift();
    return result === undefined
      ? Promise.reject({ errMsg: 'scanCode:fail cancel' })
      : Promise.resolve({ result, scanType: 'QR_CODE', errMsg: 'scanCode:ok' });
  },
  chooseLocation: (o: unknown) => settings('chooseLocation', o, () => ({ ...person.location, errMsg: 'chooseLocation:ok' })),
  openLocation: (o: unknown) => (called('openLocation', o), Promise.resolve({ errMsg: 'openLocation:ok' })),
  addPhoneCalendar: (o: unknown) => settings('addPhoneCalendar', o, () => ({ errMsg: 'addPhoneCalendar:ok' })),
  setClipboardData: (o: unknown) => settings('setClipboardData', o, () => ({ errMsg: 'setClipboardData:ok' })),
  makePhoneCall: (o: unknown) => (called('makePhoneCall', o), Promise.resolve()),
  openDocument: (o: { filePath: string }) => {
    called('openDocument', o);
    return files.has(o.filePath)
      ? Promise.resolve({ errMsg: 'openDocument:ok' })
      : Promise.reject({ errMsg: 'openDocument:fail file not found' });
  },
  openSetting: () => {
    called('openSetting');
    if (!inTap() && gestureWindow !== 'modal') {
      breakRule('settings.tap', 'openSetting called outside a tap');
      return Promise.reject({ errMsg: 'openSetting:fail can only be invoked by user TAP gesture.' });
    }
    return Promise.resolve({
      authSetting: Object.fromEntries([...scopes].map(([s, v]) => [s, v === 'granted'])),
      errMsg: 'openSetting:ok',
    });
  },
  getSetting: () => Promise.resolve({ authSetting: Object.fromEntries([...scopes].map(([s, v]) => [s, v === 'granted'])) }),

  // environment
  getEnv: () => 'WEAPP',
  ENV_TYPE: { WEAPP: 'WEAPP', WEB: 'WEB' },
  SDKVersion: '3.4.3',
  getSystemInfoSync: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, platform: 'ios', SDKVersion: '3.4.3' }),
  getWindowInfo: () => ({ windowWidth: 375, windowHeight: 667, pixelRatio: 2, statusBarHeight: 20 }),
  getDeviceInfo: () => ({ platform: 'ios', system: 'iOS 17' }),
  getAppBaseInfo: () => ({ SDKVersion: '3.4.3', language: 'zh_CN' }),
  pxTransform: (size: number) => `${size / 2}px`,
  nextTick: (callback: () => void) => void Promise.resolve().then(callback),
  getCurrentInstance: () => ({ router: { params: page.params }, page: {} }),
};

function navigate(api: string, options: { url: string }) {
  called(api, options);
  const problem = pageProblem(api, options.url);
  if (problem) {
    breakRule('navigate.page', problem);
    return Promise.reject({ errMsg: `${api}:fail page not found` });
  }
  return Promise.resolve({ errMsg: `${api}:ok` });
}

/** WeChat Pay's signing mini-program (委托代扣 小程序纯签约). */
const SIGNING_APPID = 'wxbd687630cd02ce1d';
/** 小程序纯签约 (https://pay.weixin.qq.com/wiki/doc/api/wxpay_v2/papay/chapter3_3.shtml): the fixed page and the fields extraData must carry. */
const SIGNING_PATH = 'pages/index/index';
const SIGNING_FIELDS = [
  'appid',
  'mch_id',
  'plan_id',
  'contract_code',
  'request_serial',
  'contract_display_account',
  'notify_url',
  'timestamp',
  'sign',
];
/** How the mini-program was entered or last shown again (wx.getEnterOptionsSync). */
let enterOptions: { scene: number; path: string; query: Record<string, string>; referrerInfo?: { appId: string; extraData?: unknown } } = {
  scene: 1001,
  path: '',
  query: {},
};
/** Each visit to another mini-program: whom, with what, and whether the person signed there. */
export const returns: { appId: string; extraData: unknown; signed: boolean }[] = [];

/**
 * Signs `alumnus` in on this phone: the session the app keeps in storage (src/api/session.ts),
 * with the tokens `a` (sent as `Bearer a`) and `r`, and only the alumnus's fields the page reads.
 */
export function signIn(alumnus: Partial<SessionAlumnusDto>): void {
  storage.set('alumnilink.session', { accessToken: 'a', refreshToken: 'r', alumnus });
}

/** Back to a fresh phone between tests. */
export function resetWx(): void {
  network.reset();
  calls.length = 0;
  toasts.length = 0;
  dialogs.length = 0;
  storage.clear();
  files.clear();
  canvases.clear();
  scopes.clear();
  untold.length = 0;
  for (const kind of Object.keys(scripted) as DialogKind[]) delete scripted[kind];
  person.picks.length = 0;
  person.scanned.length = 0;
  privacyAgreed = false;
  declaredTypes.clear();
  for (const t of privacyGuide.types) declaredTypes.add(t.key);
  open = null;
  inFlight = 0;
  tapDepth = 0;
  gestureWindow = null;
  page.params = {};
  page.shows.clear();
  enterOptions = { scene: 1001, path: '', query: {} };
  returns.length = 0;
  page.share = null;
  page.timeline = null;
  page.pullDown = null;
  page.reachBottom = null;
}

/** The dialog showing now, if any. */
export const openDialog = (): Dialog | null => (open ? { kind: open.kind, options: open.options } : null);

/**
 * Waits until `check` passes (returns without throwing), trying it again after each turn of
 * the event loop, and fails with its last error after `turns` turns (the campus-days and
 * donation specs' waits take at most 7, so 100 leaves room and still fails fast). Counted in
 * turns, not in milliseconds: under this fake the app's work is promises and zero-delay
 * timers (React's renders included), so the turns a page needs to show something are as many
 * on a loaded machine as on an idle one, while RTL's findBy and waitFor give up after one
 * second of wall time, which a page's first render and loads can take when the machine is loaded.
 */
export function until<T>(check: () => T, turns = 100): Promise<T> {
  return getConfig().asyncWrapper(async () => {
    let failure: unknown;
    for (let turn = 0; turn < turns; turn++) {
      try {
        return check();
      } catch (error) {
        failure = error;
      }
      await nextMacrotask();
    }
    throw failure;
  }) as Promise<T>;
}

/**
 * Two taps on `element` before the page renders again, as a phone may deliver them (Taro
 * renders after the events): the H5 specs' clickTwice, a click being a tap here (watchTaps).
 */
export const tapTwice = clickTwice;

/** Two Enters in `field` before the page renders again (a form's submit on the keyboard), as tapTwice. */
export function enterTwice(field: Element): void {
  twiceInOneAct(() => fireEvent.keyDown(field, { key: 'Enter' }));
}

/** Two scrolls to the bottom before the page renders again (onReachBottom twice), as tapTwice. */
export function reachBottomTwice(): void {
  twiceInOneAct(() => page.reachBottom!());
}

/**
 * Turns of the event loop settled() waits with nothing open, nothing in flight and nothing
 * happening before it returns. The page's next step after a dialog's answer or a response can
 * come some turns later (the answer sets state, React renders in a later turn and the effect of
 * that render sends the request): checking one turn after the answer returned in that gap, before
 * the request (test/weapp/wx.weapp.spec.tsx: answer → render → effect → render → request, two
 * quiet turns). Five leaves room for a longer chain and costs a few turns per call.
 */
const QUIET_TURNS = 5;
/** The most turns settled() waits in all; a page that never settles fails the test rather than hanging it. */
const SETTLE_TURNS = 1000;

/** Waits until the person answered everything, no request is in flight and the page has stopped acting on them. */
export async function settled(): Promise<void> {
  let seen = happenings;
  let quiet = 0;
  for (let turn = 0; turn < SETTLE_TURNS; turn++) {
    await nextMacrotask();
    if (open || inFlight > 0 || happenings !== seen) {
      seen = happenings;
      quiet = 0;
    } else if (++quiet === QUIET_TURNS) return;
  }
  throw new Error(`the app never settled in ${SETTLE_TURNS} turns: a dialog or a request stayed open, or the page kept sending`);
}
