import { z } from 'zod';
import { isoDateTime } from './common.ts';
import { orgKinds, roles } from './organizations.values.ts';

const email = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const invitationMembershipSchema = z
  .strictObject({ orgId: z.uuid(), role: z.enum(roles) })
  .meta({ id: 'InvitationMembership' });

export const createInvitationsBodySchema = z
  .strictObject({
    invitations: z
      .array(
        z.strictObject({
          email,
          memberships: z.array(invitationMembershipSchema).min(1).max(50),
        }),
      )
      .min(1)
      .max(50),
  })
  .meta({ id: 'CreateInvitations' });
export type CreateInvitationsBody = z.infer<typeof createInvitationsBodySchema>;

export const pendingInvitationSchema = z
  .object({
    id: z.uuid(),
    email: z.string(),
    role: z.enum(roles).describe('The role in this company'),
    invitedByName: z.string().nullable(),
    sentAt: isoDateTime,
    expiresAt: isoDateTime,
    expired: z.boolean(),
  })
  .meta({ id: 'PendingInvitation' });
export type PendingInvitation = z.infer<typeof pendingInvitationSchema>;
export const pendingInvitationListSchema = z.object({ items: z.array(pendingInvitationSchema) });

export const createdInvitationsSchema = z
  .object({ items: z.array(z.object({ id: z.uuid(), email: z.string() })) })
  .meta({ id: 'CreatedInvitations' });

export const invitationTokenParams = z.object({ token: z.string().min(20).max(100) });
export const invitationIdParams = z.object({ orgId: z.uuid(), invitationId: z.uuid() });

/** What the redeem page shows: only the address and the companies — nothing about existing accounts. */
export const invitationViewSchema = z
  .object({
    email: z.string(),
    companies: z.array(z.object({ name: z.string(), kind: z.enum(orgKinds), role: z.enum(roles) })),
    expiresAt: isoDateTime,
  })
  .meta({ id: 'InvitationView' });
export type InvitationView = z.infer<typeof invitationViewSchema>;

export const registerBodySchema = z
  .strictObject({
    email,
    username: z
      .string()
      .trim()
      .min(3)
      .max(60)
      .regex(/^[\p{L}\p{N}._@-]+$/u, 'Letters, digits and . _ @ - only'),
    name: z.string().trim().min(1).max(200),
    password: z.string().min(1).max(1024),
    passwordConfirmation: z.string().min(1).max(1024),
  })
  .meta({ id: 'RegisterFromInvitation' });
export type RegisterBody = z.infer<typeof registerBodySchema>;

/**
 * `registered`: the account exists, the memberships are granted and the caller is logged in.
 * `confirm_email`: a mail went to the address given; the memberships come when its link is followed.
 */
export const registerResultSchema = z
  .object({ status: z.enum(['registered', 'confirm_email']) })
  .meta({ id: 'RegisterResult' });

export const acceptResultSchema = z
  .object({ orgIds: z.array(z.uuid()) })
  .meta({ id: 'AcceptInvitationResult' });
