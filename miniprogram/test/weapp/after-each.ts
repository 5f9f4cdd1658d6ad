// Every weapp spec: a fresh phone before each test; after it, any WeChat rule the app broke
// (test/weapp/rules.ts) or a request no handler answered fails the test.
import { describeViolation, takeViolations } from './rules';
import { network, reportUntoldRefusals, resetWx, watchTaps } from './wx';

watchTaps(document);

beforeEach(() => {
  resetWx();
  takeViolations();
});

afterEach(() => {
  reportUntoldRefusals();
  const broken = takeViolations();
  const unanswered = network.unanswered.splice(0);
  const problems = [
    ...broken.map(describeViolation),
    ...unanswered.map((call) => `no network handler answered ${call} (a test set-up gap)`),
  ];
  if (problems.length > 0) throw new Error(`The app broke WeChat's rules under the wx fake:\n${problems.join('\n')}`);
});
