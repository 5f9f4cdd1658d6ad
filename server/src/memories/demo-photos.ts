import { createHash } from 'node:crypto';
import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { ConfigService } from '@nestjs/config';
import { InjectDataSource } from '@nestjs/typeorm';
import sharp from 'sharp';
import type { DataSource } from 'typeorm';
import type { AppConfig } from '../config/configuration.js';
import { makeThumbnail } from '../storage/image-pipeline.js';
import { OBJECT_STORAGE, type ObjectStorage } from '../storage/storage.port.js';
import { MEMORY_IMAGE_FOLDER } from './memory-images.service.js';

/** The sepia of a print kept in a drawer for thirty years. */
const PAPER = '#e9dcc0';
const INK = ['#5b4631', '#6e5840', '#8a7356', '#a38d6d'];

/** A scene for each place the demo's photos were taken: drawn shapes, no text (fonts differ between machines). */
function scene(place: string | null, seed: number): string {
  const ink = (n: number) => INK[(seed + n) % INK.length]!;
  const people = Array.from({ length: 6 + (seed % 5) }, (_, i) => {
    const x = 130 + i * (540 / (6 + (seed % 5)));
    return `<circle cx="${x}" cy="392" r="15" fill="${ink(i)}"/><rect x="${x - 19}" y="408" width="38" height="78" rx="12" fill="${ink(i + 1)}"/>`;
  }).join('');
  const backdrop: Record<string, string> = {
    老校门: `<rect x="180" y="140" width="40" height="250" fill="${ink(0)}"/><rect x="580" y="140" width="40" height="250" fill="${ink(0)}"/>
            <rect x="160" y="110" width="480" height="46" fill="${ink(1)}"/>`,
    体育场: `<ellipse cx="400" cy="430" rx="360" ry="120" fill="none" stroke="${ink(2)}" stroke-width="22"/>
            <rect x="60" y="150" width="680" height="60" fill="${ink(3)}"/>`,
    图书馆: `<rect x="150" y="120" width="500" height="260" fill="${ink(2)}"/>${Array.from({ length: 12 }, (_, i) => `<rect x="${175 + (i % 6) * 78}" y="${150 + Math.floor(i / 6) * 100}" width="44" height="60" fill="${PAPER}" opacity="0.7"/>`).join('')}`,
    大礼堂: `<polygon points="140,170 400,80 660,170" fill="${ink(1)}"/>${Array.from({ length: 6 }, (_, i) => `<rect x="${170 + i * 92}" y="170" width="30" height="210" fill="${ink(2)}"/>`).join('')}`,
    江州江边: `<rect x="0" y="300" width="800" height="300" fill="${ink(3)}" opacity="0.6"/><path d="M0 320 Q200 290 400 320 T800 320" stroke="${PAPER}" stroke-width="6" fill="none"/>`,
  };
  return `<svg xmlns="http://www.w3.org/2000/svg" width="800" height="600">
    <rect width="800" height="600" fill="${PAPER}"/>
    <rect width="800" height="280" fill="${ink(3)}" opacity="0.25"/>
    ${backdrop[place ?? ''] ?? backdrop['老校门']}
    ${people}
    <rect width="800" height="600" fill="none" stroke="#f6efe0" stroke-width="36"/>
  </svg>`;
}

/**
 * Draws the demo's old photos (database/seed/demo-memories.ts) through the storage port at
 * start-up: the seed writes rows inside a transaction, where the storage is out of reach. Only
 * with SEED_DEMO, only for photos whose file is missing; each gets a stored picture, its
 * thumbnail and the row's new key.
 */
@Injectable()
export class DemoPhotos implements OnApplicationBootstrap {
  private readonly logger = new Logger(DemoPhotos.name);
  private readonly enabled: boolean;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(OBJECT_STORAGE) private readonly storage: ObjectStorage,
    config: ConfigService<AppConfig, true>,
  ) {
    this.enabled = config.get('seedDemo', { infer: true });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.enabled) return;
    const rows: { id: string; storage_key: string; place: string | null }[] = await this.dataSource.query(
      `SELECT id, storage_key, place FROM memory_photos WHERE status = 'published' ORDER BY created_at LIMIT 200`,
    );
    let drawn = 0;
    for (const row of rows) {
      if ((await this.storage.get(row.storage_key)) !== null) continue;
      const seed = createHash('sha256').update(row.id).digest()[0]!;
      const body = await sharp(Buffer.from(scene(row.place, seed)))
        .jpeg({ quality: 80 })
        .toBuffer();
      const stored = await this.storage.put({
        folder: MEMORY_IMAGE_FOLDER,
        body,
        contentType: 'image/jpeg',
        thumbnail: await makeThumbnail(body, 'image/jpeg'),
      });
      await this.dataSource.query(`UPDATE memory_photos SET storage_key = $2 WHERE id = $1`, [row.id, stored.key]);
      drawn += 1;
    }
    if (drawn > 0) this.logger.log({ drawn }, 'demo old photos drawn');
  }
}
