import { startTestApp, type TestApp } from '../../test/test-app.js';
import { plainTransaction } from './plain-transaction.js';

describe('plain transactions (the sign-up path, issue 17)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await t.dataSource.query('CREATE TABLE plain_transaction_probe (n int NOT NULL)');
  });
  afterAll(() => t.close());

  it('prepares a statement with parameters once on its connection, so its plan is kept', async () => {
    const sql = 'SELECT $1::int + 1 AS n';
    const prepared = await plainTransaction(t.dataSource, async (tx) => {
      expect(await tx.rows<{ n: number }>(sql, [1])).toEqual([{ n: 2 }]);
      expect(await tx.rows<{ n: number }>(sql, [2])).toEqual([{ n: 3 }]);
      return tx.rows<{ statement: string }>('SELECT statement FROM pg_prepared_statements');
    });
    expect(prepared.map((row) => row.statement)).toContain(sql);
  });

  it('commits what its work wrote, and rolls it all back when the work throws', async () => {
    await plainTransaction(t.dataSource, (tx) => tx.rows('INSERT INTO plain_transaction_probe (n) VALUES ($1)', [1]));
    const failed = plainTransaction(t.dataSource, async (tx) => {
      await tx.rows('INSERT INTO plain_transaction_probe (n) VALUES ($1)', [2]);
      throw new Error('the work failed');
    });
    await expect(failed).rejects.toThrow('the work failed');
    expect(await t.dataSource.query('SELECT n FROM plain_transaction_probe')).toEqual([{ n: 1 }]);
  });
});
