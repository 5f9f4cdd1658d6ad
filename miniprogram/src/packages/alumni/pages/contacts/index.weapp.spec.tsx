import type { ContactRequestDto } from '@alumni/shared';
import { fireEvent, render, screen } from '@testing-library/react';
import { dialogs, network, person, settled, signIn } from '../../../../../test/weapp/wx';
import ContactsPage from './index';

function request(overrides: Partial<ContactRequestDto> = {}): ContactRequestDto {
  return {
    id: 'r1',
    direction: 'received',
    status: 'pending',
    other: {
      id: 'a2',
      displayName: '小舟',
      realName: '江舟',
      avatarUrl: null,
      graduationYear: 2012,
      department: { id: 'd1', name: '机电工程学院' },
    },
    note: '我是机械 1 班的江舟，想约老同学聚聚',
    myShare: null,
    theirContact: null,
    createdAt: '2026-12-01T02:00:00.000Z',
    decidedAt: null,
    ...overrides,
  };
}

describe('联系请求 in WeChat', () => {
  let current: ContactRequestDto;
  let sent: unknown[];
  beforeEach(() => {
    signIn({ id: 'a1', displayName: '李娜', roles: ['alumnus'], phoneMasked: null });
    current = request();
    sent = [];
    network
      .on('GET', '/api/v1/me/contact-requests', () => ({ json: { received: [current], sent: [] } }))
      .on('POST', '/api/v1/contact-requests/r1/accept', ({ json }) => {
        sent.push(json());
        current = request({
          status: 'accepted',
          myShare: { phone: null, email: null, wechatId: 'lina_wx' },
          theirContact: { phone: '13812341234', email: null, wechatId: null },
        });
        return { json: current };
      })
      .on('POST', '/api/v1/contact-requests/r1/block', () => {
        current = request({ status: 'blocked' });
        return { json: current };
      });
  });

  it('accepts with the WeChat ID I choose to share, then shows what the classmate shared', async () => {
    const { container } = render(<ContactsPage />);
    await settled();
    expect(screen.getByText('收到的（1）')).toBeTruthy();
    expect(screen.getByText('附言：我是机械 1 班的江舟，想约老同学聚聚')).toBeTruthy();

    fireEvent.click(screen.getByText('接受'));
    // No phone bound: the phone is not ticked, and sending with nothing ticked says so next to the field.
    fireEvent.click(screen.getByText('接受并分享'));
    await settled();
    expect(screen.getByText('请至少选择一种联系方式')).toBeTruthy();
    expect(sent).toEqual([]);

    fireEvent.click(screen.getByText('☐ 微信号'));
    fireEvent.change(container.querySelector('.contact-form__wechat')!, { target: { value: 'lina_wx' } });
    fireEvent.click(screen.getByText('接受并分享'));
    await settled();

    expect(sent).toEqual([{ sharePhone: false, email: null, wechatId: 'lina_wx' }]);
    expect(screen.getByText('已交换联系方式')).toBeTruthy();
    expect(container.querySelector('.shared-contact__phone')?.textContent).toBe('13812341234');
  });

  it('blocks only after the person confirms, and the request reads 已屏蔽', async () => {
    person.willAnswer('modal', 'confirm');
    render(<ContactsPage />);
    await settled();

    fireEvent.click(screen.getByText('屏蔽'));
    await settled();

    const modal = dialogs.find((d) => d.kind === 'modal');
    expect(modal?.options).toMatchObject({ title: '屏蔽 江舟', confirmText: '屏蔽' });
    expect(screen.getByText('已屏蔽')).toBeTruthy();
  });
});
