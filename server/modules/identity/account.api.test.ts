import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../platform/clock.ts';
import { login, makeOrg, makeUser, type TestUser } from '../../testing/factories.ts';
import { startSmtpServer } from '../../testing/smtp.ts';
import { createTestApp, type TestApp } from '../../testing/test-app.ts';
import { auditEvents } from '../audit/audit.table.ts';

const clock = fixedClock('2026-07-01T08:00:00Z');
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let t: TestApp;
let org: Awaited<ReturnType<typeof makeOrg>>;

beforeAll(async () => {
  smtp = await startSmtpServer();
  t = await createTestApp({ clock, env: { SMTP_URL: smtp.url, PUBLIC_URL: 'https://ordning.test.example' } });
  org = await makeOrg(t.database.db, 'client', 'Kontakt AB');
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

const req = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', url: string, cookie: string, payload?: object) =>
  t.app.inject({ method, url, headers: { cookie }, ...(payload ? { payload } : {}) });

describe('Kontaktuppgifter', () => {
  it('shows and changes name, mobile, other phone and language', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    const before = (await req('GET', '/api/me/profile', cookie)).json();
    expect(before).toMatchObject({
      username: user.username,
      email: user.email,
      pendingEmail: null,
      phone: null,
      locale: 'sv',
      secondFactor: null,
      smsAvailable: false,
      passwordMinLength: 15,
    });
    const res = await req('PATCH', '/api/me/profile', cookie, {
      name: 'Kim Kontakt',
      phone: '+46 70 123 45 67',
      otherPhone: 'Växel 08-123 00 00',
      locale: 'en',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Kim Kontakt', phone: '+46 70 123 45 67', locale: 'en' });
  });

  it('refuses a phone number that is not one, naming the field, and changes nothing', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    const res = await req('PATCH', '/api/me/profile', cookie, { name: 'Nytt namn', phone: 'ring mig' });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('phone');
    expect((await req('GET', '/api/me/profile', cookie)).json().name).not.toBe('Nytt namn');
    const email = await req('PATCH', '/api/me/profile', cookie, { email: 'smyg@test.example' });
    expect(email.statusCode).toBe(400);
  });
});

describe('changing the e-mail address (security.md 8)', () => {
  it('needs the password, takes effect only when the link mailed to the new address is followed, and tells the old one', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    const wrong = await req('POST', '/api/me/email', cookie, {
      email: 'ny.adress@test.example',
      password: 'fel',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('password');
    const res = await req('POST', '/api/me/email', cookie, {
      email: 'Ny.Adress@test.example',
      password: user.password,
    });
    expect(res.statusCode).toBe(202);
    const profile = (await req('GET', '/api/me/profile', cookie)).json();
    expect(profile).toMatchObject({ email: user.email, pendingEmail: 'ny.adress@test.example' });
    await t.worker.runOnce();
    const toNew = smtp.received.find((m) => m.envelopeTo.includes('ny.adress@test.example'))!;
    const toOld = smtp.received.find((m) => m.envelopeTo.includes(user.email))!;
    expect(toOld.parsed.subject).toBe('Din e-postadress håller på att ändras');
    expect(toOld.parsed.text).not.toMatch(/bekrafta-epost/);
    const token = toNew.parsed.text!.match(/\/bekrafta-epost\/([A-Za-z0-9_-]+)/)![1]!;
    const confirm = await t.app.inject({ method: 'POST', url: `/api/email-change/${token}` });
    expect(confirm.statusCode).toBe(200);
    expect((await req('GET', '/api/me/profile', cookie)).json()).toMatchObject({
      email: 'ny.adress@test.example',
      pendingEmail: null,
    });
    expect((await t.app.inject({ method: 'POST', url: `/api/email-change/${token}` })).statusCode).toBe(404);
  });

  it('refuses an address that belongs to another account', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const other = await makeUser(t.database.db, org, 'viewer');
    const cookie = await login(t.app, user);
    const res = await req('POST', '/api/me/email', cookie, { email: other.email, password: user.password });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('account.email_taken');
  });

  it('a made-up confirmation link answers 404 without a session', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/email-change/${'a'.repeat(43)}` });
    expect(res.statusCode).toBe(404);
  });
});

describe('changing the password (security.md 8, 11)', () => {
  it('needs the current password and ends the other sessions, not this one', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const elsewhere = await login(t.app, user);
    const cookie = await login(t.app, user);
    const wrong = await req('POST', '/api/me/password', cookie, {
      currentPassword: 'gissning',
      newPassword: 'ett nytt långt lösenord',
    });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('currentPassword');
    const common = await req('POST', '/api/me/password', cookie, {
      currentPassword: user.password,
      newPassword: '1qaz2wsx3edc4rfv',
    });
    expect(common.json().errors[0]).toMatchObject({ field: 'newPassword', code: 'password.common' });
    expect((await req('GET', '/api/me', elsewhere)).statusCode).toBe(200);
    const ok = await req('POST', '/api/me/password', cookie, {
      currentPassword: user.password,
      newPassword: 'ett nytt långt lösenord',
    });
    expect(ok.statusCode).toBe(204);
    expect((await req('GET', '/api/me', cookie)).statusCode).toBe(200);
    expect((await req('GET', '/api/me', elsewhere)).statusCode).toBe(401);
    const audit = await t.database.db.select().from(auditEvents).where(eq(auditEvents.targetUserId, user.id));
    expect(audit.map((a) => a.action)).toContain('password.changed');
  });
});

describe('active sessions', () => {
  async function twoSessions(user: TestUser) {
    const phone = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: user.password },
      headers: {
        'user-agent':
          'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Version/17.0 Mobile Safari/604.1',
      },
      remoteAddress: '198.51.100.20',
    });
    const desk = await t.app.inject({
      method: 'POST',
      url: '/api/session',
      payload: { login: user.username, password: user.password },
      headers: {
        'user-agent': 'Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:128.0) Gecko/20100101 Firefox/128.0',
      },
    });
    const c = (r: typeof phone) => `${r.cookies[0]!.name}=${r.cookies[0]!.value}`;
    return { phone: c(phone), desk: c(desk) };
  }

  it('lists the device, address, start and last use, and marks the current one', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const { desk } = await twoSessions(user);
    const list = (await req('GET', '/api/me/sessions', desk)).json().sessions;
    expect(list).toEqual([
      expect.objectContaining({ device: 'Safari · iOS', ip: '198.51.100.20', current: false }),
      expect.objectContaining({ device: 'Firefox · Windows', current: true }),
    ]);
    expect(list[0].id).toMatch(/^[0-9a-f]{32}$/);
  });

  it('"Logga ut överallt annars" ends every other session', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const { phone, desk } = await twoSessions(user);
    expect((await req('DELETE', '/api/me/sessions/others', desk)).statusCode).toBe(204);
    expect((await req('GET', '/api/me', phone)).statusCode).toBe(401);
    expect((await req('GET', '/api/me/sessions', desk)).json().sessions).toHaveLength(1);
  });

  it('ends one session by its id; another user’s session id is not found', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const stranger = await makeUser(t.database.db, org, 'viewer');
    const strangerCookie = await login(t.app, stranger);
    const { phone, desk } = await twoSessions(user);
    const phoneId = (await req('GET', '/api/me/sessions', desk))
      .json()
      .sessions.find((s: { current: boolean }) => !s.current).id;
    expect((await req('DELETE', `/api/me/sessions/${phoneId}`, strangerCookie)).statusCode).toBe(404);
    expect((await req('GET', '/api/me', phone)).statusCode).toBe(200);
    expect((await req('DELETE', `/api/me/sessions/${phoneId}`, desk)).statusCode).toBe(204);
    expect((await req('GET', '/api/me', phone)).statusCode).toBe(401);
  });
});

describe('my personal data (security.md 32)', () => {
  it('downloads as a JSON attachment with profile, memberships, sessions and audit rows about me', async () => {
    const user = await makeUser(t.database.db, org, 'coordinator');
    const cookie = await login(t.app, user);
    const res = await req('GET', '/api/me/data', cookie);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe('attachment; filename="ordning-mina-uppgifter.json"');
    const data = res.json();
    expect(data.profile).toMatchObject({ id: user.id, email: user.email, username: user.username });
    expect(data.memberships).toEqual([
      expect.objectContaining({ orgId: org.id, orgName: 'Kontakt AB', role: 'coordinator' }),
    ]);
    expect(data.sessions).toEqual([expect.objectContaining({ current: true })]);
    expect(data.auditEvents.map((a: { action: string }) => a.action)).toContain('login.succeeded');
    expect(JSON.stringify(data)).not.toContain('argon2');
  });
});
