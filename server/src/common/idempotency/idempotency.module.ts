import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';

/** Replays the first answer to requests repeated with the same `Idempotency-Key`. */
@Module({
  providers: [IdempotencyService],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
