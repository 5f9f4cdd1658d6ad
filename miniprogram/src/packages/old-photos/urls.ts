/** The 老照片 subpackage's pages, one place for their addresses. */
const page = (name: string, query: Record<string, string | number | undefined> = {}) => {
  const search = Object.entries(query)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => `${key}=${encodeURIComponent(String(value))}`)
    .join('&');
  return `/packages/old-photos/pages/${name}/index${search ? `?${search}` : ''}`;
};

export const oldPhotoUrls = {
  home: () => page('index'),
  classWall: (classGroupId: string, name: string) => page('wall', { classGroupId, name }),
  yearWall: (year: number) => page('wall', { year }),
  photo: (id: string) => page('photo', { id }),
  upload: (classGroupId?: string) => page('upload', { classGroupId }),
  timeline: () => page('timeline'),
};
