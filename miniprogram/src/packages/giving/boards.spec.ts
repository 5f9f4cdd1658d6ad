import { beijingYear, classLabel, participationLine, shareText } from './boards';

describe('board wording', () => {
  it('names a class by year, department and class, leaving out an unknown department', () => {
    expect(classLabel({ graduationYear: 2018, departmentName: '计算机学院', className: '软件1班' })).toBe('2018 届 计算机学院 软件1班');
    expect(classLabel({ graduationYear: 2018, departmentName: null, className: '软件1班' })).toBe('2018 届 软件1班');
  });

  it('says how many of a class gave, and the share with at most one decimal', () => {
    expect(participationLine({ donors: 12, alumni: 40 })).toBe('12 / 40 人参与');
    expect(shareText(32.5)).toBe('32.5%');
    expect(shareText(100)).toBe('100%');
  });

  it('takes the year in Beijing time, as the server does', () => {
    expect(beijingYear(Date.parse('2026-12-31T15:59:59Z'))).toBe(2026);
    expect(beijingYear(Date.parse('2026-12-31T16:00:00Z'))).toBe(2027);
  });
});
