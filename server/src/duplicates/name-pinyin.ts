import { pinyin } from 'pinyin-pro';

/**
 * A name as it sounds, the way a pinyin input method is typed: toneless syllables run together,
 * so 张伟 and 章伟, 李娜 and 李纳 are both one key (zhangwei, lina) and a wrong character picked
 * from the candidates keeps the key. Toneless because the input method takes no tones (张伟 /
 * 张薇 share a key too; staff dismiss such a pair). The first character is read as a surname
 * (曾 zeng, 单 shan), as the name begins with one; characters other than Han stay as they are.
 */
export function namePinyin(name: string): string {
  return pinyin(name, { toneType: 'none', surname: 'head', nonZh: 'consecutive', type: 'array' }).join('').replace(/\s+/g, '');
}
