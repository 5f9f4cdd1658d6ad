import { Injectable, type OnModuleInit } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectPinoLogger, PinoLogger } from 'nestjs-pino';
import { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configuration.js';
import { migrate, seedIfEmpty } from './schema-setup.js';

/** Brings the schema up to date before the server takes requests, then seeds the demo. */
@Injectable()
export class DatabaseSetupService implements OnModuleInit {
  constructor(
    private readonly dataSource: DataSource,
    private readonly config: ConfigService<AppConfig, true>,
    @InjectPinoLogger(DatabaseSetupService.name) private readonly logger: PinoLogger,
  ) {}

  async onModuleInit(): Promise<void> {
    const applied = await migrate(this.dataSource);
    if (applied.length > 0) this.logger.info({ migrations: applied }, 'migrations applied');
    if (this.config.get('seedDemo', { infer: true }) && (await seedIfEmpty(this.dataSource))) {
      this.logger.info('demo data seeded into the empty database');
    }
  }
}
