import {
  formatShanghaiShort,
  STORY_CONSENT_LABELS,
  STORY_KIND_LABELS,
  STORY_LIMITS,
  STORY_STATUS_LABELS,
  type StoryCommentDto,
  type StoryDto,
  type StoryManageDto,
} from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, RichText, Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter, useShareAppMessage, useShareTimeline } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import { mediaInHtml, mediaUrl } from '../../../../api/media';
import { loadSession } from '../../../../api/session';
import {
  answerStoryConsent,
  commentOnStory,
  deleteStoryComment,
  getStory,
  likeStory,
  listStoryComments,
  reportStoryComment,
  submitStory,
  unlikeStory,
} from '../../../../api/stories';
import { ErrorState } from '../../../../components/error-state';
import { reportWithReason } from '../../../../components/report-reasons';
import { useLoaded } from '../../../../components/use-loaded';
import { useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { STORIES_URL, STORY_EDITOR_URL, STORY_POSTER_URL, storyIdOf, storyShareCard, storyTimelineCard } from '../../story-links';
import { showModal } from '../../../../components/modal';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const SIGN_IN_URL = '/packages/account/pages/sign-in/index';
type Story = StoryDto & Partial<StoryManageDto>;

const load = async (id: string): Promise<{ story: Story }> => ({ story: await getStory(id) });

/**
 * A story: cover, text, what the person did (a campaign, the mentoring programme), likes and
 * comments; shared to a chat or Moments with its own card, or as a poster with its
 * mini-program code. The person it is about answers the consent request here; its author
 * and staff see where it stands.
 */
export default function StoryPage() {
  const { params } = useRouter();
  const id = storyIdOf(params);
  const { state, reload, update } = useLoaded(id, load, '文章不存在或尚未发布');
  useReloadOnReturn(reload);
  const story = state.status === 'ready' ? state.story : null;

  useShareAppMessage(() => (story ? storyShareCard(story) : { title: '校友故事', path: STORIES_URL }));
  useShareTimeline(() => (story ? storyTimelineCard(story) : { title: '校友故事' }));
  useEffect(() => {
    if (story) void Taro.setNavigationBarTitle({ title: STORY_KIND_LABELS[story.kind] });
  }, [story?.kind]);

  if (state.status === 'loading') return <Skeleton rows={12} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const current = state.story;
  const set = (next: Partial<Story>) => update({ story: { ...current, ...next } });

  return (
    <View className="story">
      {current.coverUrl ? <Image className="story__cover" src={mediaUrl(current.coverUrl)} mode="aspectFill" /> : null}
      <View className="story__head">
        <Text className={`story__kind story__kind--${current.kind}`}>{STORY_KIND_LABELS[current.kind]}</Text>
        <Text className="story__title">{current.title}</Text>
        {current.subjectName ? <Text className="story__subject">主人公：{current.subjectName}</Text> : null}
        <Text className="story__meta">
          {[
            current.author ? current.author.displayName : null,
            current.publishedAt ? `${formatShanghaiShort(current.publishedAt)} 发布` : null,
            current.status === 'published' ? `${current.readCount} 阅读` : null,
          ]
            .filter(Boolean)
            .join(' · ')}
        </Text>
      </View>
      {current.mayConsent ? <ConsentBox story={current} onAnswered={(next) => set(next)} /> : null}
      {current.revision !== undefined ? <ManageBox story={current} onChanged={(next) => set(next)} /> : null}
      <RichText className="story__body" nodes={mediaInHtml(current.body)} />
      {current.links.length > 0 ? (
        <View className="story__links">
          <Text className="story__links-title">TA 做过的事</Text>
          {current.links.map((link) => (
            <Text key={link.page} className="story__link" onClick={() => void Taro.navigateTo({ url: link.page })}>
              {link.kind === 'campaign' ? '捐赠项目' : '导师计划'}：{link.title} ›
            </Text>
          ))}
        </View>
      ) : null}
      {current.status === 'published' ? (
        <>
          <Actions story={current} onLiked={(liked, likeCount) => set({ likedByMe: liked, likeCount })} />
          <Comments story={current} onCounted={(commentCount) => set({ commentCount })} />
        </>
      ) : null}
    </View>
  );
}

/** Asked whether a story about me may be published: I read it above and answer. */
function ConsentBox({ story, onAnswered }: { story: Story; onAnswered: (story: StoryManageDto) => void }) {
  const { busy, run } = useSingleFlight();
  const answer = (given: boolean) =>
    run(async () => {
      let note: string | undefined;
      if (!given) {
        const { confirm, content } = (await showModal({
          title: '不同意发布',
          editable: true,
          placeholderText: '希望修改的地方（可不填）',
        } as never)) as {
          confirm: boolean;
          content?: string;
        };
        if (!confirm) return;
        note = content?.trim() ? content.trim().slice(0, STORY_LIMITS.consentNote) : undefined;
      }
      try {
        onAnswered(await answerStoryConsent(story.id, given, note));
        void Taro.showToast({ title: given ? '已同意发布' : '已告知校友会', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  return (
    <View className="story-consent">
      <Text className="story-consent__title">这篇文章写的是你</Text>
      <Text className="story-consent__text">校友会希望发布这篇文章。请读完全文，确认是否同意以当前版本发布（你的决定会被记录）。</Text>
      <View className="story-consent__actions">
        <Button className="story-consent__yes" type="primary" shape="round" size="small" loading={busy} onClick={() => void answer(true)}>
          同意发布
        </Button>
        <Button className="story-consent__no" shape="round" size="small" disabled={busy} onClick={() => void answer(false)}>
          不同意
        </Button>
      </View>
    </View>
  );
}

/** Where the story stands, for its author, staff and the person it is about; the author edits and submits from here. */
function ManageBox({ story, onChanged }: { story: Story; onChanged: (story: StoryManageDto) => void }) {
  const { busy, run } = useSingleFlight();
  const own = story.mayEdit;
  const submit = async () => {
    await run(async () => {
      try {
        onChanged(await submitStory(story.id));
        void Taro.showToast({ title: '已提交审核', icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };
  return (
    <View className="story-manage">
      <Text className="story-manage__status">
        状态：{STORY_STATUS_LABELS[story.status]} · 本人授权：{STORY_CONSENT_LABELS[story.consentStatus]}
        {story.consent?.method === 'offline' ? '（线下）' : ''}
      </Text>
      {story.reviewNote ? <Text className="story-manage__note">校友会备注：{story.reviewNote}</Text> : null}
      {story.consent?.note ? <Text className="story-manage__note">本人意见：{story.consent.note}</Text> : null}
      {own ? (
        <View className="story-manage__actions">
          <Button
            className="story-manage__edit"
            size="small"
            shape="round"
            onClick={() => void Taro.navigateTo({ url: `${STORY_EDITOR_URL}?id=${story.id}` })}
          >
            编辑
          </Button>
          <Button className="story-manage__submit" type="primary" size="small" shape="round" loading={busy} onClick={() => void submit()}>
            提交审核
          </Button>
        </View>
      ) : null}
    </View>
  );
}

/** 赞, 分享 (WeChat: the share sheet; the browser: the card as WeChat would show it, and the link) and the poster. */
function Actions({ story, onLiked }: { story: Story; onLiked: (liked: boolean, count: number) => void }) {
  const [sharing, setSharing] = useState(false);
  const toggleLike = async () => {
    if (loadSession() === null) {
      void Taro.navigateTo({ url: SIGN_IN_URL });
      return;
    }
    try {
      const result = story.likedByMe ? await unlikeStory(story.id) : await likeStory(story.id);
      onLiked(result.liked, result.likeCount);
    } catch {
      // Shown by the request wrapper.
    }
  };
  const card = storyShareCard(story);
  const copyLink = () => {
    const link = `${window.location.origin}${window.location.pathname}#${card.path}`;
    void Taro.setClipboardData({ data: link });
  };
  return (
    <View className="story-actions">
      <View className="story-actions__row">
        <Button
          className={`story-like ${story.likedByMe ? 'story-like--on' : ''}`}
          size="small"
          shape="round"
          onClick={() => void toggleLike()}
        >
          {story.likedByMe ? '已赞' : '赞'} {story.likeCount}
        </Button>
        {IS_WEAPP ? (
          <Button className="story-share" size="small" shape="round" type="primary" openType="share">
            分享
          </Button>
        ) : (
          <Button className="story-share" size="small" shape="round" type="primary" onClick={() => setSharing(!sharing)}>
            分享
          </Button>
        )}
        <Button
          className="story-poster-open"
          size="small"
          shape="round"
          onClick={() => void Taro.navigateTo({ url: `${STORY_POSTER_URL}?id=${story.id}` })}
        >
          生成海报
        </Button>
      </View>
      {IS_WEAPP ? <Text className="story-actions__hint">点右上角 ··· 可分享到朋友圈</Text> : null}
      {sharing ? (
        <View className="story-share-card" data-path={card.path}>
          <Text className="story-share-card__lead">分享到微信聊天时显示为：</Text>
          <View className="story-share-card__card">
            <Text className="story-share-card__title">{card.title}</Text>
            {card.imageUrl ? <Image className="story-share-card__image" src={card.imageUrl} mode="aspectFill" /> : null}
            <Text className="story-share-card__from">校友会小程序</Text>
          </View>
          <Text className="story-share-card__path">{card.path}</Text>
          <Button className="story-share-card__copy" size="small" shape="round" onClick={copyLink}>
            复制链接
          </Button>
        </View>
      ) : null}
    </View>
  );
}

function Comments({ story, onCounted }: { story: Story; onCounted: (count: number) => void }) {
  const [items, setItems] = useState<StoryCommentDto[] | null>(null);
  const [text, setText] = useState('');
  const { busy, run } = useSingleFlight();
  const load = useCallback(async () => {
    try {
      setItems((await listStoryComments(story.id, { limit: 50 })).items);
    } catch {
      setItems([]);
    }
  }, [story.id]);
  useEffect(() => void load(), [load]);

  const send = async () => {
    if (loadSession() === null) {
      void Taro.navigateTo({ url: SIGN_IN_URL });
      return;
    }
    if (!text.trim()) return;
    await run(async () => {
      try {
        const comment = await commentOnStory(story.id, text.trim());
        setItems((current) => [comment, ...(current ?? [])]);
        setText('');
        if (comment.status === 'published') onCounted(story.commentCount + 1);
        void Taro.showToast({ title: comment.status === 'held' ? '评论待审核后显示' : '已发表', icon: 'none' });
      } catch {
        // Shown by the request wrapper.
      }
    });
  };
  // A reader tells staff about a comment (it stays shown until they decide); once filed, 举报 is not offered again.
  const report = (comment: StoryCommentDto) =>
    reportWithReason(async (reason) => {
      await reportStoryComment(comment.id, reason);
      setItems((current) => (current ?? []).map((c) => (c.id === comment.id ? { ...c, mayReport: false } : c)));
    });
  const remove = async (comment: StoryCommentDto) => {
    try {
      await deleteStoryComment(comment.id);
      setItems((current) => (current ?? []).filter((c) => c.id !== comment.id));
      if (comment.status === 'published') onCounted(story.commentCount - 1);
    } catch {
      // Shown by the request wrapper.
    }
  };

  return (
    <View className="story-comments">
      <Text className="story-comments__title">评论 {story.commentCount}</Text>
      <View className="story-comments__compose">
        <Textarea
          className="story-comments__input"
          value={text}
          maxlength={STORY_LIMITS.comment}
          placeholder="说点什么…"
          autoHeight
          onInput={(e) => setText(e.detail.value)}
        />
        <Button className="story-comments__send" type="primary" size="small" shape="round" loading={busy} onClick={() => void send()}>
          发表
        </Button>
      </View>
      {(items ?? []).map((comment) => (
        <View key={comment.id} className="story-comment">
          <Text className="story-comment__who">
            {comment.author.displayName} · {formatShanghaiShort(comment.createdAt)}
            {comment.status === 'held' ? ' · 审核中，仅自己可见' : ''}
          </Text>
          <Text className="story-comment__text">{comment.text}</Text>
          {comment.mayDelete || comment.mayReport ? (
            <View className="story-comment__actions">
              {comment.mayDelete ? (
                <Text className="story-comment__delete" onClick={() => void remove(comment)}>
                  删除
                </Text>
              ) : null}
              {comment.mayReport ? (
                <Text className="story-comment__report" onClick={() => void report(comment)}>
                  举报
                </Text>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </View>
  );
}
