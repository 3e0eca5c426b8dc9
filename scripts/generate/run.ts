/**
 * The generator's steps: empty check (or reset), the installation's small tables, the orders and
 * everything that hangs on them, then indexes, AO-nr counters and statistics.
 */
import { sql } from 'drizzle-orm';
import { type DatabaseHandle, queryRows } from '../../server/platform/db.ts';
import { pickUsers } from './accounts.ts';
import {
  type Installation,
  layout,
  type Options,
  planInstallation,
  roomCode,
  roomId,
  unitId,
} from './installation.ts';
import { loadRows, progress, tableWriter } from './load.ts';
import { generateOrders } from './orders.ts';
import { stableUuid } from './random.ts';

/** Tables whose secondary indexes are dropped during the load and built again after it. */
const bulkTables = [
  'work_orders',
  'work_order_events',
  'work_order_messages',
  'work_order_questions',
  'rooms',
  'units',
  'tenants',
];

const orderColumns = [
  'id',
  'client_org_id',
  'contractor_org_id',
  'number',
  'external_ref',
  'status',
  'type',
  'priority',
  'billable',
  'description',
  'phrase',
  'property_name',
  'owner_name',
  'street',
  'postal_code',
  'city',
  'property_id',
  'object_id',
  'unit_id',
  'object_number',
  'object_type',
  'floor',
  'room',
  'unit',
  'unit_type',
  'unit_is_appliance',
  'unit_installed_on',
  'unit_last_maintenance_on',
  'access_to_apartment',
  'key_info',
  'entry_without_tenant',
  'preferred_time',
  'reporter_name',
  'reporter_phones',
  'reporter_email',
  'reporter_move_in_on',
  'client_contact_name',
  'client_contact_email',
  'client_contact_phone',
  'bundle_number',
  'registered_by_org_id',
  'ordered_by_user_id',
  'contractor_contact_user_id',
  'ordered_at',
  'contact_by',
  'deliver_by',
  'booked_at',
  'planned_at',
  'completed_at',
  'closed_at',
  'action_description',
  'fault_type',
  'root_cause',
  'model',
  'serial_number',
  'reply_token',
  'version',
  'created_by_user_id',
  'created_at',
  'updated_at',
] as const;

export type GenerateArgs = {
  options: Options;
  now: Date;
  reset: boolean;
  passwordHash: string;
  log: (line: string) => void;
};

export async function generate(handle: DatabaseHandle, args: GenerateArgs) {
  const started = Date.now();
  const { db } = handle;
  const { options, log } = args;
  const tables = await queryRows<{ name: string }>(
    db,
    sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  if (args.reset) {
    await db.execute(sql.raw(`truncate ${tables.map((t) => `"${t.name}"`).join(', ')} cascade`));
  } else {
    const [row] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from organizations`);
    if ((row?.n ?? 0) > 0)
      throw new Error('The database is not empty. Use --reset to delete everything in it first.');
  }

  log(
    `Planning ${options.clients} clients and ${options.contractors} contractors for ${options.orders.toLocaleString('sv-SE')} orders (seed ${options.seed})`,
  );
  const inst = planInstallation(options);

  const indexes = await queryRows<{ name: string; definition: string }>(
    db,
    sql`select i.indexname as name, i.indexdef as definition from pg_indexes i
        where i.schemaname = 'public' and i.tablename in (${sql.join(
          bulkTables.map((t) => sql`${t}`),
          sql`, `,
        )})
          and not exists (select 1 from pg_constraint c where c.conname = i.indexname)`,
  );
  // Foreign keys are checked row by row during COPY; adding them back afterwards checks them in one go.
  const foreignKeys = await queryRows<{ table: string; name: string; definition: string }>(
    db,
    sql`select c.conrelid::regclass::text as table, c.conname as name, pg_get_constraintdef(c.oid) as definition
        from pg_constraint c where c.contype = 'f'
          and c.conrelid::regclass::text in (${sql.join(
            bulkTables.map((t) => sql`${t}`),
            sql`, `,
          )})`,
  );
  for (const fk of foreignKeys)
    await db.execute(sql.raw(`alter table "${fk.table}" drop constraint "${fk.name}"`));
  for (const index of indexes) await db.execute(sql.raw(`drop index "${index.name}"`));
  await db.execute(sql.raw('alter table work_orders disable trigger user'));

  const phase = timer(log);
  let loaded: Awaited<ReturnType<typeof loadOrders>>;
  try {
    await loadInstallation(handle, inst, args);
    phase('installation and register');
    loaded = await loadOrders(handle, inst, args);
    phase('orders, events, messages and questions');
  } finally {
    // Also after a failure: the schema must be whole again, whatever the rows (then --reset and rerun).
    await db.transaction(async (tx) => {
      if (handle.kind === 'postgres') await tx.execute(sql.raw(`set local maintenance_work_mem = '512MB'`));
      for (const index of indexes) await tx.execute(sql.raw(index.definition));
      for (const fk of foreignKeys) {
        await tx.execute(sql.raw(`alter table "${fk.table}" add constraint "${fk.name}" ${fk.definition}`));
      }
      await tx.execute(sql.raw('alter table work_orders enable trigger user'));
    });
  }
  await db.execute(sql`insert into work_order_counters (client_org_id, last_number)
    select client_org_id, max(number) from work_orders group by client_org_id
    on conflict (client_org_id) do update set last_number = excluded.last_number`);
  await afterLoad(handle);
  phase('indexes');
  await db.execute(sql.raw('vacuum analyze'));
  phase('vacuum and statistics');

  return {
    seconds: Math.round((Date.now() - started) / 100) / 10,
    database: handle.kind,
    rows: { ...loaded, users: inst.users.length },
    password: 'ordning-bench-2026',
    logins: await pickUsers(handle),
  };
}

function timer(log: (line: string) => void) {
  let last = Date.now();
  return (what: string) => {
    const now = Date.now();
    log(`  ${what}: ${((now - last) / 1000).toFixed(1)} s`);
    last = now;
  };
}

/** Derived tables the load skipped (its triggers were off) are filled from the orders here. */
async function afterLoad(handle: DatabaseHandle) {
  const [hasTallies] = await queryRows<{ exists: boolean }>(
    handle.db,
    sql`select to_regproc('refresh_work_order_tallies') is not null as exists`,
  );
  if (hasTallies?.exists) await handle.db.execute(sql.raw('select refresh_work_order_tallies()'));
}

async function loadInstallation(handle: DatabaseHandle, inst: Installation, args: GenerateArgs) {
  const at = new Date(args.now.getTime() - 3.2 * 365 * 86_400_000).toISOString();
  const seed = args.options.seed;
  const orgs = [...inst.clients.map((c) => c.org), ...inst.contractors.map((c) => c.org)];
  await loadRows(
    handle,
    'organizations',
    ['id', 'kind', 'name', 'org_number', 'created_at'],
    orgs.map((o) => [o.id, o.kind, o.name, o.orgNumber, at]),
  );
  await loadRows(
    handle,
    'users',
    ['id', 'username', 'email', 'name', 'locale', 'password_hash', 'created_at'],
    inst.users.map((u) => [u.id, u.username, u.email, u.name, 'sv', args.passwordHash, at]),
  );
  await loadRows(
    handle,
    'memberships',
    ['user_id', 'org_id', 'role', 'created_at'],
    inst.users.map((u) => [u.id, u.orgId, u.role, at]),
  );
  await loadRows(
    handle,
    'agreements',
    [
      'client_org_id',
      'contractor_org_id',
      'created_at',
      'sla_rules',
      'completed_visible_days',
      'require_fault_type',
      'require_root_cause',
      'invoice_reference_template',
      'invoice_marking',
      'project_number',
      'invoice_address',
    ],
    inst.clients.flatMap((c) =>
      c.agreements.map((a, k) => [
        a.clientId,
        a.contractorId,
        at,
        JSON.stringify(a.rules),
        a.visibleDays,
        a.requireCloseOut,
        a.requireCloseOut,
        a.invoiceTemplate,
        `P.${100000 + k}.1.2`,
        `P.${100000 + k}`,
        `${c.org.name}, Box ${9000 + c.org.index}, 120 07 Stockholm`,
      ]),
    ),
  );
  await loadRows(
    handle,
    'properties',
    [
      'id',
      'client_org_id',
      'designation',
      'owner_name',
      'admin_area',
      'district',
      'street',
      'postal_code',
      'city',
      'created_at',
      'updated_at',
    ],
    inst.clients.flatMap((c) =>
      c.properties.map((p) => [
        p.id,
        c.org.id,
        p.designation,
        p.ownerName,
        p.adminArea,
        p.district,
        p.street,
        p.postalCode,
        p.city,
        at,
        at,
      ]),
    ),
  );
  await loadRows(
    handle,
    'register_objects',
    [
      'id',
      'client_org_id',
      'property_id',
      'number',
      'type',
      'floor',
      'street',
      'postal_code',
      'city',
      'access_to_apartment',
      'key_info',
      'entry_without_tenant',
      'created_at',
      'updated_at',
    ],
    inst.clients.flatMap((c) =>
      c.objects.map((o) => [
        o.id,
        c.org.id,
        c.properties[o.propertyIndex]!.id,
        o.number,
        o.type,
        o.floor,
        o.street,
        o.postalCode,
        o.city,
        o.access,
        o.keyInfo,
        o.entryWithoutTenant,
        at,
        at,
      ]),
    ),
  );
  const objects = inst.clients.reduce((n, c) => n + c.objects.length, 0);
  const bar = progress('Register  ', objects);
  // Units point at rooms, so the rooms (with the tenants) go in first.
  const rooms = tableWriter(handle, 'rooms', ['id', 'object_id', 'name', 'code']);
  const tenants = tableWriter(handle, 'tenants', [
    'id',
    'object_id',
    'name',
    'phone_home',
    'phone_work',
    'phone_other',
    'preferred_phone',
    'email',
    'move_in_on',
  ]);
  let done = 0;
  for (const client of inst.clients) {
    for (const [o, object] of client.objects.entries()) {
      for (const [r, room] of layout.entries())
        await rooms.write([roomId(seed, client.org.index, o, r), object.id, room.name, roomCode(o, r)]);
      await tenants.write([
        stableUuid(seed, 'tenant', object.id),
        object.id,
        object.tenantName,
        object.tenantPhone,
        null,
        object.tenantOtherPhone,
        'home',
        null,
        object.moveInOn,
      ]);
      if (++done % 1000 === 0) bar.tick(Math.floor(done / 2));
    }
  }
  await Promise.all([rooms.end(), tenants.end()]);
  const units = tableWriter(handle, 'units', [
    'id',
    'room_id',
    'name',
    'unit_type',
    'is_appliance',
    'model',
    'serial_number',
    'installed_on',
    'last_maintenance_on',
  ]);
  done = 0;
  for (const client of inst.clients) {
    for (const o of client.objects.keys()) {
      for (const [r, room] of layout.entries()) {
        for (const [u, unit] of room.units.entries()) {
          await units.write([
            unitId(seed, client.org.index, o, r, u),
            roomId(seed, client.org.index, o, r),
            unit.name,
            unit.unitType,
            unit.appliance,
            unit.appliance ? `${unit.name.slice(0, 3).toUpperCase()}-${100 + ((o + u) % 900)}` : null,
            unit.appliance ? `SN${100000 + ((o * 31 + u) % 900000)}` : null,
            '2012-09-16',
            null,
          ]);
        }
      }
      if (++done % 1000 === 0) bar.tick(Math.floor((objects + done) / 2));
    }
  }
  await units.end();
  bar.tick(objects);
  bar.done();
}

/** One pass over the generated orders feeds four COPYs at once. */
async function loadOrders(handle: DatabaseHandle, inst: Installation, args: GenerateArgs) {
  const total = args.options.orders;
  const bar = progress('Arbetsordrar', total);
  const orders = tableWriter(handle, 'work_orders', orderColumns);
  const events = tableWriter(handle, 'work_order_events', [
    'work_order_id',
    'type',
    'from_status',
    'to_status',
    'reason',
    'visibility',
    'actor_user_id',
    'actor_org_id',
    'data',
    'created_at',
  ]);
  const messages = tableWriter(handle, 'work_order_messages', [
    'id',
    'work_order_id',
    'direction',
    'status',
    'body',
    'author_user_id',
    'author_org_id',
    'from_email',
    'sent_to',
    'created_at',
  ]);
  const questions = tableWriter(handle, 'work_order_questions', [
    'id',
    'work_order_id',
    'text',
    'asked_by_user_id',
    'asked_by_org_id',
    'asked_at',
    'answer',
    'answered_by_user_id',
    'answered_at',
  ]);
  let n = 0;
  for (const order of generateOrders(inst, args.options.seed, total, args.now)) {
    await orders.write(orderColumns.map((c) => order.values[c]));
    for (const e of order.events) {
      await events.write([
        order.id,
        e.type,
        e.fromStatus,
        e.toStatus,
        e.reason,
        e.visibility,
        e.actor?.id ?? null,
        e.actor?.orgId ?? null,
        e.data === null ? null : JSON.stringify(e.data),
        e.at.toISOString(),
      ]);
    }
    for (const m of order.messages) {
      await messages.write([
        m.id,
        order.id,
        m.direction,
        'posted',
        m.body,
        m.author?.id ?? null,
        m.author?.orgId ?? null,
        m.fromEmail,
        '[]',
        m.at.toISOString(),
      ]);
    }
    const q = order.question;
    if (q) {
      await questions.write([
        q.id,
        order.id,
        q.text,
        q.askedBy.id,
        q.askedBy.orgId,
        q.at.toISOString(),
        q.answer,
        q.answeredBy?.id ?? null,
        q.answeredAt?.toISOString() ?? null,
      ]);
    }
    if (++n % 2000 === 0) bar.tick(n);
  }
  await Promise.all([orders.end(), events.end(), messages.end(), questions.end()]);
  bar.tick(n);
  bar.done();
  return { workOrders: orders.rows, events: events.rows, messages: messages.rows, questions: questions.rows };
}
