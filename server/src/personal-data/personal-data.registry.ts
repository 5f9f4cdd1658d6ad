import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import { PersonalDataContributor, type PersonalDataSection, type PersonalRecord } from './personal-data.js';

/** Every module's PersonalDataContributor, found at start-up: what the export reads and the erasure runs. */
@Injectable()
export class PersonalDataRegistry implements OnModuleInit {
  private contributors: PersonalDataContributor[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: PersonalDataContributor.KEY })
      .map((wrapper) => wrapper.instance as PersonalDataContributor | undefined)
      .filter((instance): instance is PersonalDataContributor => instance != null);
    this.contributors = [...new Set(found)];
    const keys = this.sections().map((section) => section.key);
    const repeated = keys.filter((key, i) => keys.indexOf(key) !== i);
    if (repeated.length > 0) throw new Error(`personal data sections named twice: ${repeated.join(', ')}`);
  }

  sections(): PersonalDataSection[] {
    return this.contributors.flatMap((contributor) => contributor.sections);
  }

  /** `table.column` → why it is not exported, from every contributor. */
  notExported(): Record<string, string> {
    return Object.assign({}, ...this.contributors.map((contributor) => contributor.notExported ?? {}));
  }

  /** Every section's records about the alumnus, by key, read with the caller's manager. */
  async export(manager: EntityManager, alumnusId: string): Promise<Record<string, PersonalRecord[]>> {
    const records: Record<string, PersonalRecord[]> = {};
    // One after another: the embedded engine has one session, and a transaction's manager one connection.
    for (const section of this.sections()) records[section.key] = await section.read(manager, alumnusId);
    return records;
  }

  /** Runs every module's part of an account erasure; answers the storage keys to remove after the commit. */
  async erase(manager: EntityManager, alumnusId: string): Promise<string[]> {
    const files: string[] = [];
    for (const contributor of this.contributors) files.push(...((await contributor.erase?.(manager, alumnusId)) ?? []));
    return files;
  }
}
