import type { GroupCommentPermissions, GroupMemberRole, GroupPostPermissions } from '@alumni/shared';

/** The viewer in one group's feed: their role (null when not an active member), mute, staff rights. */
export interface FeedStanding {
  viewerId: string;
  role: GroupMemberRole | null;
  muted: boolean;
  staff: boolean;
}

/**
 * The feed's rules in one place: FeedAccessService enforces them on every write, and the
 * presenter turns them into the `may…` flags, so a button shows exactly when its route works.
 */

/** Liking and reporting: members (muted ones too); staff anywhere. */
export const mayReact = (s: FeedStanding): boolean => s.staff || s.role !== null;

/** Posting, commenting and editing: members who are not muted; staff anywhere. */
export const maySpeak = (s: FeedStanding): boolean => s.staff || (s.role !== null && !s.muted);

/** Pinning, and deleting anyone's post or comment: the group's owner and admins, and staff. */
export const moderates = (s: FeedStanding): boolean => s.staff || s.role === 'owner' || s.role === 'admin';

/** A post or comment as the rules see it. */
interface Item {
  authorId: string;
  status: string;
}

/** Nobody reports their own words. */
const mayReport = (item: Item, s: FeedStanding) => item.status === 'published' && mayReact(s) && item.authorId !== s.viewerId;

/** The flags that hold; the answers leave the others out (a feed page has dozens, most of them no). */
function granted<K extends string>(flags: Record<K, boolean>): Partial<Record<K, true>> {
  return Object.fromEntries(Object.entries(flags).filter(([, yes]) => yes)) as Partial<Record<K, true>>;
}

export function postPermissions(post: Item, s: FeedStanding): GroupPostPermissions {
  const published = post.status === 'published';
  const own = post.authorId === s.viewerId;
  return granted({
    mayLike: published && mayReact(s),
    mayComment: published && maySpeak(s),
    mayEdit: own && maySpeak(s),
    mayDelete: own || moderates(s),
    mayReport: mayReport(post, s),
    mayPin: published && moderates(s),
  });
}

export function commentPermissions(comment: Item, s: FeedStanding): GroupCommentPermissions {
  return granted({ mayDelete: comment.authorId === s.viewerId || moderates(s), mayReport: mayReport(comment, s) });
}
