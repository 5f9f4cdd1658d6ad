import type { StoryDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text, View } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { mediaUrl } from '../../../../api/media';
import { getSchool } from '../../../../api/school';
import { getStory } from '../../../../api/stories';
import { ErrorState } from '../../../../components/error-state';
import { DrawingCanvas, type DrawnCanvas, drawImage } from '../../../../components/drawn-image';
import { saveImage } from '../../../../components/save-image';
import { paintPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, posterContent } from '../../poster';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const CANVAS: DrawnCanvas = { id: 'story-poster-canvas', width: POSTER_WIDTH, height: POSTER_HEIGHT };

type State =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; story: StoryDto; content: PosterContent; src: string | null };

/**
 * A story's poster: its cover, title and summary with the mini-program code that opens it,
 * drawn on the phone (WeChat: a canvas exported to a file to save to the album; the browser:
 * an image to download). If drawing fails the same words and the code show as they are.
 */
export default function StoryPosterPage() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = async () => {
    setState({ status: 'loading' });
    try {
      const [story, school] = await Promise.all([getStory(params.id ?? ''), getSchool()]);
      if (!story.posterCodeUrl) throw new Error('not published');
      const content = posterContent(story, school.name);
      setState({ status: 'ready', story, content, src: null });
      const src = await draw(story, content).catch(() => null);
      setState({ status: 'ready', story, content, src });
    } catch {
      setState({ status: 'failed', message: '文章发布后才能生成海报' });
    }
  };
  useEffect(() => void load(), []);

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { story, content, src } = state;
  return (
    <View className="story-poster">
      {src ? (
        <Image className="story-poster__image" src={src} mode="widthFix" showMenuByLongpress />
      ) : (
        <View className="story-poster__fallback">
          <Text className="story-poster__kind">{content.kind}</Text>
          <Text className="story-poster__title">{content.title}</Text>
          {content.summary ? <Text className="story-poster__summary">{content.summary}</Text> : null}
          <Image className="story-poster__code" src={mediaUrl(story.posterCodeUrl!)} mode="aspectFit" />
          <Text className="story-poster__hint">{content.hint}</Text>
        </View>
      )}
      {src ? (
        <Button
          className="story-poster__save"
          type="primary"
          shape="round"
          block
          onClick={() => void saveImage(src, `${story.title}.png`, '保存海报')}
        >
          {IS_WEAPP ? '保存到相册' : '下载海报'}
        </Button>
      ) : null}
      <DrawingCanvas canvas={CANVAS} className="story-poster__canvas" />
    </View>
  );
}

/** The cover and code as pictures the canvas draws, then the poster as a file (WeChat) or a data URL (the browser). */
function draw(story: StoryDto, content: PosterContent): Promise<string> {
  const codeUrl = mediaUrl(story.posterCodeUrl!);
  const coverUrl = story.coverUrl ? mediaUrl(story.coverUrl) : null;
  return drawImage(CANVAS, async (ctx, picture) => {
    const [code, cover] = await Promise.all([picture(codeUrl), coverUrl ? picture(coverUrl) : Promise.resolve(null)]);
    paintPoster(ctx, content, { code, cover });
  });
}
