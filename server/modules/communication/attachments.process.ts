/**
 * What an uploaded file is, judged from its bytes, never its name (security.md 22): photos are
 * JPEG, PNG or WebP and are re-encoded without EXIF or GPS; video is MP4, MOV or WebM; documents are
 * PDF. Everything else — SVG, HTML, HEIC (which this server's image library cannot decode), archives —
 * is refused.
 */
import { fileTypeFromBuffer } from 'file-type';
import sharp from 'sharp';
import { defineProblem, Problem } from '../../platform/errors.ts';

export const LIMITS = {
  image: 20 * 1024 * 1024,
  video: 200 * 1024 * 1024,
  pdf: 20 * 1024 * 1024,
  megapixels: 40_000_000,
};

export const unsupportedFile = defineProblem({
  status: 415,
  code: 'attachments.unsupported_type',
  title: {
    sv: 'Filtypen stöds inte. Ladda upp foton (JPEG, PNG, WebP), film (MP4, MOV, WebM) eller PDF.',
    en: 'The file type is not supported. Upload photos (JPEG, PNG, WebP), video (MP4, MOV, WebM) or PDF.',
  },
});

export const fileTooLarge = defineProblem({
  status: 413,
  code: 'attachments.too_large',
  title: {
    sv: 'Filen är för stor (foton och PDF högst 20 MB, film högst 200 MB, bilder högst 40 megapixel)',
    en: 'The file is too large (photos and PDF at most 20 MB, video 200 MB, images 40 megapixels)',
  },
});

const IMAGE = new Map([
  ['image/jpeg', 'jpeg'],
  ['image/png', 'png'],
  ['image/webp', 'webp'],
] as const);
const VIDEO = new Set(['video/mp4', 'video/quicktime', 'video/webm']);

export type Processed = {
  kind: 'image' | 'video' | 'pdf';
  contentType: string;
  bytes: Buffer;
  thumbnail: Buffer | null;
  width: number | null;
  height: number | null;
};

/** The file types the sender's name or declared type claim; a mismatch with the bytes is refused. */
const BY_EXTENSION: Record<string, string> = {
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
  pdf: 'application/pdf',
  mp4: 'video/mp4',
  m4v: 'video/mp4',
  mov: 'video/quicktime',
  webm: 'video/webm',
};

/** Declared types some mail programs and old browsers use for the same formats. */
const ALIASES: Record<string, string> = {
  'image/jpg': 'image/jpeg',
  'image/pjpeg': 'image/jpeg',
  'application/x-pdf': 'application/pdf',
  'video/x-quicktime': 'video/quicktime',
};

function claimed(fileName: string | undefined, declared: string | undefined): string[] {
  const claims: string[] = [];
  const ext = fileName?.split('.').pop()?.toLowerCase();
  if (ext && fileName?.includes('.')) claims.push(BY_EXTENSION[ext] ?? 'unknown');
  const type = declared?.split(';')[0]?.trim().toLowerCase();
  if (type && type !== 'application/octet-stream') claims.push(ALIASES[type] ?? type);
  return claims;
}

export async function processUpload(
  input: Buffer,
  claim: { fileName?: string | undefined; contentType?: string | undefined } = {},
): Promise<Processed> {
  const type = await fileTypeFromBuffer(input);
  const mime = type?.mime ?? '';
  // A PNG called invoice.pdf is refused: whatever the bytes are, they must be what the file says it is.
  if (claimed(claim.fileName, claim.contentType).some((c) => c !== mime))
    throw unsupportedFile({ detail: `${mime || 'unknown'} ≠ claimed` });
  const format = IMAGE.get(mime as never);
  if (format) {
    if (input.length > LIMITS.image) throw fileTooLarge();
    try {
      return await reencodeImage(input, format, mime);
    } catch (err) {
      if (err instanceof Problem) throw err;
      // Bytes that start like a photo but cannot be read as one (cut off, corrupt).
      throw unsupportedFile({ detail: 'unreadable image' });
    }
  }
  if (VIDEO.has(mime)) {
    if (input.length > LIMITS.video) throw fileTooLarge();
    return { kind: 'video', contentType: mime, bytes: input, thumbnail: null, width: null, height: null };
  }
  if (mime === 'application/pdf') {
    if (input.length > LIMITS.pdf) throw fileTooLarge();
    return { kind: 'pdf', contentType: mime, bytes: input, thumbnail: null, width: null, height: null };
  }
  throw unsupportedFile({ detail: mime || 'unknown' });
}

async function reencodeImage(
  input: Buffer,
  format: 'jpeg' | 'png' | 'webp',
  mime: string,
): Promise<Processed> {
  // Dimensions come from the header: an image bomb is refused before any pixel is decoded.
  const meta = await sharp(input).metadata();
  if (!meta.width || !meta.height) throw unsupportedFile();
  if (meta.width * meta.height > LIMITS.megapixels) throw fileTooLarge();
  const pipeline = sharp(input, { limitInputPixels: LIMITS.megapixels }).rotate(); // apply, then drop, the EXIF orientation
  const bytes =
    format === 'jpeg'
      ? await pipeline.jpeg({ quality: 85, mozjpeg: true }).toBuffer()
      : format === 'png'
        ? await pipeline.png().toBuffer()
        : await pipeline.webp({ quality: 85 }).toBuffer();
  const out = await sharp(bytes).metadata();
  const thumbnail = await sharp(bytes)
    .resize(320, 320, { fit: 'inside', withoutEnlargement: true })
    .jpeg({ quality: 75 })
    .toBuffer();
  return {
    kind: 'image',
    contentType: mime,
    bytes,
    thumbnail,
    width: out.width ?? null,
    height: out.height ?? null,
  };
}

/** A file name safe to show and to put in Content-Disposition: no paths, no control characters. */
export function cleanFileName(name: string | undefined, fallback: string): string {
  const base = (name ?? '').split(/[\\/]/).pop() ?? '';
  const cleaned = [...base]
    .filter((ch) => ch.charCodeAt(0) >= 0x20 && ch.charCodeAt(0) !== 0x7f && ch !== '"')
    .join('')
    .trim()
    .slice(0, 200);
  return cleaned || fallback;
}
