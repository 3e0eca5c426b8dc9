import { randomUUID } from 'node:crypto';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import {
  jsonSchemaTransform,
  jsonSchemaTransformObject,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { healthSchema } from '../contract/session.ts';
import { agreementRoutes } from './modules/agreements/agreements.routes.ts';
import { auditOperatorRoutes, auditScopedRoutes } from './modules/audit/audit.routes.ts';
import { recordTenantDenied } from './modules/audit/audit.usecases.ts';
import { communicationRoutes } from './modules/communication/communication.routes.ts';
import { inboundMailRoutes } from './modules/communication/inbound.routes.ts';
import { receiveMail } from './modules/communication/messages.usecases.ts';
import { accountRoutes } from './modules/identity/account.routes.ts';
import { createAuthLimits } from './modules/identity/auth-limits.ts';
import { identityRoutes } from './modules/identity/identity.routes.ts';
import { resolveSession } from './modules/identity/identity.usecases.ts';
import { invitationRoutes, invitationScopedRoutes } from './modules/invitations/invitations.routes.ts';
import {
  failedMailRoutes,
  notificationSettingsRoutes,
} from './modules/notifications/notifications.routes.ts';
import { companyRoutes, companyScopedRoutes } from './modules/organizations/companies.routes.ts';
import { findMembership } from './modules/organizations/organizations.repository.ts';
import { organizationRoutes } from './modules/organizations/organizations.routes.ts';
import { propertyRoutes } from './modules/properties/properties.routes.ts';
import { qualityRoutes } from './modules/quality/quality.routes.ts';
import { tenantLinkRoutes } from './modules/tenant-links/tenant-links.ts';
import { userOperatorRoutes, userRoutes } from './modules/users/users.routes.ts';
import { sentMailRecorder, undeliveredMailRecorder } from './modules/work-orders/work-orders.commands.ts';
import { workOrderRoutes } from './modules/work-orders/work-orders.routes.ts';
import { installAuth, sessionCookieName } from './platform/auth/auth.plugin.ts';
import type { Clock } from './platform/clock.ts';
import type { Config } from './platform/config.ts';
import type { DatabaseHandle } from './platform/db.ts';
import { problems } from './platform/errors.ts';
import { localFileStore } from './platform/files/file-store.ts';
import { installErrorHandling, sendProblem } from './platform/http-errors.ts';
import { createWorker, type JobHandler, type Worker } from './platform/jobs/jobs.ts';
import { redactUrl } from './platform/log-redaction.ts';
import { devMailRoutes } from './platform/mail/dev-mail.routes.ts';
import {
  fileTransport,
  MAIL_JOB_KIND,
  type MailTransport,
  mailJobHandler,
  smtpTransport,
} from './platform/mail/mail.ts';
import { serializerCompiler } from './platform/serializer.ts';
import { installDraining } from './platform/shutdown.ts';
import { logSmsProvider, type SmsProvider } from './platform/sms/sms.ts';
import { registerTenantScope } from './platform/tenant-scope.ts';
import { type PageRenderer, serveWebApp } from './platform/web-pages.ts';

export type AppDeps = {
  config: Config;
  database: DatabaseHandle;
  clock: Clock;
  /** Where the built web app is; null serves the API only. */
  webDir?: string | null;
  /** Draws the web app's pages on the server (its server build); without it the browser draws them. */
  pageRenderer?: PageRenderer | null;
  /** Overrides for the outbox worker's timing (tests use short backoffs). */
  worker?: { pollIntervalMs?: number; baseBackoffMs?: number; maxBackoffMs?: number };
  /** Where SMS codes go; when absent, SMS_PROVIDER decides (unset: no SMS). */
  sms?: SmsProvider | null;
  /** Where the log goes (default stdout); tests read it to prove secrets stay out. */
  logStream?: { write(line: string): void };
};

export type App = {
  app: FastifyInstance;
  /** Takes a reply that arrived by mail (the SMTP listener in main.ts calls it). */
  receiveMail: (args: { raw: Buffer; recipients: string[] }) => Promise<'accepted' | 'unknown_recipient'>;
  /** Every route the app registered, for the test that walks them all. */
  routes: { method: string; url: string }[];
  worker: Worker;
  mailTransport: MailTransport;
  drain: { startDraining(): void };
};

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** The one place that wires the server: platform pieces, modules, routes, workers. */
export async function createApp(deps: AppDeps): Promise<App> {
  const { config, database, clock } = deps;
  const { db } = database;

  const app = Fastify({
    logger: {
      level: config.logLevel,
      ...(deps.logStream ? { stream: deps.logStream } : {}),
      redact: {
        paths: [
          'req.headers.cookie',
          'req.headers.authorization',
          'res.headers["set-cookie"]',
          '*.password',
          '*.currentPassword',
          '*.newPassword',
          '*.code',
          '*.token',
        ],
        censor: '[redacted]',
      },
      serializers: {
        req: (req) => ({
          method: req.method,
          url: redactUrl(req.url),
          host: req.host,
          remoteAddress: req.ip,
          remotePort: req.socket?.remotePort,
        }),
      },
    },
    genReqId: (req) => {
      const incoming = req.headers['x-request-id'];
      return typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
    },
    trustProxy: config.trustProxy,
    bodyLimit: 1024 * 1024,
    // Refuse bodies whose JSON tries to reach Object.prototype (security.md 21).
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    // Our own draining hook answers during shutdown, with a problem document.
    return503OnClosing: false,
  }).withTypeProvider<ZodTypeProvider>();

  const routes: App['routes'] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) routes.push({ method, url: route.url });
  });
  const drain = installDraining(app);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);

  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Ordning API',
        version: config.version,
        description:
          'Work orders between housing companies and contractors. Company-scoped paths live under ' +
          '/api/orgs/{orgId}; errors are RFC 9457 problem details with a stable `code`.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: sessionCookieName(config.secureCookies) },
        },
      },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
    transformObject: jsonSchemaTransformObject,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const cookieName = sessionCookieName(config.secureCookies);
  installAuth(app, {
    cookieName,
    publicOrigin: new URL(config.publicUrl).origin,
    resolveSession: (token, orgId) => resolveSession({ db, clock }, token, orgId),
  });

  app.get(
    '/api/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness and which database the server runs on',
        response: { 200: healthSchema },
      },
    },
    async () => ({ status: 'ok' as const, database: database.kind, version: config.version }),
  );

  const identityDeps = {
    db,
    clock,
    cookieName,
    secureCookies: config.secureCookies,
    publicUrl: config.publicUrl,
    sms: deps.sms !== undefined ? deps.sms : config.smsProvider === 'log' ? logSmsProvider(app.log) : null,
    limits: createAuthLimits(clock),
  };
  await app.register(identityRoutes(identityDeps));
  await app.register(accountRoutes(identityDeps));

  const workOrderDeps = { db, clock, publicUrl: config.publicUrl };
  const files = localFileStore(path.join(config.dataDir, 'files'));
  const messageDeps = { ...workOrderDeps, files, replyDomain: config.replyDomain };
  const tenantLinks = tenantLinkRoutes(workOrderDeps);
  const accountDeps = { db, clock, publicUrl: config.publicUrl };
  const cookieDeps = { cookieName, secureCookies: config.secureCookies };
  await registerTenantScope(
    app,
    {
      findMembership: (args) => findMembership(db, args),
      onDenied: async (info) => {
        app.log.warn(info, 'company access denied');
        await recordTenantDenied(db, clock, info);
      },
    },
    async (scoped) => {
      await scoped.register(workOrderRoutes(workOrderDeps));
      await scoped.register(organizationRoutes({ db }));
      await scoped.register(agreementRoutes({ db, clock }));
      await scoped.register(propertyRoutes({ db, clock }));
      await scoped.register(qualityRoutes({ db }));
      await scoped.register(communicationRoutes(messageDeps));
      await scoped.register(failedMailRoutes({ db, clock }));
      await scoped.register(tenantLinks.scoped);
      await scoped.register(invitationScopedRoutes(accountDeps));
      await scoped.register(userRoutes(accountDeps));
      await scoped.register(companyScopedRoutes(accountDeps));
      await scoped.register(auditScopedRoutes({ db }));
    },
  );
  await app.register(invitationRoutes({ ...accountDeps, ...cookieDeps }));
  await app.register(companyRoutes({ ...accountDeps, ...cookieDeps }));
  await app.register(auditOperatorRoutes({ db }));
  await app.register(userOperatorRoutes(accountDeps));

  await app.register(inboundMailRoutes({ ...messageDeps, secret: config.inboundMailSecret }));
  await app.register(notificationSettingsRoutes({ db }));
  await app.register(tenantLinks.open);

  const mailDir = path.join(config.dataDir, 'mail');
  const mailTransport = config.smtpUrl ? smtpTransport(config.smtpUrl) : fileTransport(mailDir, clock);
  if (mailTransport.kind === 'files') await app.register(devMailRoutes({ mailDir }));

  const handlers = new Map<string, JobHandler>([
    [
      MAIL_JOB_KIND,
      mailJobHandler({
        transport: mailTransport,
        from: config.mailFrom,
        onFailed: [undeliveredMailRecorder(clock)],
        onSent: [sentMailRecorder(clock)],
      }),
    ],
  ]);
  const worker = createWorker({ db, clock, log: app.log, handlers, ...deps.worker });

  const web = deps.webDir
    ? await serveWebApp(app, { webDir: deps.webDir, renderer: deps.pageRenderer })
    : null;
  app.setNotFoundHandler((request, reply) => {
    const isPage =
      web &&
      request.method === 'GET' &&
      !request.url.startsWith('/api/') &&
      !path.extname(request.url.split('?')[0]!);
    if (!isPage) return sendProblem(reply, problems.notFound());
    return web.sendPage(request, reply);
  });
  app.addHook('onClose', async () => mailTransport.close());

  const receive: App['receiveMail'] = async (args) =>
    (await receiveMail(messageDeps, args)).status === 'unknown_recipient' ? 'unknown_recipient' : 'accepted';
  return { app, routes, worker, mailTransport, drain, receiveMail: receive };
}
