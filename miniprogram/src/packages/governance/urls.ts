/** The governance subpackage's pages, one place for their addresses. */
const page = (name: string, query: Record<string, string> = {}) => {
  const search = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `/packages/governance/pages/${name}/index${search ? `?${search}` : ''}`;
};

export const governanceUrls = {
  home: () => page('index'),
  vote: (id: string) => page('vote', { id }),
  suggestions: () => page('suggestions'),
  suggestion: (id: string) => page('suggestion', { id }),
  suggest: () => page('suggest'),
  council: () => page('council'),
};
