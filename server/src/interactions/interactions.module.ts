import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { InteractionEntity } from './interaction.entity.js';
import { InteractionsService } from './interactions.service.js';

@Module({
  imports: [TypeOrmModule.forFeature([InteractionEntity])],
  providers: [InteractionsService],
  exports: [InteractionsService],
})
export class InteractionsModule {}
