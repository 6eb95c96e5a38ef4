// Accounts and security end to end: the real binary on a temporary database, spoken to over HTTP.
import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';

import { startServer, addUser, Client, loginClient, setCookies } from './lib/server.mjs';

let server;
const users = {};

before(async () => {
  server = await startServer();
  users.beheerder = server.admin;
  users.coordinator = await addUser(server, 'carla', 'coordinator', 'carla-wachtwoord');
  users.wijkwerker = await addUser(server, 'wim', 'wijkwerker', 'wim-wachtwoord1');
  users.lezer = await addUser(server, 'lotte', 'lezer', 'lotte-wachtwoord');
});

after(async () => {
  const stopped = await server.stop();
  assert.equal(stopped.code, 0, `server did not stop cleanly:\n${stopped.output.slice(-2000)}`);
});

describe('login required', () => {
  test('a page without login redirects to the login page with the way back', async () => {
    const r = await new Client(server.url).get('/account?x=1');
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/inloggen?next=/account%3Fx%3D1');
  });

  test('the API without login answers 401 as a problem document', async () => {
    const r = await new Client(server.url).get('/api/v1/me');
    assert.equal(r.status, 401);
    assert.equal(r.headers.get('content-type'), 'application/problem+json');
    assert.equal(r.json.status, 401);
    assert.match(r.json.detail, /Log eerst in/);
    assert.match(r.headers.get('www-authenticate'), /^Bearer/);
  });

  test('public pages need no login', async () => {
    for (const p of ['/inloggen', '/healthz', '/static/app.css']) {
      const r = await new Client(server.url).get(p);
      assert.equal(r.status, 200, p);
    }
  });
});

describe('login', () => {
  test('a wrong password is refused with a Dutch message next to the field', async () => {
    const c = new Client(server.url);
    const r = await c.login('lotte', 'niet-het-wachtwoord');
    assert.equal(r.status, 422);
    assert.match(r.body, /<span class="field-error" id="inloggen-wachtwoord-fout">Onjuiste naam of wachtwoord\.<\/span>/);
    assert.match(r.body, /class="error-summary"/);
    assert.ok(!c.cookies.has('wk_session'));
    assert.match(r.body, /value="lotte"/, 'the name stays filled in');
    assert.doesNotMatch(r.body, /niet-het-wachtwoord/, 'the password is never sent back');
  });

  test('the right password starts a session and goes to the local page asked for', async () => {
    const c = new Client(server.url);
    const r = await c.login('lotte', 'lotte-wachtwoord', { next: '/account' });
    assert.equal(r.status, 303);
    assert.equal(r.headers.get('location'), '/account');
    const page = await c.get('/account');
    assert.equal(page.status, 200);
    assert.match(page.body, /<dd>lotte<\/dd>/);
  });

  test('after login only local paths are followed', async () => {
    for (const next of ['https://evil.example/', '//evil.example/', '/\\evil.example']) {
      const c = new Client(server.url);
      const r = await c.login('lotte', 'lotte-wachtwoord', { next });
      assert.equal(r.status, 303, next);
      assert.equal(r.headers.get('location'), '/', next);
    }
  });

  test('throttling refuses an account after five failures, even with the right password', async () => {
    await addUser(server, 'tim', 'lezer', 'tim-wachtwoord1');
    const c = new Client(server.url);
    for (let i = 0; i < 5; i++) {
      const r = await c.login('tim', `fout-${i}-wachtwoord`);
      assert.equal(r.status, 422, `failure ${i + 1}`);
    }
    const r = await c.login('tim', 'tim-wachtwoord1');
    assert.equal(r.status, 429);
    assert.match(r.body, /Te veel mislukte pogingen\. Probeer het over 15 minuten opnieuw\./);
    assert.ok(!c.cookies.has('wk_session'));
    // Another account from the same address still logs in.
    await loginClient(server, 'lotte', 'lotte-wachtwoord');
  });
});

describe('cookies and headers', () => {
  test('the session cookie is HttpOnly, SameSite=Lax and not readable by scripts', async () => {
    const c = new Client(server.url);
    await c.get('/inloggen');
    const r = await c.postForm('/inloggen', { naam: 'lotte', wachtwoord: 'lotte-wachtwoord' });
    const session = setCookies(r.response).find((s) => s.startsWith('wk_session='));
    assert.ok(session, 'a session cookie is set');
    assert.match(session, /; HttpOnly/);
    assert.match(session, /; SameSite=Lax/);
    assert.match(session, /; Path=\//);
    assert.doesNotMatch(session, /Secure/, 'plain HTTP without a proxy: not Secure');
    assert.match(session, /^wk_session=[A-Za-z0-9_-]{43};/, '256 random bits');
  });

  test('the pre-login CSRF cookie is HttpOnly and SameSite=Lax too', async () => {
    const r = await new Client(server.url).get('/inloggen');
    const csrf = setCookies(r.response).find((s) => s.startsWith('wk_csrf='));
    assert.ok(csrf);
    assert.match(csrf, /; HttpOnly/);
    assert.match(csrf, /; SameSite=Lax/);
  });

  test('every answer carries the security headers', async () => {
    for (const p of ['/inloggen', '/api/v1/me', '/static/app.css', '/bestaat-niet']) {
      const r = await new Client(server.url).get(p);
      const csp = r.headers.get('content-security-policy');
      assert.match(csp, /script-src 'self'/, p);
      assert.doesNotMatch(csp, /unsafe-inline/, p);
      assert.match(csp, /frame-ancestors 'none'/, p);
      assert.equal(r.headers.get('x-content-type-options'), 'nosniff', p);
      assert.ok(r.headers.get('referrer-policy'), p);
    }
  });

  test('two requests share one keep-alive connection', async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    const get = () =>
      new Promise((resolve, reject) => {
        const req = http.get(`${server.url}/healthz`, { agent }, (res) => {
          res.resume();
          res.on('end', () => resolve({ status: res.statusCode, reused: req.reusedSocket }));
        });
        req.on('error', reject);
      });
    const first = await get();
    const second = await get();
    agent.destroy();
    assert.equal(first.status, 200);
    assert.equal(second.status, 200);
    assert.equal(first.reused, false);
    assert.equal(second.reused, true, 'the second request went over the same socket');
  });
});

describe('CSRF', () => {
  test('a state-changing request of a session without its token is refused', async () => {
    const c = await loginClient(server, 'lotte', 'lotte-wachtwoord');
    for (const csrf of [null, 'verkeerd', c.csrf.replace(/.$/, (ch) => (ch === 'A' ? 'B' : 'A'))]) {
      const r = await c.postForm('/account/tokens', { naam: 'script', csrf });
      assert.equal(r.status, 403, String(csrf));
      assert.match(r.body, /CSRF-controle/);
    }
    const api = await c.request('/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'x' }),
    });
    assert.equal(api.status, 403);
    assert.equal(api.headers.get('content-type'), 'application/problem+json');
    const listed = await c.get('/api/v1/tokens');
    assert.deepEqual(listed.json.tokens, [], 'nothing was created');
  });

  test('the login form itself needs the CSRF token (double submit)', async () => {
    const c = new Client(server.url);
    const noCookie = await c.postForm('/inloggen', { naam: 'lotte', wachtwoord: 'lotte-wachtwoord', csrf: 'x' });
    assert.equal(noCookie.status, 403);
    await c.get('/inloggen');
    const noField = await c.postForm('/inloggen', { naam: 'lotte', wachtwoord: 'lotte-wachtwoord', csrf: null });
    assert.equal(noField.status, 403);
    assert.ok(!c.cookies.has('wk_session'));
  });

  test('logout is a POST with the token, and the session is gone afterwards', async () => {
    const c = await loginClient(server, 'lotte', 'lotte-wachtwoord');
    const oldCookie = c.cookies.get('wk_session');
    const get = await c.get('/uitloggen');
    assert.equal(get.status, 405);
    const noToken = await c.postForm('/uitloggen', { csrf: null });
    assert.equal(noToken.status, 403);
    const out = await c.postForm('/uitloggen');
    assert.equal(out.status, 303);
    assert.equal(out.headers.get('location'), '/inloggen?gelukt=uitgelogd');
    assert.ok(!c.cookies.has('wk_session'), 'the cookie is deleted');
    const replay = new Client(server.url);
    replay.cookies.set('wk_session', oldCookie);
    const r = await replay.get('/account');
    assert.equal(r.status, 303, 'the old cookie no longer works');
  });
});

describe('roles', () => {
  const cases = [
    { role: 'beheerder', paths: { '/beheer': 200, '/auditlog': 200, '/account': 200 } },
    { role: 'coordinator', paths: { '/beheer': 403, '/auditlog': 200, '/account': 200 } },
    { role: 'wijkwerker', paths: { '/beheer': 403, '/auditlog': 403, '/account': 200 } },
    { role: 'lezer', paths: { '/beheer': 403, '/auditlog': 403, '/account': 200 } },
  ];
  for (const c of cases) {
    test(`a ${c.role} sees only what the role allows`, async () => {
      const u = users[c.role];
      const client = await loginClient(server, u.name, u.password);
      for (const [p, status] of Object.entries(c.paths)) {
        const r = await client.get(p);
        assert.equal(r.status, status, `${c.role} ${p}`);
        if (status === 403) assert.match(r.body, /Geen toegang/);
      }
      const me = await client.get('/api/v1/me');
      assert.equal(me.json.role, c.role);
      assert.equal(me.json.permissions.includes('manage_users'), c.role === 'beheerder');
      const admin = await client.postForm('/beheer/gebruikers', { naam: `x${c.role}`, rol: 'lezer', wachtwoord: 'lang-genoeg-wachtwoord' });
      assert.equal(admin.status, c.role === 'beheerder' ? 303 : 403, `${c.role} adds a user`);
    });
  }

  test('a beheerder manages users and teams on the web pages', async () => {
    const c = await loginClient(server, users.beheerder.name, users.beheerder.password);
    const bad = await c.postForm('/beheer/gebruikers', { naam: 'nina', rol: 'lezer', wachtwoord: 'kort' });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /id="gebruiker-wachtwoord-fout">Een wachtwoord heeft minstens 10 tekens\./);
    const added = await c.postForm('/beheer/gebruikers', { naam: 'nina', rol: 'wijkwerker', wachtwoord: 'nina-wachtwoord' });
    assert.equal(added.status, 303);
    const userPath = added.headers.get('location').split('?')[0];
    const userId = userPath.split('/').pop();

    const team = await c.postForm('/beheer/teams', { naam: 'Team Overvecht' });
    assert.equal(team.status, 303);
    const teamPath = team.headers.get('location').split('?')[0];
    await c.get(teamPath);
    assert.equal((await c.postForm(`${teamPath}/leden`, { gebruiker: userId })).status, 303);
    const badAreas = await c.postForm(`${teamPath}/gebieden`, { gebieden: 'GM0344, Overvecht' });
    assert.equal(badAreas.status, 422);
    assert.match(badAreas.body, /Ongeldige gebiedscode &apos;Overvecht&apos;/);
    assert.equal((await c.postForm(`${teamPath}/gebieden`, { gebieden: 'wk034405, BU03440501' })).status, 303);

    const nina = await loginClient(server, 'nina', 'nina-wachtwoord');
    const me = await nina.get('/api/v1/me');
    assert.deepEqual(me.json.teams, ['Team Overvecht']);
    assert.deepEqual(me.json.area_codes, ['BU03440501', 'WK034405']);

    await c.get(userPath);
    assert.equal((await c.postForm(`${userPath}/wachtwoord`, { wachtwoord: 'nieuw-nina-wachtwoord' })).status, 303);
    assert.equal((await nina.get('/account')).status, 303, 'a reset ends the sessions');
    await loginClient(server, 'nina', 'nieuw-nina-wachtwoord');

    assert.equal((await c.postForm(`${userPath}/uitschakelen`)).status, 303);
    const refused = await new Client(server.url).login('nina', 'nieuw-nina-wachtwoord');
    assert.equal(refused.status, 422);

    const audit = await c.get('/auditlog');
    assert.match(audit.body, /user\.disable/);
    assert.match(audit.body, /team\.areas_set/);
    assert.match(audit.body, /cli:/, 'users added on the command line are audited as cli:<user>');
  });
});

describe('API tokens', () => {
  test('a token works as Bearer without CSRF, is listed without its secret, and stops after revoke', async () => {
    const c = await loginClient(server, 'carla', 'carla-wachtwoord');
    const created = await c.sendJson('POST', '/api/v1/tokens', { name: 'rapportage' });
    assert.equal(created.status, 201);
    const { token, id, prefix } = created.json;
    assert.match(token, /^wk_[A-Za-z0-9_-]{43}$/);
    assert.equal(token.slice(0, prefix.length), prefix);

    const bearer = { authorization: `Bearer ${token}` };
    const me = await new Client(server.url).get('/api/v1/me', { headers: bearer });
    assert.equal(me.status, 200);
    assert.equal(me.json.name, 'carla');
    assert.equal(me.json.authenticated_by, 'token');

    const list = await new Client(server.url).get('/api/v1/tokens', { headers: bearer });
    assert.equal(list.json.tokens.length, 1);
    assert.equal(list.json.tokens[0].token, undefined);
    assert.ok(list.json.tokens[0].last_used_at);

    const revoked = await new Client(server.url).request(`/api/v1/tokens/${id}`, { method: 'DELETE', headers: bearer });
    assert.equal(revoked.status, 204, 'a bearer request needs no CSRF token');
    const after = await new Client(server.url).get('/api/v1/me', { headers: bearer });
    assert.equal(after.status, 401);
    assert.equal(after.headers.get('content-type'), 'application/problem+json');
  });

  test('a token made on the account page is shown once', async () => {
    const c = await loginClient(server, 'wim', 'wim-wachtwoord1');
    const made = await c.postForm('/account/tokens', { naam: 'mijn script' });
    assert.equal(made.status, 200);
    const m = /id="nieuw-token" class="token-secret" value="(wk_[^"]+)"/.exec(made.body);
    assert.ok(m, 'the new token is on the page');
    assert.equal(made.headers.get('cache-control'), 'no-store');
    const again = await c.get('/account');
    assert.ok(!again.body.includes(m[1]), 'and never again');
    const bad = await c.postForm('/account/tokens', { naam: '' });
    assert.equal(bad.status, 422);
    assert.match(bad.body, /id="token-naam-fout">Geef het token een naam/);
  });

  test('someone else\'s token cannot be revoked', async () => {
    const carla = await loginClient(server, 'carla', 'carla-wachtwoord');
    const created = await carla.sendJson('POST', '/api/v1/tokens', { name: 'van carla' });
    const lotte = await loginClient(server, 'lotte', 'lotte-wachtwoord');
    const r = await lotte.sendJson('DELETE', `/api/v1/tokens/${created.json.id}`);
    assert.equal(r.status, 404);
  });
});

describe('behind a proxy', () => {
  test('cookies are Secure when the trusted proxy says the request came over HTTPS', async () => {
    const proxied = await startServer({ args: ['--trusted-proxy', '127.0.0.1'] });
    try {
      const c = new Client(proxied.url);
      const https = { 'x-forwarded-proto': 'https', 'x-forwarded-for': '203.0.113.9' };
      await c.get('/inloggen', { headers: https });
      const r = await c.postForm('/inloggen', { naam: proxied.admin.name, wachtwoord: proxied.admin.password }, { headers: https });
      const session = setCookies(r.response).find((s) => s.startsWith('wk_session='));
      assert.match(session, /; Secure/);
      assert.match(r.headers.get('strict-transport-security') || '', /max-age=/);
    } finally {
      await proxied.stop();
    }
  });
});

describe('command line', () => {
  const cases = [
    { args: ['user', 'add', 'lotte', '--role', 'lezer', '--password', 'lang-genoeg-1'], code: 5, err: "Er bestaat al een gebruiker met de naam 'lotte'." },
    { args: ['user', 'add', 'piet', '--role', 'admin', '--password', 'lang-genoeg-1'], code: 2, err: 'Kies een rol' },
    { args: ['user', 'add', 'piet', '--role', 'lezer', '--password', 'kort'], code: 2, err: 'minstens 10 tekens' },
    { args: ['user', 'add', 'piet', '--role', 'lezer'], code: 2, err: 'de invoer is geen terminal' },
    { args: ['user', 'passwd', 'niemand', '--password', 'lang-genoeg-1'], code: 3, err: "Er is geen gebruiker met de naam 'niemand'." },
    { args: ['user', 'disable', 'niemand'], code: 3, err: "Er is geen gebruiker met de naam 'niemand'." },
  ];
  for (const c of cases) {
    test(`${c.args.filter((a) => !a.startsWith('lang') && a !== 'kort').join(' ')} exits ${c.code} with a clear message`, async () => {
      const r = await server.cli(c.args);
      assert.equal(r.code, c.code, r.stderr);
      assert.ok(r.stderr.includes(c.err), r.stderr);
    });
  }

  test('user list shows every user with role and status', async () => {
    const r = await server.cli(['user', 'list']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /^lotte\s+lezer\s+actief/m);
    assert.match(r.stdout, /^beheerder\s+beheerder\s+actief/m);
  });
});
