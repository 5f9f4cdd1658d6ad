import {
  CAREER_INDUSTRIES,
  CAREER_TOPIC_LABELS,
  CAREER_TOPICS,
  CAREERS_LIMITS,
  type CareerTopic,
  RESOURCE_KIND_LABELS,
  RESOURCE_KINDS,
  type ResourceDto,
  type ResourceFileDto,
  type ResourceInput,
  type ResourceKind,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createResource, getResource, submitResource, updateResource, uploadResourceFile } from '../../../../api/careers';
import { BrowserFileButton } from '../../../../components/browser-file-button';
import { ErrorState } from '../../../../components/error-state';
import { explainRefusal } from '../../../../components/permission-refusal';
import { useLoaded } from '../../../../components/use-loaded';
import { Card, ChipChoice, Field, options, TextArea, TextInput } from '../../ui';
import { careersUrls } from '../../urls';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const isH5 = process.env.TARO_ENV === 'h5';
const load = async (id: string): Promise<{ resource: ResourceDto | null }> => ({ resource: id === 'new' ? null : await getResource(id) });

interface Draft {
  kind: ResourceKind;
  title: string;
  summary: string;
  body: string;
  industry: string;
  topic: CareerTopic | '';
  files: ResourceFileDto[];
}

const draftOf = (r: ResourceDto | null): Draft =>
  r
    ? { kind: r.kind, title: r.title, summary: r.summary, body: r.bodyHtml, industry: r.industry ?? '', topic: r.topic, files: r.files }
    : { kind: 'guide', title: '', summary: '', body: '', industry: '', topic: '', files: [] };

function problemsOf(d: Draft): Partial<Record<'title' | 'topic' | 'body' | 'files', string>> {
  const problems: Partial<Record<'title' | 'topic' | 'body' | 'files', string>> = {};
  if (d.title.trim() === '') problems.title = '请填写标题';
  if (d.topic === '') problems.topic = '请选择话题';
  if (d.kind !== 'file' && d.body.trim() === '') problems.body = '请填写正文';
  if (d.kind === 'file' && d.files.length === 0) problems.files = '资料文件类请至少上传一个附件';
  return problems;
}

const inputOf = (d: Draft): ResourceInput => ({
  kind: d.kind,
  title: d.title.trim(),
  summary: d.summary.trim(),
  bodyHtml: d.body,
  industry: d.industry || null,
  topic: d.topic as CareerTopic,
  fileIds: d.files.map((f) => f.id),
});

/** Write or change a resource: a draft first, then sent to review (staff's own is published once the content check passes). */
export default function ResourceEditorPage() {
  const { params } = useRouter();
  const { state, reload } = useLoaded(params.id ?? 'new', load, '');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [tried, setTried] = useState(false);
  const { busy, run } = useSingleFlight();
  const { busy: uploading, run: runUpload } = useSingleFlight();
  useEffect(() => {
    if (state.status === 'ready') {
      setDraft(draftOf(state.resource));
      if (state.resource) void Taro.setNavigationBarTitle({ title: '编辑资料' });
    }
  }, [state.status]);

  if (state.status === 'loading' || (state.status === 'ready' && draft === null)) return <Skeleton rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const d = draft!;
  const problems = problemsOf(d);
  const set = (patch: Partial<Draft>) => setDraft({ ...d, ...patch });
  const shown = (field: keyof typeof problems) => (tried ? problems[field] : undefined);
  const existing = state.resource;

  /** Uploads a picked file (inside the upload flight). */
  const upload = async (filePath: string, fileName: string) => {
    try {
      const file = await uploadResourceFile(filePath, fileName);
      setDraft((current) => current && { ...current, files: [...current.files, file] });
    } catch {
      // The upload wrapper showed why (type, size).
    }
  };
  const attach = (filePath: string, fileName: string) => runUpload(() => upload(filePath, fileName));

  // One picker and one upload at a time, from the tap on.
  const chooseInWeChat = () =>
    runUpload(async () => {
      try {
        const { tempFiles } = await Taro.chooseMessageFile({ count: 1, type: 'all', extension: ['pdf', 'jpg', 'jpeg', 'png', 'webp'] });
        const file = tempFiles[0];
        if (file) await upload(file.path, file.name);
      } catch (error) {
        await explainRefusal(error, 'file', '选择资料文件'); // Or cancelled: nothing to say.
      }
    });

  /** Saves the draft; with `andSubmit`, sends it to review too (a published one is reviewed again by saving alone). */
  const save = async (andSubmit: boolean) => {
    setTried(true);
    if (Object.keys(problems).length > 0) return;
    // Saved, the page leaves for the resource (redirectTo): a tap meanwhile saves nothing again. A
    // refusal rejects, which ends the flight, so the next tap may try again.
    await run(
      async () => {
        let saved = existing ? await updateResource(existing.id, inputOf(d)) : await createResource(inputOf(d));
        if (andSubmit && saved.maySubmit) saved = await submitResource(saved.id);
        const title = saved.status === 'published' ? '已发布' : saved.status === 'submitted' ? '已提交审核' : '草稿已保存';
        await showModal({
          title,
          content:
            saved.status === 'published'
              ? '资料已出现在职业资料库中。'
              : saved.status === 'submitted'
                ? '校友会审核通过后，资料会出现在资料库中，届时会通知你。'
                : '草稿仅你自己可见，完成后请提交审核。',
          showCancel: false,
        });
        void Taro.redirectTo({ url: careersUrls.resource(saved.id) });
      },
      { leaves: true },
    ).catch(() => {
      // The request wrapper showed why.
    });
  };

  return (
    <View className="resource-editor">
      <Card>
        <Field label="类型">
          <ChipChoice
            className="resource-editor__kind"
            items={options(RESOURCE_KINDS, RESOURCE_KIND_LABELS)}
            value={d.kind}
            onChange={(kind) => kind && set({ kind })}
          />
        </Field>
        <Field label="标题" problem={shown('title')}>
          <TextInput
            className="resource-editor__title"
            value={d.title}
            maxlength={CAREERS_LIMITS.resourceTitle}
            placeholder="如：互联网产品岗秋招准备指南"
            onChange={(title) => set({ title })}
          />
        </Field>
        <Field label="摘要（选填）">
          <TextArea
            className="resource-editor__summary"
            value={d.summary}
            maxlength={CAREERS_LIMITS.resourceSummary}
            placeholder="一两句话介绍这份资料，显示在列表中"
            onChange={(summary) => set({ summary })}
          />
        </Field>
        <Field label="话题" problem={shown('topic')}>
          <ChipChoice
            className="resource-editor__topic"
            items={options(CAREER_TOPICS, CAREER_TOPIC_LABELS)}
            value={d.topic}
            onChange={(topic) => topic && set({ topic })}
          />
        </Field>
        <Field label="行业（选填）" hint="不选表示适用于各行业">
          <ChipChoice
            className="resource-editor__industry"
            items={options(CAREER_INDUSTRIES)}
            value={d.industry}
            onChange={(industry) => set({ industry })}
            allowNone
          />
        </Field>
        <Field label="正文" problem={shown('body')} hint="空行分段；工作人员可粘贴排版好的内容，发布时会自动清理不安全的格式">
          <TextArea
            className="resource-editor__body"
            tall
            value={d.body}
            maxlength={CAREERS_LIMITS.resourceBodyChars}
            placeholder="时间线、准备清单、面试问题与心得……"
            onChange={(body) => set({ body })}
          />
        </Field>
        <Field
          label={`附件（选填，最多 ${CAREERS_LIMITS.resourceFiles} 个）`}
          problem={shown('files')}
          hint="PDF 不超过 10 MB，图片不超过 5 MB"
        >
          {d.files.map((file) => (
            <View key={file.id} className="resource-editor__file">
              <Text className="resource-editor__file-name">{file.name}</Text>
              <Text className="resource-editor__file-remove" onClick={() => set({ files: d.files.filter((f) => f.id !== file.id) })}>
                移除
              </Text>
            </View>
          ))}
          {d.files.length < CAREERS_LIMITS.resourceFiles ? (
            isH5 ? (
              <BrowserFileButton
                label={uploading ? '正在上传…' : '选择附件（PDF 或图片）'}
                accept=".pdf,application/pdf,image/jpeg,image/png,image/webp"
                inputClassName="resource-editor__file-input"
                disabled={uploading}
                onChosen={(file) => void attach(URL.createObjectURL(file), file.name)}
              />
            ) : (
              <Button size="small" shape="round" loading={uploading} onClick={() => void chooseInWeChat()}>
                从聊天记录选择文件
              </Button>
            )
          ) : null}
        </Field>
      </Card>
      <View className="resource-editor__save-box">
        <Text className="cr-muted">资料会经过内容安全检查，校友会审核后公开。</Text>
        <View className="cr-actions">
          {existing?.status !== 'published' ? (
            <Button className="resource-editor__draft" shape="round" loading={busy} onClick={() => void save(false)}>
              保存草稿
            </Button>
          ) : null}
          <Button className="resource-editor__submit" type="primary" shape="round" loading={busy} onClick={() => void save(true)}>
            {existing?.status === 'published' ? '保存并重新审核' : '提交审核'}
          </Button>
        </View>
      </View>
    </View>
  );
}
