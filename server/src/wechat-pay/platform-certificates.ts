import { type KeyObject, X509Certificate } from 'node:crypto';
import { decryptResource } from './wechat-pay-crypto.js';

/** One entry of `GET /v3/certificates` (下载平台证书), as WeChat Pay answers it. */
export interface CertificateEntry {
  serial_no: string;
  effective_time: string;
  expire_time: string;
  encrypt_certificate: { algorithm: string; nonce: string; associated_data: string; ciphertext: string };
}

/** A certificate that decrypted and checked out, ready to verify signatures under its serial. */
export interface PlatformCertificate {
  serial: string;
  key: KeyObject;
  effectiveAt: number;
  expiresAt: number;
}

/** A new download is due this long after the last one (WeChat Pay adds the next certificate well before the current one expires). */
export const CERTIFICATE_REFRESH_MS = 12 * 3600_000;
/** …and sooner, once the newest certificate we hold expires within this. */
export const CERTIFICATE_EXPIRY_MARGIN_MS = 24 * 3600_000;
/** Downloads are never closer together than this, whatever arrives (an unknown serial cannot make us hammer WeChat Pay). */
export const CERTIFICATE_MIN_INTERVAL_MS = 60_000;

/**
 * The WeChat Pay platform certificates of platform-certificate mode (wechat-contracts.md §7.2),
 * kept per serial. Each entry of a download is decrypted with the APIv3 key (AES-256-GCM: only
 * WeChat Pay and the merchant know the key, so a certificate that decrypts is WeChat Pay's),
 * parsed, and checked: the serial inside is the serial listed, and it is within its validity.
 * Certificates past their expiry are no longer used.
 */
export class PlatformCertificates {
  private readonly bySerial = new Map<string, PlatformCertificate>();
  private lastDownload = Number.NEGATIVE_INFINITY;
  private download: Promise<void> | null = null;

  /** Downloads, opens and verifies the list (the client's signed `GET /v3/certificates`). */
  constructor(private readonly downloadList: () => Promise<PlatformCertificate[]>) {}

  /** The key of a serial, if we hold a certificate for it that is in force now. */
  key(serial: string, now: number = Date.now()): KeyObject | null {
    const certificate = this.bySerial.get(serial);
    return certificate && certificate.effectiveAt <= now && now < certificate.expiresAt ? certificate.key : null;
  }

  /** The serial to name in `Wechatpay-Serial` when asking in this mode: the newest certificate in force. */
  newestSerial(now: number = Date.now()): string | null {
    let newest: [string, PlatformCertificate] | null = null;
    for (const entry of this.bySerial) {
      if (this.key(entry[0], now) && (!newest || entry[1].effectiveAt > newest[1].effectiveAt)) newest = entry;
    }
    return newest?.[0] ?? null;
  }

  /** True when a routine download is due: none yet, the last one is old, or the newest certificate is near its end. */
  due(now: number = Date.now()): boolean {
    if (now - this.lastDownload >= CERTIFICATE_REFRESH_MS) return true;
    const newest = this.newestSerial(now);
    return newest === null || this.bySerial.get(newest)!.expiresAt - now < CERTIFICATE_EXPIRY_MARGIN_MS;
  }

  /**
   * Downloads the list again unless one ran within the minimum interval; concurrent callers
   * share one download. A failed download keeps what we had.
   */
  async refresh(now: number = Date.now()): Promise<void> {
    if (this.download) return this.download;
    if (now - this.lastDownload < CERTIFICATE_MIN_INTERVAL_MS) return;
    this.lastDownload = now;
    this.download = this.fetchAndKeep(now).finally(() => {
      this.download = null;
    });
    return this.download;
  }

  private async fetchAndKeep(now: number): Promise<void> {
    for (const certificate of await this.downloadList()) this.bySerial.set(certificate.serial, certificate);
    for (const [serial, certificate] of this.bySerial) if (certificate.expiresAt <= now) this.bySerial.delete(serial);
  }

  /** Decrypts and checks one entry of the list; throws naming what is wrong. */
  static open(apiV3Key: string, entry: CertificateEntry, now: number = Date.now()): PlatformCertificate {
    const pem = decryptResource(apiV3Key, { original_type: 'certificate', ...entry.encrypt_certificate });
    const certificate = new X509Certificate(pem);
    const serial = entry.serial_no.toUpperCase();
    if (certificate.serialNumber.toUpperCase() !== serial)
      throw new Error(`certificate ${serial} carries serial ${certificate.serialNumber}`);
    const effectiveAt = Math.max(Date.parse(entry.effective_time), Date.parse(certificate.validFrom));
    const expiresAt = Math.min(Date.parse(entry.expire_time), Date.parse(certificate.validTo));
    if (!(expiresAt > now)) throw new Error(`certificate ${serial} has expired`);
    return { serial, key: certificate.publicKey, effectiveAt, expiresAt };
  }
}
