import { type PickedPhoto, photosLeft, photosProblem, uploadedValues } from './picked-photos';

const photo = (path: string, status: PickedPhoto['status'], value: string | null = null): PickedPhoto => ({
  path,
  status,
  progress: 0,
  value,
});

describe('picked photos', () => {
  it('counts what is left to pick', () => {
    expect(photosLeft([photo('a', 'done', 'u1')], 9)).toBe(8);
    expect(
      photosLeft(
        Array.from({ length: 10 }, (_, i) => photo(String(i), 'done')),
        9,
      ),
    ).toBe(0);
  });

  it('holds the form back while a photo uploads or after one failed', () => {
    expect(photosProblem([photo('a', 'done', 'u1')])).toBeNull();
    expect(photosProblem([photo('a', 'done', 'u1'), photo('b', 'uploading')])).toBe('图片上传中，请稍候');
    expect(photosProblem([photo('a', 'failed')])).toBe('有图片上传失败，请删除后重试');
  });

  it('sends the uploaded ones, in the order shown', () => {
    expect(uploadedValues([photo('a', 'done', '/u/2.jpg'), photo('b', 'uploading'), photo('c', 'done', '/u/1.jpg')])).toEqual([
      '/u/2.jpg',
      '/u/1.jpg',
    ]);
  });
});
