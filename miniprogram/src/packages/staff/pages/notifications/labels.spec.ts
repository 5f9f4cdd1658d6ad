import { kindLabel, reasonLabel } from './labels';

describe('delivery labels', () => {
  it('names kinds staff know and leaves unknown ones readable', () => {
    expect(kindLabel('events.reminder')).toBe('活动提醒');
    expect(kindLabel('something.new')).toBe('something.new');
  });

  it('turns delivery errors into what staff can do about them', () => {
    expect(reasonLabel(null)).toBeNull();
    expect(reasonLabel('not subscribed to this message')).toBe('校友未订阅此类消息');
    expect(reasonLabel('40037 invalid template_id rid: x')).toBe('模板 ID 无效，请检查配置');
    expect(reasonLabel('WeChat /cgi-bin/message/subscribe/send: no answer timed out')).toMatch(/^微信暂时不可用/);
  });
});
