// /api/v1/socialmap against web/openapi.json (ajv, as api.test.mjs): parties and services made,
// read, changed, verified and archived through the API with an API token, their history, the
// re-check list, the search parameters' errors, auth (401, 403 for a reader, CSRF for sessions) and
// the publication switch. Every party and service here is made up; the location is a real point
// in the demo's Utrecht (Lombok-Oost).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer, loginClient, addUser } from './lib/server.mjs';

const DOC_ID = 'https://wijkkompas.invalid/api/v1/openapi.json';
const BASE = '/api/v1/socialmap';
let server;
let editor;  // a wijkwerker's token headers
let reader;  // a lezer's token headers
let doc;
let ajv;

before(async () => {
  server = await startServer({ demo: true });
  await addUser(server, 'werker1', 'wijkwerker', 'werker-wachtwoord-1');
  await addUser(server, 'lezer1', 'lezer', 'lezer-wachtwoord-1');
  editor = await tokenOf('werker1', 'werker-wachtwoord-1');
  reader = await tokenOf('lezer1', 'lezer-wachtwoord-1');
  doc = await (await fetch(server.url + '/api/v1/openapi.json')).json();
  ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addSchema({ ...doc, $id: DOC_ID });
});

after(async () => {
  await server?.stop();
});

async function tokenOf(name, password) {
  const client = await loginClient(server, name, password);
  const created = await client.sendJson('POST', '/api/v1/tokens', { name: 'socialmap-test' });
  assert.equal(created.status, 201, created.body);
  return { Authorization: `Bearer ${created.json.token}` };
}

// Sends a request, checks the status and validates the body against what openapi.json declares
// for `template`, the method and the status. Returns the parsed body and the response.
async function call(method, template, url, { status = 200, body, headers = editor } = {}) {
  const h = { ...headers };
  if (body !== undefined) h['content-type'] = 'application/json';
  const res = await fetch(server.url + url, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await res.text();
  assert.equal(res.status, status, `${method} ${url}: ${text.slice(0, 500)}`);
  const op = doc.paths[template]?.[method.toLowerCase()];
  assert.ok(op, `openapi.json describes ${method} ${template}`);
  let resp = op.responses[String(status)];
  assert.ok(resp, `openapi.json declares ${status} for ${method} ${template}`);
  if (resp.$ref) resp = resp.$ref.split('/').slice(1).reduce((o, k) => o[k], doc);
  const type = (res.headers.get('content-type') ?? '').split(';')[0];
  assert.ok(resp.content?.[type], `${method} ${url}: ${type} is declared`);
  const parsed = JSON.parse(text);
  const schema = resp.content[type].schema;
  const validate = schema.$ref ? ajv.getSchema(DOC_ID + schema.$ref) : ajv.compile(schema);
  assert.ok(validate(parsed), `${method} ${url}: ${JSON.stringify(validate.errors, null, 1)}\n${text.slice(0, 1500)}`);
  return { body: parsed, res };
}

const party = {
  name: 'Buurthuis De Voorbeeldhoek',
  description: 'Een verzonnen buurthuis.',
  kind: 'organisatie',
  website: 'https://voorbeeldhoek.example.nl',
  email: 'info@voorbeeldhoek.example.nl',
  phones: [{ number: '030 000 00 01', description: 'Algemeen' }],
  domains: ['welzijn'],
  verification: { source: 'Gesprek met de coördinator (verzonnen)' },
};

test('a party is made, read, listed, changed, verified and archived, with its history', async () => {
  const { body: created, res } = await call('POST', `${BASE}/parties`, `${BASE}/parties`, { status: 201, body: party });
  assert.equal(res.headers.get('location'), `${BASE}/parties/${created.id}`);
  assert.equal(created.name, 'Buurthuis De Voorbeeldhoek');
  assert.equal(created.kind_label, 'Organisatie');
  assert.deepEqual(created.phones.map((p) => p.number), ['030 000 00 01']);
  assert.equal(created.verification.source, 'Gesprek met de coördinator (verzonnen)');
  const id = created.id;
  const one = `${BASE}/parties/{id}`;

  const { body: read } = await call('GET', one, `${BASE}/parties/${id}`, { headers: reader });
  assert.deepEqual(read, created);
  const { body: list } = await call('GET', `${BASE}/parties`, `${BASE}/parties?q=voorbeeldhoek`, { headers: reader });
  assert.deepEqual(list.items.map((p) => p.id), [id]);

  // Making it counts as verifying it today: to re-check only twelve months later.
  const today = new Date().toISOString().slice(0, 10);
  assert.equal(created.verification.assured_date, today);
  const { body: now } = await call('GET', `${BASE}/recheck`, `${BASE}/recheck`);
  assert.ok(!now.items.some((i) => i.id === id));
  const { body: later } = await call('GET', `${BASE}/recheck`, `${BASE}/recheck?today=2099-01-01`);
  assert.deepEqual(later.items.find((i) => i.id === id),
    { resource_type: 'organization', id, name: 'Buurthuis De Voorbeeldhoek', party_name: '', assured_date: today });

  const { body: changed } = await call('PUT', one, `${BASE}/parties/${id}`,
    { body: { ...party, name: 'Buurthuis De Voorbeeldhoek (nieuw)' } });
  assert.equal(changed.name, 'Buurthuis De Voorbeeldhoek (nieuw)');
  const { body: verified } = await call('POST', `${one}/verify`, `${BASE}/parties/${id}/verify`, { body: {} });
  assert.equal(verified.verification.assured_date, today);
  assert.equal(verified.verification.outdated, false);
  assert.equal(verified.verification.assurer, 'werker1');

  const { body: history } = await call('GET', `${one}/history`, `${BASE}/parties/${id}/history`);
  const rename = history.changes.find((c) => c.field === 'name' && c.action === 'update');
  assert.ok(rename, JSON.stringify(history.changes));
  assert.equal(rename.old_value, 'Buurthuis De Voorbeeldhoek');
  assert.equal(rename.new_value, 'Buurthuis De Voorbeeldhoek (nieuw)');
  assert.equal(rename.by, 'werker1');

  const { body: archived } = await call('POST', `${one}/archive`, `${BASE}/parties/${id}/archive`);
  assert.equal(archived.archived, true);
  const { body: after } = await call('GET', `${BASE}/parties`, `${BASE}/parties?q=voorbeeldhoek`);
  assert.deepEqual(after.items, []);
  const { body: withArchived } = await call('GET', `${BASE}/parties`, `${BASE}/parties?q=voorbeeldhoek&include_archived=true`);
  assert.deepEqual(withArchived.items.map((p) => p.id), [id]);
});

test('a service gets the buurt of its location and is read, changed, verified and archived', async () => {
  const { body: p } = await call('POST', `${BASE}/parties`, `${BASE}/parties`,
    { status: 201, body: { ...party, name: 'Stichting Voorbeeldzorg' } });
  const service = {
    party_id: p.id,
    name: 'Inloopochtend voor ouderen',
    description: 'Koffie, een praatje en hulp bij eenzaamheid.',
    target_groups: ['ouderen'],
    laws: ['wmo'],
    access_routes: ['vrij-toegankelijk'],
    minimum_age: 55,
    cost: 'Gratis',
    languages: ['nl'],
    locations: [{ name: 'De Voorbeeldhoek', address_1: 'Voorbeeldstraat 1', postal_code: '3500 AA', city: 'Utrecht', province: 'Utrecht',
                  latitude: 52.0915, longitude: 5.1034 }],
    schedules: [{ freq: 'WEEKLY', byday: 'TU', opens_at: '09:30', closes_at: '12:00' }],
  };
  const { body: created } = await call('POST', `${BASE}/services`, `${BASE}/services`, { status: 201, body: service });
  assert.equal(created.party_name, 'Stichting Voorbeeldzorg');
  assert.equal(created.locations[0].area_code, 'BU03440121');
  assert.deepEqual(created.laws, ['wmo']);
  const one = `${BASE}/services/{id}`;
  const url = `${BASE}/services/${created.id}`;
  const { body: read } = await call('GET', one, url, { headers: reader });
  assert.deepEqual(read, created);
  const { body: changed } = await call('PUT', one, url, { body: { ...service, cost: '€ 1 per keer' } });
  assert.equal(changed.cost, '€ 1 per keer');
  const { body: verified } = await call('POST', `${one}/verify`, `${url}/verify`, { body: { source: 'Website (verzonnen)' } });
  assert.equal(verified.verification.source, 'Website (verzonnen)');
  const { body: history } = await call('GET', `${one}/history`, `${url}/history`);
  assert.ok(history.changes.some((c) => c.field === 'fees_description' && c.new_value === '€ 1 per keer'),
    JSON.stringify(history.changes));
  const { body: ofParty } = await call('GET', `${BASE}/parties/{id}/services`, `${BASE}/parties/${p.id}/services`);
  assert.deepEqual(ofParty.items.map((s) => s.id), [created.id]);
  const { body: archived } = await call('POST', `${one}/archive`, `${url}/archive`, { body: { archived: true } });
  assert.equal(archived.archived, true);
});

test('wrong members of a body are 422 problems naming the JSON member', async () => {
  const cases = [
    [{ ...party, name: 5 }, 'name', 'name moet tekst zijn.'],
    [{ ...party, phones: [{ number: '030 000 00 01' }, { number: 1 }] }, 'phones[1].number', 'phones[1].number moet tekst zijn.'],
    [{ ...party, kind: 'vereniging' }, 'kind',
      'kind is geen bekende soort (organisatie, initiatief, informele-groep of sleutelfiguur).'],
    [{ ...party, formal: 'ja' }, 'formal', 'formal moet true of false zijn.'],
  ];
  for (const [body, field, detail] of cases) {
    const { body: problem } = await call('POST', `${BASE}/parties`, `${BASE}/parties`, { status: 422, body });
    assert.deepEqual(problem.errors, [{ field, detail }], JSON.stringify(body));
  }
  const res = await fetch(server.url + `${BASE}/parties`, {
    method: 'POST', headers: { ...editor, 'content-type': 'application/json' }, body: '[1, 2',
  });
  assert.equal(res.status, 422);
  assert.equal((await res.json()).detail, 'De inhoud van het verzoek is geen geldig JSON-object.');
});

test('search parameters are checked before searching', async () => {
  const cases = [
    ['law=wmo,bestaatniet', 'law', "Onbekende waarde 'bestaatniet' voor law."],
    ['domain=sport', 'domain', "Onbekende waarde 'sport' voor domain."],
    ['near=52.09', 'near', "near moet 'breedtegraad,lengtegraad' zijn (WGS84), zoals 52.09,5.12."],
    ['near=52.09,5.12&radius_km=0', 'radius_km', 'radius_km moet een getal groter dan 0 en hoogstens 300 zijn.'],
    ['age=200', 'age', 'age moet een geheel getal van 0 tot en met 130 zijn.'],
    ['open_at=dinsdag', 'open_at', 'open_at moet een tijdstip zijn als 2026-12-01T10:30.'],
    ['formal=ja', 'formal', 'formal moet true of false zijn.'],
    ['per_page=101', 'per_page', 'per_page moet een geheel getal van 1 tot en met 100 zijn.'],
  ];
  for (const [query, field, detail] of cases) {
    const { body } = await call('GET', `${BASE}/services`, `${BASE}/services?${query}`, { status: 422 });
    assert.deepEqual(body.errors, [{ field, detail }], query);
  }
});

test('reading needs a login, writing the right role, and a session needs its CSRF token', async () => {
  await call('GET', `${BASE}/parties`, `${BASE}/parties`, { status: 401, headers: {} });
  await call('POST', `${BASE}/parties`, `${BASE}/parties`, { status: 403, headers: reader, body: party });
  await call('PUT', `${BASE}/publication`, `${BASE}/publication`, { status: 403, headers: editor, body: { published: true } });
  const session = await loginClient(server, 'werker1', 'werker-wachtwoord-1');
  const refused = await session.request(`${BASE}/parties`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(party),
  });
  assert.equal(refused.status, 403);
  const accepted = await session.sendJson('POST', `${BASE}/parties`, { ...party, name: 'Voorbeeldinitiatief' });
  assert.equal(accepted.status, 201, accepted.body);
});

test('the beheerder publishes the social map', async () => {
  const admin = await tokenOf(server.admin.name, server.admin.password);
  const { body: before } = await call('GET', `${BASE}/publication`, `${BASE}/publication`, { headers: reader });
  assert.deepEqual(before, { published: false });
  const { body: set } = await call('PUT', `${BASE}/publication`, `${BASE}/publication`,
    { headers: admin, body: { published: true } });
  assert.deepEqual(set, { published: true });
  const { body: now } = await call('GET', `${BASE}/publication`, `${BASE}/publication`, { headers: reader });
  assert.deepEqual(now, { published: true });
});
