import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../contract/work-orders.ts';
import { createOrderViaApi, login, makeWorld } from '../testing/factories.ts';
import { createTestApp, type TestApp } from '../testing/test-app.ts';
import { drawnTemplate, type PageRenderer } from './web-pages.ts';

// The built index.html's shape: the early session check, the app's element, its code and styles.
const INDEX_HTML = `<!doctype html>
<html lang="sv" data-mantine-color-scheme="light">
  <head>
    <title>Ordning</title>
    <script id="early-me">
      window.__ordningMe = fetch('/api/me');
    </script>
    <script type="module" crossorigin src="/assets/index-abc.js"></script>
    <link rel="modulepreload" crossorigin href="/assets/ui-abc.js">
    <link rel="stylesheet" crossorigin href="/assets/style-abc.css">
  </head>
  <body>
    <div id="root"></div>
  </body>
</html>
`;

const EVIL = '</script><script>alert("Ordning")</script><!--';

let t: TestApp;
let webDir: string;
let world: Awaited<ReturnType<typeof makeWorld>>;
let cookies: { manager: string; coordinator: string; otherAdmin: string };
let order: WorkOrder;
let evilOrder: WorkOrder;

/** The web app's own renderer, from its source: the pages are drawn as the built server draws them. */
async function webRenderer(): Promise<PageRenderer> {
  return (await import('../../web/src/entry-server.tsx')) as PageRenderer;
}

async function page(url: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({ url, headers: { 'accept-encoding': 'br', ...headers } });
  const body =
    res.headers['content-encoding'] === 'br'
      ? zlib.brotliDecompressSync(res.rawPayload).toString()
      : res.body;
  return { res, body, drawn: body.includes('id="ordning-drawn"') };
}

function drawnState(body: string): {
  queries: { queries: { queryKey: unknown[]; state: { data: unknown } }[] };
} {
  const match = /<script type="application\/json" id="ordning-drawn">([\s\S]*?)<\/script>/.exec(body);
  if (!match) throw new Error('no drawn state in the page');
  return JSON.parse(match[1]!);
}

beforeAll(async () => {
  webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ordning-pages-'));
  fs.writeFileSync(path.join(webDir, 'index.html'), INDEX_HTML);
  t = await createTestApp({ webDir, pageRenderer: await webRenderer() });
  world = await makeWorld(t.database.db);
  cookies = {
    manager: await login(t.app, world.users.manager),
    coordinator: await login(t.app, world.users.coordinator),
    otherAdmin: await login(t.app, world.users.otherAdmin),
  };
  order = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
    input: { description: 'Droppande kran i tvättstugan' },
  });
  evilOrder = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
    input: { description: EVIL },
  });
}, 120_000);

afterAll(async () => {
  await t.close();
  fs.rmSync(webDir, { recursive: true, force: true });
});

describe('pages drawn on the server', () => {
  it("draw a contractor's inbox with its orders, compressed and kept by no cache", async () => {
    const { res, body, drawn } = await page(`/orgs/${world.contractor.id}/work-orders`, {
      cookie: cookies.manager,
    });
    expect(res.statusCode).toBe(200);
    expect(drawn).toBe(true);
    expect(res.headers['content-encoding']).toBe('br');
    expect(res.headers['cache-control']).toBe('private, no-store');
    expect(res.headers.vary).toMatch(/cookie/i);
    expect(body).toContain('Droppande kran i tvättstugan');
    expect(body).toContain('<h1');
    // The session is known: no early check; the code comes after the page's styles.
    expect(body).not.toContain('id="early-me"');
    expect(body).toContain(
      '<script type="module" fetchpriority="low" crossorigin src="/assets/index-abc.js">',
    );
  });

  it('draw an order with its log', async () => {
    const { body, drawn } = await page(`/orgs/${world.contractor.id}/work-orders/${order.id}`, {
      cookie: cookies.manager,
    });
    expect(drawn).toBe(true);
    expect(body).toContain('Droppande kran i tvättstugan');
    expect(body).toContain(`${order.number}`);
  });

  it('give a phone cards and a desktop a table', async () => {
    const inbox = `/orgs/${world.contractor.id}/work-orders`;
    const phone = await page(inbox, { cookie: cookies.manager, 'sec-ch-ua-mobile': '?1' });
    const desktop = await page(inbox, {
      cookie: cookies.manager,
      'user-agent':
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/130.0 Safari/537.36',
    });
    expect(phone.body).not.toContain('<table');
    expect(desktop.body).toContain('<table');
    expect(drawnState(phone.body)).toMatchObject({ device: { narrow: true } });
    expect(drawnState(desktop.body)).toMatchObject({ device: { narrow: false } });
  });

  it('are drawn in the language chosen on the device', async () => {
    const inbox = `/orgs/${world.contractor.id}/work-orders`;
    const english = await page(inbox, { cookie: `${cookies.manager}; ordning-lang=en` });
    const swedish = await page(inbox, { cookie: cookies.manager });
    expect(english.body).toContain('>Work orders</h1>');
    expect(english.body).toContain('<html lang="en"');
    expect(swedish.body).toContain('>Arbetsordrar</h1>');
    expect(swedish.body).toContain('<html lang="sv"');
    expect(drawnState(english.body)).toMatchObject({ locale: 'en' });
  });

  it("keep an order's text inside the page's state, whatever it says", async () => {
    const { body, drawn } = await page(`/orgs/${world.contractor.id}/work-orders/${evilOrder.id}`, {
      cookie: cookies.manager,
    });
    expect(drawn).toBe(true);
    expect(body).not.toContain('<script>alert(');
    const orderQuery = drawnState(body).queries.queries.find(
      (q) => (q.state.data as { id?: string } | undefined)?.id === evilOrder.id,
    );
    expect(orderQuery).toBeDefined();
    expect((orderQuery!.state.data as WorkOrder).description).toBe(EVIL);
  });

  it('without a session: the empty app, with nobody’s data', async () => {
    const { res, body, drawn } = await page(`/orgs/${world.contractor.id}/work-orders`);
    expect(res.statusCode).toBe(200);
    expect(drawn).toBe(false);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(body).toBe(INDEX_HTML);
  });

  it("another company's inbox and order: the empty app (which shows not found), none of their data", async () => {
    for (const url of [
      `/orgs/${world.contractor.id}/work-orders`,
      `/orgs/${world.contractor.id}/work-orders/${order.id}`,
      `/orgs/${world.otherContractor.id}/work-orders/${order.id}`,
    ]) {
      const { res, body, drawn } = await page(url, { cookie: cookies.otherAdmin });
      expect(res.statusCode).toBe(200);
      expect(drawn).toBe(false);
      expect(body).not.toContain('Droppande kran');
    }
  });

  it('pages that are not drawn on the server get the empty app', async () => {
    for (const url of ['/', `/orgs/${world.client.id}/register`, '/settings/account']) {
      const { drawn, body } = await page(url, { cookie: cookies.coordinator });
      expect(drawn).toBe(false);
      expect(body).toBe(INDEX_HTML);
    }
  });

  it('answer any address a person can type with a page, never an error', async () => {
    for (const url of [
      `/orgs/${world.contractor.id}/work-orders?view=%3Cscript%3E&page=-1&sort=x&status=nope`,
      `/orgs/${world.contractor.id}/work-orders?q=${'ö'.repeat(400)}`,
      `/orgs/${world.contractor.id}/work-orders/not-an-id`,
      '/login?redirect=%2F%2Fevil.example',
    ]) {
      const { res, body } = await page(url, { cookie: cookies.manager });
      expect(res.statusCode, url).toBe(200);
      expect(body, url).toContain('<div id="root">');
      expect(body, url).not.toContain('<script>alert');
    }
  });

  it('draw the login page without a session', async () => {
    const { drawn, body } = await page('/login');
    expect(drawn).toBe(true);
    expect(body).toContain('autoComplete="current-password"');
  });
});

describe('the API as a drawn page asks it', () => {
  let fake: TestApp;
  let asked: { status: number; body: string }[];
  let plan: (api: Parameters<PageRenderer['renderPage']>[0]['api']) => Promise<void>;

  beforeAll(async () => {
    const renderer: PageRenderer = {
      async renderPage(request) {
        await plan(request.api);
        return { kind: 'page', html: '<p>drawn</p>', state: '', lang: 'sv' };
      },
    };
    fake = await createTestApp({ webDir, pageRenderer: renderer, database: t.database });
  });
  afterAll(async () => {
    await fake.close();
  });

  const ask =
    (path: string, init: RequestInit = {}) =>
    async (api: Parameters<typeof plan>[0]) => {
      const res = await api(path, init);
      asked.push({ status: res.status, body: await res.text() });
    };

  it('answers as it answers the person asking for the page', async () => {
    asked = [];
    plan = ask('/api/me');
    const cookie = await login(fake.app, world.users.manager);
    const res = await fake.app.inject({ url: '/login', headers: { cookie } });
    expect(res.body).toContain('<p>drawn</p>');
    expect(asked[0]?.status).toBe(200);
    expect(JSON.parse(asked[0]!.body)).toMatchObject({ username: world.users.manager.username });

    asked = [];
    await fake.app.inject({ url: '/login' });
    expect(asked[0]?.status).toBe(401);
  });

  it('keeps the development mailbox closed to another machine', async () => {
    asked = [];
    plan = ask('/api/dev/mail');
    await fake.app.inject({ url: '/login', remoteAddress: '203.0.113.9' });
    expect(asked[0]?.status).toBe(404);
    asked = [];
    await fake.app.inject({ url: '/login', remoteAddress: '127.0.0.1' });
    expect(asked[0]?.status).toBe(200);
  });

  it('is never written to: a page that tries gets the empty app, and nothing happens', async () => {
    const cookie = await login(fake.app, world.users.coordinator);
    asked = [];
    plan = ask('/api/session', { method: 'DELETE' });
    const res = await fake.app.inject({ url: '/login', headers: { cookie } });
    expect(res.statusCode).toBe(200);
    expect(res.body).toBe(INDEX_HTML);
    expect(asked).toEqual([]);
    // The session the page tried to end still works.
    const me = await fake.app.inject({ url: '/api/me', headers: { cookie } });
    expect(me.statusCode).toBe(200);
  });

  it('a renderer that fails leaves the page to the browser', async () => {
    plan = async () => {
      throw new Error('a bug while drawing');
    };
    const res = await fake.app.inject({ url: '/login' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-cache');
    expect(res.body).toBe(INDEX_HTML);
  });
});

describe('the page template', () => {
  it('leaves out the early session check, lowers the code’s priority and opens a slot in the app’s element', () => {
    const template = drawnTemplate(INDEX_HTML);
    expect(template).not.toContain('early-me');
    expect(template).toContain('<div id="root"><!--drawn-->');
    expect(template).toContain(
      '<link rel="modulepreload" fetchpriority="low" crossorigin href="/assets/ui-abc.js">',
    );
    expect(template).toContain('<link rel="stylesheet" crossorigin href="/assets/style-abc.css">');
  });

  it('refuses an index.html without the app’s element', () => {
    expect(() => drawnTemplate('<html><body></body></html>')).toThrow(/root/);
  });
});
