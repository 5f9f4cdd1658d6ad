import { GROUP_POST_LIMITS, type GroupPostDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Text, Textarea, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { createGroupPost, getGroupPost, updateGroupPost, uploadGroupPostImage } from '../../../../api/group-posts';
import { askForMessages, prefetchMessageTemplates } from '../../../../api/notifications';
import { ApiError } from '../../../../api/request';
import { postUrl } from '../../../../components/group-urls';
import { PhotoPicker } from '../../../../components/photo-picker';
import { type PickedPhoto, uploadedValues } from '../../../../components/picked-photos';
import { useSingleFlight } from '../../../../components/use-single-flight';
import { composeProblem, textLength } from '../../compose-form';
import './index.scss';

/** A new post (`?groupId=`), or the author's edit of one (`?postId=`). */
export default function ComposePage() {
  const { params } = useRouter();
  const groupId = params.groupId ?? '';
  const postId = params.postId;
  const [loading, setLoading] = useState(postId !== undefined);
  const [text, setText] = useState('');
  const [images, setImages] = useState<PickedPhoto[]>([]);
  const { busy: sending, run } = useSingleFlight();
  const [refusal, setRefusal] = useState<string | null>(null);
  const [held, setHeld] = useState<GroupPostDto | null>(null);
  useEffect(() => void prefetchMessageTemplates(), []);

  useEffect(() => {
    if (!postId) return;
    void Taro.setNavigationBarTitle({ title: '编辑动态' });
    getGroupPost(postId).then(
      (post) => {
        setText(post.text);
        setImages(post.images.map((i): PickedPhoto => ({ path: i.url, status: 'done', progress: 100, value: i.id })));
        setLoading(false);
      },
      // The request wrapper showed why; there is nothing to edit.
      () => void Taro.navigateBack(),
    );
  }, [postId]);

  const length = textLength(text);
  const problem = composeProblem(text, images);

  const submit = async () => {
    if (problem) return;
    // Sent, the page goes back, or shows the held notice in place of the form: either way a tap
    // meanwhile posts nothing again. A refusal rejects, which ends the flight, so the next tap may try again.
    await run(
      async () => {
        setRefusal(null);
        // A new post may get replies: ask (in the tap, as WeChat requires) to hear of them.
        if (!postId) await askForMessages(['postReply']);
        const input = { text: text.trim(), imageIds: uploadedValues(images) };
        const post = postId ? await updateGroupPost(postId, input) : await createGroupPost(groupId, input);
        if (post.status === 'held') {
          setHeld(post);
        } else {
          void Taro.showToast({ title: postId ? '已保存' : '已发布', icon: 'success' });
          void Taro.navigateBack();
        }
      },
      { leaves: true },
    ).catch((error: unknown) => {
      // Risky text stays in the box with the server's reason, so it can be edited and sent again.
      if (error instanceof ApiError && error.code === 'CONTENT_RISKY') setRefusal(error.message);
    });
  };

  if (loading) return <Skeleton className="compose-skeleton" rows={6} animated />;
  if (held) {
    return (
      <View className="compose-held">
        <View className="compose-held__mark">
          <Text>审</Text>
        </View>
        <Text className="compose-held__title">审核中，仅自己可见</Text>
        <Text className="compose-held__text">
          你的动态需要校友会工作人员复核，通过后群成员就能看到。在此之前，它只在你自己的群动态里显示。
        </Text>
        <View className="compose-held__actions">
          {postId ? null : (
            <Button shape="round" onClick={() => void Taro.redirectTo({ url: postUrl(held.id) })}>
              查看这条动态
            </Button>
          )}
          <Button className="compose-held__back" type="primary" shape="round" onClick={() => void Taro.navigateBack()}>
            返回群组
          </Button>
        </View>
      </View>
    );
  }

  return (
    <View className="compose">
      {refusal ? <Text className="compose-refusal">{refusal}</Text> : null}
      <View className="compose-box">
        <Textarea
          className="compose-text"
          value={text}
          maxlength={-1}
          autoHeight
          placeholder="分享近况、活动或招聘信息……所有内容将经过内容安全检查"
          onInput={(e) => {
            setText(e.detail.value);
            setRefusal(null);
          }}
        />
        <Text className={length > GROUP_POST_LIMITS.text ? 'compose-counter compose-counter--over' : 'compose-counter'}>
          {length}/{GROUP_POST_LIMITS.text}
        </Text>
      </View>

      <View className="compose-images">
        <PhotoPicker
          photos={images}
          onChange={setImages}
          max={GROUP_POST_LIMITS.images}
          upload={async (path, onProgress) => (await uploadGroupPostImage(path, { onProgress })).id}
        />
      </View>

      <View className="compose-footer">
        {problem && length > 0 ? <Text className="compose-problem">{problem}</Text> : null}
        <Button
          className="compose-submit"
          type="primary"
          shape="round"
          block
          loading={sending}
          disabled={problem !== null}
          onClick={() => void submit()}
        >
          {postId ? '保存' : '发布'}
        </Button>
      </View>
    </View>
  );
}
