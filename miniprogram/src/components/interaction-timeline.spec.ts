import { describeInteraction, type InteractionDto } from '@alumni/shared';
import { interactionNote } from './interaction-timeline';

const row = (kind: string, detail: Record<string, unknown>, subjectTitle: string | null = null): InteractionDto => ({
  id: '1',
  kind,
  subjectType: null,
  subjectId: null,
  subjectTitle,
  detail,
  occurredAt: '2026-11-20T06:00:00.000Z',
});

describe('a timeline entry’s note', () => {
  it('shows a gift’s amount in yuan and an offline contact’s notes', () => {
    expect(interactionNote(row('giving.donated', { amountFen: 3000, campaignId: 'c' }))).toBe('¥30.00');
    expect(interactionNote(row('offline.visit', { notes: '走访杭州分会', loggedBy: 'x' }))).toBe('走访杭州分会');
  });

  it('leaves the amount out when the sentence above names it', () => {
    const gift = row('giving.donated', { amountFen: 5000, campaignId: 'c' }, '助学基金');
    expect(describeInteraction(gift)).toBe('为 助学基金 捐赠 ¥50');
    expect(interactionNote(gift)).toBeNull();
  });

  it('shows nothing for ids and flags only, blank notes or a malformed amount', () => {
    expect(interactionNote(row('events.registered', { registrationId: 'r' }))).toBeNull();
    expect(interactionNote(row('offline.phone_call', { notes: '  ' }))).toBeNull();
    expect(interactionNote(row('giving.donated', { amountFen: 12.5 }))).toBeNull();
  });
});
