/** A photo picked on the phone, uploaded right away (as `wx.uploadFile` sends one file a call). */
export interface PickedPhoto {
  /** The local temp path (a blob: URL in H5), shown while it uploads. */
  path: string;
  status: 'uploading' | 'done' | 'failed';
  progress: number;
  /** What the server answered once uploaded (an id or a URL), sent with the form. */
  value: string | null;
}

export function photosLeft(photos: PickedPhoto[], max: number): number {
  return Math.max(0, max - photos.length);
}

/** Why the form cannot be sent yet because of its photos, or null. */
export function photosProblem(photos: PickedPhoto[]): string | null {
  if (photos.some((p) => p.status === 'uploading')) return '图片上传中，请稍候';
  if (photos.some((p) => p.status === 'failed')) return '有图片上传失败，请删除后重试';
  return null;
}

/** The uploaded photos' values, in the order shown. */
export function uploadedValues(photos: PickedPhoto[]): string[] {
  return photos.flatMap((p) => (p.value === null ? [] : [p.value]));
}
