import { z } from 'zod';
import { membershipSchema } from './organizations.ts';

export const locales = ['sv', 'en'] as const;
export type Locale = (typeof locales)[number];

export const loginBodySchema = z.strictObject({
  login: z.string().trim().min(1).max(254).describe('Username or e-mail address'),
  password: z.string().min(1).max(1024),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

export const meSchema = z
  .object({
    id: z.uuid(),
    username: z.string(),
    name: z.string(),
    email: z.string(),
    locale: z.enum(locales),
    memberships: z.array(membershipSchema),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;

export const healthSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['embedded', 'postgres']),
  version: z.string(),
});
