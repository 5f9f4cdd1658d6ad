import { Injectable, type OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { MergeParticipant, type MergeContext } from './merge-participant.js';

/** Every module's MergeParticipant, found at start-up: what a merge of two alumni records runs. */
@Injectable()
export class MergeRegistry implements OnModuleInit {
  private participants: MergeParticipant[] = [];

  constructor(private readonly discovery: DiscoveryService) {}

  onModuleInit(): void {
    const found = this.discovery
      .getProviders({ metadataKey: MergeParticipant.KEY })
      .map((wrapper) => wrapper.instance as MergeParticipant | undefined)
      .filter((instance): instance is MergeParticipant => instance != null);
    this.participants = [...new Set(found)];
    const columns = this.columns();
    const repeated = columns.filter((column, i) => columns.indexOf(column) !== i);
    if (repeated.length > 0) throw new Error(`merge columns claimed twice: ${repeated.join(', ')}`);
  }

  /** Every `table.column` some participant moves. */
  columns(): string[] {
    return this.participants.flatMap((participant) => participant.columns);
  }

  /** Runs every module's part, one after another on the transaction's connection. */
  async merge(context: MergeContext): Promise<void> {
    for (const participant of this.participants) await participant.merge(context);
  }
}
