import { describe, expect, it } from 'vitest';
import { formatSize, precheckFile, problemOf } from './upload-rules.ts';

const MB = 1024 * 1024;

describe('checking a file before it is sent', () => {
  it('takes photos, video clips and PDFs within their limits', () => {
    expect(precheckFile({ name: 'IMG_0001.jpg', type: 'image/jpeg', size: 3 * MB })).toEqual({ ok: true });
    expect(precheckFile({ name: 'clip.mov', type: 'video/quicktime', size: 150 * MB })).toEqual({ ok: true });
    expect(precheckFile({ name: 'intyg.pdf', type: 'application/pdf', size: 1 * MB })).toEqual({ ok: true });
  });

  it('stops a file over its kind’s limit: photos and PDFs 20 MB, video 200 MB', () => {
    expect(precheckFile({ name: 'big.jpg', type: 'image/jpeg', size: 21 * MB })).toEqual({
      ok: false,
      reason: 'too_large',
    });
    expect(precheckFile({ name: 'long.mp4', type: 'video/mp4', size: 201 * MB })).toEqual({
      ok: false,
      reason: 'too_large',
    });
    expect(precheckFile({ name: 'scan.pdf', type: 'application/pdf', size: 20 * MB + 1 })).toEqual({
      ok: false,
      reason: 'too_large',
    });
  });

  it('stops types the server refuses, judging by the name when the browser gives no type', () => {
    expect(precheckFile({ name: 'IMG_0002.HEIC', type: 'image/heic', size: MB })).toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(precheckFile({ name: 'logo.svg', type: 'image/svg+xml', size: 1000 })).toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(precheckFile({ name: 'foto.JPG', type: '', size: MB })).toEqual({ ok: true });
    expect(precheckFile({ name: 'arkiv.zip', type: '', size: MB })).toEqual({
      ok: false,
      reason: 'unsupported',
    });
    expect(precheckFile({ name: 'tom.jpg', type: 'image/jpeg', size: 0 })).toEqual({
      ok: false,
      reason: 'empty',
    });
  });
});

describe('sizes as people read them', () => {
  it('shows kB below a megabyte and MB with one decimal above', () => {
    expect(formatSize(300)).toBe('1 kB');
    expect(formatSize(820 * 1024)).toBe('820 kB');
    expect(formatSize(2.44 * MB)).toBe('2,4 MB');
    expect(formatSize(2.44 * MB, 'en')).toBe('2.4 MB');
  });
});

describe('reading a refused upload', () => {
  it('keeps the problem document’s title and field errors', () => {
    const error = problemOf(
      415,
      'application/problem+json; charset=utf-8',
      JSON.stringify({
        code: 'attachments.unsupported_type',
        title: 'Filtypen stöds inte.',
        errors: [{ field: 'file', code: 'x', message: 'Välj en fil' }],
      }),
    );
    expect(error).toMatchObject({
      status: 415,
      code: 'attachments.unsupported_type',
      title: 'Filtypen stöds inte.',
      fieldErrors: [{ field: 'file', message: 'Välj en fil' }],
    });
  });

  it('gives an empty title for an answer that is not a problem document (a proxy’s 413 page)', () => {
    expect(problemOf(413, 'text/html', '<h1>Too large</h1>')).toMatchObject({ status: 413, title: '' });
    expect(problemOf(502, 'application/json', 'not json')).toMatchObject({ status: 502, code: 'unknown' });
  });
});
