import { join } from 'node:path';
import { Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import type { AppConfig } from '../config/configuration.js';
import { LocalFolderStorage } from './local-folder.storage.js';
import { S3Storage } from './s3.storage.js';
import { UploadUrls } from './storage-keys.js';
import { OBJECT_STORAGE, type ObjectStorage } from './storage.port.js';
import { UploadsController } from './uploads.controller.js';

/** The storage port (OBJECT_STORAGE: the local folder or S3, per STORAGE) and the read-only route that serves stored files. */
@Module({
  controllers: [UploadsController],
  providers: [
    {
      provide: OBJECT_STORAGE,
      inject: [ConfigService],
      useFactory: async (config: ConfigService<AppConfig, true>): Promise<ObjectStorage> => {
        const { driver, s3, publicBaseUrl } = config.get('storage', { infer: true });
        const urls = new UploadUrls(publicBaseUrl);
        if (driver === 'local') return new LocalFolderStorage(join(config.get('dataDir', { infer: true }), 'uploads'), urls);
        const storage = new S3Storage(s3!, urls);
        await storage.assertReachable();
        return storage;
      },
    },
  ],
  exports: [OBJECT_STORAGE],
})
export class StorageModule implements OnApplicationShutdown {
  constructor(@Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage) {}

  onApplicationShutdown(): void {
    if (this.storage instanceof S3Storage) this.storage.close();
  }
}
