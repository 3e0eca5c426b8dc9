/** Which notifications a person can get, from the companies they belong to and their roles. Pure. */
import type { NotificationSettings } from '../../../../contract/notifications.ts';
import { notificationKinds } from '../../../../contract/notifications.ts';
import type { Membership } from '../../../../contract/organizations.ts';

type Kind = (typeof notificationKinds)[number];

/**
 * A contractor's people get new orders, answers to their questions, messages and cancellations, and
 * its administrators and work managers the morning reminder of overdue orders; a client's people get
 * questions and messages. Someone in both kinds of company sees both sets, in the list's order.
 */
export function kindsFor(memberships: Pick<Membership, 'orgKind' | 'role'>[]): Kind[] {
  const wanted = new Set<Kind>();
  for (const m of memberships) {
    if (m.role === 'support' || m.role === 'viewer') continue;
    if (m.orgKind === 'contractor') {
      for (const k of ['new_order', 'answer', 'message', 'cancelled'] as const) wanted.add(k);
      if (m.role === 'admin' || m.role === 'manager') wanted.add('overdue');
    }
    if (m.orgKind === 'client') {
      for (const k of ['question', 'message'] as const) wanted.add(k);
    }
  }
  return notificationKinds.filter((k) => wanted.has(k));
}

/** The settings to save: the kinds switched off among those offered, keeping the others as they were. */
export function settingsFrom(args: {
  saved: NotificationSettings;
  offered: Kind[];
  on: Record<string, boolean>;
  digest: boolean;
}): NotificationSettings {
  const off = notificationKinds.filter((k) =>
    args.offered.includes(k) ? args.on[k] === false : args.saved.off.includes(k),
  );
  return { off, digest: args.digest };
}
