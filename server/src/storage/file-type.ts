/** The upload types we accept, keyed by MIME type, with the extension used in storage keys. */
export const IMAGE_TYPES = {
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
} as const;

export type ImageType = keyof typeof IMAGE_TYPES;

const startsWith = (body: Buffer, bytes: number[], offset = 0) => bytes.every((byte, i) => body[offset + i] === byte);

/**
 * The real type of an uploaded image, read from its first bytes ("magic numbers"). The
 * file name and the client's Content-Type are not trusted: a renamed script stays refused.
 */
export function detectImageType(body: Buffer): ImageType | null {
  if (startsWith(body, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(body, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  // RIFF....WEBP
  if (startsWith(body, [0x52, 0x49, 0x46, 0x46]) && startsWith(body, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp';
  return null;
}

/**
 * Every type the storage port keeps, with its key extension: the images, and PDF documents
 * (career resource files). An upload route still decides which of them it accepts.
 */
export const STORED_TYPES = { ...IMAGE_TYPES, 'application/pdf': 'pdf' } as const;

export type StoredType = keyof typeof STORED_TYPES;

/** An image type as `detectImageType` reads it, or a PDF (`%PDF-`); null for anything else. */
export function detectStoredType(body: Buffer): StoredType | null {
  if (startsWith(body, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  return detectImageType(body);
}
