import { MEMORY_LIMITS, type MemoryCommentDto, type TagCandidateDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Input, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useState } from 'react';
import { mediaUrl } from '../../../../api/media';
import {
  createPhotoComment,
  decidePhotoTag,
  deleteMemoryPhoto,
  deletePhotoComment,
  getMemoryPhoto,
  listPhotoComments,
  listTagCandidates,
  reportMemoryPhoto,
  reportPhotoComment,
  setPresence,
  tagMemoryPhoto,
} from '../../../../api/old-photos';
import { loadSession } from '../../../../api/session';
import { ErrorState } from '../../../../components/error-state';
import { reportWithReason } from '../../../../components/report-reasons';
import { useLoaded } from '../../../../components/use-loaded';
import { myPendingTag, presenceLine, statusNotice, tagLabel, taggedMe, whenWhere } from '../../photo-view';
import { useSingleFlight } from '../../../../components/use-single-flight';
import './index.scss';

const load = async (id: string) => {
  const [photo, comments] = await Promise.all([getMemoryPhoto(id), listPhotoComments(id, { limit: 50 })]);
  return { photo, comments: comments.items };
};

/** An old photo: who is in it (names shown once they agreed), 我在这里, comments; tag myself or a classmate. */
export default function PhotoPage() {
  const { params } = useRouter();
  const { state, reload, update } = useLoaded(params.id, load, '照片不存在');
  const { busy, run, confirmThen, deleteAndLeave } = useSingleFlight();
  const [candidates, setCandidates] = useState<TagCandidateDto[] | null>(null);
  const [comment, setComment] = useState('');
  const me = loadSession()?.alumnus.id ?? null;

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void reload()} />;
  const { photo, comments } = state;

  /** Runs an action, then reads the photo again (tags and counts come from the server). */
  const act = (action: () => Promise<unknown>, done?: string) =>
    run(async () => {
      try {
        await action();
        update({ photo: await getMemoryPhoto(photo.id) });
        if (done) void Taro.showToast({ title: done, icon: 'success' });
      } catch {
        // Shown by the request wrapper.
      }
    });

  const pickClassmates = async () => {
    try {
      setCandidates(await listTagCandidates(photo.id));
    } catch {
      // Shown by the request wrapper.
    }
  };

  const tagClassmate = async (person: TagCandidateDto) => {
    setCandidates((list) => list?.filter((c) => c.id !== person.id) ?? null);
    await act(() => tagMemoryPhoto(photo.id, { alumnusId: person.id }), '已标记，等待本人确认');
  };

  const sendComment = async () => {
    const text = comment.trim();
    if (text === '') return;
    await run(async () => {
      try {
        const created = await createPhotoComment(photo.id, text);
        setComment('');
        update({
          comments: [...comments, created],
          photo: { ...photo, commentCount: photo.commentCount + (created.status === 'published' ? 1 : 0) },
        });
        if (created.status === 'held') void Taro.showToast({ title: '评论审核中，仅自己可见', icon: 'none' });
      } catch {
        // Shown by the request wrapper (risky text: CONTENT_RISKY).
      }
    });
  };

  // The deletions ask inside the page's flight: a second tap while the question is up asks nothing and deletes nothing again.
  const removeComment = (item: MemoryCommentDto) =>
    confirmThen({ title: '删除评论', content: '删除后不可恢复。', confirmText: '删除' }, async () => {
      try {
        await deletePhotoComment(item.id);
        update({ comments: comments.filter((c) => c.id !== item.id) });
      } catch {
        // Shown by the request wrapper.
      }
    });

  const remove = () =>
    deleteAndLeave({ title: '删除照片', content: '删除后照片墙上不再显示，标记和评论一并删除。' }, () => deleteMemoryPhoto(photo.id));

  const notice = statusNotice(photo);
  const pending = myPendingTag(photo);
  const presence = presenceLine(photo);
  const full = mediaUrl(photo.url);

  return (
    <View className="op-photo">
      <Image className="op-photo__img" src={full} mode="widthFix" onClick={() => void Taro.previewImage({ urls: [full], current: full })} />
      {notice ? <Text className="op-photo__notice">{notice}</Text> : null}

      <View className="op-card">
        <Text className="op-photo__caption">{photo.caption}</Text>
        <Text className="op-muted">
          {whenWhere(photo)}
          {photo.classGroup ? ` · ${photo.classGroup.name}` : ''}
          {photo.uploader ? ` · ${photo.uploader.displayName} 上传` : ''}
        </Text>
      </View>

      {pending ? (
        <View className="op-card op-consent">
          <Text className="op-consent__text">有校友在这张照片里标记了你。同意后，你的名字会显示在照片下方。</Text>
          <View className="op-consent__actions">
            <Button
              className="op-consent__accept"
              type="primary"
              shape="round"
              size="small"
              loading={busy}
              onClick={() => void act(() => decidePhotoTag(pending.id, true), '已显示你的名字')}
            >
              同意显示
            </Button>
            <Button
              className="op-consent__decline"
              shape="round"
              size="small"
              onClick={() => void act(() => decidePhotoTag(pending.id, false), '已移除标记')}
            >
              不是我
            </Button>
          </View>
        </View>
      ) : null}

      <View className="op-card op-people">
        <Text className="op-card__title">照片里有</Text>
        {photo.tags.length === 0 ? <Text className="op-muted">还没有人被标记，认出谁了就标记一下吧。</Text> : null}
        <View className="op-people__tags">
          {photo.tags.map((tag) => (
            <Text key={tag.id} className={`op-person op-person--${tag.status}`}>
              {tagLabel(tag)}
            </Text>
          ))}
        </View>
        {presence ? <Text className="op-people__presence">{presence}</Text> : null}
        {photo.mayTag ? (
          <View className="op-people__actions">
            <Button
              className={`op-here ${photo.presentByMe ? 'op-here--on' : ''}`}
              size="small"
              shape="round"
              type={photo.presentByMe ? 'default' : 'primary'}
              onClick={() => void act(() => setPresence(photo.id, !photo.presentByMe), photo.presentByMe ? undefined : '我在这里')}
            >
              {photo.presentByMe ? '已说：我在这里' : '我在这里'}
            </Button>
            {me && !taggedMe(photo) ? (
              <Button
                className="op-tag-me"
                size="small"
                shape="round"
                onClick={() => void act(() => tagMemoryPhoto(photo.id, { alumnusId: me }), '已标记自己')}
              >
                标记我自己
              </Button>
            ) : null}
            {photo.classGroup ? (
              <Button className="op-tag-classmate" size="small" shape="round" onClick={() => void pickClassmates()}>
                标记同学
              </Button>
            ) : null}
          </View>
        ) : null}
        {candidates !== null ? (
          <View className="op-candidates">
            <Text className="op-muted">点一位同学标记 TA，对方同意后名字才会显示。</Text>
            {candidates.length === 0 ? <Text className="op-muted">本班认证校友都已标记过了。</Text> : null}
            <View className="op-people__tags">
              {candidates
                .filter((c) => c.id !== me)
                .map((c) => (
                  <Text key={c.id} className="op-candidate" onClick={() => void tagClassmate(c)}>
                    {c.displayName}
                  </Text>
                ))}
            </View>
          </View>
        ) : null}
      </View>

      <View className="op-card op-comments">
        <Text className="op-card__title">留言 {photo.commentCount > 0 ? photo.commentCount : ''}</Text>
        {comments.map((c) => (
          <View key={c.id} className="op-comment">
            <Text className="op-comment__author">{c.author.displayName}</Text>
            {c.status === 'held' ? <Text className="op-comment__held">审核中，仅自己可见</Text> : null}
            <Text className="op-comment__text">{c.text}</Text>
            <View className="op-comment__actions">
              {c.mayDelete ? (
                <Text className="op-link" onClick={() => void removeComment(c)}>
                  删除
                </Text>
              ) : null}
              {c.mayReport ? (
                <Text className="op-link" onClick={() => void reportWithReason((reason) => reportPhotoComment(c.id, reason))}>
                  举报
                </Text>
              ) : null}
            </View>
          </View>
        ))}
        {photo.mayComment ? (
          <View className="op-comment-box">
            <Input
              className="op-comment-input"
              value={comment}
              maxlength={MEMORY_LIMITS.comment}
              placeholder="说说那时候的事"
              onInput={(e) => setComment(e.detail.value)}
              onConfirm={() => void sendComment()}
            />
            <Button
              className="op-comment-send"
              size="small"
              type="primary"
              shape="round"
              disabled={comment.trim() === ''}
              onClick={() => void sendComment()}
            >
              发送
            </Button>
          </View>
        ) : null}
      </View>

      <View className="op-photo__footer">
        {photo.mayReport ? (
          <Text className="op-link" onClick={() => void reportWithReason((reason) => reportMemoryPhoto(photo.id, reason))}>
            举报照片
          </Text>
        ) : null}
        {photo.mayDelete ? (
          <Text className="op-link op-photo__delete" onClick={() => void remove()}>
            删除照片
          </Text>
        ) : null}
      </View>
    </View>
  );
}
