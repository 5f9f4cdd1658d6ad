/** The campus-days subpackage's pages, one place for their addresses. */
const page = (name: string, query: Record<string, string> = {}) => {
  const search = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `/packages/campus-days/pages/${name}/index${search ? `?${search}` : ''}`;
};

export const campusDayUrls = {
  day: (eventId: string) => page('day', { eventId }),
  classWall: (eventId: string) => page('class-wall', { eventId }),
  reunions: () => page('reunions'),
  reunion: (id: string) => page('reunion', { id }),
  propose: (classGroupId: string) => page('propose', { classGroupId }),
};
