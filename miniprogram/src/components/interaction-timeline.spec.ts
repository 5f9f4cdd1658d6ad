import type { InteractionDto } from '@alumni/shared';
import { interactionNote } from './interaction-timeline';

const row = (kind: string, detail: Record<string, unknown>): InteractionDto => ({
  id: '1',
  kind,
  subjectType: null,
  subjectId: null,
  detail,
  occurredAt: '2026-11-20T06:00:00.000Z',
});

describe('a timeline entry’s note', () => {
  it('shows a gift’s amount in yuan and an offline contact’s notes', () => {
    expect(interactionNote(row('giving.donated', { amountFen: 3000, campaignId: 'c' }))).toBe('¥30.00');
    expect(interactionNote(row('offline.visit', { notes: '走访杭州分会', loggedBy: 'x' }))).toBe('走访杭州分会');
  });

  it('shows nothing for ids and flags only, blank notes or a malformed amount', () => {
    expect(interactionNote(row('events.registered', { registrationId: 'r' }))).toBeNull();
    expect(interactionNote(row('offline.phone_call', { notes: '  ' }))).toBeNull();
    expect(interactionNote(row('giving.donated', { amountFen: 12.5 }))).toBeNull();
  });
});
