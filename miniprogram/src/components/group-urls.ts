/** Pages of the groups subpackage that other places open; notifications use the same paths with `?id=`. */
export const GROUP_PAGE_URL = '/packages/groups/pages/group/index';
export const GROUP_POST_URL = '/packages/groups/pages/post/index';

export const groupUrl = (id: string) => `${GROUP_PAGE_URL}?id=${id}`;
export const postUrl = (id: string) => `${GROUP_POST_URL}?id=${id}`;
