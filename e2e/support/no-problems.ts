import { uncheckedProblems } from './browser.js';

// Every journey fails on a console error, an uncaught page error or a failed request in any
// page it opened (a content-security-policy refusal is a console error), unless it allowed it.
afterEach(() => {
  expect(uncheckedProblems(), 'console errors, page errors or failed requests').toEqual([]);
});
