import type { PhotoTagDto } from '@alumni/shared';
import {
  decadeLabel,
  myPendingTag,
  presenceLine,
  statusNotice,
  tagLabel,
  taggedMe,
  thisYear,
  typedYear,
  uploadProblem,
  whenWhere,
} from './photo-view';

const NOW = new Date('2026-12-06T08:00:00Z');
const form = { imageId: 'i1', uploading: false, year: '1998', place: '老校门', caption: '毕业合影' };
const tag = (patch: Partial<PhotoTagDto>): PhotoTagDto => ({
  id: 't1',
  alumnus: { id: 'a1', displayName: '林小雨' },
  status: 'accepted',
  x: null,
  y: null,
  taggedByMe: false,
  isMe: false,
  ...patch,
});

describe('old photo views', () => {
  it('says what is missing before an upload can be sent', () => {
    expect(uploadProblem(form, NOW)).toBeNull();
    expect(uploadProblem({ ...form, uploading: true, imageId: null }, NOW)).toBe('照片上传中，请稍候');
    expect(uploadProblem({ ...form, imageId: null }, NOW)).toBe('请选择一张老照片');
    expect(uploadProblem({ ...form, year: '2027' }, NOW)).toBe('请填写拍摄年份（1900–2026）');
    expect(uploadProblem({ ...form, year: '98' }, NOW)).toBe('请填写拍摄年份（1900–2026）');
    expect(uploadProblem({ ...form, caption: '  ' }, NOW)).toBe('请写一句照片说明');
    expect(uploadProblem({ ...form, caption: '字'.repeat(501) }, NOW)).toBe('照片说明最多 500 字');
    expect(thisYear(new Date('2026-12-31T17:00:00Z'))).toBe(2027);
  });

  it('tells the uploader why a photo is not shown yet', () => {
    expect(statusNotice({ status: 'checking' })).toContain('仅你自己可见');
    expect(statusNotice({ status: 'held' })).toContain('复核');
    expect(statusNotice({ status: 'published' })).toBeNull();
  });

  it('names tagged people, and says whose answer a tag waits for', () => {
    expect(tagLabel(tag({}))).toBe('林小雨');
    expect(tagLabel(tag({ status: 'pending', taggedByMe: true }))).toBe('林小雨（待本人确认）');
    expect(tagLabel(tag({ status: 'pending', isMe: true }))).toBe('我（待我确认）');
    const photo = { tags: [tag({}), tag({ id: 't2', isMe: true, status: 'pending' })] };
    expect(myPendingTag(photo)?.id).toBe('t2');
    expect(taggedMe(photo)).toBe(false);
    expect(taggedMe({ tags: [tag({ isMe: true })] })).toBe(true);
  });

  it('sums up 我在这里, the time and place, and a decade', () => {
    expect(presenceLine({ presenceCount: 0, presenceNames: [] })).toBeNull();
    expect(presenceLine({ presenceCount: 2, presenceNames: ['王芳', '李雷'] })).toBe('王芳、李雷说：我在这里');
    expect(presenceLine({ presenceCount: 5, presenceNames: ['王芳', '李雷', '赵四', '钱五'] })).toBe(
      '王芳、李雷、赵四等 5 位校友说：我在这里',
    );
    expect(whenWhere({ year: 1998, place: '老校门' })).toBe('1998 年 · 老校门');
    expect(whenWhere({ year: 1998, place: null })).toBe('1998 年');
    expect(decadeLabel(1990)).toBe('1990 年代');
  });

  it('reads a typed year: four digits, from the earliest photo year to this one', () => {
    expect(typedYear(' 1985 ', NOW)).toBe(1985);
    expect(typedYear('2026', NOW)).toBe(2026);
    expect(typedYear('2027', NOW)).toBeNull();
    expect(typedYear('1899', NOW)).toBeNull();
    expect(typedYear('85', NOW)).toBeNull();
    expect(typedYear('198５', NOW)).toBeNull();
  });
});
