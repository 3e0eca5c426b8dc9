import type { AddressInfo } from 'node:net';
import type { FastifyBaseLogger } from 'fastify';
import { SMTPServer } from 'smtp-server';

export type InboundHandler = (args: {
  raw: Buffer;
  recipients: string[];
}) => Promise<'accepted' | 'unknown_recipient'>;

/** Mails larger than this are refused at the SMTP level (552). */
export const INBOUND_MAX_BYTES = 30 * 1024 * 1024;

/**
 * A small SMTP server that takes replies to Ordning's reply addresses. It accepts mail only for
 * recipients the handler knows (550 otherwise), so it is no open relay.
 */
export async function startInboundSmtp(args: {
  port: number;
  host: string;
  handle: InboundHandler;
  log: FastifyBaseLogger;
}) {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: INBOUND_MAX_BYTES,
    logger: false,
    banner: 'Ordning',
    onRcptTo(address, _session, callback) {
      if (!/^reply\+[A-Za-z0-9_-]{20,100}@/i.test(address.address)) {
        return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', async () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
        }
        try {
          const result = await args.handle({
            raw: Buffer.concat(chunks),
            recipients: session.envelope.rcptTo.map((r) => r.address),
          });
          if (result === 'unknown_recipient') {
            return callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
          }
          callback();
        } catch (err) {
          args.log.error({ err }, 'inbound mail failed');
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(args.port, args.host, () => resolve());
  });
  const port = (server.server.address() as AddressInfo).port;
  args.log.info({ port }, 'listening for replies by SMTP');
  return { port, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}
