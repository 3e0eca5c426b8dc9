/**
 * What the server takes as an attachment, checked in the browser before anything is sent, and how a
 * refused upload reads. Pure.
 */
const MB = 1024 * 1024;

/** The server's limits (server/modules/communication/attachments.process.ts). */
export const UPLOAD_LIMITS = { image: 20 * MB, video: 200 * MB, pdf: 20 * MB } as const;

/** What the file picker offers: what the server takes. */
export const ACCEPT = 'image/*,video/*,application/pdf';

const KIND_BY_TYPE: Record<string, keyof typeof UPLOAD_LIMITS> = {
  'image/jpeg': 'image',
  'image/png': 'image',
  'image/webp': 'image',
  'video/mp4': 'video',
  'video/quicktime': 'video',
  'video/webm': 'video',
  'application/pdf': 'pdf',
};

const KIND_BY_EXTENSION: Record<string, keyof typeof UPLOAD_LIMITS> = {
  jpg: 'image',
  jpeg: 'image',
  png: 'image',
  webp: 'image',
  mp4: 'video',
  m4v: 'video',
  mov: 'video',
  webm: 'video',
  pdf: 'pdf',
};

export type Precheck = { ok: true } | { ok: false; reason: 'too_large' | 'unsupported' | 'empty' };

/**
 * Whether a chosen file can go up: a known kind (from its type, else its name's ending) within that
 * kind's size. The server judges the bytes again; this saves sending 300 MB to be told no.
 */
export function precheckFile(file: { name: string; type: string; size: number }): Precheck {
  if (file.size === 0) return { ok: false, reason: 'empty' };
  const extension = file.name.includes('.') ? file.name.split('.').pop()!.toLowerCase() : '';
  const kind = file.type ? KIND_BY_TYPE[file.type.toLowerCase()] : KIND_BY_EXTENSION[extension];
  if (!kind) return { ok: false, reason: 'unsupported' };
  return file.size > UPLOAD_LIMITS[kind] ? { ok: false, reason: 'too_large' } : { ok: true };
}

/** "2,4 MB", "820 kB": a size as people read it. */
export function formatSize(bytes: number, locale: 'sv' | 'en' = 'sv'): string {
  const format = (n: number) =>
    new Intl.NumberFormat(locale === 'sv' ? 'sv-SE' : 'en-GB', { maximumFractionDigits: 1 }).format(n);
  if (bytes < 1000 * 1024) return `${format(Math.max(1, Math.round(bytes / 1024)))} kB`;
  return `${format(bytes / MB)} MB`;
}

export type UploadProblem = {
  status: number;
  code: string;
  title: string;
  fieldErrors: { field: string; message: string }[];
};

/** An answer that was not a success, read from its problem document when it has one. */
export function problemOf(status: number, contentType: string, body: string): UploadProblem {
  if (contentType.includes('json')) {
    try {
      const problem = JSON.parse(body) as {
        code?: string;
        title?: string;
        errors?: { field: string; message: string }[];
      };
      return {
        status,
        code: problem.code ?? 'unknown',
        title: problem.title ?? '',
        fieldErrors: (problem.errors ?? []).map((e) => ({ field: e.field, message: e.message })),
      };
    } catch {
      // A body that is not JSON after all: as below.
    }
  }
  return { status, code: 'unknown', title: '', fieldErrors: [] };
}
