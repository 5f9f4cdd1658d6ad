/** The 联系请求 page: contact requests I received and sent. */
export const CONTACTS_PAGE = '/packages/alumni/pages/contacts/index';
