import {
  type AlumnusCardDto,
  type CampaignSummaryDto,
  STORY_KIND_LABELS,
  STORY_LIMITS,
  type StoryInput,
  type StoryKind,
  type StoryLinkInput,
  type StoryManageDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Input, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { listCampaigns } from '../../../../api/campaigns';
import { searchDirectory } from '../../../../api/directory';
import { mediaUrl } from '../../../../api/media';
import { loadSession } from '../../../../api/session';
import { createStory, getStory, submitStory, updateStory, uploadStoryCover } from '../../../../api/stories';
import { pickCover } from '../../../../components/cover-picker';
import { ErrorState } from '../../../../components/error-state';
import { storyUrl } from '../../story-links';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

type Form = {
  kind: StoryKind;
  title: string;
  summary: string;
  body: string;
  subject: { id: string; name: string } | null;
  subjectName: string;
  campaignId: string | null;
  mentoring: boolean;
};

const EMPTY: Form = {
  kind: 'alumni_story',
  title: '',
  summary: '',
  body: '',
  subject: null,
  subjectName: '',
  campaignId: null,
  mentoring: false,
};

function inputOf(form: Form): StoryInput {
  const links: StoryLinkInput[] = [];
  if (form.campaignId) links.push({ kind: 'campaign', id: form.campaignId });
  if (form.mentoring) links.push({ kind: 'mentoring' });
  return {
    kind: form.kind,
    title: form.title.trim(),
    summary: form.summary.trim(),
    body: form.body,
    subjectAlumnusId: form.subject?.id ?? null,
    subjectName: form.subject ? null : form.subjectName.trim() || null,
    links,
  };
}

function formOf(story: StoryManageDto): Form {
  return {
    kind: story.kind,
    title: story.title,
    summary: story.summary,
    body: story.body,
    subject: story.subjectAlumnusId ? { id: story.subjectAlumnusId, name: story.subject?.displayName ?? story.subjectName ?? '' } : null,
    subjectName: story.subjectAlumnusId ? '' : (story.subjectName ?? ''),
    campaignId: story.linkInputs.find((l) => l.kind === 'campaign')?.id ?? null,
    mentoring: story.linkInputs.some((l) => l.kind === 'mentoring'),
  };
}

/**
 * 投稿: an alumnus writes an alumni story or recommends an outstanding alumnus (staff also write
 * the association's news). Saved as a draft, a cover added, then sent to review; a story about
 * another alumnus asks them for consent when it is submitted.
 */
export default function StoryEditorPage() {
  const { params } = useRouter();
  const [id, setId] = useState<string | undefined>(params.id);
  const [form, setForm] = useState<Form>(EMPTY);
  const [story, setStory] = useState<StoryManageDto | null>(null);
  const [state, setState] = useState<'loading' | 'ready' | 'failed'>(params.id ? 'loading' : 'ready');
  const { busy, run } = useSingleFlight();
  const isStaff = loadSession()?.alumnus.roles?.some((r) => r === 'staff' || r === 'admin') ?? false;

  const load = async () => {
    if (!params.id) return;
    setState('loading');
    try {
      const loaded = (await getStory(params.id)) as StoryManageDto;
      setStory(loaded);
      setForm(formOf(loaded));
      setState('ready');
    } catch {
      setState('failed');
    }
  };
  useEffect(() => void load(), []);

  if (state === 'loading') return <Skeleton rows={10} animated />;
  if (state === 'failed') return <ErrorState message="文章不存在或不能编辑" onRetry={() => void load()} />;
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const kinds: StoryKind[] = isStaff ? ['news', 'alumni_story', 'outstanding_alumnus'] : ['alumni_story', 'outstanding_alumnus'];

  /** Whether the story has its title and body; says so in a toast when not. */
  const complete = () => {
    if (form.title.trim() && form.body.trim()) return true;
    void Taro.showToast({ title: '请填写标题和正文', icon: 'none' });
    return false;
  };
  /** Saves the draft (inside a flight) and answers the saved story; a refusal, shown by the request wrapper, rejects. */
  const write = async (): Promise<StoryManageDto> => {
    const saved = id ? await updateStory(id, inputOf(form)) : await createStory(inputOf(form));
    setId(saved.id);
    setStory(saved);
    return saved;
  };
  /** As write, for the draft and the cover: null when the story is incomplete or the save refused. */
  const save = async (): Promise<StoryManageDto | null> => (complete() ? write().catch(() => null) : null);
  const saveDraft = () =>
    run(async () => {
      if (await save()) void Taro.showToast({ title: '草稿已保存', icon: 'success' });
    });
  const changeCover = () =>
    run(async () => {
      const saved = story ?? (await save());
      if (!saved) return;
      const path = await pickCover(STORY_LIMITS.coverMaxBytes);
      if (!path) return;
      try {
        setStory(await uploadStoryCover(saved.id, path));
      } catch {
        // Shown by the request wrapper.
      }
    });
  const submit = async () => {
    if (!complete()) return;
    // Sent to review, the page leaves (redirectTo): a tap meanwhile saves and sends nothing again.
    await run(
      async () => {
        const sent = await submitStory((await write()).id);
        void Taro.showToast({ title: sent.consentStatus === 'requested' ? '已提交，并请主人公确认' : '已提交审核', icon: 'none' });
        void Taro.redirectTo({ url: storyUrl(sent.id) });
      },
      { leaves: true },
    ).catch(() => {
      // Shown by the request wrapper.
    });
  };

  return (
    <View className="story-editor">
      <Text className="se-label">类型</Text>
      <View className="se-kinds">
        {kinds.map((k) => (
          <Text key={k} className={k === form.kind ? 'se-kind se-kind--active' : 'se-kind'} onClick={() => set({ kind: k })}>
            {STORY_KIND_LABELS[k]}
          </Text>
        ))}
      </View>
      <Text className="se-label">标题</Text>
      <Input
        className="se-input se-title"
        value={form.title}
        maxlength={STORY_LIMITS.title}
        placeholder="一句话的标题"
        onInput={(e) => set({ title: e.detail.value })}
      />
      <Text className="se-label">摘要（列表和分享卡片上显示）</Text>
      <Input
        className="se-input se-summary"
        value={form.summary}
        maxlength={STORY_LIMITS.summary}
        placeholder="选填"
        onInput={(e) => set({ summary: e.detail.value })}
      />
      <Text className="se-label">正文</Text>
      <Textarea
        className="se-textarea se-body"
        value={form.body}
        maxlength={STORY_LIMITS.body}
        placeholder="空一行分段"
        onInput={(e) => set({ body: e.detail.value })}
      />
      <SubjectField form={form} onChange={set} />
      <LinksField form={form} onChange={set} />
      <Text className="se-label">封面</Text>
      <View className="se-cover" onClick={() => void changeCover()}>
        {story?.coverUrl ? (
          <Image className="se-cover__image" src={mediaUrl(story.coverUrl)} mode="aspectFill" />
        ) : (
          <Text>＋ 选择封面图片</Text>
        )}
      </View>
      <View className="se-actions">
        <Button className="se-save" shape="round" disabled={busy} onClick={() => void saveDraft()}>
          保存草稿
        </Button>
        <Button className="se-submit" type="primary" shape="round" loading={busy} onClick={() => void submit()}>
          提交审核
        </Button>
      </View>
    </View>
  );
}

/** Who the story is about: a verified alumnus found by name (asked for consent in the app), or a name alone. */
function SubjectField({ form, onChange }: { form: Form; onChange: (patch: Partial<Form>) => void }) {
  const [q, setQ] = useState('');
  const [found, setFound] = useState<AlumnusCardDto[]>([]);
  const search = (value: string) => {
    setQ(value);
    if (value.trim() === '') return setFound([]);
    searchDirectory({ q: value.trim(), limit: 6 }).then(
      (page) => setFound(page.items.filter((a) => a.verified)),
      () => setFound([]),
    );
  };
  return (
    <View className="se-subject">
      <Text className="se-label">
        {form.kind === 'outstanding_alumnus' ? '主人公（须本人同意后发布）' : '写到的校友（选填，须本人同意）'}
      </Text>
      {form.subject ? (
        <View className="se-subject__picked">
          <Text>{form.subject.name}</Text>
          <Text className="se-subject__clear" onClick={() => onChange({ subject: null })}>
            更换
          </Text>
        </View>
      ) : (
        <>
          <Input
            className="se-input se-subject__search"
            value={q}
            placeholder="搜索已认证校友姓名"
            onInput={(e) => search(e.detail.value)}
          />
          <View className="se-subject__found">
            {found.map((a) => (
              <Text
                key={a.id}
                className="se-subject__item"
                onClick={() => {
                  onChange({ subject: { id: a.id, name: a.realName ?? a.displayName } });
                  setFound([]);
                  setQ('');
                }}
              >
                {a.realName ?? a.displayName}
                {a.graduationYear ? ` ${a.graduationYear} 届` : ''}
              </Text>
            ))}
          </View>
          {form.kind === 'outstanding_alumnus' ? (
            <Input
              className="se-input se-subject__name"
              value={form.subjectName}
              maxlength={STORY_LIMITS.subjectName}
              placeholder="或填写姓名（如 王院士 · 1985届物理），由校友会记录线下授权"
              onInput={(e) => onChange({ subjectName: e.detail.value })}
            />
          ) : null}
        </>
      )}
    </View>
  );
}

/** What the person did: a donation drive, the mentoring programme. */
function LinksField({ form, onChange }: { form: Form; onChange: (patch: Partial<Form>) => void }) {
  const [campaigns, setCampaigns] = useState<CampaignSummaryDto[]>([]);
  useEffect(() => {
    listCampaigns({ limit: 20 }).then(
      (page) => setCampaigns(page.items),
      () => setCampaigns([]),
    );
  }, []);
  return (
    <View className="se-links">
      <Text className="se-label">关联（捐赠或导师的故事，选填）</Text>
      <View className="se-kinds">
        {campaigns.map((c) => (
          <Text
            key={c.id}
            className={c.id === form.campaignId ? 'se-kind se-kind--active' : 'se-kind'}
            onClick={() => onChange({ campaignId: c.id === form.campaignId ? null : c.id })}
          >
            {c.title}
          </Text>
        ))}
        <Text className={form.mentoring ? 'se-kind se-kind--active' : 'se-kind'} onClick={() => onChange({ mentoring: !form.mentoring })}>
          校友导师计划
        </Text>
      </View>
    </View>
  );
}
