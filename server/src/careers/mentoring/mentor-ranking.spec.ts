import { CROSS_INDUSTRY_EVERY, type MentorAsk, rankMentors, type RankedMentor, scoreMentor } from './mentor-ranking.js';

const mentor = (id: string, values: Partial<RankedMentor> = {}): RankedMentor => ({
  id,
  industry: '制造业',
  city: '江州',
  topics: ['career_change'],
  formats: ['online', 'in_person'],
  capacity: 2,
  activeCount: 0,
  ...values,
});

const ask: MentorAsk = { ownIndustry: '制造业', targetIndustry: '制造业', topic: 'career_change', format: null, city: '江州' };

describe('mentor ranking', () => {
  it('scores topic 3, target industry 2, format 1, same city 1 and free places up to 1', () => {
    expect(scoreMentor(mentor('a'), ask)).toMatchObject({
      score: 7,
      crossIndustry: false,
      reasons: ['话题匹配', '目标行业', '同城可见面'],
    });
    expect(scoreMentor(mentor('a', { activeCount: 1 }), { ...ask, format: 'online' })).toMatchObject({ score: 6.5 });
    expect(scoreMentor(mentor('b', { industry: '金融', topics: ['entrepreneurship'], city: '北京' }), ask)).toMatchObject({
      score: 1,
      crossIndustry: true,
      reasons: ['跨行业视角'],
    });
  });

  it('does not count the city for an online meeting or a mentor who meets online only', () => {
    expect(scoreMentor(mentor('a'), { ...ask, format: 'online' }).reasons).not.toContain('同城可见面');
    expect(scoreMentor(mentor('a', { formats: ['online'] }), ask).reasons).not.toContain('同城可见面');
  });

  it('gives every third place to another industry while one is left, then ranks by score', () => {
    const own = Array.from({ length: 6 }, (_, i) => mentor(`own${i}`));
    const other = [mentor('x1', { industry: '金融', topics: [] }), mentor('x2', { industry: '教育', topics: [] })];
    const ranked = rankMentors([...other, ...own], ask).map((s) => s.mentor.id);
    expect(CROSS_INDUSTRY_EVERY).toBe(3);
    expect(ranked).toEqual(['own0', 'own1', 'x1', 'own2', 'own3', 'x2', 'own4', 'own5']);
  });

  it('mixes nothing in when the asker has no industry of their own and aims for none', () => {
    const ranked = rankMentors([mentor('a'), mentor('b', { industry: '金融' })], { ...ask, ownIndustry: null, targetIndustry: null });
    expect(ranked.every((s) => !s.crossIndustry)).toBe(true);
  });
});
