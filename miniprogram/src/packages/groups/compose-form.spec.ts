import type { PickedPhoto } from '../../components/picked-photos';
import { composeProblem, textLength } from './compose-form';

const image = (id: string | null, status: PickedPhoto['status'] = 'done'): PickedPhoto => ({
  path: `blob:${id ?? Math.random()}`,
  status,
  progress: status === 'done' ? 100 : 30,
  value: id,
});

describe('compose validation', () => {
  it('counts characters as the server does: trimmed, an emoji as one', () => {
    expect(textLength('  周末聚会  ')).toBe(4);
    expect(textLength('聚会🎉')).toBe(3);
    expect(textLength('❤️')).toBe(1);
  });

  it('asks for text first', () => {
    expect(composeProblem('   ', [])).toBe('请输入内容');
  });

  it('says how much to cut when the text is too long', () => {
    expect(composeProblem('一'.repeat(2003), [])).toBe('内容最多 2000 字，请删减 3 字');
    expect(composeProblem('一'.repeat(2000), [])).toBeNull();
  });

  it('waits for uploads and refuses failed ones', () => {
    expect(composeProblem('你好', [image('a'), image(null, 'uploading')])).toBe('图片上传中，请稍候');
    expect(composeProblem('你好', [image(null, 'failed')])).toBe('有图片上传失败，请删除后重试');
  });

  it('allows nine images and no more', () => {
    const nine = Array.from({ length: 9 }, (_, i) => image(`i${i}`));
    expect(composeProblem('你好', nine)).toBeNull();
    expect(composeProblem('你好', [...nine, image('ten')])).toBe('最多 9 张图片');
  });
});
