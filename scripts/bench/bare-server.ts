/**
 * The HTTP ceiling: a bare Fastify server that answers GET /<name> with the bytes of a file, as the
 * real server answered it. Run as its own process, like the real server.
 *
 *   tsx scripts/bench/bare-server.ts <port> <name>=<file> …
 */
import fs from 'node:fs';
import Fastify from 'fastify';

const [port, ...pairs] = process.argv.slice(2);
const app = Fastify({ logger: false });
for (const pair of pairs) {
  const [name, file] = pair.split('=');
  const body = fs.readFileSync(file!);
  app.get(`/${name}`, (_request, reply) => {
    reply.header('content-type', 'application/json; charset=utf-8').send(body);
  });
}
await app.listen({ port: Number(port), host: '127.0.0.1' });
process.send?.('ready');
process.on('SIGTERM', () => app.close().then(() => process.exit(0)));
