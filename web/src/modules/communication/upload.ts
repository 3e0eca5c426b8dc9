/**
 * Uploading a photo, video clip or PDF with a progress bar: fetch cannot report upload progress, so
 * this uses XMLHttpRequest.
 */
import type { Attachment } from '../../../../contract/communication.ts';
import { ApiError } from '../../app/api.ts';
import { currentLocale } from '../../app/i18n/i18n.ts';
import { problemOf } from './upload-rules.ts';

/**
 * Sends one file as multipart (field `file`, and `visibility`) and reports progress from 0 to 1.
 * Resolves with the stored attachment; rejects with an ApiError (status 0 when the network failed)
 * or an AbortError.
 */
export function uploadWithProgress(args: {
  url: string;
  file: File;
  visibility?: string;
  onProgress: (fraction: number) => void;
  signal?: AbortSignal;
}): Promise<Attachment> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', args.url);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('accept-language', currentLocale());
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable && event.total > 0) args.onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        args.onProgress(1);
        resolve(JSON.parse(xhr.responseText) as Attachment);
        return;
      }
      reject(
        new ApiError(problemOf(xhr.status, xhr.getResponseHeader('content-type') ?? '', xhr.responseText)),
      );
    };
    xhr.onerror = () => reject(new ApiError({ status: 0, code: 'network', title: '' }));
    xhr.onabort = () => reject(new DOMException('The upload was stopped', 'AbortError'));
    args.signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    const form = new FormData();
    // The visibility goes first: the server reads the parts in order.
    if (args.visibility) form.append('visibility', args.visibility);
    form.append('file', args.file, args.file.name);
    xhr.send(form);
  });
}
