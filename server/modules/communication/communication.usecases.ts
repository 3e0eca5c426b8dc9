/** Notes, questions and answers on an order, and its event log. */
import { and, count, desc, eq, isNull, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { defaultPhrases } from '../../../contract/agreements.values.ts';
import type { eventTypes, noteBodySchema, QuestionItem } from '../../../contract/communication.ts';
import type { Clock } from '../../platform/clock.ts';
import type { Database, Tx } from '../../platform/db.ts';
import { defineProblem, problems } from '../../platform/errors.ts';
import type { Actor } from '../../platform/tenant-scope.ts';
import { findAgreement } from '../agreements/agreements.repository.ts';
import { users } from '../identity/identity.table.ts';
import { notify } from '../notifications/notifications.ts';
import { findOrganization, listMembersWithRoles } from '../organizations/organizations.repository.ts';
import { organizations } from '../organizations/organizations.table.ts';
import { can } from '../organizations/roles.policy.ts';
import { canReadWorkOrders } from '../work-orders/work-orders.policy.ts';
import {
  insertEvent,
  listEvents,
  lockWorkOrder,
  workOrderAccess,
} from '../work-orders/work-orders.repository.ts';
import { type WorkOrderRow, workOrders } from '../work-orders/work-orders.table.ts';
import { scopeOf } from '../work-orders/work-orders.usecases.ts';
import { toEvent } from '../work-orders/work-orders.view.ts';
import { orderTalkMail } from './communication.mail.ts';
import { workOrderQuestions } from './communication.table.ts';

export type CommunicationDeps = { db: Database; clock: Clock; publicUrl: string };

/** Who may write on an order: the people doing or ordering the work, not viewers or support. */
export function canWrite(actor: Pick<Actor, 'orgKind' | 'role'>): boolean {
  return can(actor, 'work_orders.write');
}

export const alreadyAnswered = defineProblem({
  status: 409,
  code: 'questions.already_answered',
  title: { sv: 'Frågan är redan besvarad', en: 'The question has already been answered' },
});

/** Locks an order the actor can reach and may write on: 404 out of reach, 403 for a read-only role. */
export async function orderToWriteOn(
  tx: Tx,
  deps: { clock: Clock },
  actor: Actor,
  id: string,
): Promise<WorkOrderRow> {
  if (!canReadWorkOrders(actor)) throw problems.forbidden();
  const order = await lockWorkOrder(tx, scopeOf(actor, deps.clock), id);
  if (!order) throw problems.notFound();
  if (!canWrite(actor)) throw problems.forbidden();
  return order;
}

export function visibilitiesFor(actor: Pick<Actor, 'orgKind'>): ('internal' | 'shared' | 'tenant')[] {
  return actor.orgKind === 'contractor' ? ['internal', 'shared', 'tenant'] : ['shared', 'tenant'];
}

/** Notera: an event and a ready phrase plus free text; the contractor chooses who sees it. */
export async function addNote(
  deps: CommunicationDeps,
  args: { actor: Actor; id: string; input: z.output<typeof noteBodySchema> },
) {
  const { actor, input } = args;
  if (actor.orgKind === 'client' && input.visibility === 'internal') {
    throw problems.validation({
      errors: [
        {
          field: 'visibility',
          code: 'not_allowed',
          message: {
            sv: 'Interna noteringar är entreprenörens egna',
            en: "Internal notes are the contractor's own",
          },
        },
      ],
    });
  }
  return deps.db.transaction(async (tx) => {
    const order = await orderToWriteOn(tx, deps, actor, args.id);
    if (input.phrase) {
      // Fras is one of the client's ready phrases (its agreement's list, or the default one).
      const phrases = (await findAgreement(tx, order))?.phrases ?? [...defaultPhrases];
      if (!phrases.includes(input.phrase)) {
        throw problems.validation({
          errors: [
            {
              field: 'phrase',
              code: 'invalid_value',
              message: { sv: 'Välj en fras ur listan', en: 'Choose a phrase from the list' },
            },
          ],
        });
      }
    }
    await insertEvent(tx, {
      workOrderId: order.id,
      type: 'note',
      visibility: input.visibility,
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      data: { event: input.event, phrase: input.phrase ?? null, text: input.text ?? null },
      createdAt: deps.clock.now(),
    });
    return { ok: true as const };
  });
}

async function nameOf(tx: Tx, userId: string) {
  const [u] = await tx.select({ name: users.name }).from(users).where(eq(users.id, userId));
  return u?.name ?? '';
}

/** Beställningsfråga: the contractor asks the orderer; the client's orderer (or coordinators) are told. */
export async function askQuestion(deps: CommunicationDeps, args: { actor: Actor; id: string; text: string }) {
  const { actor } = args;
  if (actor.orgKind !== 'contractor') throw problems.forbidden();
  return deps.db.transaction(async (tx) => {
    const order = await orderToWriteOn(tx, deps, actor, args.id);
    const now = deps.clock.now();
    const [question] = await tx
      .insert(workOrderQuestions)
      .values({
        workOrderId: order.id,
        text: args.text,
        askedByUserId: actor.userId,
        askedByOrgId: actor.orgId,
        askedAt: now,
      })
      .returning();
    await insertEvent(tx, {
      workOrderId: order.id,
      type: 'question',
      visibility: 'shared',
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      data: { questionId: question!.id, text: args.text },
      createdAt: now,
    });
    const coordinators = await listMembersWithRoles(tx, {
      orgId: order.clientOrgId,
      roles: ['admin', 'coordinator'],
    });
    const orderer = coordinators.filter((m) => m.userId === order.orderedByUserId);
    const author = {
      name: await nameOf(tx, actor.userId),
      orgName: (await findOrganization(tx, actor.orgId))?.name ?? '',
    };
    await notify({
      tx,
      clock: deps.clock,
      kind: 'question',
      recipients: orderer.length ? orderer : coordinators.filter((m) => m.role === 'coordinator'),
      compose: (recipient) =>
        orderTalkMail({
          kind: 'question',
          order,
          recipientOrgId: order.clientOrgId,
          recipient,
          author,
          body: args.text,
          publicUrl: deps.publicUrl,
        }),
      digest: (r) => ({
        line:
          r.locale === 'sv'
            ? `Fråga om AO ${order.number}: ${args.text}`
            : `Question about WO ${order.number}: ${args.text}`,
        link: `${deps.publicUrl}/orgs/${order.clientOrgId}/work-orders/${order.id}`,
      }),
      context: { workOrderId: order.id, orgId: actor.orgId },
    });
    return { questionId: question!.id };
  });
}

/** Beställningssvar: the client answers once; the asker is told. */
export async function answerQuestion(
  deps: CommunicationDeps,
  args: { actor: Actor; id: string; questionId: string; text: string },
) {
  const { actor } = args;
  if (actor.orgKind !== 'client') throw problems.forbidden();
  return deps.db.transaction(async (tx) => {
    const order = await orderToWriteOn(tx, deps, actor, args.id);
    const [question] = await tx
      .select()
      .from(workOrderQuestions)
      .where(and(eq(workOrderQuestions.id, args.questionId), eq(workOrderQuestions.workOrderId, order.id)))
      .for('update');
    if (!question) throw problems.notFound();
    if (question.answeredAt) throw alreadyAnswered();
    const now = deps.clock.now();
    await tx
      .update(workOrderQuestions)
      .set({ answer: args.text, answeredByUserId: actor.userId, answeredAt: now })
      .where(eq(workOrderQuestions.id, question.id));
    await insertEvent(tx, {
      workOrderId: order.id,
      type: 'answer',
      visibility: 'shared',
      actorUserId: actor.userId,
      actorOrgId: actor.orgId,
      data: { questionId: question.id, question: question.text, text: args.text },
      createdAt: now,
    });
    if (question.askedByUserId) {
      const askers = await listMembersWithRoles(tx, {
        orgId: question.askedByOrgId,
        roles: ['admin', 'manager', 'technician'],
      });
      const author = {
        name: await nameOf(tx, actor.userId),
        orgName: (await findOrganization(tx, actor.orgId))?.name ?? '',
      };
      await notify({
        tx,
        clock: deps.clock,
        kind: 'answer',
        recipients: askers.filter((m) => m.userId === question.askedByUserId),
        compose: (recipient) =>
          orderTalkMail({
            kind: 'answer',
            order,
            recipientOrgId: question.askedByOrgId,
            recipient,
            author,
            body: args.text,
            publicUrl: deps.publicUrl,
          }),
        digest: (r) => ({
          line:
            r.locale === 'sv'
              ? `Svar om AO ${order.number}: ${args.text}`
              : `Answer about WO ${order.number}: ${args.text}`,
          link: `${deps.publicUrl}/orgs/${question.askedByOrgId}/work-orders/${order.id}`,
        }),
        context: { workOrderId: order.id, orgId: actor.orgId },
      });
    }
    return { ok: true as const };
  });
}

/**
 * Questions on the orders the actor can reach: for the client, the ones waiting for its answer
 * (its inbox and dashboard); for the contractor, the ones it asked.
 */
export async function listQuestions(
  deps: CommunicationDeps,
  args: { actor: Actor; state: 'open' | 'all'; limit: number; offset: number },
): Promise<{ items: QuestionItem[]; total: number }> {
  const { actor } = args;
  if (!canReadWorkOrders(actor)) throw problems.forbidden();
  const asker = alias(users, 'asker');
  const answerer = alias(users, 'answerer');
  const askerOrg = alias(organizations, 'asker_org');
  const conditions: SQL[] = [workOrderAccess(scopeOf(actor, deps.clock))];
  if (args.state === 'open') conditions.push(isNull(workOrderQuestions.answeredAt));
  const where = and(...conditions);
  const [rows, [total]] = await Promise.all([
    deps.db
      .select({
        q: workOrderQuestions,
        number: workOrders.number,
        askerName: asker.name,
        answererName: answerer.name,
        askerOrgName: askerOrg.name,
      })
      .from(workOrderQuestions)
      .innerJoin(workOrders, eq(workOrders.id, workOrderQuestions.workOrderId))
      .innerJoin(askerOrg, eq(askerOrg.id, workOrderQuestions.askedByOrgId))
      .leftJoin(asker, eq(asker.id, workOrderQuestions.askedByUserId))
      .leftJoin(answerer, eq(answerer.id, workOrderQuestions.answeredByUserId))
      .where(where)
      .orderBy(desc(workOrderQuestions.askedAt))
      .limit(args.limit)
      .offset(args.offset),
    deps.db
      .select({ n: count() })
      .from(workOrderQuestions)
      .innerJoin(workOrders, eq(workOrders.id, workOrderQuestions.workOrderId))
      .where(where),
  ]);
  return {
    total: Number(total?.n ?? 0),
    items: rows.map((r) => ({
      id: r.q.id,
      workOrderId: r.q.workOrderId,
      workOrderNumber: r.number,
      text: r.q.text,
      askedBy: r.q.askedByUserId ? { id: r.q.askedByUserId, name: r.askerName ?? '' } : null,
      askedByOrg: { id: r.q.askedByOrgId, name: r.askerOrgName },
      askedAt: r.q.askedAt.toISOString(),
      answer: r.q.answer,
      answeredBy: r.q.answeredByUserId ? { id: r.q.answeredByUserId, name: r.answererName ?? '' } : null,
      answeredAt: r.q.answeredAt?.toISOString() ?? null,
    })),
  };
}

/** The log (Noteringar), each entry shown only to those its visibility allows, optionally by type. */
export async function listOrderEvents(
  deps: CommunicationDeps,
  args: { actor: Actor; id: string; types?: (typeof eventTypes)[number][] | undefined },
) {
  const { actor } = args;
  if (!canReadWorkOrders(actor)) throw problems.forbidden();
  const reachable = await deps.db
    .select({ id: workOrders.id })
    .from(workOrders)
    .where(and(workOrderAccess(scopeOf(actor, deps.clock)), eq(workOrders.id, args.id)));
  if (reachable.length === 0) throw problems.notFound();
  const events = await listEvents(deps.db, args.id, visibilitiesFor(actor));
  const wanted = args.types ? new Set<string>(args.types) : null;
  return { items: events.filter((e) => !wanted || wanted.has(e.type)).map(toEvent) };
}
