import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import type { Repository } from 'typeorm';
import type { SchoolDto } from '@alumni/shared';
import { AlumniService } from '../alumni/alumni.service.js';
import { AppError } from '../common/app-error.js';
import { GroupsService } from '../groups/groups.service.js';
import type { ReadCache } from '../read-cache/read-cache.js';
import { ReadCaches } from '../read-cache/read-caches.service.js';
import { DepartmentEntity } from './department.entity.js';
import { SchoolEntity } from './school.entity.js';

/**
 * How long one answer for the home page's school card is reused at most. A change to the
 * school or its departments drops it at once; the headline counts may lag this long, which
 * spares every home page a count over the whole alumni table (a full scan at 100,000:
 * docs/benchmarks.md).
 */
const SCHOOL_CARD_KEEP_MS = 60_000;

@Injectable()
export class SchoolService {
  private readonly card: ReadCache<SchoolDto>;

  /** Every department's name by id: a handful of rows that every list of alumni names (the directory, feeds) looks up. */
  private readonly names: ReadCache<Record<string, string>>;

  constructor(
    @InjectRepository(SchoolEntity) private readonly schools: Repository<SchoolEntity>,
    @InjectRepository(DepartmentEntity) private readonly departments: Repository<DepartmentEntity>,
    private readonly alumni: AlumniService,
    private readonly groups: GroupsService,
    caches: ReadCaches,
  ) {
    this.card = caches.create(['schools', 'departments'], SCHOOL_CARD_KEEP_MS);
    this.names = caches.create(['departments']);
  }

  getSchool(): Promise<SchoolDto> {
    return this.card.get('card', () => this.readSchool());
  }

  private async readSchool(): Promise<SchoolDto> {
    const [school, departments, alumni, groups] = await Promise.all([
      this.schools.findOneBy({ id: 1 }),
      this.departments.find({ order: { sortOrder: 'ASC', name: 'ASC' } }),
      this.alumni.count(),
      this.groups.count(),
    ]);
    if (!school) throw new AppError('SCHOOL_NOT_CONFIGURED');
    return {
      name: school.name,
      shortName: school.shortName,
      motto: school.motto,
      intro: school.intro,
      logoUrl: school.logoUrl,
      foundedYear: school.foundedYear,
      city: school.city,
      departments: departments.map(({ id, name }) => ({ id, name })),
      stats: { alumni, groups },
    };
  }

  /** The school's full name, e.g. for a donation certificate. */
  async name(): Promise<string> {
    const school = await this.schools.findOne({ select: { name: true }, where: { id: 1 } });
    if (!school) throw new AppError('SCHOOL_NOT_CONFIGURED');
    return school.name;
  }

  /** Every department, in the school's order (roster import matches 院系 by name). */
  listDepartments(): Promise<{ id: string; name: string }[]> {
    return this.departments.find({ select: { id: true, name: true }, order: { sortOrder: 'ASC', name: 'ASC' } });
  }

  /** Names of these departments by id; unknown ids are absent. */
  async departmentNames(ids: Iterable<string>): Promise<Map<string, string>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const names = await this.names.get('all', async () =>
      Object.fromEntries((await this.departments.find({ select: { id: true, name: true } })).map((row) => [row.id, row.name])),
    );
    return new Map(unique.flatMap((id) => (Object.hasOwn(names, id) ? [[id, names[id]!] as const] : [])));
  }
}
