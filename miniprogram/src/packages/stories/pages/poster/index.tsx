import type { StoryDto } from '@alumni/shared';
import { Button, Skeleton } from '@nutui/nutui-react-taro';
import { Canvas, Image, Text, View } from '@tarojs/components';
import Taro, { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { mediaUrl } from '../../../../api/media';
import { getSchool } from '../../../../api/school';
import { getStory } from '../../../../api/stories';
import { ErrorState } from '../../../../components/error-state';
import { saveImage } from '../../../../components/save-image';
import { findCanvasNode } from '../../../../components/weapp-canvas-node';
import { paintPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, posterContent } from '../../poster';
import './index.scss';

const IS_WEAPP = process.env.TARO_ENV === 'weapp';
const CANVAS_ID = 'story-poster-canvas';

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
      {IS_WEAPP ? <Canvas type="2d" id={CANVAS_ID} className="story-poster__canvas" style={{ width: '375px', height: '600px' }} /> : null}
    </View>
  );
}

/** The cover and code as pictures the canvas draws, then the poster as a file (WeChat) or a data URL (the browser). */
async function draw(story: StoryDto, content: PosterContent): Promise<string> {
  const codeUrl = mediaUrl(story.posterCodeUrl!);
  const coverUrl = story.coverUrl ? mediaUrl(story.coverUrl) : null;
  if (!IS_WEAPP) {
    const canvas = document.createElement('canvas');
    canvas.width = POSTER_WIDTH;
    canvas.height = POSTER_HEIGHT;
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d canvas');
    const [code, cover] = await Promise.all([browserImage(codeUrl), coverUrl ? browserImage(coverUrl) : Promise.resolve(null)]);
    paintPoster(ctx, content, { code, cover });
    return canvas.toDataURL('image/png');
  }
  const found = await findCanvasNode(CANVAS_ID);
  if (!found) throw new Error('poster canvas not found');
  const node = found.node as typeof found.node & { createImage(): { src: string; onload: () => void; onerror: () => void } };
  node.width = POSTER_WIDTH;
  node.height = POSTER_HEIGHT;
  const picture = async (url: string) => {
    const { tempFilePath } = await Taro.downloadFile({ url });
    return new Promise<CanvasImageSource>((resolve, reject) => {
      const image = node.createImage();
      image.onload = () => resolve(image as unknown as CanvasImageSource);
      image.onerror = reject;
      image.src = tempFilePath;
    });
  };
  const [code, cover] = await Promise.all([picture(codeUrl), coverUrl ? picture(coverUrl) : Promise.resolve(null)]);
  paintPoster(node.getContext('2d'), content, { code, cover });
  const { tempFilePath } = await Taro.canvasToTempFilePath({
    canvas: node as never,
    destWidth: POSTER_WIDTH,
    destHeight: POSTER_HEIGHT,
  } as Taro.canvasToTempFilePath.Option);
  return tempFilePath;
}

function browserImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new window.Image();
    image.onload = () => resolve(image);
    image.onerror = reject;
    image.src = url;
  });
}
