import { render, screen } from '@testing-library/react';
import { network, page, signIn } from '../../../../../test/weapp/wx';
import ClassWallPage from './index';

describe('返校日班级墙 in WeChat', () => {
  it('shows the classes that came back together, most first, with who came', async () => {
    signIn({ id: 'me', displayName: '周明远' });
    page.params = { eventId: 'e1' };
    network.on('GET', '/api/v1/campus-days/e1/class-wall', () => ({
      json: {
        eventId: 'e1',
        alumniCount: 6,
        classes: [
          { groupId: 'g1', name: '计科2008级1班', count: 3, names: ['周明远', '林小雨', '王芳'] },
          { groupId: 'g2', name: '机械2002级1班', count: 2, names: ['张伟', '李雷'] },
        ],
      },
    }));
    const { container } = render(<ClassWallPage />);
    await screen.findByText('今天已有 6 位校友回到母校');
    expect([...container.querySelectorAll('.cd-wall__class')].map((c) => c.textContent)).toEqual([
      '计科2008级1班3 人周明远、林小雨、王芳',
      '机械2002级1班2 人张伟、李雷',
    ]);
  });

  it('says how a class gets on the wall while none has', async () => {
    page.params = { eventId: 'e1' };
    network.on('GET', '/api/v1/campus-days/e1/class-wall', () => ({ json: { eventId: 'e1', alumniCount: 1, classes: [] } }));
    render(<ClassWallPage />);
    expect(await screen.findByText('还没有班级结伴回来')).toBeTruthy();
  });
});
