import { formatShanghaiShort, GROUP_POST_LIMITS, type GroupCommentDto, type GroupPostDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Input, Text, View } from '@tarojs/components';
import Taro, { useReachBottom, useRouter } from '@tarojs/taro';
import { useCallback, useEffect, useState } from 'react';
import {
  createGroupComment,
  deleteGroupComment,
  deleteGroupPost,
  getGroupPost,
  listGroupComments,
  reportGroupComment,
  reportGroupPost,
  setGroupPostPinned,
} from '../../../../api/group-posts';
import { ApiError } from '../../../../api/request';
import { EmptyState } from '../../../../components/empty-state';
import { ErrorState } from '../../../../components/error-state';
import { EventPagedList } from '../../../../components/event-paged-list';
import { AuthorAvatar, GroupPostCard } from '../../../../components/group-post-card';
import { groupUrl } from '../../../../components/group-urls';
import { usePagedList, useReloadOnReturn } from '../../../../pages/events/use-paged-list';
import { reportWithReason } from '../../../../components/report-reasons';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

type PostState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; post: GroupPostDto };

const COMMENT_PAGE = 20;
const COMPOSE_URL = '/packages/groups/pages/compose/index';

export default function PostPage() {
  const { params } = useRouter();
  const id = params.id ?? '';
  const [state, setState] = useState<PostState>({ status: 'loading' });

  const load = useCallback(async () => {
    try {
      setState({ status: 'ready', post: await getGroupPost(id) });
    } catch (error) {
      setState({ status: 'failed', message: error instanceof ApiError ? error.message : '网络异常，请稍后重试' });
    }
  }, [id]);
  useEffect(() => {
    void load();
  }, [load]);

  const comments = usePagedList<GroupCommentDto>((cursor) => listGroupComments(id, { cursor, limit: COMMENT_PAGE }), id);
  useReachBottom(() => void comments.loadMore());
  // Back from editing: the text, images or status may have changed.
  useReloadOnReturn(async (quiet) => {
    await Promise.all([load(), comments.reload(quiet)]);
  });

  if (state.status === 'loading') return <Skeleton className="post-page-skeleton" rows={8} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { post } = state;
  const setPost = (next: GroupPostDto) => setState({ status: 'ready', post: next });

  return (
    <View className="post-page">
      <Text className="post-page__group" onClick={() => void Taro.navigateTo({ url: groupUrl(post.group.id) })}>
        {post.group.name} ›
      </Text>
      <GroupPostCard post={post} full onChange={setPost} />
      <PostActions post={post} onChange={setPost} />

      <Text className="post-page__section">评论 {post.commentCount}</Text>
      <EventPagedList
        state={comments.state}
        empty={<EmptyState title="还没有评论" description="说点什么吧" />}
        onRetry={() => void comments.reload()}
        onMore={() => void comments.loadMore()}
        render={(comment) => (
          <Comment
            key={comment.id}
            comment={comment}
            onDeleted={() => {
              comments.update((items) => items.filter((c) => c.id !== comment.id));
              setPost({ ...post, commentCount: Math.max(0, post.commentCount - 1) });
            }}
          />
        )}
      />

      {post.mayComment ? (
        <CommentBar
          postId={post.id}
          onAdded={(comment) => {
            comments.update((items) => [...items, comment]);
            if (comment.status === 'published') setPost({ ...post, commentCount: post.commentCount + 1 });
          }}
        />
      ) : null}
    </View>
  );
}

function PostActions({ post, onChange }: { post: GroupPostDto; onChange: (post: GroupPostDto) => void }) {
  const { deleteAndLeave } = useSingleFlight();
  const remove = () =>
    deleteAndLeave({ title: '删除动态', content: '删除后无法恢复，评论和点赞也将一并删除。' }, () => deleteGroupPost(post.id));
  const pin = async () => {
    try {
      onChange(await setGroupPostPinned(post.id, !post.pinned));
    } catch {
      // The request wrapper showed why (e.g. at most 3 pinned).
    }
  };
  return (
    <View className="post-actions">
      {post.mayPin ? (
        <Text className="post-action post-pin" onClick={() => void pin()}>
          {post.pinned ? '取消置顶' : '置顶为公告'}
        </Text>
      ) : null}
      {post.mayEdit ? (
        <Text className="post-action post-edit" onClick={() => void Taro.navigateTo({ url: `${COMPOSE_URL}?postId=${post.id}` })}>
          编辑
        </Text>
      ) : null}
      {post.mayDelete ? (
        <Text className="post-action post-delete" onClick={() => void remove()}>
          删除
        </Text>
      ) : null}
      {post.mayReport ? (
        <Text className="post-action post-report" onClick={() => void reportWithReason((reason) => reportGroupPost(post.id, reason))}>
          举报
        </Text>
      ) : null}
    </View>
  );
}

function Comment({ comment, onDeleted }: { comment: GroupCommentDto; onDeleted: () => void }) {
  // A second tap while the question is up asks nothing and deletes nothing again.
  const { confirmThen } = useSingleFlight();
  const remove = () =>
    confirmThen({ title: '删除评论', content: '确定删除这条评论？', confirmText: '删除' }, async () => {
      try {
        await deleteGroupComment(comment.id);
        onDeleted();
      } catch {
        // The request wrapper showed why.
      }
    });
  return (
    <View className={`post-comment${comment.status === 'held' ? ' post-comment--held' : ''}`}>
      <AuthorAvatar author={comment.author} small />
      <View className="post-comment__body">
        <View className="post-comment__head">
          <Text className="post-comment__author">{comment.author.displayName}</Text>
          <Text className="post-comment__time">{formatShanghaiShort(comment.createdAt)}</Text>
        </View>
        <Text className="post-comment__text">{comment.text}</Text>
        <View className="post-comment__foot">
          {comment.status === 'held' ? <Text className="post-comment__held">审核中，仅自己可见</Text> : null}
          {comment.mayReport ? (
            <Text
              className="post-comment__report"
              onClick={() => void reportWithReason((reason) => reportGroupComment(comment.id, reason))}
            >
              举报
            </Text>
          ) : null}
          {comment.mayDelete ? (
            <Text className="post-comment__delete" onClick={() => void remove()}>
              删除
            </Text>
          ) : null}
        </View>
      </View>
    </View>
  );
}

function CommentBar({ postId, onAdded }: { postId: string; onAdded: (comment: GroupCommentDto) => void }) {
  const [text, setText] = useState('');
  const { busy, run } = useSingleFlight();
  const [refusal, setRefusal] = useState<string | null>(null);

  const send = async () => {
    const trimmed = text.trim();
    if (!trimmed) return;
    await run(async () => {
      setRefusal(null);
      try {
        const comment = await createGroupComment(postId, trimmed);
        setText('');
        onAdded(comment);
        if (comment.status === 'held') void Taro.showToast({ title: '评论审核中，仅自己可见', icon: 'none' });
      } catch (error) {
        if (error instanceof ApiError && error.code === 'CONTENT_RISKY') setRefusal(error.message);
      }
    });
  };

  return (
    <View className="comment-bar">
      {refusal ? <Text className="comment-bar__refusal">{refusal}</Text> : null}
      <View className="comment-bar__row">
        <Input
          className="comment-bar__input"
          value={text}
          maxlength={GROUP_POST_LIMITS.comment}
          placeholder="写评论…"
          confirmType="send"
          onInput={(e) => setText(e.detail.value)}
          onConfirm={() => void send()}
        />
        <Button
          className="comment-bar__send"
          type="primary"
          size="small"
          shape="round"
          loading={busy}
          disabled={text.trim() === ''}
          onClick={() => void send()}
        >
          发送
        </Button>
      </View>
    </View>
  );
}
