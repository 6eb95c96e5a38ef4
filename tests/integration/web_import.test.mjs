// /beheer/import: a beheerder imports a CBS table (kerncijfers, Nabijheid voorzieningen), own
// figures or boundaries from the browser. The import runs on the
// server's worker pool (a slow route, connection suspended) and uses the same use case as the CLI.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { startServer, loginClient, addUser, DEFAULT_ADMIN } from './lib/server.mjs';

const shared = process.env.WK_SHARED_DATA;
const testData = path.join(process.env.WK_SOURCE_DIR, 'tests/data');
let server;
let admin;

before(async () => {
  server = await startServer();
  admin = await loginClient(server, DEFAULT_ADMIN.name, DEFAULT_ADMIN.password);
});
after(async () => {
  const { code } = await server.stop();
  assert.equal(code, 0, server.output());
});

async function upload(client, filename, bytes, fields = {}, meta = null) {
  const form = new FormData();
  form.set('csrf', client.csrf);
  form.set('kind', 'cbs');
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  form.set('file', new Blob([bytes]), filename);
  if (meta) form.set('meta', new Blob([meta.bytes]), meta.filename);
  return client.request('/beheer/import', { method: 'POST', body: form });
}

async function figure(client, code, year, indicator) {
  const r = await client.get(`/api/v1/areas/${code}/indicators?year=${year}`);
  assert.equal(r.status, 200, r.body);
  return r.json.values.find((x) => x.code === indicator);
}

async function inhabitants(client, code, year) {
  const r = await client.get(`/api/v1/areas/${code}/indicators?year=${year}`);
  assert.equal(r.status, 200, r.body);
  const v = r.json.values.find((x) => x.code === 'a_inw');
  return v ? v.value : undefined;
}

test('the import page is reachable from Beheer and has a labelled file field', async () => {
  const beheer = await admin.get('/beheer');
  assert.match(beheer.body, /href="\/beheer\/import"/);
  const page = await admin.get('/beheer/import');
  assert.equal(page.status, 200);
  assert.match(page.body, /<label for="file">/);
  assert.match(page.body, /enctype="multipart\/form-data"/);
});

test('a CBS file with a bad line is refused with its line and column, and nothing changes', async () => {
  const before2023 = await inhabitants(admin, 'BU03440311', 2023);
  const text = await readFile(path.join(shared, 'cbs/kwb-2023_GM0344_utrecht.csv'), 'utf8');
  const lines = text.split('\n');
  const cells = lines[4].split(',');
  const col = lines[0].split(',').indexOf('a_inw');
  cells[col] = 'veel';
  lines[4] = cells.join(',');
  // Change a value on another line too: it must not land either.
  const other = lines[2].split(',');
  other[col] = '1';
  lines[2] = other.join(',');
  const r = await upload(admin, 'kwb-2023_fout.csv', lines.join('\n'));
  assert.equal(r.status, 422, r.body.slice(0, 400));
  assert.match(r.body, /De import is niet uitgevoerd/);
  assert.match(r.body, /kwb-2023_fout\.csv:5: kolom a_inw: (&apos;|&#39;|')veel(&apos;|&#39;|') is geen getal/);
  assert.doesNotMatch(r.body, /wijkkompas-upload-/, 'the temporary file name is not shown');
  assert.equal(await inhabitants(admin, 'BU03440311', 2023), before2023);
  const gm = await inhabitants(admin, 'WK034401', 2023);
  assert.notEqual(gm, 1);
});

test('the XLSX table as CBS publishes it imports, and the summary counts areas and missing values', async () => {
  const bytes = await readFile(path.join(shared, 'cbs/CBS-Utrecht-kwb-2024.xlsx'));
  const r = await upload(admin, 'CBS-Utrecht-kwb-2024.xlsx', bytes, { year: '2024' });
  assert.equal(r.status, 200, r.body.slice(0, 600));
  assert.match(r.body, /Import voltooid/);
  assert.match(r.body, /Kerncijfers 2024/);
  assert.match(r.body, /<th scope="row">Gebieden<\/th><td class="num">122<\/td>/);
  const audit = await admin.get('/auditlog');
  assert.match(audit.body, /import\.cbs/);
});

test('the Nabijheid voorzieningen download imports as StatLine exports it', async () => {
  const bytes = await readFile(path.join(shared, 'cbs/nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv'));
  const r = await upload(admin, 'nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv', bytes, { kind: 'nabijheid' });
  assert.equal(r.status, 200, r.body.slice(0, 600));
  assert.match(r.body, /Nabijheid voorzieningen 2023/);
  assert.match(r.body, /<th scope="row">Gebieden<\/th><td class="num">122<\/td>/);
  const f = await figure(admin, 'BU03440111', 2023, 'nv_afst_grote_supermarkt');
  assert.equal(f.value, 0.9);
});

test('own figures import with their source, reliability and a metadata file', async () => {
  const page = await admin.get('/beheer/import');
  assert.match(page.body, /<label for="source">/);
  assert.match(page.body, /<option value="redelijk"/);
  const bytes = await readFile(path.join(testData, 'voorbeeld-indicatoren-breed.csv'));
  const meta = { filename: 'mijn-metadata.csv', bytes: await readFile(path.join(testData, 'voorbeeld-indicatoren-breed.meta.csv')) };
  const r = await upload(admin, 'voorbeeld-indicatoren-breed.csv', bytes,
    { kind: 'indicators', source: 'Voorbeeldmonitor', reliability: 'redelijk' }, meta);
  assert.equal(r.status, 200, r.body.slice(0, 800));
  assert.match(r.body, /Eigen cijfers: Voorbeeldmonitor \(betrouwbaarheid redelijk\)/);
  assert.match(r.body, /<th scope="row">Gebieden<\/th><td class="num">5<\/td>/);
  const f = await figure(admin, 'BU03440111', 2023, 'vb_afst_zwembad');
  assert.equal(f.value, 1.9);
  const audit = await admin.get('/auditlog');
  assert.match(audit.body, /import\.indicators/);
});

test('own figures without a source, or with an unknown indicator, are refused with the user\'s file name', async () => {
  const bytes = await readFile(path.join(testData, 'voorbeeld-indicatoren-lang.csv'));
  let r = await upload(admin, 'eigen.csv', bytes, { kind: 'indicators', source: ' ' });
  assert.equal(r.status, 422);
  assert.match(r.body, /Vul de bron van de cijfers in/);
  r = await upload(admin, 'eigen.csv', bytes, { kind: 'indicators', source: 'Voorbeeld' });
  assert.equal(r.status, 422);
  assert.match(r.body, /eigen\.csv:2: kolom indicator: Onbekende indicator (&apos;|&#39;|')vb_eenpersoons/);
  assert.doesNotMatch(r.body, /wijkkompas-upload-/);
  r = await upload(admin, 'eigen.csv', bytes, { kind: 'indicators', source: 'Voorbeeld', reliability: 'zeker' });
  assert.equal(r.status, 422);
  assert.match(r.body, /Onbekende betrouwbaarheid/);
});

test('a wrong file type and a missing year field value are refused with a clear message', async () => {
  let r = await upload(admin, 'grenzen.geojson', '{}');
  assert.equal(r.status, 422);
  assert.match(r.body, /Een CBS-tabel moet een \.csv- of \.xlsx-bestand zijn\./);
  r = await upload(admin, 'kwb-2024.csv', 'a,b\n1,2\n', { year: 'vorig jaar' });
  assert.equal(r.status, 422);
  assert.match(r.body, /Vul een jaartal in, bv\. 2024\./);
});

test('only a beheerder may import', async () => {
  await addUser(server, 'wim', 'wijkwerker', 'wim-wachtwoord-123');
  const wim = await loginClient(server, 'wim', 'wim-wachtwoord-123');
  assert.equal((await wim.get('/beheer/import')).status, 403);
  const r = await upload(wim, 'kwb-2023.csv', 'x');
  assert.equal(r.status, 403);
});

test('a POST without CSRF token is refused and nothing is imported', async () => {
  const form = new FormData();
  form.set('kind', 'cbs');
  form.set('file', new Blob(['x']), 'kwb-2023.csv');
  const r = await admin.request('/beheer/import', { method: 'POST', body: form });
  assert.equal(r.status, 403);
});
