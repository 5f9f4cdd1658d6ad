/** The careers subpackage's pages, one place for their addresses. */
const page = (name: string, query: Record<string, string> = {}) => {
  const search = Object.entries(query)
    .map(([key, value]) => `${key}=${encodeURIComponent(value)}`)
    .join('&');
  return `/packages/careers/pages/${name}/index${search ? `?${search}` : ''}`;
};

export const careersUrls = {
  home: () => page('index'),
  mentors: () => page('mentors'),
  mentor: (id: string) => page('mentor', { id }),
  mentoring: () => page('mentoring'),
  mentorship: (id: string) => page('mentorship', { id }),
  offer: () => page('offer'),
  jobs: () => page('jobs'),
  job: (id: string) => page('job', { id }),
  jobEditor: (id?: string) => page('job-editor', id ? { id } : {}),
  applications: (jobId: string) => page('applications', { jobId }),
  myJobs: () => page('my-jobs'),
  library: () => page('library'),
  resource: (id: string) => page('resource', { id }),
  resourceEditor: (id?: string) => page('resource-editor', id ? { id } : {}),
  myResources: () => page('my-resources'),
};
