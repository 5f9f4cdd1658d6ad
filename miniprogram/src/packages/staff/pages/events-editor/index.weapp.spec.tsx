import { fireEvent, render, screen } from '@testing-library/react';
import { calls, dialogs, person, settled, signIn } from '../../../../../test/weapp/wx';
import EventEditorPage from './index';

describe('活动编辑 in WeChat: the place on the map', () => {
  beforeEach(() => {
    signIn({ displayName: '工作人员' });
  });

  it('is titled 新建活动 for a new event', async () => {
    render(<EventEditorPage />);
    await settled();
    const titles = calls.filter((c) => c.api === 'setNavigationBarTitle').map((c) => c.options.title);
    expect(titles).toEqual(['新建活动']);
  });

  it('fills the address and coordinates from the place chosen on the map', async () => {
    const { container } = render(<EventEditorPage />);

    fireEvent.click(screen.getByText('在地图上选点，自动填写地址和坐标'));
    await settled();

    expect((container.querySelector('.editor-address') as HTMLInputElement).value).toBe('示例市学院路 1 号');
    expect((container.querySelector('.editor-latitude') as HTMLInputElement).value).toBe('30.27');
  });

  it('tells the person how to allow the location after a refusal', async () => {
    person.willAnswer('authorize', 'deny');
    render(<EventEditorPage />);

    fireEvent.click(screen.getByText('在地图上选点，自动填写地址和坐标'));
    await settled();

    const modal = dialogs.find((d) => d.kind === 'modal');
    expect(modal?.options.content).toContain('位置');
    expect(calls.some((c) => c.api === 'openSetting')).toBe(true);
  });

  it('says why the map did not open when the privacy guide was declined', async () => {
    person.willAnswer('privacy', 'refuse');
    render(<EventEditorPage />);

    fireEvent.click(screen.getByText('在地图上选点，自动填写地址和坐标'));
    await settled();

    expect(dialogs.map((d) => d.kind)).toEqual(['privacy', 'modal']);
    expect(dialogs[1]!.options.content).toContain('隐私');
  });
});
