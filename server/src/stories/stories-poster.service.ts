import { Injectable } from '@nestjs/common';
import { STORY_PAGE_PATH, storyScene } from '@alumni/shared';
import { MiniProgramCodesService } from '../mini-program-codes/mini-program-codes.service.js';
import type { ObjectContent } from '../storage/storage.port.js';
import { StoriesService } from './stories.service.js';

/** A published story's mini-program code for its poster: page STORY_PAGE_PATH, scene `s=<id>` (kept in storage once made). */
@Injectable()
export class StoriesPosterService {
  constructor(
    private readonly stories: StoriesService,
    private readonly codes: MiniProgramCodesService,
  ) {}

  async code(id: string): Promise<ObjectContent> {
    await this.stories.publishedId(id);
    return this.codes.image(STORY_PAGE_PATH, storyScene(id));
  }
}
