import {
  EVENT_LIMITS,
  type EventAudienceKind,
  type EventDetailDto,
  type EventInput,
  type EventKind,
  type EventQuestion,
  type EventQuestionKind,
  formatShanghaiDateTime,
} from '@alumni/shared';

/** A question as the editor holds it: options one per line. */
export interface QuestionDraft {
  id: string;
  kind: EventQuestionKind;
  label: string;
  required: boolean;
  optionsText: string;
}

/** Everything the editor edits, as typed: times as `2026-12-20 14:00` (Beijing time), numbers as text. */
export interface EventDraft {
  title: string;
  kind: EventKind;
  description: string;
  coverUrl: string;
  online: boolean;
  onlineUrl: string;
  city: string;
  venue: string;
  address: string;
  latitude: string;
  longitude: string;
  startsAt: string;
  endsAt: string;
  signupOpensAt: string;
  signupClosesAt: string;
  capacity: string;
  waitlistEnabled: boolean;
  audienceKind: EventAudienceKind;
  groupId: string;
  yearFrom: string;
  yearTo: string;
  questions: QuestionDraft[];
  contactName: string;
  contactPhone: string;
}

export type DraftField = Exclude<keyof EventDraft, 'questions'> | `questions.${number}`;

/** The fields typed as text (the rest are choices). */
export type TextField = { [K in keyof EventDraft]: string extends EventDraft[K] ? K : never }[keyof EventDraft];

const text = (value: string | null | undefined) => value ?? '';
const time = (iso: string | null) => (iso ? formatShanghaiDateTime(iso) : '');

export function emptyEventDraft(): EventDraft {
  return {
    title: '',
    kind: 'meetup',
    description: '',
    coverUrl: '',
    online: false,
    onlineUrl: '',
    city: '',
    venue: '',
    address: '',
    latitude: '',
    longitude: '',
    startsAt: '',
    endsAt: '',
    signupOpensAt: '',
    signupClosesAt: '',
    capacity: '50',
    waitlistEnabled: true,
    audienceKind: 'everyone',
    groupId: '',
    yearFrom: '',
    yearTo: '',
    questions: [],
    contactName: '',
    contactPhone: '',
  };
}

export function draftFromEvent(event: EventDetailDto): EventDraft {
  return {
    title: event.title,
    kind: event.kind,
    description: event.description,
    coverUrl: text(event.coverUrl),
    online: event.online,
    onlineUrl: text(event.onlineUrl),
    city: text(event.city),
    venue: text(event.venue),
    address: text(event.address),
    latitude: event.latitude === null ? '' : String(event.latitude),
    longitude: event.longitude === null ? '' : String(event.longitude),
    startsAt: time(event.startsAt),
    endsAt: time(event.endsAt),
    signupOpensAt: time(event.signupOpensAt),
    signupClosesAt: time(event.signupClosesAt),
    capacity: String(event.capacity),
    waitlistEnabled: event.waitlistEnabled,
    audienceKind: event.audience.kind,
    groupId: text(event.audience.groupId),
    yearFrom: event.audience.yearFrom == null ? '' : String(event.audience.yearFrom),
    yearTo: event.audience.yearTo == null ? '' : String(event.audience.yearTo),
    questions: event.questions.map((q) => ({
      id: q.id,
      kind: q.kind,
      label: q.label,
      required: q.required,
      optionsText: (q.options ?? []).join('\n'),
    })),
    contactName: text(event.contactName),
    contactPhone: text(event.contactPhone),
  };
}

/** `2026-12-20 14:00` in Beijing time (UTC+8, no daylight saving) → ISO, or null when it is not such a time. */
export function parseShanghaiTime(value: string): string | null {
  const match = /^(\d{4})-(\d{1,2})-(\d{1,2})[ T](\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [year, month, day, hour, minute] = match.slice(1).map(Number) as [number, number, number, number, number];
  const utc = Date.UTC(year, month - 1, day, hour - 8, minute);
  const back = new Date(utc + 8 * 3600_000);
  // Date.UTC rolls 2月30日 over into March; such a date was mistyped.
  if (back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day || hour > 23) return null;
  return new Date(utc).toISOString();
}

/** The next free id of the form q1, q2 …, stable once given (answers refer to it). */
export function nextQuestionId(questions: { id: string }[]): string {
  const used = new Set(questions.map((q) => q.id));
  let n = questions.length + 1;
  while (used.has(`q${n}`)) n++;
  return `q${n}`;
}

export function newQuestion(questions: QuestionDraft[], kind: EventQuestionKind = 'text'): QuestionDraft {
  return { id: nextQuestionId(questions), kind, label: '', required: false, optionsText: '' };
}

const optionsOf = (q: QuestionDraft) =>
  q.optionsText
    .split('\n')
    .map((o) => o.trim())
    .filter(Boolean);

export type DraftProblems = Partial<Record<DraftField, string>>;

/** The event as the server takes it, or the problems to fix first (the server's own rules, in the form's words). */
export function toEventInput(draft: EventDraft): { input: EventInput | null; problems: DraftProblems } {
  const problems: DraftProblems = {};
  const need = (field: DraftField, value: string, message: string) => {
    if (value.trim() === '') problems[field] = message;
  };
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());

  need('title', draft.title, '请填写活动名称');
  if (draft.title.trim().length > EVENT_LIMITS.title) problems.title = `最多 ${EVENT_LIMITS.title} 个字`;
  const times: Partial<Record<'startsAt' | 'endsAt' | 'signupOpensAt' | 'signupClosesAt', string | null>> = {};
  for (const field of ['startsAt', 'endsAt', 'signupOpensAt', 'signupClosesAt'] as const) {
    const value = draft[field].trim();
    if (value === '') {
      if (field === 'startsAt' || field === 'endsAt') problems[field] = '请填写时间，如 2026-12-20 14:00';
      times[field] = null;
      continue;
    }
    times[field] = parseShanghaiTime(value);
    if (times[field] === null) problems[field] = '时间格式为 2026-12-20 14:00';
  }
  const at = (field: keyof typeof times) => (times[field] ? Date.parse(times[field]!) : null);
  if (at('startsAt') !== null && at('endsAt') !== null && at('endsAt')! <= at('startsAt')!) problems.endsAt = '结束时间须晚于开始时间';
  if (at('signupOpensAt') !== null && at('startsAt') !== null && at('signupOpensAt')! >= at('startsAt')!)
    problems.signupOpensAt = '报名须在活动开始前开放';
  if (at('signupClosesAt') !== null && at('startsAt') !== null && at('signupClosesAt')! > at('startsAt')!)
    problems.signupClosesAt = '报名最晚在活动开始时截止';
  if (at('signupOpensAt') !== null && at('signupClosesAt') !== null && at('signupClosesAt')! <= at('signupOpensAt')!)
    problems.signupClosesAt = '报名截止须晚于报名开始';

  const urlProblem = (value: string) => (/^https?:\/\/\S+$/.test(value.trim()) ? null : '请填写以 http:// 或 https:// 开头的链接');
  // The cover is an uploaded picture's URL (the editor never takes a typed one): sent as it is.
  let latitude: number | null = null;
  let longitude: number | null = null;
  if (draft.online) {
    need('onlineUrl', draft.onlineUrl, '线上活动请填写参会链接');
    if (draft.onlineUrl.trim() !== '' && urlProblem(draft.onlineUrl)) problems.onlineUrl = urlProblem(draft.onlineUrl)!;
  } else {
    need('venue', draft.venue, '请填写地点名称');
    need('address', draft.address, '请填写详细地址');
    // Coordinates are optional (the map pick fills them in WeChat); given, they come as a pair.
    const lat = draft.latitude.trim();
    const lng = draft.longitude.trim();
    if (lat !== '' || lng !== '') {
      latitude = Number(lat);
      longitude = Number(lng);
      if (lat === '' || !Number.isFinite(latitude) || Math.abs(latitude) > 90) problems.latitude = '请填写纬度（-90 到 90），或清空经纬度';
      if (lng === '' || !Number.isFinite(longitude) || Math.abs(longitude) > 180)
        problems.longitude = '请填写经度（-180 到 180），或清空经纬度';
    }
  }

  const capacity = Number(draft.capacity);
  if (!/^\d+$/.test(draft.capacity.trim()) || capacity > EVENT_LIMITS.capacity)
    problems.capacity = `请填写 0–${EVENT_LIMITS.capacity} 的整数`;

  const yearFrom = Number(draft.yearFrom);
  const yearTo = Number(draft.yearTo);
  if (draft.audienceKind === 'group') need('groupId', draft.groupId, '请填写群组编号');
  if (draft.audienceKind === 'graduation_years') {
    if (!/^\d{4}$/.test(draft.yearFrom.trim())) problems.yearFrom = '请填写四位年份';
    if (!/^\d{4}$/.test(draft.yearTo.trim())) problems.yearTo = '请填写四位年份';
    else if (yearFrom > yearTo) problems.yearTo = '结束年份不能早于起始年份';
  }

  const questions: EventQuestion[] = draft.questions.map((q, i) => {
    const options = optionsOf(q);
    if (q.label.trim() === '') problems[`questions.${i}`] = '请填写问题';
    else if (q.kind !== 'text' && options.length < 2) problems[`questions.${i}`] = '选择题至少两个选项，每行一个';
    else if (new Set(options).size !== options.length) problems[`questions.${i}`] = '选项不能重复';
    return q.kind === 'text'
      ? { id: q.id, kind: q.kind, label: q.label.trim(), required: q.required }
      : { id: q.id, kind: q.kind, label: q.label.trim(), required: q.required, options };
  });

  if (Object.keys(problems).length > 0) return { input: null, problems };
  return {
    input: {
      title: draft.title.trim(),
      kind: draft.kind,
      description: draft.description,
      coverUrl: orNull(draft.coverUrl),
      online: draft.online,
      onlineUrl: draft.online ? orNull(draft.onlineUrl) : null,
      city: orNull(draft.city),
      venue: draft.online ? null : orNull(draft.venue),
      address: draft.online ? null : orNull(draft.address),
      latitude,
      longitude,
      startsAt: times.startsAt!,
      endsAt: times.endsAt!,
      signupOpensAt: times.signupOpensAt ?? null,
      signupClosesAt: times.signupClosesAt ?? null,
      capacity,
      waitlistEnabled: draft.waitlistEnabled,
      audience:
        draft.audienceKind === 'group'
          ? { kind: 'group', groupId: draft.groupId.trim() }
          : draft.audienceKind === 'graduation_years'
            ? { kind: 'graduation_years', yearFrom, yearTo }
            : { kind: draft.audienceKind },
      questions,
      contactName: orNull(draft.contactName),
      contactPhone: orNull(draft.contactPhone),
    },
    problems,
  };
}

/**
 * Puts the server's refusal on the fields it names (`endsAt`, `questions.0.options`,
 * `audience.groupId` …), in the Chinese message of its code: its issues are for developers.
 */
export function problemsFromServer(message: string, details: { field?: string }[]): DraftProblems {
  const problems: DraftProblems = {};
  for (const { field } of details) {
    if (!field) continue;
    const question = /^questions\.(\d+)/.exec(field);
    const target: DraftField | null = question
      ? `questions.${Number(question[1])}`
      : field === 'audience'
        ? 'audienceKind'
        : field.startsWith('audience.')
          ? (field.slice('audience.'.length) as DraftField)
          : field in emptyEventDraft()
            ? (field as DraftField)
            : null;
    if (target) problems[target] = message;
  }
  return problems;
}
