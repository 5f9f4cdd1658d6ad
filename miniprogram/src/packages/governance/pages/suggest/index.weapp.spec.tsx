import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, network, settled, signIn, tapTwice } from '../../../../../test/weapp/wx';
import SuggestPage from './index';

describe('提建议 in WeChat', () => {
  it('submits once for two taps before the page renders again: one subscription dialog, one suggestion, one redirect', async () => {
    signIn({ id: 'me', displayName: '林小雨' });
    const sent: unknown[] = [];
    network
      .on('GET', '/api/v1/notifications/templates', () => ({
        json: [{ key: 'governanceProgress', templateId: 'tpl-governance', title: '建议进展通知' }],
      }))
      .on('PUT', '/api/v1/me/subscriptions', () => ({ json: [] }))
      .on('POST', '/api/v1/governance/suggestions', (req) => {
        sent.push(req.json());
        return { status: 201, json: { id: 's1' } };
      });
    const { container } = render(<SuggestPage />);
    await settled();
    const field = (name: string) => container.querySelector(`.${name} input, input.${name}, textarea.${name}, .${name} textarea`)!;
    fireEvent.input(field('suggest-title'), { target: { value: '图书馆延长开放时间' } });
    fireEvent.input(field('suggest-body'), { target: { value: '考试周图书馆常常满座，建议延长到晚上十一点。' } });
    tapTwice(screen.getByText('提交建议'));
    await settled();
    expect(dialogs.map((d) => d.kind)).toEqual(['subscribe']);
    expect(sent).toHaveLength(1);
    expect(calls.filter((c) => c.api === 'redirectTo')).toHaveLength(1);
  });
});
