import Taro from '@tarojs/taro';
import { takeViolations } from '../../test/weapp/rules';
import { dialogs } from '../../test/weapp/wx';
import { BRAND_COLOR } from '../theme';
import { showModal } from './modal';

describe('showModal in WeChat', () => {
  it('gives the confirm button the school blue, a colour WeChat takes', async () => {
    await expect(showModal({ title: '更换二维码', content: '确定更换？', confirmText: '更换' })).resolves.toMatchObject({ confirm: true });
    expect(dialogs.at(-1)?.options).toMatchObject({ confirmColor: BRAND_COLOR, confirmText: '更换' });
  });

  it('keeps the confirm colour its caller chose', async () => {
    await showModal({ title: '退出登录', content: '确定退出？', confirmColor: '#d93026' });
    expect(dialogs.at(-1)?.options.confirmColor).toBe('#d93026');
  });

  it('has the fake refuse a button colour that is not #RRGGBB', async () => {
    for (const colour of ['blue', '#15a', '#1f57a8ff', 'rgb(31, 87, 168)']) await Taro.showModal({ title: '颜色', confirmColor: colour });
    await Taro.showModal({ title: '颜色', cancelColor: 'grey' });
    expect(takeViolations().map((v) => v.detail)).toEqual([
      'showModal with confirmColor "blue"',
      'showModal with confirmColor "#15a"',
      'showModal with confirmColor "#1f57a8ff"',
      'showModal with confirmColor "rgb(31, 87, 168)"',
      'showModal with cancelColor "grey"',
    ]);
  });
});
