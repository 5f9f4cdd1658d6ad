import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { AUDIENCE_KINDS, type AudienceDto, type AudienceKind, type AudienceSpec } from '@alumni/shared';
import { AudienceResolver, audienceProblem } from './audience-resolver.js';

/**
 * Who a vote or a survey is for: the verified, active alumni of an audience spec. Each kind's
 * members come from the module that owns them (AudienceResolver); this service checks specs,
 * counts audiences, tells whether someone belongs and walks an audience in batches (the
 * invitations). Everything is evaluated now, against the data as it is.
 */
@Injectable()
export class AudiencesService implements OnModuleInit {
  private readonly resolvers = new Map<AudienceKind, AudienceResolver>();

  constructor(
    private readonly discovery: DiscoveryService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    for (const wrapper of this.discovery.getProviders({ metadataKey: AudienceResolver.KEY })) {
      const resolver = wrapper.instance as AudienceResolver | undefined;
      if (resolver) this.resolvers.set(resolver.kind, resolver);
    }
    const missing = AUDIENCE_KINDS.filter((kind) => !this.resolvers.has(kind));
    if (missing.length > 0) throw new Error(`no audience resolver for ${missing.join(', ')}`);
  }

  /** The spec with only its kind's fields, checked; AUDIENCE_INVALID names what to fix. */
  async normalise(spec: AudienceSpec, manager: EntityManager = this.dataSource.manager): Promise<AudienceSpec> {
    return this.resolver(spec.kind).normalise(spec, manager);
  }

  async describe(spec: AudienceSpec, manager: EntityManager = this.dataSource.manager): Promise<AudienceDto> {
    return { ...spec, label: await this.resolver(spec.kind).label(spec, manager) };
  }

  async label(spec: AudienceSpec, manager: EntityManager = this.dataSource.manager): Promise<string> {
    return this.resolver(spec.kind).label(spec, manager);
  }

  /** How many verified, active alumni the audience holds now. */
  async size(spec: AudienceSpec, manager: EntityManager = this.dataSource.manager): Promise<number> {
    const [row]: [{ n: number }] = await manager.query(`SELECT count(*)::int AS n FROM (${this.membersSql(spec)}) m`, [
      JSON.stringify(spec),
    ]);
    return row.n;
  }

  /** Whether the alumnus is in the audience now (verified, active, and a member of the kind). */
  async includes(spec: AudienceSpec, alumnusId: string, manager: EntityManager = this.dataSource.manager): Promise<boolean> {
    const [row]: [{ member: boolean }] = await manager.query(
      `SELECT EXISTS (SELECT 1 FROM (${this.membersSql(spec)}) m WHERE m.id = $2) AS member`,
      [JSON.stringify(spec), alumnusId],
    );
    return row.member;
  }

  /** The next `limit` members after `after` (by id), for walking a large audience in short transactions. */
  async batch(
    spec: AudienceSpec,
    after: string | null,
    limit: number,
    manager: EntityManager = this.dataSource.manager,
  ): Promise<string[]> {
    const rows: { id: string }[] = await manager.query(
      `SELECT m.id FROM (${this.membersSql(spec)}) m WHERE $2::uuid IS NULL OR m.id > $2::uuid ORDER BY m.id LIMIT $3`,
      [JSON.stringify(spec), after, limit],
    );
    return rows.map((row) => row.id);
  }

  /** The verified, active members of the spec's kind (`$1`: the spec as jsonb). */
  private membersSql(spec: AudienceSpec): string {
    // `$1` is named even where no kind reads it: PostgreSQL refuses a parameter of unknown type.
    const base = `SELECT v.id FROM (${this.resolver('verified').membersSql}) v(id) WHERE $1::jsonb IS NOT NULL`;
    return spec.kind === 'verified' ? base : `${base} AND v.id IN (${this.resolver(spec.kind).membersSql})`;
  }

  private resolver(kind: AudienceKind): AudienceResolver {
    const resolver = this.resolvers.get(kind);
    if (!resolver) throw audienceProblem('kind', `kind must be one of ${AUDIENCE_KINDS.join(', ')}`);
    return resolver;
  }
}
