import { Skeleton } from '@nutui/nutui-react-taro';
import { Image, Text } from '@tarojs/components';
import { useRouter } from '@tarojs/taro';
import { useEffect, useState } from 'react';
import { mediaUrl } from '../../../../api/media';
import { getSchool } from '../../../../api/school';
import { getStory } from '../../../../api/stories';
import { ErrorState } from '../../../../components/error-state';
import type { DrawnCanvas, PaintContext, PictureLoader } from '../../../../components/drawn-image';
import { PosterView } from '../../../../components/poster-view';
import { paintPoster, POSTER_HEIGHT, POSTER_WIDTH, type PosterContent, posterContent } from '../../poster';
import './index.scss';

const CANVAS: DrawnCanvas = { id: 'story-poster-canvas', width: POSTER_WIDTH, height: POSTER_HEIGHT };

/** The poster's words and the pictures it draws (absolute URLs). */
type StoryPoster = PosterContent & { codeUrl: string; coverUrl: string | null };

type State = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; title: string; poster: StoryPoster };

/** The cover and code as pictures the canvas draws, then the poster. */
async function paint(ctx: PaintContext, poster: StoryPoster, picture: PictureLoader): Promise<void> {
  const [code, cover] = await Promise.all([picture(poster.codeUrl), poster.coverUrl ? picture(poster.coverUrl) : Promise.resolve(null)]);
  paintPoster(ctx, poster, { code, cover });
}

/**
 * A story's poster: its cover, title and summary with the mini-program code that opens it,
 * drawn on the phone (PosterView). If drawing fails the same words and the code show as they are.
 */
export default function StoryPosterPage() {
  const { params } = useRouter();
  const [state, setState] = useState<State>({ status: 'loading' });

  const load = async () => {
    setState({ status: 'loading' });
    try {
      const [story, school] = await Promise.all([getStory(params.id ?? ''), getSchool()]);
      if (!story.posterCodeUrl) throw new Error('not published');
      const poster = {
        ...posterContent(story, school.name),
        codeUrl: mediaUrl(story.posterCodeUrl),
        coverUrl: story.coverUrl ? mediaUrl(story.coverUrl) : null,
      };
      setState({ status: 'ready', title: story.title, poster });
    } catch {
      setState({ status: 'failed', message: '文章发布后才能生成海报' });
    }
  };
  useEffect(() => void load(), []);

  if (state.status === 'loading') return <Skeleton rows={10} animated />;
  if (state.status === 'failed') return <ErrorState message={state.message} onRetry={() => void load()} />;
  const { poster } = state;
  return (
    <PosterView
      name="story-poster"
      canvas={CANVAS}
      content={poster}
      paint={paint}
      fileName={`${state.title}.png`}
      fallback={
        <>
          <Text className="story-poster__kind">{poster.kind}</Text>
          <Text className="story-poster__title">{poster.title}</Text>
          {poster.summary ? <Text className="story-poster__summary">{poster.summary}</Text> : null}
          <Image className="story-poster__code" src={poster.codeUrl} mode="aspectFit" />
          <Text className="story-poster__hint">{poster.hint}</Text>
        </>
      }
    />
  );
}
