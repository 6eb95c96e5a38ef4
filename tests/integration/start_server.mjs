// A minimal stand-in for tests/integration/lib/server.mjs (from the accounts work): starts the real
// binary on a temporary database and logs in through the login form.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { setTimeout as sleep } from 'node:timers/promises';

export const ADMIN = { name: 'beheerder', password: 'Demo-wachtwoord-123' };

function setCookies(res) {
  if (typeof res.headers.getSetCookie === 'function') return res.headers.getSetCookie();
  const joined = res.headers.get('set-cookie');
  return joined ? joined.split(/,(?=\s*[A-Za-z0-9_.-]+=)/) : [];
}

export async function startServer({ demo = false } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wk-api-'));
  const ready = path.join(dir, 'ready');
  const args = ['serve', '--db', path.join(dir, 'wk.db'), '--listen', '127.0.0.1:0', '--ready-file', ready, '--quiet'];
  if (demo) args.push('--demo');
  const child = spawn(process.env.WK_BINARY, args, {
    env: { ...process.env, WIJKKOMPAS_ADMIN_USER: ADMIN.name, WIJKKOMPAS_ADMIN_PASSWORD: ADMIN.password },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  for (let i = 0; !fs.existsSync(ready) || !fs.readFileSync(ready, 'utf8').trim(); i++) {
    if (child.exitCode !== null || i > 1200) throw new Error(`server did not start:\n${output}`);
    await sleep(50);
  }
  const url = fs.readFileSync(ready, 'utf8').trim();
  return {
    url,
    async login(name = ADMIN.name, password = ADMIN.password) {
      const jar = new Map();
      const keep = (res) => {
        for (const c of setCookies(res)) {
          const [pair] = c.split(';');
          const eq = pair.indexOf('=');
          jar.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
        }
      };
      const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
      const csrfOf = (html) => (html.match(/name="csrf" value="([^"]*)"/) || [])[1] ?? '';
      const form = await fetch(url + '/inloggen', { redirect: 'manual' });
      keep(form);
      const body = new URLSearchParams({ naam: name, wachtwoord: password, csrf: csrfOf(await form.text()) });
      const res = await fetch(url + '/inloggen', {
        method: 'POST', redirect: 'manual', body,
        headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie() },
      });
      keep(res);
      if (res.status !== 303 && res.status !== 302) throw new Error(`login failed: ${res.status} ${await res.text()}`);
      const home = await fetch(url + '/', { headers: { Cookie: cookie() } });
      const csrf = csrfOf(await home.text());
      return {
        cookie,
        csrf,
        fetch: (p, opts = {}) => fetch(url + p, {
          redirect: 'manual', ...opts, headers: { Cookie: cookie(), 'X-CSRF-Token': csrf, ...(opts.headers ?? {}) },
        }),
      };
    },
    async stop() {
      child.kill('SIGTERM');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
