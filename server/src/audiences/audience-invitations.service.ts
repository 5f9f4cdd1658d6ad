import { Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import type { AudienceSpec } from '@alumni/shared';
import { JobsService } from '../jobs/jobs.service.js';
import { OutboxService } from '../outbox/outbox.service.js';
import { AudiencesService } from './audiences.service.js';

/** One mass notice to an audience: the outbox kind and payload every member gets. */
export interface AudienceInvitation {
  spec: AudienceSpec;
  kind: string;
  payload: Record<string, unknown>;
  /** Makes each member's message unique (`<key>:<alumnus id>`), so a rerun sends nobody twice. */
  dedupeKey: string;
}

const QUEUE = 'audiences.invite';
/** Members per transaction: an audience of 100,000 is 200 short transactions, not one long one. */
const BATCH = 500;

/**
 * Tells every member of an audience about a vote or a survey (the message centre, and WeChat
 * for those who accepted the template). Scheduled in the caller's transaction, so it happens
 * exactly when the vote or survey was opened; a job then walks the audience in batches, each
 * its own transaction. A crash resumes from the start, and the dedupe keys skip whoever was
 * already told.
 */
@Injectable()
export class AudienceInvitationsService implements OnModuleInit {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audiences: AudiencesService,
    private readonly outbox: OutboxService,
    private readonly jobs: JobsService,
  ) {}

  onModuleInit(): void {
    this.jobs.work<AudienceInvitation>(QUEUE, async ({ data }) => {
      await this.deliver(data);
    });
  }

  schedule(manager: EntityManager, invitation: AudienceInvitation): Promise<void> {
    return this.jobs.send(QUEUE, invitation, { manager });
  }

  /** Queues every member's message; answers how many were new. */
  async deliver(invitation: AudienceInvitation): Promise<number> {
    let after: string | null = null;
    let queued = 0;
    for (;;) {
      const ids = await this.audiences.batch(invitation.spec, after, BATCH);
      if (ids.length === 0) return queued;
      queued += await this.dataSource.transaction((manager) =>
        this.outbox.enqueue(
          manager,
          ids.map((alumnusId) => ({
            alumnusId,
            kind: invitation.kind,
            payload: invitation.payload,
            dedupeKey: `${invitation.dedupeKey}:${alumnusId}`,
          })),
        ),
      );
      after = ids.at(-1)!;
    }
  }
}
