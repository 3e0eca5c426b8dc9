import { queryOptions } from '@tanstack/react-query';
import { getJson } from '../../app/api.ts';

/** A mail kept on disk by a server without SMTP (server/platform/mail/dev-mail.routes.ts). */
export type StoredMail = {
  id: string;
  date: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string;
  messageId: string;
};

export const devMailQuery = queryOptions({
  queryKey: ['dev-mail'],
  queryFn: ({ signal }) => getJson<{ items: StoredMail[] }>('/api/dev/mail', { signal }),
  retry: false,
  staleTime: 5_000,
});

export function rawMailUrl(id: string): string {
  return `/api/dev/mail/${encodeURIComponent(id)}/raw`;
}
