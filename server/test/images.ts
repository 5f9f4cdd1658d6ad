import sharp from 'sharp';

const colour = { r: 31, g: 87, b: 168 };

/** A real picture of that size and type (uploads are decoded, so a header alone is refused). */
export function picture(type: 'png' | 'jpeg' | 'webp', width = 8, height = 8): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .toFormat(type)
    .toBuffer();
}

/** A JPEG as a phone takes it: EXIF with the camera and the GPS position of the place it was taken. */
export function phonePhoto(width = 64, height = 48): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: colour } })
    .jpeg()
    .withExif({
      IFD0: { Make: 'AlumniPhone', Model: 'Test 1' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '30/1 15/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '120/1 10/1 0/1' },
    })
    .toBuffer();
}

/** What a served picture is: its format, size, and whether any EXIF survived. */
export async function pictureFacts(
  body: Buffer | ArrayBuffer,
): Promise<{ format?: string; width?: number; height?: number; exif: boolean }> {
  const { format, width, height, exif } = await sharp(Buffer.from(body as ArrayBuffer)).metadata();
  return { format, width, height, exif: exif !== undefined };
}
