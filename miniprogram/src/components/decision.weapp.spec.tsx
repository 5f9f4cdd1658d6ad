import { render, screen } from '@testing-library/react';
import { dialogs, settled, tapTwice } from '../../test/weapp/wx';
import { Decision } from './decision';

describe('Decision in WeChat', () => {
  it('approves once for two taps before the page renders again: one confirmation, one request', async () => {
    const approve = jest.fn(() => Promise.resolve());
    const onDecided = jest.fn();
    render(
      <Decision
        approveLabel="通过"
        rejectVerb="拒绝"
        reasonRequired
        reasonPlaceholder="拒绝理由"
        reasonMaxLength={200}
        approve={approve}
        approveConfirmation={{ title: '通过认证', content: '通过后将填入档案。确定通过？' }}
        reject={() => Promise.resolve()}
        onDecided={onDecided}
      />,
    );
    tapTwice(screen.getByText('通过'));
    await settled();
    expect(dialogs.map((d) => d.options.title)).toEqual(['通过认证']);
    expect(approve).toHaveBeenCalledTimes(1);
    expect(onDecided).toHaveBeenCalledTimes(1);
  });
});
