import { mentorWith, requestBody, student } from '../../../test/careers.js';
import { scalar } from '../../../test/interactions.js';
import { useTwoInstances } from '../../../test/test-app.js';
import { json } from '../../../test/wechat.js';

/**
 * Two server instances on one database: a mentor's places and waiting list are counted under
 * the offer's row lock in PostgreSQL, never in one process's memory.
 */
describe('mentoring capacity across two instances', () => {
  const instances = useTwoInstances();

  it('40 concurrent requests fill the waiting list to its limit of 10; 10 concurrent accepts fill exactly the 3 places', async () => {
    const { a, b } = instances;
    const mentor = await mentorWith(a, { capacity: 3 });
    const askers = [];
    for (let i = 0; i < 40; i++) askers.push(await student(a));

    const asked = await Promise.all(
      askers.map((who, i) => (i % 2 === 0 ? a : b).request('/api/v1/careers/mentorships', json(requestBody(mentor.offerId), who.headers))),
    );
    expect(asked.filter((r) => r.status >= 500)).toEqual([]);
    expect(asked.filter((r) => r.status === 201)).toHaveLength(10);
    expect(asked.filter((r) => r.status === 409).map((r) => r.body.error.code)).toEqual(Array(30).fill('MENTOR_BUSY'));

    const ids = asked.filter((r) => r.status === 201).map((r) => r.body.id as string);
    const accepted = await Promise.all(
      ids.map((id, i) => (i % 2 === 0 ? a : b).request(`/api/v1/careers/mentorships/${id}/accept`, json({}, mentor.headers))),
    );
    expect(accepted.filter((r) => r.status >= 500)).toEqual([]);
    expect(accepted.filter((r) => r.status === 200)).toHaveLength(3);
    // The others met a full mentor, or a request already declined as full by the third acceptance.
    for (const refused of accepted.filter((r) => r.status !== 200)) {
      expect(refused.status).toBe(409);
      expect(['MENTOR_FULL', 'MENTORSHIP_STATE_CONFLICT']).toContain(refused.body.error.code);
    }
    const counts = (await a.dataSource.query(`SELECT active_count, waiting_count FROM mentor_offers WHERE id = $1`, [mentor.offerId]))[0];
    expect(counts).toEqual({ active_count: 3, waiting_count: 0 });
    expect(await scalar(a, `SELECT count(*) FROM mentorships WHERE offer_id = $1 AND status = 'active'`, [mentor.offerId])).toBe(3);
    expect(
      await scalar(a, `SELECT count(*) FROM mentorships WHERE offer_id = $1 AND status = 'declined' AND declined_as_full`, [
        mentor.offerId,
      ]),
    ).toBe(7);
  }, 120_000);
});
