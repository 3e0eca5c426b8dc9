import { queryOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import type { failedMailSchema, NotificationSettings } from '../../../../contract/notifications.ts';
import { getJson, postJson, request } from '../../app/api.ts';

export type FailedMail = z.infer<typeof failedMailSchema>;

export const notificationSettingsQuery = queryOptions({
  queryKey: ['me', 'notifications'],
  queryFn: ({ signal }) => getJson<NotificationSettings>('/api/me/notifications', { signal }),
});

export async function saveNotificationSettings(body: NotificationSettings): Promise<NotificationSettings> {
  return (await request<NotificationSettings>('/api/me/notifications', { method: 'PUT', body })).data;
}

const base = (orgId: string) => `/api/orgs/${encodeURIComponent(orgId)}`;

export function failedMailQuery(orgId: string) {
  return queryOptions({
    queryKey: ['failed-mail', orgId],
    queryFn: ({ signal }) => getJson<{ items: FailedMail[] }>(`${base(orgId)}/failed-mail`, { signal }),
  });
}

/** Sends a failed mail again, the same message with the same Message-ID. */
export function resendMail(args: { orgId: string; jobId: string }) {
  return postJson<{ jobId: string }>(
    `${base(args.orgId)}/failed-mail/${encodeURIComponent(args.jobId)}/resend`,
    {},
  );
}
