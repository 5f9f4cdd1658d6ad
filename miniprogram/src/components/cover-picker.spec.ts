import { GROUP_LIMITS } from '@alumni/shared';
import { coverProblem } from './cover-picker';

describe('cover problem', () => {
  it('accepts a cover up to the server’s limit and names the limit beyond it', () => {
    expect(coverProblem({ size: GROUP_LIMITS.coverMaxBytes })).toBeNull();
    expect(coverProblem({ size: GROUP_LIMITS.coverMaxBytes + 1 })).toBe('封面图片不能超过 2 MB');
  });
});
