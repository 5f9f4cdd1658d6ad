import {
  DeleteObjectCommand,
  GetObjectCommand,
  HeadBucketCommand,
  NoSuchKey,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3';
import type { S3Config } from '../config/configuration.js';
import { StartupError } from '../database/startup-error.js';
import { contentTypeOfKey, newKey, originalKeyOf, thumbnailKeyOf, type UploadUrls } from './storage-keys.js';
import type { ObjectContent, ObjectStorage, PutObjectInput, StoredObject } from './storage.port.js';

/**
 * Uploads in an S3-compatible bucket (Tencent COS through its S3 endpoint, MinIO, AWS S3), so
 * every instance reads what any of them stored. The bucket stays private: files are served by
 * the server (UploadsController, or the owning module after its access check), never by a
 * public bucket URL or listing.
 */
export class S3Storage implements ObjectStorage {
  private readonly client: S3Client;

  constructor(
    private readonly config: S3Config,
    private readonly urls: UploadUrls,
  ) {
    this.client = new S3Client({
      region: config.region,
      ...(config.endpoint ? { endpoint: config.endpoint } : {}),
      forcePathStyle: config.forcePathStyle,
      credentials: { accessKeyId: config.accessKeyId, secretAccessKey: config.secretAccessKey },
      // Without these the SDK streams uploads with checksum framing that some S3-compatible
      // stores keep as part of the file (measured: 300,000 bytes stored as 300,080).
      requestChecksumCalculation: 'WHEN_REQUIRED',
      responseChecksumValidation: 'WHEN_REQUIRED',
      requestHandler: { connectionTimeout: 3_000, requestTimeout: 15_000 },
    });
  }

  /** Refuses to start when the bucket cannot be reached with these credentials, naming what to check. */
  async assertReachable(): Promise<void> {
    try {
      await this.client.send(new HeadBucketCommand({ Bucket: this.config.bucket }));
    } catch (error) {
      const status = (error as S3ServiceException).$metadata?.httpStatusCode;
      const why = status ? `answered HTTP ${status}` : `could not be reached (${(error as Error).message})`;
      throw new StartupError(
        `The object storage bucket ${this.config.bucket} at ${this.config.endpoint ?? `the AWS endpoint of ${this.config.region}`} ${why}: check S3_ENDPOINT, S3_REGION, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY.`,
      );
    }
  }

  async put(input: PutObjectInput): Promise<StoredObject> {
    const key = newKey(input.folder, input.contentType);
    await this.write(key, input.body, input.contentType);
    if (!input.thumbnail)
      return { key, url: this.urlFor(key), contentType: input.contentType, size: input.body.length, thumbnailUrl: null };
    const thumbnailKey = thumbnailKeyOf(key);
    await this.write(thumbnailKey, input.thumbnail, input.contentType);
    return {
      key,
      url: this.urlFor(key),
      contentType: input.contentType,
      size: input.body.length,
      thumbnailUrl: this.urlFor(thumbnailKey),
    };
  }

  private async write(key: string, body: Buffer, contentType: string): Promise<void> {
    await this.client.send(
      new PutObjectCommand({ Bucket: this.config.bucket, Key: key, Body: body, ContentType: contentType, ContentLength: body.length }),
    );
  }

  async get(key: string): Promise<ObjectContent | null> {
    const contentType = contentTypeOfKey(key);
    if (contentType === null) return null;
    try {
      const answer = await this.client.send(new GetObjectCommand({ Bucket: this.config.bucket, Key: key }));
      return { body: Buffer.from(await answer.Body!.transformToByteArray()), contentType };
    } catch (error) {
      if (error instanceof NoSuchKey || (error as S3ServiceException).$metadata?.httpStatusCode === 404) return null;
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    if (contentTypeOfKey(key) === null) return;
    // S3 answers a delete of a missing key with success, as the port wants.
    await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: key }));
    if (originalKeyOf(key) === null)
      await this.client.send(new DeleteObjectCommand({ Bucket: this.config.bucket, Key: thumbnailKeyOf(key) }));
  }

  urlFor(key: string): string {
    return this.urls.urlFor(key);
  }

  keyOf(url: string): string | null {
    return this.urls.keyOf(url);
  }

  close(): void {
    this.client.destroy();
  }
}
