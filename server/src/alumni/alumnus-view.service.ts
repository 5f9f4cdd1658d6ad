import { Inject, Injectable } from '@nestjs/common';
import type { AlumnusCardDto, MyProfileDto } from '@alumni/shared';
import { ContentReviewsService } from '../content-security/content-reviews.service.js';
import { GroupsService } from '../groups/groups.service.js';
import { SchoolService } from '../school/school.service.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { type AlumnusCardSource, presentAlumnus, type ViewContext, type Viewer, visibilityOf } from './alumnus-view.js';
import type { AlumnusEntity } from './alumnus.entity.js';

/** Gathers what `presentAlumnus` needs (group peers, department names, URLs) for a set of rows. */
@Injectable()
export class AlumnusViewService {
  constructor(
    private readonly groups: GroupsService,
    private readonly school: SchoolService,
    private readonly reviews: ContentReviewsService,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
  ) {}

  /** `groupPeers` when the caller has already read them (the directory filters by them first). */
  async present(rows: AlumnusCardSource[], viewer: Viewer | null, groupPeers?: Set<string>): Promise<AlumnusCardDto[]> {
    const context = await this.context(rows, viewer, groupPeers);
    return rows.map((row) => presentAlumnus(row, context));
  }

  /** The owner's own view: every field, plus the visibility they chose for each. */
  async presentOwn(row: AlumnusEntity): Promise<MyProfileDto> {
    const [card] = await this.present([row], { id: row.id, roles: row.roles });
    return {
      ...card!,
      verifiedAt: row.verifiedAt?.toISOString() ?? null,
      roles: row.roles,
      visibility: visibilityOf(row),
      pendingReview: await this.reviews.waitingTexts('profile-text', row.id),
    };
  }

  /** The viewer's group peers, for filtering the directory by "groups"-visible fields. */
  groupPeersOf(viewer: Viewer | null): Promise<Set<string>> {
    return this.groups.sharedGroupMembers(viewer?.id ?? null);
  }

  private async context(rows: AlumnusCardSource[], viewer: Viewer | null, knownPeers?: Set<string>): Promise<ViewContext> {
    const [groupPeers, departments] = await Promise.all([
      knownPeers ?? this.groupPeersOf(viewer),
      this.school.departmentNames(rows.flatMap((row) => (row.departmentId === null ? [] : [row.departmentId]))),
    ]);
    return { viewer, groupPeers, departments, urlFor: (key) => this.storage.urlFor(key) };
  }
}
