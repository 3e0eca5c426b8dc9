import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { DatabaseHandle } from './db.ts';
import { problems } from './errors.ts';
import { sendProblem } from './http-errors.ts';
import type { Worker } from './jobs/jobs.ts';

/**
 * Lets the server refuse new requests with a 503 problem (and `Connection: close`) while the ones
 * already in flight finish.
 */
export function installDraining(app: FastifyInstance) {
  let draining = false;
  app.addHook('onRequest', async (_request, reply) => {
    if (draining) {
      reply.header('connection', 'close').header('retry-after', '5');
      return sendProblem(reply, problems.shuttingDown());
    }
  });
  // Responses finished while draining close their connection, so keep-alive clients don't hold the close up.
  app.addHook('onSend', async (_request, reply) => {
    if (draining) reply.header('connection', 'close');
  });
  return {
    startDraining() {
      draining = true;
    },
  };
}

/**
 * SIGTERM: stop taking requests (503), let in-flight ones finish, stop the workers after their
 * current job, close the database. Jobs not yet run stay in the outbox for the next start.
 */
export async function shutDown(args: {
  app: FastifyInstance;
  drain: { startDraining(): void };
  worker: Worker;
  database: DatabaseHandle;
  log: FastifyBaseLogger;
}) {
  const { app, drain, worker, database, log } = args;
  drain.startDraining();
  log.info('shutting down: refusing new requests, finishing the ones in flight');
  await worker.stop();
  await app.close();
  await database.close();
  log.info('shut down cleanly');
}
