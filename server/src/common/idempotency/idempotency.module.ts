import { Module } from '@nestjs/common';
import { IdempotencyService } from './idempotency.service.js';
import { IdempotencyPersonalData } from './idempotency-personal-data.js';

/** Replays the first answer to requests repeated with the same `Idempotency-Key`. */
@Module({
  providers: [IdempotencyPersonalData, IdempotencyService],
  exports: [IdempotencyService],
})
export class IdempotencyModule {}
