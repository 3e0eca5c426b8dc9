/**
 * The work-order status machine of domain.md, as data and pure functions: no database, no clock.
 * Which *role* may act is the policy's business (work-orders.policy.ts); this file knows which
 * *side* (client or contractor) may make each move and what each move needs.
 */
import type { WorkOrderStatus } from '../../../contract/work-orders.ts';

export type Side = 'client' | 'contractor';

export const ACTIVE: readonly WorkOrderStatus[] = [
  'new',
  'accepted',
  'material_ordered',
  'reporter_unreachable',
];
const IN_PROGRESS: readonly WorkOrderStatus[] = ['accepted', 'material_ordered', 'reporter_unreachable'];

export type TransitionInput = {
  reason?: string | undefined;
  actionDescription?: string | undefined;
  faultType?: string | undefined;
  rootCause?: string | undefined;
  model?: string | undefined;
  serialNumber?: string | undefined;
};

/** The client's rules for closing an order (from its agreement; defaults until agreements exist). */
export type CloseOutRules = {
  requireFaultType: boolean;
  requireRootCause: boolean;
  /** The order's unit is an appliance: model and serial number are required. */
  requireModelAndSerial: boolean;
};

export const defaultCloseOutRules: CloseOutRules = {
  requireFaultType: false,
  requireRootCause: false,
  requireModelAndSerial: false,
};

type Rule = { from: readonly WorkOrderStatus[]; to: WorkOrderStatus; side: Side; needsReason?: boolean };

/** Every allowed move. Anything not listed here is refused. */
export const RULES: readonly Rule[] = [
  { from: ['new'], to: 'accepted', side: 'contractor' },
  { from: ['new'], to: 'declined', side: 'contractor', needsReason: true },
  // The three in-progress statuses move freely among themselves.
  { from: ['material_ordered', 'reporter_unreachable'], to: 'accepted', side: 'contractor' },
  { from: ['accepted', 'reporter_unreachable'], to: 'material_ordered', side: 'contractor' },
  { from: ['accepted', 'material_ordered'], to: 'reporter_unreachable', side: 'contractor' },
  { from: IN_PROGRESS, to: 'done', side: 'contractor' },
  // A draft the client no longer wants is made Makulerad too, so it leaves the active list.
  { from: ['draft', ...ACTIVE], to: 'cancelled', side: 'client', needsReason: true },
  { from: ['done'], to: 'invoiced', side: 'client' },
  // Reopening a done order takes it back to Accepterad.
  { from: ['done'], to: 'accepted', side: 'client', needsReason: true },
];

export function findRule(from: WorkOrderStatus, to: WorkOrderStatus, side: Side): Rule | undefined {
  return RULES.find((r) => r.to === to && r.side === side && r.from.includes(from));
}

/** The statuses one side may move an order to from where it is now. */
export function nextStatuses(from: WorkOrderStatus, side: Side): WorkOrderStatus[] {
  return RULES.filter((r) => r.side === side && r.from.includes(from)).map((r) => r.to);
}

export function isActive(status: WorkOrderStatus): boolean {
  return ACTIVE.includes(status);
}

export type TransitionDecision =
  | { ok: true; completes: boolean; reopens: boolean }
  | { ok: false; error: 'not_allowed' }
  | { ok: false; error: 'missing_fields'; fields: (keyof TransitionInput)[] };

const filled = (v: string | undefined) => typeof v === 'string' && v.trim().length > 0;

/** Decides one move: allowed or not, and if allowed, whether the input carries what it needs. */
export function decideTransition(args: {
  from: WorkOrderStatus;
  to: WorkOrderStatus;
  side: Side;
  input: TransitionInput;
  closeOut?: CloseOutRules;
}): TransitionDecision {
  const { from, to, side, input } = args;
  const rule = findRule(from, to, side);
  if (!rule) return { ok: false, error: 'not_allowed' };

  const missing: (keyof TransitionInput)[] = [];
  if (rule.needsReason && !filled(input.reason)) missing.push('reason');
  if (to === 'done') {
    const closeOut = args.closeOut ?? defaultCloseOutRules;
    if (!filled(input.actionDescription)) missing.push('actionDescription');
    if (closeOut.requireFaultType && !filled(input.faultType)) missing.push('faultType');
    if (closeOut.requireRootCause && !filled(input.rootCause)) missing.push('rootCause');
    if (closeOut.requireModelAndSerial) {
      if (!filled(input.model)) missing.push('model');
      if (!filled(input.serialNumber)) missing.push('serialNumber');
    }
  }
  if (missing.length > 0) return { ok: false, error: 'missing_fields', fields: missing };
  return { ok: true, completes: to === 'done', reopens: from === 'done' && to === 'accepted' };
}
