import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { WorkOrder } from '../../../contract/work-orders.ts';
import { createOrderViaApi, login, makeOrg, makeUser, makeWorld } from '../../testing/factories.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { linkContractor } from '../agreements/agreements.repository.ts';
import { updateWorkOrder } from '../work-orders/work-orders.repository.ts';
import { LIMITS } from './attachments.process.ts';

let t: TestApp;
let world: Awaited<ReturnType<typeof makeWorld>>;
const cookies = {} as Record<'coordinator' | 'technician' | 'manager' | 'other', string>;
let order: WorkOrder;

beforeAll(async () => {
  t = await createTestApp();
  world = await makeWorld(t.database.db);
  cookies.coordinator = await login(t.app, world.users.coordinator);
  cookies.technician = await login(t.app, world.users.technician);
  cookies.manager = await login(t.app, world.users.manager);
  cookies.other = await login(t.app, world.users.otherAdmin);
  order = await createOrderViaApi(t.app, {
    cookie: cookies.coordinator,
    clientOrgId: world.client.id,
    contractorOrgId: world.contractor.id,
  });
  await updateWorkOrder(t.database.db, order.id, { contractorContactUserId: world.users.technician.id });
});
afterAll(() => t.close());

/** A multipart/form-data body with one file and optional text fields, as a browser sends it. */
function multipart(file: { name: string; type: string; bytes: Buffer }, fields: Record<string, string> = {}) {
  const boundary = `----ordning${Date.now()}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  }
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${file.name}"\r\nContent-Type: ${file.type}\r\n\r\n`,
    ),
    file.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

function upload(
  file: Parameters<typeof multipart>[0],
  fields?: Record<string, string>,
  cookie = cookies.technician,
  orgId = world.contractor.id,
) {
  const body = multipart(file, fields);
  return t.app.inject({
    method: 'POST',
    url: `/api/orgs/${orgId}/work-orders/${order.id}/attachments`,
    headers: { cookie, ...body.headers },
    payload: body.payload,
  });
}

const photo = (width = 120, height = 90) =>
  sharp({ create: { width, height, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({ IFD0: { Artist: 'Tekniker' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 19/1 0/1' } })
    .toBuffer();

/** The smallest thing the type sniffer recognises as an MP4: an ftyp box and some data. */
function mp4(size = 4096) {
  const head = Buffer.from('000000186674797069736f6d0000020069736f6d6d703432', 'hex');
  return Buffer.concat([head, Buffer.alloc(size - head.length, 7)]);
}

describe('uploading', () => {
  it('a photo from the phone comes back re-encoded, without EXIF or GPS, with a thumbnail', async () => {
    const original = await photo();
    expect((await sharp(original).metadata()).exif).toBeDefined();
    const res = await upload({ name: 'kranen.jpg', type: 'image/jpeg', bytes: original });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      fileName: 'kranen.jpg',
      kind: 'image',
      contentType: 'image/jpeg',
      width: 120,
      height: 90,
      visibility: 'shared',
    });
    const id = res.json().id;
    const file = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/attachments/${id}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(file.statusCode).toBe(200);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect(file.headers['content-disposition']).toBe(
      `inline; filename="kranen.jpg"; filename*=UTF-8''kranen.jpg`,
    );
    expect((await sharp(file.rawPayload).metadata()).exif).toBeUndefined();
    const thumb = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/attachments/${id}/thumbnail`,
      headers: { cookie: cookies.coordinator },
    });
    expect(thumb.headers['content-type']).toBe('image/jpeg');
  });

  it('judges the type from the bytes: a PNG named .pdf, an SVG and HTML are refused', async () => {
    const png = await sharp({ create: { width: 10, height: 10, channels: 3, background: 'white' } })
      .png()
      .toBuffer();
    const renamed = await upload({ name: 'faktura.pdf', type: 'application/pdf', bytes: png });
    expect(renamed.statusCode).toBe(415);
    expect(renamed.json().code).toBe('attachments.unsupported_type');
    const svg = await upload({
      name: 'bild.svg',
      type: 'image/svg+xml',
      bytes: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    });
    expect(svg.statusCode).toBe(415);
    const html = await upload({
      name: 'bild.jpg',
      type: 'image/jpeg',
      bytes: Buffer.from('<!doctype html><script>alert(1)</script>'),
    });
    expect(html.statusCode).toBe(415);
  });

  it('a photo cut off half-way is refused as unreadable, not a server error; image/jpg is taken as JPEG', async () => {
    const whole = await photo();
    const cut = await upload({ name: 'trasig.jpg', type: 'image/jpeg', bytes: whole.subarray(0, 200) });
    expect(cut.statusCode).toBe(415);
    expect(cut.json().code).toBe('attachments.unsupported_type');
    const alias = await upload({ name: 'kran.jpeg', type: 'image/jpg', bytes: whole });
    expect(alias.statusCode).toBe(201);
  });

  it('refuses a photo over 40 megapixels before decoding it, and files over the limits, with 413', async () => {
    const huge = await sharp({ create: { width: 8000, height: 6000, channels: 3, background: 'black' } })
      .jpeg({ quality: 10 })
      .toBuffer();
    const big = await upload({ name: 'stor.jpg', type: 'image/jpeg', bytes: huge });
    expect(big.statusCode).toBe(413);
    const tooLong = await upload({
      name: 'film.mp4',
      type: 'video/mp4',
      bytes: mp4(LIMITS.image + 1024),
    }).then(async (ok) => {
      expect(ok.statusCode).toBe(201); // video may be larger than a photo
      return upload({
        name: 'bild.jpg',
        type: 'image/jpeg',
        bytes: Buffer.concat([await photo(), Buffer.alloc(LIMITS.image)]),
      });
    });
    expect(tooLong.statusCode).toBe(413);
  });

  it('plays video in the page: byte ranges answer 206 with the part asked for', async () => {
    const bytes = mp4(10_000);
    const res = await upload({ name: 'läckan.mp4', type: 'video/mp4', bytes });
    const url = `/api/orgs/${world.contractor.id}/work-orders/${order.id}/attachments/${res.json().id}`;
    const part = await t.app.inject({ url, headers: { cookie: cookies.manager, range: 'bytes=100-199' } });
    expect(part.statusCode).toBe(206);
    expect(part.headers['content-range']).toBe('bytes 100-199/10000');
    expect(part.rawPayload).toEqual(bytes.subarray(100, 200));
    const tail = await t.app.inject({ url, headers: { cookie: cookies.manager, range: 'bytes=-10' } });
    expect(tail.rawPayload).toEqual(bytes.subarray(9990));
    const bad = await t.app.inject({ url, headers: { cookie: cookies.manager, range: 'bytes=20000-' } });
    expect(bad.statusCode).toBe(416);
    expect(part.headers['content-disposition']).toContain(`filename*=UTF-8''l%C3%A4ckan.mp4`);
  });

  it('keeps a PDF as a download', async () => {
    const pdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
    const res = await upload({ name: 'offert.pdf', type: 'application/pdf', bytes: pdf });
    expect(res.statusCode).toBe(201);
    const file = await t.app.inject({
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/attachments/${res.json().id}`,
      headers: { cookie: cookies.manager },
    });
    expect(file.headers['content-disposition']).toMatch(/^attachment;/);
  });
});

describe('who sees what', () => {
  it('an internal photo stays with the contractor; another company’s attachment id is 404', async () => {
    const res = await upload(
      { name: 'intern.jpg', type: 'image/jpeg', bytes: await photo() },
      { visibility: 'internal' },
    );
    const id = res.json().id;
    const asClient = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/attachments/${id}`,
      headers: { cookie: cookies.coordinator },
    });
    expect(asClient.statusCode).toBe(404);
    const list = await t.app.inject({
      url: `/api/orgs/${world.client.id}/work-orders/${order.id}/attachments`,
      headers: { cookie: cookies.coordinator },
    });
    expect(list.json().items.map((a: { id: string }) => a.id)).not.toContain(id);
    const foreign = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders/${order.id}/attachments/${id}`,
      headers: { cookie: cookies.other },
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('another company’s attachment id is 404 through one’s own order too, and leaves the file unread', async () => {
    // An order between the other contractor's own client and it, with a photo on it.
    const theirClient = await makeOrg(t.database.db, 'client');
    await linkContractor(t.database.db, {
      clientOrgId: theirClient.id,
      contractorOrgId: world.otherContractor.id,
      createdAt: new Date(),
    });
    const theirCoordinator = await makeUser(t.database.db, theirClient, 'coordinator');
    const theirs = await createOrderViaApi(t.app, {
      cookie: await login(t.app, theirCoordinator),
      clientOrgId: theirClient.id,
      contractorOrgId: world.otherContractor.id,
    });
    const body = multipart({ name: 'deras.jpg', type: 'image/jpeg', bytes: await photo() });
    const uploaded = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.otherContractor.id}/work-orders/${theirs.id}/attachments`,
      headers: { cookie: cookies.other, ...body.headers },
      payload: body.payload,
    });
    expect(uploaded.statusCode).toBe(201);
    const theirId = uploaded.json().id;
    for (const suffix of ['', '/thumbnail']) {
      const res = await t.app.inject({
        url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/attachments/${theirId}${suffix}`,
        headers: { cookie: cookies.manager },
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const asTheirs = await t.app.inject({
      url: `/api/orgs/${world.otherContractor.id}/work-orders/${theirs.id}/attachments/${theirId}`,
      headers: { cookie: cookies.manager },
    });
    expect(asTheirs.statusCode).toBe(404);
  });

  it('needs a file, and a multipart body', async () => {
    const noFile = await t.app.inject({
      method: 'POST',
      url: `/api/orgs/${world.contractor.id}/work-orders/${order.id}/attachments`,
      headers: { cookie: cookies.technician, 'content-type': 'application/json' },
      payload: {},
    });
    expect(noFile.statusCode).toBe(415);
  });
});
