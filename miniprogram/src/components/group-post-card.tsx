import {
  formatShanghaiShort,
  type GroupFeedPostDto,
  type GroupPostAuthorDto,
  type GroupPostDto,
  type GroupPostImageDto,
  postImageThumbnailUrl,
} from '@alumni/shared';
import { Image, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { setGroupPostLiked } from '../api/group-posts';
import { groupUrl, postUrl } from './group-urls';
import './group-post-card.scss';
import { mediaUrl } from '../api/media';
import { useSingleFlight } from './use-single-flight';

interface GroupPostCardProps<P extends GroupFeedPostDto> {
  /** As a group's own feed has it (without the group), or with it. */
  post: P;
  /** The "my groups" feed names the group each post is from. */
  from?: GroupPostDto['group'];
  /** The post page shows the whole text and opens nothing on a tap. */
  full?: boolean;
  onChange?: (post: P) => void;
}

/** A post in a feed or on its own page: author, text, up to nine images, its state, likes and comments. */
export function GroupPostCard<P extends GroupFeedPostDto>({ post, from, full = false, onChange }: GroupPostCardProps<P>) {
  const { run } = useSingleFlight();
  const open = full ? undefined : () => void Taro.navigateTo({ url: postUrl(post.id) });

  const toggleLike = async () => {
    // The server says who may like (members, published posts); others see the count only.
    if (!post.mayLike) return;
    await run(async () => {
      try {
        const result = await setGroupPostLiked(post.id, !post.likedByMe);
        // The server leaves `likedByMe` out when false; so does the card.
        onChange?.({ ...post, likedByMe: result.liked || undefined, likeCount: result.likeCount });
      } catch {
        // The request wrapper showed why.
      }
    });
  };

  return (
    <View className={`group-post${post.status === 'held' ? ' group-post--held' : ''}`}>
      <View className="group-post__head" onClick={open}>
        <AuthorAvatar author={post.author} />
        <View className="group-post__who">
          <Text className="group-post__author">{post.author.displayName}</Text>
          <Text className="group-post__time">
            {formatShanghaiShort(post.createdAt)}
            {post.editedAt ? ' · 已编辑' : ''}
          </Text>
        </View>
        {post.pinned ? <Text className="group-post__pinned">置顶公告</Text> : null}
      </View>
      {post.status === 'held' ? <Text className="group-post__held">审核中，仅自己可见</Text> : null}
      <Text className={full ? 'group-post__text' : 'group-post__text group-post__text--clamped'} onClick={open}>
        {post.text}
      </Text>
      {post.images.length > 0 ? <ImageGrid images={post.images} /> : null}
      {from ? (
        <Text className="group-post__group" onClick={() => void Taro.navigateTo({ url: groupUrl(from.id) })}>
          来自 {from.name}
        </Text>
      ) : null}
      <View className="group-post__foot">
        <Text
          className={`group-post__like${post.likedByMe ? ' group-post__like--on' : ''}${post.mayLike ? '' : ' group-post__like--off'}`}
          onClick={() => void toggleLike()}
        >
          {post.likedByMe ? '♥' : '♡'} {post.likeCount > 0 ? post.likeCount : '赞'}
        </Text>
        <Text className="group-post__comments" onClick={open}>
          评论{post.commentCount > 0 ? ` ${post.commentCount}` : ''}
        </Text>
      </View>
    </View>
  );
}

export function AuthorAvatar({ author, small = false }: { author: GroupPostAuthorDto; small?: boolean }) {
  const className = small ? 'group-author group-author--small' : 'group-author';
  if (author.avatarUrl) return <Image className={className} src={mediaUrl(author.avatarUrl)} mode="aspectFill" />;
  return (
    <View className={className}>
      <Text className="group-author__initial">{author.displayName.slice(0, 1)}</Text>
    </View>
  );
}

/**
 * One image large, more in a grid of three; a tap opens the viewer on that image at full size.
 * Grid cells are small, so they load the thumbnails; a single image spans the card and needs the picture.
 */
export function ImageGrid({ images }: { images: GroupPostImageDto[] }) {
  const urls = images.map((i) => mediaUrl(i.url));
  const single = images.length === 1;
  const shown = single ? urls : images.map((i) => mediaUrl(postImageThumbnailUrl(i.url)));
  return (
    <View className={single ? 'group-post__images group-post__images--single' : 'group-post__images'}>
      {images.map((image, i) => (
        <Image
          key={image.id}
          className="group-post__image"
          src={shown[i]}
          mode={single ? 'widthFix' : 'aspectFill'}
          onClick={() => void Taro.previewImage({ urls, current: urls[i] })}
        />
      ))}
    </View>
  );
}
