import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../testing/test-app.ts';

const lines: string[] = [];
let t: TestApp;

beforeAll(async () => {
  t = await createTestApp({ env: { LOG_LEVEL: 'info' }, logStream: { write: (line) => lines.push(line) } });
});
afterAll(() => t.close());

/** The JSON log lines pino wrote for one request id. */
const logOf = (reqId: string) =>
  lines.map((l) => JSON.parse(l) as { reqId?: string; msg?: string }).filter((l) => l.reqId === reqId);

describe('request ids (architecture rule 8)', () => {
  it('takes the caller’s X-Request-Id, answers with it and writes it on every log line of the request', async () => {
    const res = await t.app.inject({ url: '/api/health', headers: { 'x-request-id': 'lb-4711.a_b' } });
    expect(res.headers['x-request-id']).toBe('lb-4711.a_b');
    const logged = logOf('lb-4711.a_b');
    expect(logged.map((l) => l.msg)).toEqual(['incoming request', 'request completed']);
  });

  it('makes its own id when none is sent or the one sent is not a plain token, and errors carry it too', async () => {
    for (const sent of [undefined, 'has spaces in it', 'x'.repeat(65), 'line\u2028break']) {
      const res = await t.app.inject({
        url: '/api/orgs/00000000-0000-4000-8000-000000000000/work-orders',
        headers: sent === undefined ? {} : { 'x-request-id': sent },
      });
      expect(res.statusCode).toBe(401);
      const id = res.headers['x-request-id'] as string;
      expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
      expect(logOf(id).length).toBeGreaterThan(0);
    }
  });
});
