import { MEMORY_LIMITS, type MemoryPhotoDto, type PhotoTagDto } from '@alumni/shared';

/** What the photo page and the walls say about an old photo; pure, so it is tested without a page. */

/** The year in Beijing now: no photo is from a later one. */
export function thisYear(now: Date = new Date()): number {
  return Number(new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(now));
}

/** A year as typed (a photo's, a search's): four digits from the earliest year a photo may be from to this one, else null. */
export function typedYear(text: string, now: Date = new Date()): number | null {
  const value = text.trim();
  const year = Number(value);
  return /^\d{4}$/.test(value) && year >= MEMORY_LIMITS.earliestYear && year <= thisYear(now) ? year : null;
}

export interface UploadForm {
  imageId: string | null;
  uploading: boolean;
  year: string;
  place: string;
  caption: string;
}

/** Why the upload form cannot be sent yet, or null. */
export function uploadProblem(form: UploadForm, now: Date = new Date()): string | null {
  if (form.uploading) return '照片上传中，请稍候';
  if (form.imageId === null) return '请选择一张老照片';
  if (typedYear(form.year, now) === null) return `请填写拍摄年份（${MEMORY_LIMITS.earliestYear}–${thisYear(now)}）`;
  if (form.caption.trim() === '') return '请写一句照片说明';
  if ([...form.caption.trim()].length > MEMORY_LIMITS.caption) return `照片说明最多 ${MEMORY_LIMITS.caption} 字`;
  if ([...form.place.trim()].length > MEMORY_LIMITS.place) return `地点最多 ${MEMORY_LIMITS.place} 字`;
  return null;
}

/** For the uploader while the photo is not shown yet; null once everyone sees it. */
export function statusNotice(photo: Pick<MemoryPhotoDto, 'status'>): string | null {
  if (photo.status === 'checking') return '图片审核中，通过后同学们就能看到，目前仅你自己可见。';
  if (photo.status === 'held') return '照片或说明需要校友会工作人员复核，通过后同学们就能看到。';
  return null;
}

/** One tag as the viewer reads it: a name, or a name waiting for its owner's answer. */
export function tagLabel(tag: PhotoTagDto): string {
  const name = tag.isMe ? '我' : (tag.alumnus?.displayName ?? '校友');
  if (tag.status === 'accepted') return name;
  return tag.isMe ? '我（待我确认）' : `${name}（待本人确认）`;
}

/** A tag of me that waits for my answer: the page asks whether my name may show. */
export function myPendingTag(photo: Pick<MemoryPhotoDto, 'tags'>): PhotoTagDto | null {
  return photo.tags.find((tag) => tag.isMe && tag.status === 'pending') ?? null;
}

/** Whether I am tagged (accepted): then 标记我自己 is done. */
export function taggedMe(photo: Pick<MemoryPhotoDto, 'tags'>): boolean {
  return photo.tags.some((tag) => tag.isMe && tag.status === 'accepted');
}

/** `张三、李四等 5 位校友说：我在这里`. */
export function presenceLine(photo: Pick<MemoryPhotoDto, 'presenceCount' | 'presenceNames'>): string | null {
  if (photo.presenceCount === 0) return null;
  const names = photo.presenceNames.slice(0, 3).join('、');
  const more = photo.presenceCount > Math.min(3, photo.presenceNames.length);
  return `${names}${more ? `等 ${photo.presenceCount} 位校友` : ''}说：我在这里`;
}

/** `1998 年 · 老校门`. */
export function whenWhere(photo: Pick<MemoryPhotoDto, 'year' | 'place'>): string {
  return photo.place ? `${photo.year} 年 · ${photo.place}` : `${photo.year} 年`;
}

/** `1990 年代`. */
export function decadeLabel(decade: number): string {
  return `${decade} 年代`;
}
