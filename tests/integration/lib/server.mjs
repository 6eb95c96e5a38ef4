// Shared by the integration tests: start the real binary on a throw-away database, run CLI
// commands against the same database, and speak HTTP with cookies and CSRF tokens like a browser.
// Runs on Node 18 and 20 (global fetch, node:test).
import { spawn, execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const BINARY = process.env.WK_BINARY;
export const DEFAULT_ADMIN = { name: 'beheerder', password: 'beheerder-test-wachtwoord' };

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// Starts `wijkkompas serve` on 127.0.0.1 with a free port and a new temporary database.
// Options: demo (default true: creates the demo beheerder), demoSocialMap (default false: the demo
// without its made-up social map, so tests start from an empty one), admin {name, password}, args
// (extra serve arguments), env (extra environment). Returns a server object:
//   url, dir, db, admin, output() (stdout+stderr so far), cli(args) and stop().
export async function startServer({ demo = true, demoSocialMap = false, admin = DEFAULT_ADMIN, args = [], env = {} } = {}) {
  if (!BINARY) throw new Error('WK_BINARY is not set (run the tests through ctest)');
  const dir = await mkdtemp(path.join(tmpdir(), 'wk-it-'));
  const db = path.join(dir, 't.db');
  const readyFile = path.join(dir, 'ready');
  const serveArgs = ['serve', '--db', db, '--listen', '127.0.0.1:0', '--ready-file', readyFile, ...args];
  if (demo) serveArgs.push('--demo');
  const proc = spawn(BINARY, serveArgs, {
    env: {
      ...process.env,
      WIJKKOMPAS_ADMIN_USER: admin.name,
      WIJKKOMPAS_ADMIN_PASSWORD: admin.password,
      WIJKKOMPAS_DEMO_SOCIALMAP: demoSocialMap ? '1' : '0',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  proc.stdout.on('data', (d) => { output += d; });
  proc.stderr.on('data', (d) => { output += d; });
  let exited = null;
  const exit = new Promise((resolve) => proc.on('exit', (code, signal) => { exited = { code, signal }; resolve(exited); }));

  const deadline = Date.now() + 60_000;
  let url = '';
  while (!url) {
    if (exited) throw new Error(`server exited (${JSON.stringify(exited)}) before it was ready:\n${output}`);
    if (Date.now() > deadline) {
      proc.kill('SIGKILL');
      throw new Error(`server not ready within 60 s:\n${output}`);
    }
    if (existsSync(readyFile)) url = (await readFile(readyFile, 'utf8')).trim();
    if (!url) await sleep(50);
  }

  return {
    url,
    dir,
    db,
    admin,
    output: () => output,
    // Runs a command against this server's database: cli(['user', 'add', 'anna', '--role', 'lezer', '--password', 'x']).
    cli: (cliArgs, options = {}) => runCli([...cliArgs, '--db', db], options),
    // Stops with SIGTERM (graceful), removes the database; resolves to {code, signal, output}.
    async stop() {
      if (!exited) proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 15_000);
      const result = await exit;
      clearTimeout(timer);
      await rm(dir, { recursive: true, force: true });
      return { ...result, output };
    },
  };
}

// Runs the binary with `args`; resolves to {code, stdout, stderr} (never rejects on a non-zero exit).
export function runCli(args, { env = {}, input } = {}) {
  return new Promise((resolve) => {
    const child = execFile(BINARY, args, { env: { ...process.env, ...env } }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
    if (input !== undefined) child.stdin.end(input);
    else child.stdin.end();
  });
}

// Adds a user through the CLI; throws if the command fails.
export async function addUser(server, name, role, password) {
  const r = await server.cli(['user', 'add', name, '--role', role, '--password', password]);
  if (r.code !== 0) throw new Error(`user add ${name} failed (${r.code}): ${r.stderr}`);
  return { name, role, password };
}

// The Set-Cookie headers of a fetch response (Node 18's Headers may lack getSetCookie). Our cookies
// carry Max-Age, never Expires, so a comma only ever separates two cookies.
export function setCookies(response) {
  if (typeof response.headers.getSetCookie === 'function') return response.headers.getSetCookie();
  const joined = response.headers.get('set-cookie');
  return joined ? joined.split(/,\s*(?=[A-Za-z0-9_-]+=)/) : [];
}

// The value of the first hidden csrf field in an HTML page, or ''.
export function csrfFrom(html) {
  const m = /name="csrf" value="([^"]*)"/.exec(html);
  return m ? m[1] : '';
}

// A browser-like client: keeps cookies, remembers the CSRF token of the last page it read, does
// not follow redirects (tests look at them).
export class Client {
  constructor(baseUrl) {
    this.base = baseUrl;
    this.cookies = new Map();
    this.csrf = '';
  }

  cookieHeader() {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  // fetch with this client's cookies; records Set-Cookie. Returns {response, status, headers, body, json}.
  async request(pathname, { method = 'GET', headers = {}, body } = {}) {
    const h = { ...headers };
    if (this.cookies.size) h.cookie = this.cookieHeader();
    const response = await fetch(this.base + pathname, { method, headers: h, body, redirect: 'manual' });
    for (const c of setCookies(response)) {
      const [pair, ...attrs] = c.split(';');
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      const deleted = attrs.some((a) => a.trim().toLowerCase() === 'max-age=0');
      if (deleted || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    const type = response.headers.get('content-type') || '';
    if (type.startsWith('text/html')) {
      const token = csrfFrom(text);
      if (token) this.csrf = token;
    }
    let json;
    if (type.includes('json') && text) json = JSON.parse(text);
    return { response, status: response.status, headers: response.headers, body: text, json };
  }

  get(pathname, options = {}) {
    return this.request(pathname, options);
  }

  // POSTs an HTML form. The remembered CSRF token is added unless `fields.csrf` is given
  // (pass csrf: null to send none).
  postForm(pathname, fields = {}, { headers = {} } = {}) {
    const f = { ...fields };
    if (f.csrf === undefined) f.csrf = this.csrf;
    if (f.csrf === null) delete f.csrf;
    return this.request(pathname, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: new URLSearchParams(f).toString(),
    });
  }

  // A JSON request with the session's CSRF token in X-CSRF-Token (for state-changing methods).
  sendJson(method, pathname, value, { headers = {} } = {}) {
    const h = { 'content-type': 'application/json', ...headers };
    if (method !== 'GET' && this.csrf) h['x-csrf-token'] = this.csrf;
    return this.request(pathname, { method, headers: h, body: value === undefined ? undefined : JSON.stringify(value) });
  }

  // Logs in through the login form (GET for the pre-session CSRF cookie and token, then POST).
  // Resolves to the POST's answer; afterwards this.csrf is the session's token.
  async login(name, password, { next } = {}) {
    await this.get('/inloggen' + (next ? `?next=${encodeURIComponent(next)}` : ''));
    const fields = { naam: name, wachtwoord: password };
    if (next !== undefined) fields.next = next;
    const answer = await this.postForm('/inloggen', fields);
    if (answer.status === 303 && this.cookies.has('wk_session')) {
      await this.get('/account');  // a page of the session, for its CSRF token
    }
    return answer;
  }
}

// A logged-in client; throws if the login fails.
export async function loginClient(server, name, password) {
  const client = new Client(server.url);
  const r = await client.login(name, password);
  if (r.status !== 303 || !client.cookies.has('wk_session')) {
    throw new Error(`login as ${name} failed: ${r.status}\n${r.body.slice(0, 500)}`);
  }
  return client;
}
