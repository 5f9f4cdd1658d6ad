import { STORY_PAGE_PATH, type StoryDto, storyIdOfScene } from '@alumni/shared';
import { mediaUrl } from '../../api/media';
import { recordIdOf } from '../../components/scene-params';

export const STORY_URL = `/${STORY_PAGE_PATH}`;
export const STORIES_URL = '/packages/stories/pages/index/index';
export const MY_STORIES_URL = `${STORIES_URL}?mine=1`;
export const STORY_EDITOR_URL = '/packages/stories/pages/editor/index';
export const STORY_POSTER_URL = '/packages/stories/pages/poster/index';

export const storyUrl = (id: string) => `${STORY_URL}?id=${id}`;

/** The story a page was opened for: `?id=` (lists, share cards, notices) or `?scene=` (the poster's mini-program code). */
export const storyIdOf = (params: Record<string, string | undefined>) => recordIdOf(params, storyIdOfScene);

/** The card of a story shared to a chat (onShareAppMessage): its title, its cover, the page that opens it. */
export function storyShareCard(story: Pick<StoryDto, 'id' | 'title' | 'coverUrl'>): { title: string; path: string; imageUrl?: string } {
  return { title: story.title, path: storyUrl(story.id), ...(story.coverUrl ? { imageUrl: mediaUrl(story.coverUrl) } : {}) };
}

/** The same story shared to Moments (onShareTimeline): WeChat opens this page with `query`. */
export function storyTimelineCard(story: Pick<StoryDto, 'id' | 'title' | 'coverUrl'>): { title: string; query: string; imageUrl?: string } {
  return { title: story.title, query: `id=${story.id}`, ...(story.coverUrl ? { imageUrl: mediaUrl(story.coverUrl) } : {}) };
}
