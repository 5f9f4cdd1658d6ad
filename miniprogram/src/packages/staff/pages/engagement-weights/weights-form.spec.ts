import { type EngagementSettingsDto, ERRORS, INTERACTION_KINDS } from '@alumni/shared';
import { draftFromSettings, toSettingsRequest, WEIGHT_GROUPS, weightsProblemsFromServer } from './weights-form';

const settings: EngagementSettingsDto = {
  halfLifeDays: 180,
  pendingHalfLifeDays: null,
  contactCurrentMonths: 24,
  weights: [
    { kind: 'events.checked_in', weight: 5 },
    { kind: 'giving.donated', weight: 8.5 },
    { kind: 'events.no_show', weight: -1 },
  ],
  updatedAt: '2026-11-01T00:00:00.000Z',
};

describe('the engagement weights form', () => {
  it('lists every interaction kind once, unweighted kinds at 0, participation first', () => {
    const draft = draftFromSettings(settings);
    expect(Object.keys(draft.weights).sort()).toEqual(Object.keys(INTERACTION_KINDS).sort());
    expect(draft.weights['giving.donated']).toBe('8.5');
    expect(draft.weights['groups.left']).toBe('0');
    expect(WEIGHT_GROUPS.flatMap((g) => g.kinds)).toHaveLength(Object.keys(INTERACTION_KINDS).length);
    expect(WEIGHT_GROUPS[0].kinds).toContain('events.checked_in');
  });

  it('round-trips the saved settings, leaving zero weights out', () => {
    expect(toSettingsRequest(draftFromSettings(settings))).toEqual({
      input: { halfLifeDays: 180, contactCurrentMonths: 24, weights: expect.arrayContaining(settings.weights) },
      problems: {},
    });
    expect(toSettingsRequest(draftFromSettings(settings)).input?.weights).toHaveLength(3);
  });

  it('shows the half-life asked for while it is still being applied', () => {
    expect(draftFromSettings({ ...settings, pendingHalfLifeDays: 90 }).halfLifeDays).toBe('90');
  });

  it('refuses what the server refuses: whole numbers in range, weights within ±100 with two decimals', () => {
    const draft = draftFromSettings(settings);
    const { input, problems } = toSettingsRequest({
      halfLifeDays: '29',
      contactCurrentMonths: '12.5',
      weights: { ...draft.weights, 'events.checked_in': '101', 'groups.joined': '1.234', 'groups.posted': 'abc', 'giving.donated': '-100' },
    });
    expect(input).toBeNull();
    expect(problems).toEqual({
      halfLifeDays: '请填写 30–3650 之间的整数天数',
      contactCurrentMonths: '请填写 1–120 之间的整数月数',
      'events.checked_in': '权重为 -100 到 100 之间的数，最多两位小数',
      'groups.joined': '权重为 -100 到 100 之间的数，最多两位小数',
      'groups.posted': '权重为 -100 到 100 之间的数，最多两位小数',
    });
    // An emptied weight reads as 0.
    expect(toSettingsRequest({ ...draft, weights: { ...draft.weights, 'giving.donated': ' ' } }).input?.weights).toHaveLength(2);
  });

  it('puts the server’s refusals at the weight or the setting they name', () => {
    const sent = toSettingsRequest(draftFromSettings(settings)).input;
    const second = sent!.weights[1].kind;
    expect(weightsProblemsFromServer('VALIDATION_FAILED', '太大', ['weights.1.weight', 'halfLifeDays'], sent)).toEqual({
      [second]: '太大',
      halfLifeDays: '太大',
    });
    expect(weightsProblemsFromServer('ENGAGEMENT_KIND_UNKNOWN', '', [undefined], sent)).toEqual({
      form: ERRORS.ENGAGEMENT_KIND_UNKNOWN.message,
    });
  });
});
