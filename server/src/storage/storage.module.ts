import { join } from 'node:path';
import { Module } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration.js';
import { LocalFolderStorage } from './local-folder.storage.js';
import { OBJECT_STORAGE } from './storage.port.js';
import { UploadsController } from './uploads.controller.js';

/** The storage port (OBJECT_STORAGE) and the read-only route that serves stored files. */
@Module({
  controllers: [UploadsController],
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [ConfigService],
      useFactory: (config: ConfigService<AppConfig, true>) =>
        new LocalFolderStorage(join(config.get('dataDir', { infer: true }), 'uploads')),
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule {}
