// The answers of the area API are kept in memory (src/web/read_cache.h). An import must make them
// current: through the server itself (/beheer/import) at once, and by another process on the same
// database (the `wijkkompas import` command) within the cache's generation check (200 ms).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import { DEFAULT_ADMIN, loginClient, startServer } from './lib/server.mjs';

const cbs2024 = join(process.env.WK_SHARED_DATA, 'cbs', 'kwb-2024_GM0344_utrecht.csv');
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let server;
let admin;
let auth;

before(async () => {
  server = await startServer({ demo: true });
  admin = await loginClient(server, DEFAULT_ADMIN.name, DEFAULT_ADMIN.password);
  const created = await admin.sendJson('POST', '/api/v1/tokens', { name: 'cache-test' });
  assert.equal(created.status, 201, created.body);
  auth = { Authorization: `Bearer ${created.json.token}` };
});

after(async () => {
  await server?.stop();
});

async function years(code) {
  const r = await fetch(`${server.url}/api/v1/areas/${code}`, { headers: auth });
  assert.equal(r.status, 200);
  return (await r.json()).years;
}

async function indicatorsStatus(code, year) {
  return (await fetch(`${server.url}/api/v1/areas/${code}/indicators?year=${year}`, { headers: auth })).status;
}

test('an import through /beheer/import shows in the very next API answer', async () => {
  assert.deepEqual(await years('WK034403'), [2024, 2023]);
  assert.deepEqual(await years('WK034403'), [2024, 2023], 'the second answer comes from memory');
  assert.equal(await indicatorsStatus('WK034403', 2022), 422, 'no figures for 2022 yet');

  await admin.get('/beheer/import');  // the form's CSRF token
  const form = new FormData();
  form.set('csrf', admin.csrf);
  form.set('kind', 'cbs');
  form.set('year', '2022');
  form.set('file', new Blob([readFileSync(cbs2024)], { type: 'text/csv' }), 'kwb-2024_GM0344_utrecht.csv');
  const imported = await admin.request('/beheer/import', { method: 'POST', body: form });
  assert.equal(imported.status, 200, imported.body.slice(0, 500));
  assert.match(imported.body, /Import voltooid/);

  assert.deepEqual(await years('WK034403'), [2024, 2023, 2022]);
  assert.equal(await indicatorsStatus('WK034403', 2022), 200);
});

test('an import by the command line on the same database shows within a second', async () => {
  assert.deepEqual(await years('WK034404'), [2024, 2023, 2022]);
  const r = await server.cli(['import', 'cbs', cbs2024, '--year', '2021']);
  assert.equal(r.code, 0, r.stderr);
  const started = Date.now();
  let seen = await years('WK034404');
  while (seen.length === 3 && Date.now() - started < 1000) {
    await sleep(25);
    seen = await years('WK034404');
  }
  assert.deepEqual(seen, [2024, 2023, 2022, 2021]);
});
