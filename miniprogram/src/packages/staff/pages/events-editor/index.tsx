import {
  EVENT_AUDIENCE_KINDS,
  EVENT_AUDIENCE_LABELS,
  EVENT_KIND_LABELS,
  EVENT_KINDS,
  EVENT_LIMITS,
  EVENT_QUESTION_KIND_LABELS,
  EVENT_QUESTION_KINDS,
  EVENT_STATUS_LABELS,
  type EventDetailDto,
} from '@alumni/shared';
import { Button } from '@nutui/nutui-react-taro';
import { RichText, Text, Textarea, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { mediaInHtml, mediaUrl } from '../../../../api/media';
import {
  createEvent,
  type EventTransition,
  getStaffEvent,
  transitionEvent,
  updateEvent,
  uploadEventCover,
} from '../../../../api/staff-events';
import { PhotoPicker } from '../../../../components/photo-picker';
import { type PickedPhoto, photosProblem } from '../../../../components/picked-photos';
import {
  draftFromEvent,
  emptyEventDraft,
  type EventDraft,
  newQuestion,
  problemsFromServer,
  type QuestionDraft,
  type TextField,
  toEventInput,
} from './editor-form';
import { DateTimeField } from '../../../../components/date-time-field';
import { BoundInput, bindForm, bindPart, FormField } from '../../../../components/form-field';
import { EDITOR_URL } from '../events/urls';
import './index.scss';
import { EditedRecord, Row, Section, TransitionButtons, useEditorSaving } from '../../editor-form';
import { pickEventPlace } from './pick-place';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';

/** ?id= edits that event; without it, a new draft. */
export default function EventEditorPage() {
  return <EditedRecord load={getStaffEvent}>{(event, { saved }) => <Editor event={event} onSaved={saved} />}</EditedRecord>;
}

const TRANSITIONS: { action: EventTransition; label: string; from: EventDetailDto['status']; confirm: string }[] = [
  { action: 'publish', label: '发布活动', from: 'draft', confirm: '发布后校友即可看到并报名。' },
  { action: 'finish', label: '结束活动', from: 'published', confirm: '结束后未签到的报名者会记为缺席，活动不能再编辑。' },
  { action: 'cancel', label: '取消活动', from: 'published', confirm: '取消后报名关闭，所有报名者都会收到通知。此操作不能撤销。' },
  { action: 'cancel', label: '作废草稿', from: 'draft', confirm: '草稿将标记为已取消，校友始终看不到它。' },
];

function Editor({ event, onSaved }: { event: EventDetailDto | null; onSaved: (event: EventDetailDto) => void }) {
  const { draft, setDraft, problems, busy, save, change } = useEditorSaving({
    record: event,
    onSaved,
    draftOf: draftFromEvent,
    emptyDraft: emptyEventDraft,
    inputOf: toEventInput,
    create: createEvent,
    update: updateEvent,
    problemsOf: (error) => problemsFromServer(error.message, error.details),
    url: EDITOR_URL,
  });
  const editable = !event || event.status === 'draft' || event.status === 'published';
  // The page's config says 编辑活动; a new one is 新建活动 until its first save.
  const isNew = event === null;
  useEffect(() => void Taro.setNavigationBarTitle({ title: isNew ? '新建活动' : '编辑活动' }), [isNew]);

  const set = <K extends keyof EventDraft>(key: K, value: EventDraft[K]) => setDraft((d) => ({ ...d, [key]: value }));
  // The cover is a picture uploaded at once (its URL goes into the draft), never a typed link.
  const [cover, setCover] = useState<PickedPhoto[]>(() =>
    draft.coverUrl ? [{ path: mediaUrl(draft.coverUrl), status: 'done', progress: 100, value: draft.coverUrl }] : [],
  );
  useEffect(() => set('coverUrl', cover.find((p) => p.status === 'done')?.value ?? ''), [cover]);
  const setQuestion = (index: number, change: Partial<QuestionDraft>) =>
    setDraft((d) => ({ ...d, questions: d.questions.map((q, i) => (i === index ? { ...q, ...change } : q)) }));
  const transition = (t: (typeof TRANSITIONS)[number]) => change(t, (id) => transitionEvent(id, t.action));

  // Enter in any one-line field saves, as 保存 does (components/form-field.tsx).
  const form = bindForm(draft, setDraft, problems, editable ? () => void save() : undefined);
  const field = (key: TextField, label: string, placeholder: string, type: 'text' | 'digit' | 'number' = 'text') => (
    <FormField
      form={form}
      name={key}
      label={label}
      placeholder={placeholder}
      type={type}
      disabled={!editable}
      className={`editor-${key}`}
    />
  );

  /** A time typed as `2026-12-20 14:00`, or picked (WeChat's pickers on a phone, the browser's at a desk). */
  const timeField = (key: 'startsAt' | 'endsAt' | 'signupOpensAt' | 'signupClosesAt', label: string, placeholder: string) => (
    <DateTimeField form={form} name={key} label={label} placeholder={placeholder} disabled={!editable} wheels className={`editor-${key}`} />
  );

  const pickLocation = () => pickEventPlace(setDraft);

  return (
    <View className="editor">
      {event ? (
        <View className="editor-status">
          <Text className={`editor-status__chip editor-status__chip--${event.status}`}>{EVENT_STATUS_LABELS[event.status]}</Text>
          <Text className="editor-status__seats">
            已确认 {event.confirmedCount}/{event.capacity}
          </Text>
        </View>
      ) : null}

      <Section title="基本信息">
        {field('title', '名称', `最多 ${EVENT_LIMITS.title} 字`)}
        <Row label="类型">
          <Chips options={EVENT_KINDS.map((k) => [k, EVENT_KIND_LABELS[k]])} value={draft.kind} onChange={(k) => set('kind', k)} />
        </Row>
        <Row label="封面图" problem={problems.coverUrl ?? photosProblem(cover) ?? undefined} stacked>
          {editable ? (
            <PhotoPicker
              photos={cover}
              onChange={setCover}
              max={1}
              upload={async (path, onProgress) => (await uploadEventCover(path, { onProgress })).url}
            />
          ) : null}
          <Text className="editor-hint">建议横图（如 16:9），不超过 5 MB；可不设封面。</Text>
        </Row>
        <Row label="介绍" problem={problems.description} stacked>
          <DescriptionEditor value={draft.description} onChange={(value) => set('description', value)} />
        </Row>
      </Section>

      <Section title="时间（北京时间）">
        {timeField('startsAt', '开始', '2026-12-20 14:00')}
        {timeField('endsAt', '结束', '2026-12-20 17:00')}
        {timeField('signupOpensAt', '报名开始', '不填则发布后即可报名')}
        {timeField('signupClosesAt', '报名截止', '不填则活动开始时截止')}
      </Section>

      <Section title="地点">
        <Row label="形式">
          <Chips
            options={[
              ['offline', '线下'],
              ['online', '线上'],
            ]}
            value={draft.online ? 'online' : 'offline'}
            onChange={(v) => set('online', v === 'online')}
          />
        </Row>
        {draft.online ? (
          field('onlineUrl', '参会链接', 'https://…')
        ) : (
          <>
            {field('city', '城市', '如 江州')}
            {field('venue', '地点', '如 江州学院 大礼堂')}
            {field('address', '地址', '详细地址')}
            {field('latitude', '纬度', '可不填，如 30.5123', 'digit')}
            {field('longitude', '经度', '可不填，如 114.3456', 'digit')}
            {IS_WEAPP ? (
              <Text className="editor-link" onClick={pickLocation}>
                在地图上选点，自动填写地址和坐标
              </Text>
            ) : null}
          </>
        )}
      </Section>

      <Section title="报名">
        {field('capacity', '名额', '人数', 'number')}
        <Row label="候补">
          <Chips
            options={[
              ['on', '满员后可候补'],
              ['off', '满员即截止'],
            ]}
            value={draft.waitlistEnabled ? 'on' : 'off'}
            onChange={(v) => set('waitlistEnabled', v === 'on')}
          />
        </Row>
        <Row label="范围" problem={problems.audienceKind}>
          <Chips
            options={EVENT_AUDIENCE_KINDS.map((k) => [k, EVENT_AUDIENCE_LABELS[k]])}
            value={draft.audienceKind}
            onChange={(k) => set('audienceKind', k)}
          />
        </Row>
        {draft.audienceKind === 'group' ? field('groupId', '群组编号', '群组的 ID') : null}
        {draft.audienceKind === 'graduation_years' ? (
          <>
            {field('yearFrom', '起始届', '如 2006', 'number')}
            {field('yearTo', '截止届', '如 2010', 'number')}
          </>
        ) : null}
      </Section>

      <Section title="报名问题">
        {draft.questions.length === 0 ? <Text className="editor-hint">不设问题时，校友一键即可报名。</Text> : null}
        {draft.questions.map((q, i) => (
          <View key={q.id} className="editor-question">
            <View className="editor-question__head">
              <Text className="editor-question__index">问题 {i + 1}</Text>
              <Text
                className="editor-question__remove"
                onClick={() => setDraft((d) => ({ ...d, questions: d.questions.filter((_, j) => j !== i) }))}
              >
                删除
              </Text>
            </View>
            <BoundInput
              form={bindPart(q, (change) => setQuestion(i, change), form)}
              name="label"
              className="editor-input editor-question__label"
              maxlength={EVENT_LIMITS.questionLabel}
              placeholder="问题，如：是否携带家属？"
            />
            <View className="editor-question__row">
              <Chips
                options={EVENT_QUESTION_KINDS.map((k) => [k, EVENT_QUESTION_KIND_LABELS[k]])}
                value={q.kind}
                onChange={(kind) => setQuestion(i, { kind })}
              />
              <Text
                className={
                  q.required ? 'editor-chip editor-chip--active editor-question__required' : 'editor-chip editor-question__required'
                }
                onClick={() => setQuestion(i, { required: !q.required })}
              >
                必答
              </Text>
            </View>
            {q.kind !== 'text' ? (
              <BoundInput
                form={bindPart(q, (change) => setQuestion(i, change))}
                name="optionsText"
                multiline
                className="editor-textarea editor-question__options"
                placeholder={'选项，每行一个，如：\n是\n否'}
              />
            ) : null}
            {problems[`questions.${i}`] ? <Text className="editor-problem">{problems[`questions.${i}`]}</Text> : null}
          </View>
        ))}
        {draft.questions.length < EVENT_LIMITS.questions ? (
          <Text
            className="editor-link editor-add-question"
            onClick={() => setDraft((d) => ({ ...d, questions: [...d.questions, newQuestion(d.questions)] }))}
          >
            + 添加问题
          </Text>
        ) : null}
      </Section>

      <Section title="联系人">
        {field('contactName', '姓名', '如 王老师')}
        {field('contactPhone', '电话', '报名者可一键拨打')}
      </Section>

      <View className="editor-actions">
        {editable ? (
          <Button className="editor-save" type="primary" shape="round" block loading={busy} onClick={() => void save()}>
            {event ? '保存修改' : '保存为草稿'}
          </Button>
        ) : (
          <Text className="editor-hint">{EVENT_STATUS_LABELS[event!.status]}的活动不能再编辑。</Text>
        )}
        {event ? (
          <TransitionButtons
            transitions={TRANSITIONS.filter((t) => t.from === event.status)}
            classOf={(t) => `editor-${t.action}`}
            primary={(t) => t.action === 'publish'}
            busy={busy}
            onPick={(t) => void transition(t)}
          />
        ) : null}
      </View>
    </View>
  );
}

function Chips<T extends string>({ options, value, onChange }: { options: [T, string][]; value: T; onChange: (value: T) => void }) {
  return (
    <View className="editor-chips">
      {options.map(([key, label]) => (
        <Text key={key} className={key === value ? 'editor-chip editor-chip--active' : 'editor-chip'} onClick={() => onChange(key)}>
          {label}
        </Text>
      ))}
    </View>
  );
}

/** What the toolbar adds at the end of the description: a piece of formatting to fill in. */
const BLOCKS: { label: string; html: string }[] = [
  { label: '小标题', html: '<h3>小标题</h3>' },
  { label: '段落', html: '<p>在这里写一段文字</p>' },
  { label: '列表', html: '<ul><li>第一项</li><li>第二项</li></ul>' },
  { label: '加粗', html: '<p><strong>需要强调的话</strong></p>' },
];

/**
 * The description: text with a small toolbar that adds headings, paragraphs, lists and bold
 * text, and a preview as alumni will see it (the event page's rich text). Plain lines are fine
 * too; the server keeps only safe formatting (docs/security.md), whatever is sent.
 */
function DescriptionEditor({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const [preview, setPreview] = useState(false);
  return (
    <View className="editor-description-box">
      <View className="editor-toolbar">
        {BLOCKS.map((block) => (
          <Text
            key={block.label}
            className="editor-toolbar__button"
            onClick={() => {
              setPreview(false);
              onChange(`${value.trimEnd()}${value.trim() ? '\n' : ''}${block.html}`);
            }}
          >
            {block.label}
          </Text>
        ))}
        <Text
          className={
            preview
              ? 'editor-toolbar__button editor-toolbar__button--on editor-preview-toggle'
              : 'editor-toolbar__button editor-preview-toggle'
          }
          onClick={() => setPreview((p) => !p)}
        >
          {preview ? '继续编辑' : '预览'}
        </Text>
      </View>
      {preview ? (
        <RichText className="editor-preview" nodes={mediaInHtml(value) || '<p>（还没有介绍）</p>'} />
      ) : (
        <Textarea
          className="editor-textarea editor-description"
          value={value}
          maxlength={EVENT_LIMITS.description}
          placeholder="活动安排、注意事项等；用上方按钮加入小标题、列表，点“预览”看校友看到的样子"
          onInput={(e) => onChange(e.detail.value)}
        />
      )}
    </View>
  );
}
