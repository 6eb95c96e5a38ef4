// The JSON API against its OpenAPI document: every answer the real server gives (areas, children,
// indicators, geometry, search, and the 401/404/422 problems) is validated with ajv's JSON Schema
// 2020-12 validator against the schema that web/openapi.json declares for that path and status.
// Values are checked against the CBS file itself (../shared/data/cbs), missing ones included.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer, loginClient, addUser } from './lib/server.mjs';

const DOC_ID = 'https://wijkkompas.invalid/api/v1/openapi.json';
let server;
let auth;  // headers with the Bearer token
let session;  // the reader's logged-in client (cookie + CSRF)
let createdToken;  // the answer of POST /api/v1/tokens
let doc;
let ajv;

before(async () => {
  server = await startServer({ demo: true });
  // A reader with a personal API token: the API is for every logged-in role.
  await addUser(server, 'lezer1', 'lezer', 'lezer-wachtwoord-1');
  session = await loginClient(server, 'lezer1', 'lezer-wachtwoord-1');
  const created = await session.sendJson('POST', '/api/v1/tokens', { name: 'api-test' });
  assert.equal(created.status, 201, created.body);
  createdToken = created.json;
  auth = { Authorization: `Bearer ${created.json.token}` };
  doc = await (await fetch(server.url + '/api/v1/openapi.json')).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
});

after(async () => {
  await server?.stop();
});

// The schema the document declares for `template` (an OpenAPI path), method and status, and the
// content types it allows.
function declared(template, method, status) {
  const op = doc.paths[template]?.[method];
  assert.ok(op, `openapi.json describes ${method.toUpperCase()} ${template}`);
  let resp = op.responses[String(status)];
  assert.ok(resp, `openapi.json declares status ${status} for ${method.toUpperCase()} ${template}`);
  if (resp.$ref) resp = resp.$ref.split('/').slice(1).reduce((o, k) => o[k], doc);
  return resp.content ?? {};
}

function validator(schema) {
  if (schema.$ref?.startsWith('#/')) return ajv.getSchema(DOC_ID + schema.$ref);
  return ajv.compile(schema);
}

// Validates `body` (answered with `status` and content type `type`) against the declared schema.
function conforms(template, method, status, type, body) {
  const content = declared(template, method, status);
  assert.ok(content[type], `${method} ${template}: content type ${type} is declared (${Object.keys(content)})`);
  const validate = validator(content[type].schema);
  assert.ok(validate(body), `${method} ${template} ${status}: ${JSON.stringify(validate.errors, null, 1)}`);
}

// GETs `url`, checks status and content type, validates the body against the declared schema
// and returns it parsed.
async function check(template, url, status, { headers = auth, method = 'get' } = {}) {
  const res = await fetch(server.url + url, { method: method.toUpperCase(), headers });
  const text = await res.text();
  assert.equal(res.status, status, `${url}: ${text.slice(0, 300)}`);
  const content = declared(template, method, status);
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  assert.ok(content[type], `${url}: content type ${type} is declared (${Object.keys(content)})`);
  const body = JSON.parse(text);
  const validate = validator(content[type].schema);
  assert.ok(validate(body), `${url}: ${JSON.stringify(validate.errors, null, 1)}`);
  return body;
}

// The CBS file's row of `code` as {column: raw value}.
function cbsRow(year, code) {
  const file = path.join(process.env.WK_SHARED_DATA, 'cbs', `kwb-${year}_GM0344_utrecht.csv`);
  const [header, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const cols = header.split(',');
  const line = lines.find((l) => l.split(',')[cols.indexOf('gwb_code')] === code);
  assert.ok(line, `${code} in ${file}`);
  const cells = line.split(',');
  return Object.fromEntries(cols.map((c, i) => [c, cells[i]]));
}

test('the OpenAPI document is public, 3.1, and describes every area route', async () => {
  const res = await fetch(server.url + '/api/v1/openapi.json');
  assert.equal(res.status, 200);
  assert.equal(doc.openapi, '3.1.0');
  for (const p of ['/api/v1/areas', '/api/v1/areas/{code}', '/api/v1/areas/{code}/children',
    '/api/v1/areas/{code}/indicators', '/api/v1/areas/{code}/geometry', '/api/v1/me', '/api/v1/tokens',
    '/api/v1/tokens/{id}']) {
    assert.ok(doc.paths[p], `${p} is described`);
  }
  assert.ok(doc.components.securitySchemes.bearerAuth && doc.components.securitySchemes.cookieAuth);
});

test('an area names its ancestors and the years with figures', async () => {
  const gm = await check('/api/v1/areas/{code}', '/api/v1/areas/GM0344', 200);
  assert.equal(gm.name, 'Utrecht');
  assert.equal(gm.level, 'gemeente');
  assert.equal(gm.parent_code, null);
  assert.deepEqual(gm.years, [2024, 2023]);
  const wk = await check('/api/v1/areas/{code}', '/api/v1/areas/wk034403', 200);
  assert.equal(wk.code, 'WK034403');
  assert.match(wk.name, /Overvecht/);
  assert.deepEqual(wk.ancestors.map((a) => a.code), ['GM0344']);
  assert.equal(wk.bbox.length, 4);
});

test('Utrecht has 10 wijken and Overvecht has its buurten', async () => {
  const gm = await check('/api/v1/areas/{code}/children', '/api/v1/areas/GM0344/children', 200);
  assert.equal(gm.items.length, 10);
  assert.ok(gm.items.every((a) => a.level === 'wijk' && a.parent_code === 'GM0344'));
  const wk = await check('/api/v1/areas/{code}/children', '/api/v1/areas/WK034403/children', 200);
  assert.ok(wk.items.length > 5);
  assert.ok(wk.items.every((a) => a.level === 'buurt' && a.code.startsWith('BU034403')));
  const bu = await check('/api/v1/areas/{code}/children', `/api/v1/areas/${wk.items[0].code}/children`, 200);
  assert.deepEqual(bu.items, []);
});

test('indicator values equal the CBS file, missing ones as null', async () => {
  for (const [year, code] of [[2024, 'WK034403'], [2023, 'WK034403'], [2024, 'BU03440343'], [2023, 'GM0344']]) {
    const body = await check('/api/v1/areas/{code}/indicators', `/api/v1/areas/${code}/indicators?year=${year}`, 200);
    assert.equal(body.year, year);
    assert.equal(body.source.publisher, 'CBS');
    const row = cbsRow(year, code);
    let compared = 0;
    for (const v of body.values) {
      if (!(v.code in row)) continue;
      const raw = row[v.code].trim();
      if (raw === '.') assert.equal(v.value, null, `${code} ${year} ${v.code} is missing`);
      else assert.ok(Math.abs(v.value - Number(raw)) < 1e-9, `${code} ${year} ${v.code}: ${v.value} vs ${raw}`);
      compared++;
    }
    assert.ok(compared >= 10, `compared ${compared} values of ${code} ${year}`);
    assert.equal(body.values.find((v) => v.code === 'a_inw').value, Number(row.a_inw));
  }
  const newest = await check('/api/v1/areas/{code}/indicators', '/api/v1/areas/GM0344/indicators', 200);
  assert.equal(newest.year, 2024);
});

test('a bad year is a validation problem that names the field', async () => {
  const cases = [
    ['twee', 'Het jaar moet een jaartal zijn, zoals 2024.'],
    ['1999', 'Er zijn geen cijfers van 1999 voor dit gebied. Beschikbaar: 2024, 2023.'],
  ];
  for (const [year, detail] of cases) {
    const p = await check('/api/v1/areas/{code}/indicators', `/api/v1/areas/GM0344/indicators?year=${year}`, 422);
    assert.equal(p.status, 422);
    assert.equal(p.detail, detail);
    assert.deepEqual(p.errors, [{ field: 'year', detail }]);
  }
});

test('boundaries come as GeoJSON in WGS84', async () => {
  const f = await check('/api/v1/areas/{code}/geometry', '/api/v1/areas/WK034403/geometry', 200);
  assert.equal(f.type, 'Feature');
  const flat = JSON.stringify(f.geometry.coordinates).match(/-?\d+\.\d+/g).map(Number);
  // Utrecht lies near 5.1 E, 52.1 N: longitude first (RFC 7946).
  assert.ok(flat[0] > 4.9 && flat[0] < 5.3 && flat[1] > 51.9 && flat[1] < 52.2, `first position ${flat[0]}, ${flat[1]}`);
  const fc = await check('/api/v1/areas/{code}/children/geometry', '/api/v1/areas/GM0344/children/geometry', 200);
  assert.equal(fc.features.length, 10);
});

test('search finds areas by name and by code', async () => {
  const byName = await check('/api/v1/areas', '/api/v1/areas?q=overvecht', 200);
  const hit = byName.items.find((a) => a.code === 'WK034403');
  assert.ok(hit, JSON.stringify(byName.items.map((a) => a.code)));
  assert.equal(hit.parent_name, 'Utrecht');
  const byCode = await check('/api/v1/areas', '/api/v1/areas?q=BU03440343', 200);
  assert.equal(byCode.items[0].code, 'BU03440343');
  const limited = await check('/api/v1/areas', '/api/v1/areas?q=WK0344&limit=3', 200);
  assert.equal(limited.items.length, 3);
  const empty = await check('/api/v1/areas', '/api/v1/areas', 422);
  assert.equal(empty.errors[0].field, 'q');
  const badLimit = await check('/api/v1/areas', '/api/v1/areas?q=x&limit=0', 422);
  assert.equal(badLimit.errors[0].field, 'limit');
});

test('without a token or session the API answers 401 problems', async () => {
  for (const [template, url] of [['/api/v1/areas/{code}', '/api/v1/areas/GM0344'], ['/api/v1/areas', '/api/v1/areas?q=x'],
    ['/api/v1/areas/{code}/geometry', '/api/v1/areas/GM0344/geometry']]) {
    const p = await check(template, url, 401, { headers: {} });
    assert.equal(p.status, 401);
  }
  const wrong = await check('/api/v1/areas/{code}', '/api/v1/areas/GM0344', 401, { headers: { Authorization: 'Bearer wk_nope' } });
  assert.equal(wrong.status, 401);
});

test('an unknown area is a 404 problem', async () => {
  for (const [template, url] of [['/api/v1/areas/{code}', '/api/v1/areas/GM9999'],
    ['/api/v1/areas/{code}/children', '/api/v1/areas/WK999999/children'],
    ['/api/v1/areas/{code}/indicators', '/api/v1/areas/BU99999999/indicators'],
    ['/api/v1/areas/{code}/geometry', '/api/v1/areas/GM9999/geometry']]) {
    const p = await check(template, url, 404);
    assert.equal(p.status, 404);
    assert.equal(p.type, 'urn:wijkkompas:problem:not_found');
  }
});

test('the caller and its API tokens match the document', async () => {
  const me = await check('/api/v1/me', '/api/v1/me', 200);
  assert.equal(me.name, 'lezer1');
  assert.equal(me.role, 'lezer');
  conforms('/api/v1/tokens', 'post', 201, 'application/json', createdToken);
  const list = await check('/api/v1/tokens', '/api/v1/tokens', 200);
  const mine = list.tokens.find((t) => t.id === createdToken.id);
  assert.ok(mine && mine.revoked_at === null && !('token' in mine));
  const bad = await session.sendJson('POST', '/api/v1/tokens', { name: '' });
  assert.equal(bad.status, 422);
  conforms('/api/v1/tokens', 'post', 422, 'application/problem+json', bad.json);
  const other = await session.sendJson('POST', '/api/v1/tokens', { name: 'weg' });
  const revoked = await session.sendJson('DELETE', `/api/v1/tokens/${other.json.id}`);
  assert.equal(revoked.status, 204);
  assert.ok(declared('/api/v1/tokens/{id}', 'delete', 204));
});
