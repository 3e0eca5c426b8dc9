import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { roles } from './organizations.values.ts';

export const userStatuses = ['active', 'disabled'] as const;

export const companyUserSchema = z
  .object({
    userId: z.uuid(),
    name: z.string(),
    email: z.string(),
    username: z.string(),
    role: z.enum(roles),
    status: z.enum(userStatuses),
    lastLoginAt: isoDateTime.nullable(),
    twoFactor: z.boolean(),
    mustChangePassword: z.boolean(),
  })
  .meta({ id: 'CompanyUser' });
export type CompanyUser = z.infer<typeof companyUserSchema>;
export const companyUserListSchema = z.object({ items: z.array(companyUserSchema) });

export const userParams = z.object({ orgId: z.uuid(), userId: z.uuid() });

export const createUserBodySchema = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.string().trim().toLowerCase().max(254).pipe(z.email()),
    username: z
      .string()
      .trim()
      .min(3)
      .max(60)
      .regex(/^[\p{L}\p{N}._@-]+$/u, 'Letters, digits and . _ @ - only'),
    role: z.enum(roles),
    password: z.string().min(1).max(1024),
  })
  .meta({ id: 'CreateUser' });
export type CreateUserBody = z.infer<typeof createUserBodySchema>;

/**
 * `created`: a new account (its id). `invited`: the address already had an account; it was sent an
 * invitation to the company instead, which its owner accepts (no id: the account is not the admin's yet).
 */
export const createUserResultSchema = z
  .object({ userId: z.uuid().nullable(), outcome: z.enum(['created', 'invited']) })
  .meta({ id: 'CreateUserResult' });

export const changeRoleBodySchema = z.strictObject({ role: z.enum(roles) }).meta({ id: 'ChangeRole' });
export const setDisabledBodySchema = z
  .strictObject({ disabled: z.boolean() })
  .meta({ id: 'SetUserDisabled' });
