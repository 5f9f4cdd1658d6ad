import {
  CAREER_TOPIC_LABELS,
  formatShanghaiShort,
  RESOURCE_KIND_LABELS,
  RESOURCE_STATUS_LABELS,
  type ResourceDto,
  type ResourceFileDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { RichText, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { bookmarkResource, downloadResourceFile, getResource, submitResource, unbookmarkResource } from '../../../../api/careers';
import { mediaInHtml, mediaUrl } from '../../../../api/media';
import { loadSession } from '../../../../api/session';
import { ErrorState } from '../../../../components/error-state';
import { useLoaded } from '../../../../components/use-loaded';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { Card, Tag } from '../../ui';
import { careersUrls } from '../../urls';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const isH5 = process.env.TARO_ENV === 'h5';
const load = async (id: string): Promise<{ resource: ResourceDto }> => ({ resource: await getResource(id) });
const size = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;

/**
 * A file opens where the phone can show it: a PDF in WeChat's document viewer, an image in
 * the picture viewer; the browser build opens its address in a new tab.
 */
async function openFile(file: ResourceFileDto): Promise<void> {
  if (isH5) {
    window.open(mediaUrl(file.url), '_blank');
    return;
  }
  const path = await downloadResourceFile(file);
  if (file.contentType === 'application/pdf') await Taro.openDocument({ filePath: path, fileType: 'pdf', showMenu: true });
  else await Taro.previewImage({ urls: [path] });
}

/** A resource: its text and files; 收藏 for readers; edit and submit for its author, with the staff's note. */
export default function ResourcePage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '资料不存在或尚未发布');
  useReloadOnReturn(reload);
  const { busy, run } = useSingleFlight();

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { resource } = state;
  const signedIn = loadSession() !== null;

  const toggleBookmark = async () => {
    if (!signedIn) {
      void Taro.navigateTo({ url: '/packages/account/pages/sign-in/index' });
      return;
    }
    await run(async () => {
      try {
        if (resource.bookmarked) {
          await unbookmarkResource(resource.id);
          update({ resource: { ...resource, bookmarked: false, bookmarkCount: resource.bookmarkCount - 1 } });
        } else {
          const kept = await bookmarkResource(resource.id);
          update({ resource: { ...resource, bookmarked: kept.bookmarked, bookmarkCount: kept.bookmarkCount } });
        }
      } catch {
        // Shown by the request wrapper.
      }
    });
  };

  const submit = async () => {
    await run(async () => {
      try {
        const sent = await submitResource(resource.id);
        update({ resource: sent });
        void Taro.showToast({ title: sent.status === 'published' ? '已发布' : '已提交审核', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };

  return (
    <View className="resource">
      <Card className="resource-head">
        <Text className="resource-head__title">{resource.title}</Text>
        <View>
          <Tag tone={resource.kind === 'file' ? 'accent' : 'brand'}>{RESOURCE_KIND_LABELS[resource.kind]}</Tag>
          <Tag>{CAREER_TOPIC_LABELS[resource.topic]}</Tag>
          <Tag>{resource.industry ?? '各行业'}</Tag>
          {resource.status !== 'published' ? <Tag tone="muted">{RESOURCE_STATUS_LABELS[resource.status]}</Tag> : null}
        </View>
        <Text className="cr-muted">
          {resource.authorName}
          {resource.publishedAt ? ` · ${formatShanghaiShort(resource.publishedAt)} 发布` : ''} · {resource.viewCount} 浏览 ·{' '}
          <Text className="resource-head__bookmarks">{resource.bookmarkCount} 收藏</Text> · {resource.downloadCount} 下载
        </Text>
        {resource.summary ? <Text className="resource-head__summary">{resource.summary}</Text> : null}
        {resource.reviewNote ? <Text className="resource-head__note">校友会备注：{resource.reviewNote}</Text> : null}
      </Card>
      {resource.bodyHtml ? (
        <Card>
          <RichText className="resource-body" nodes={mediaInHtml(resource.bodyHtml)} />
        </Card>
      ) : null}
      {resource.files.length > 0 ? (
        <Card title="附件">
          {resource.files.map((file) => (
            <View key={file.id} className="resource-file" onClick={() => void openFile(file).catch(() => undefined)}>
              <Text className="resource-file__name">{file.name}</Text>
              <Text className="cr-muted">
                {file.contentType === 'application/pdf' ? 'PDF' : '图片'} · {size(file.size)} · {file.downloadCount} 次下载
              </Text>
            </View>
          ))}
        </Card>
      ) : null}
      <View className="resource-bar">
        {resource.mayEdit ? (
          <Button
            className="resource-edit"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: careersUrls.resourceEditor(resource.id) })}
          >
            编辑
          </Button>
        ) : null}
        {resource.maySubmit ? (
          <Button className="resource-submit" type="primary" shape="round" loading={busy} onClick={() => void submit()}>
            提交审核
          </Button>
        ) : null}
        {resource.status === 'published' ? (
          <Button
            className={resource.bookmarked ? 'resource-bookmark resource-bookmark--on' : 'resource-bookmark'}
            type={resource.bookmarked ? 'default' : 'primary'}
            shape="round"
            loading={busy}
            onClick={() => void toggleBookmark()}
          >
            {resource.bookmarked ? '已收藏' : '收藏'}
          </Button>
        ) : null}
      </View>
    </View>
  );
}
