import type { EntityManager } from 'typeorm';
import { AlumnusEntity } from '../../alumni/alumnus.entity.js';
import { runScan } from '../../duplicates/duplicate-scan.js';

/**
 * One plausible duplicate (工作台 → 重复记录 is not empty in the demo): a seeded graduate signed
 * in again later under a nickname, never verified, with another city, as happens when someone
 * changes phone and WeChat account. The scan then fills the queue as the nightly job would.
 */
export async function seedDemoDuplicates(manager: EntityManager, original: AlumnusEntity): Promise<void> {
  const realName = original.realName ?? original.displayName;
  await manager.save(AlumnusEntity, {
    displayName: `${realName.slice(1)}（新号）`,
    realName,
    graduationYear: original.graduationYear,
    departmentId: original.departmentId,
    className: original.className,
    city: original.city === '上海' ? '杭州' : '上海',
    roles: ['alumnus'],
  });
  await runScan((sql, parameters) => manager.query(sql, parameters));
}
