// The indicator API against its OpenAPI document: the catalogue (GET /api/v1/indicators) and one
// indicator over the children of an area (GET /api/v1/indicators/{code}/values), every answer
// validated with ajv (JSON Schema 2020-12) against web/openapi.json, values checked against the
// CBS file itself (../shared/data/cbs), missing ones as null.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer, loginClient, addUser } from './lib/server.mjs';

const DOC_ID = 'https://wijkkompas.invalid/api/v1/openapi.json';
let server;
let auth;
let doc;
let ajv;

before(async () => {
  server = await startServer({ demo: true });
  await addUser(server, 'lezer2', 'lezer', 'lezer-wachtwoord-2');
  const session = await loginClient(server, 'lezer2', 'lezer-wachtwoord-2');
  const created = await session.sendJson('POST', '/api/v1/tokens', { name: 'indicator-test' });
  assert.equal(created.status, 201, created.body);
  auth = { Authorization: `Bearer ${created.json.token}` };
  doc = await (await fetch(server.url + '/api/v1/openapi.json')).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
});

after(async () => {
  await server?.stop();
});

function declared(template, status) {
  const op = doc.paths[template]?.get;
  assert.ok(op, `openapi.json describes GET ${template}`);
  let resp = op.responses[String(status)];
  assert.ok(resp, `openapi.json declares status ${status} for GET ${template}`);
  if (resp.$ref) resp = resp.$ref.split('/').slice(1).reduce((o, k) => o[k], doc);
  return resp.content ?? {};
}

function validator(schema) {
  if (schema.$ref?.startsWith('#/')) return ajv.getSchema(DOC_ID + schema.$ref);
  return ajv.compile(schema);
}

// GETs `url`, checks status and content type, validates the body against the declared schema.
async function check(template, url, status, { headers = auth } = {}) {
  const res = await fetch(server.url + url, { headers });
  const text = await res.text();
  assert.equal(res.status, status, `${url}: ${text.slice(0, 300)}`);
  const content = declared(template, status);
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  assert.ok(content[type], `${url}: content type ${type} is declared (${Object.keys(content)})`);
  const body = JSON.parse(text);
  const validate = validator(content[type].schema);
  assert.ok(validate(body), `${url}: ${JSON.stringify(validate.errors, null, 1)}`);
  return body;
}

// The cells of one CSV line; names such as "Lunetten, Koningsweg" are quoted.
function splitCsv(line) {
  return [...line.matchAll(/("([^"]*(?:""[^"]*)*)"|[^,]*)(,|$)/g)]
    .slice(0, -1).map((m) => (m[2] !== undefined ? m[2].replace(/""/g, '"') : m[1]));
}

// code -> {column: raw cell} of the CBS file of `year`.
function cbsRows(year) {
  const file = path.join(process.env.WK_SHARED_DATA, 'cbs', `kwb-${year}_GM0344_utrecht.csv`);
  const [header, ...lines] = fs.readFileSync(file, 'utf8').replace(/^\uFEFF/, '').trim().split(/\r?\n/);
  const cols = splitCsv(header);
  return Object.fromEntries(lines.map((l) => {
    const cells = splitCsv(l);
    return [cells[cols.indexOf('gwb_code')], Object.fromEntries(cols.map((c, i) => [c, cells[i]]))];
  }));
}

const VALUES = '/api/v1/indicators/{code}/values';

test('the catalogue lists every indicator with its theme, unit and direction', async () => {
  const cat = await check('/api/v1/indicators', '/api/v1/indicators', 200);
  assert.equal(cat.themes[0], 'bevolking');
  assert.ok(cat.items.length > 100, `${cat.items.length} indicators`);
  for (const i of cat.items) assert.ok(cat.themes.includes(i.theme), `${i.code}: theme ${i.theme} is listed`);
  const elderly = cat.items.find((i) => i.code === 'p_65_oo');
  assert.deepEqual(elderly.derived, { numerator: 'a_65_oo', denominator: 'a_inw', scale: 100 });
  assert.equal(elderly.unit, '%');
  assert.equal(elderly.theme, 'bevolking');
  assert.equal(elderly.custom, false);
  assert.equal(elderly.trend_threshold, 2);
  const inhabitants = cat.items.find((i) => i.code === 'a_inw');
  assert.equal(inhabitants.derived, undefined);
  assert.equal(inhabitants.unit, 'aantal');
});

test('an indicator over the buurten of Overvecht has the values of the CBS file', async () => {
  const rows = cbsRows(2024);
  const body = await check(VALUES, '/api/v1/indicators/a_inw/values?parent=wk034403&year=2024', 200);
  assert.equal(body.parent.code, 'WK034403');
  assert.equal(body.year, 2024);
  assert.deepEqual(body.years, [2024, 2023]);
  assert.equal(body.items.length, 10);
  assert.equal(body.items[0].code, 'BU03440311');
  let missing = 0;
  for (const item of body.items) {
    const cell = rows[item.code].a_inw;
    if (cell === '.') {
      missing += 1;
      assert.equal(item.value, null, item.code);
    } else {
      assert.equal(item.value, Number(cell), item.code);
    }
    assert.equal(item.level, 'buurt');
  }
  assert.equal(body.missing, missing);
});

test('a derived share over the wijken is computed from the CBS counts, the newest year by default', async () => {
  const rows = cbsRows(2024);
  const body = await check(VALUES, '/api/v1/indicators/p_65_oo/values?parent=GM0344', 200);
  assert.equal(body.year, 2024);
  assert.equal(body.indicator.code, 'p_65_oo');
  assert.equal(body.items.length, 10);
  for (const item of body.items) {
    const r = rows[item.code];
    assert.equal(item.value, Number(r.a_65_oo) / Number(r.a_inw) * 100, item.code);
  }
});

test('values CBS keeps secret are null, never 0', async () => {
  // g_wozbag (mean WOZ value) is '.' everywhere in the early KWB 2024.
  const body = await check(VALUES, '/api/v1/indicators/g_wozbag/values?parent=WK034403&year=2024', 200);
  assert.equal(body.missing, 10);
  assert.ok(body.items.every((i) => i.value === null));
});

test('a missing parent, an unknown indicator or area and a year without figures are problems', async () => {
  const noParent = await check(VALUES, '/api/v1/indicators/a_inw/values', 422);
  assert.deepEqual(noParent.errors, [{ field: 'parent',
    detail: 'Geef met parent= het gebied op waarvan u de onderliggende gebieden wilt.' }]);
  const badYear = await check(VALUES, '/api/v1/indicators/a_inw/values?parent=GM0344&year=2019', 422);
  assert.deepEqual(badYear.errors, [{ field: 'year',
    detail: 'Er zijn geen cijfers van 2019 voor dit gebied. Beschikbaar: 2024, 2023.' }]);
  const unknown = await check(VALUES, '/api/v1/indicators/geen_indicator/values?parent=GM0344', 404);
  assert.equal(unknown.detail, 'Indicator geen_indicator bestaat niet.');
  const noArea = await check(VALUES, '/api/v1/indicators/a_inw/values?parent=WK999999', 404);
  assert.equal(noArea.detail, 'Gebied WK999999 bestaat niet.');
  const anonymous = await check('/api/v1/indicators', '/api/v1/indicators', 401, { headers: {} });
  assert.equal(anonymous.status, 401);
});
