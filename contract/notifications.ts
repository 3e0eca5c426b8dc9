import { z } from 'zod';
import { isoDateTime } from './common.ts';

export const notificationKinds = [
  'new_order',
  'question',
  'answer',
  'message',
  'cancelled',
  'overdue',
] as const;

export const notificationSettingsSchema = z
  .strictObject({
    off: z
      .array(z.enum(notificationKinds))
      .max(notificationKinds.length)
      .describe('The notifications the user does not want'),
    digest: z.boolean().describe('One summary mail a day (at 07) instead of single mails'),
  })
  .meta({ id: 'NotificationSettings' });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

export const failedMailSchema = z
  .object({
    id: z.uuid(),
    to: z.array(z.string()),
    subject: z.string(),
    error: z.string().nullable(),
    attempts: z.number().int(),
    createdAt: isoDateTime,
    failedAt: isoDateTime.nullable(),
    workOrderId: z.uuid().nullable(),
  })
  .meta({ id: 'FailedMail' });
export const failedMailListSchema = z.object({ items: z.array(failedMailSchema) });
