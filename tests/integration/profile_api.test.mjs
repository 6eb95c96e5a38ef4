// The profile API (/api/v1/areas/{code}/profile) against web/openapi.json, validated with ajv as
// in api.test.mjs; its CSV and XLSX exports; and the page routes of the reports module (profile
// and indicator downloads, SVG charts). Expected numbers come from the CBS file
// ../shared/data/cbs/kwb-2024_GM0344_utrecht.csv (BU03440311: 4260 inhabitants, 510 aged 65+).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startServer, loginClient, addUser } from './lib/server.mjs';

const DOC_ID = 'https://wijkkompas.invalid/api/v1/openapi.json';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const TEMPLATE = '/api/v1/areas/{code}/profile';
let server;
let auth;
let session;
let doc;
let ajv;

before(async () => {
  server = await startServer({ demo: true });
  await addUser(server, 'lezer1', 'lezer', 'lezer-wachtwoord-1');
  session = await loginClient(server, 'lezer1', 'lezer-wachtwoord-1');
  const created = await session.sendJson('POST', '/api/v1/tokens', { name: 'profile-test' });
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

function declared(status) {
  const op = doc.paths[TEMPLATE]?.get;
  assert.ok(op, `openapi.json describes GET ${TEMPLATE}`);
  let resp = op.responses[String(status)];
  assert.ok(resp, `openapi.json declares status ${status}`);
  if (resp.$ref) resp = resp.$ref.split('/').slice(1).reduce((o, k) => o[k], doc);
  return resp.content ?? {};
}

// GETs `url` with the token; checks status and that the content type is declared for it; JSON
// bodies are validated against the declared schema and returned parsed, others as bytes.
async function get(url, status, { headers = auth } = {}) {
  const res = await fetch(server.url + url, { headers });
  const bytes = Buffer.from(await res.arrayBuffer());
  assert.equal(res.status, status, `${url}: ${bytes.toString('utf8', 0, 300)}`);
  const type = (res.headers.get('content-type') ?? '').split(';')[0].trim();
  const content = declared(status);
  assert.ok(content[type], `${url}: content type ${type} is declared (${Object.keys(content)})`);
  if (!type.includes('json')) return { res, bytes };
  const body = JSON.parse(bytes.toString('utf8'));
  const schema = content[type].schema;
  const validate = schema.$ref ? ajv.getSchema(DOC_ID + schema.$ref) : ajv.compile(schema);
  assert.ok(validate(body), `${url}: ${JSON.stringify(validate.errors, null, 1)}`);
  return { res, body };
}

// RFC 4180 rows of a CSV text ('"' quoting, CRLF line ends; a BOM is dropped).
function parseCsv(text, sep) {
  const rows = [[]];
  let cell = '';
  let quoted = false;
  const s = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (quoted) {
      if (c === '"' && s[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) { rows.at(-1).push(cell); cell = ''; } else if (c === '\r' && s[i + 1] === '\n') {
      rows.at(-1).push(cell); cell = ''; rows.push([]); i++;
    } else cell += c;
  }
  if (cell !== '' || rows.at(-1).length) rows.at(-1).push(cell); else rows.pop();
  return rows;
}

// The CSV's row whose first cell is `key`, as {header: cell}.
function csvRow(text, sep, key) {
  const [header, ...rows] = parseCsv(text, sep);
  const row = rows.find((r) => r[0] === key);
  assert.ok(row, `row ${key}`);
  assert.equal(row.length, header.length, `${key}: one cell per column`);
  return Object.fromEntries(header.map((h, i) => [h, row[i]]));
}

test('the profile is described in the OpenAPI document', () => {
  assert.ok(doc.paths[TEMPLATE].get.parameters.some((p) => p.name === 'format'));
  for (const s of ['Profile', 'ProfileIndicator', 'ProfilePeerStats', 'ProfileTrend', 'ProfileFinding']) {
    assert.ok(doc.components.schemas[s], `schema ${s}`);
  }
});

test('the JSON profile of a buurt has its values, parents, peers and trends', async () => {
  const { body } = await get('/api/v1/areas/bu03440311/profile?year=2024', 200);
  assert.equal(body.area.code, 'BU03440311');
  assert.equal(body.year, 2024);
  assert.deepEqual(body.years, [2023, 2024]);
  assert.ok(Array.isArray(body.findings));
  const share = body.indicators.find((i) => i.code === 'p_65_oo');
  assert.equal(share.value, 510 / 4260 * 100);
  assert.deepEqual(share.parents.map((p) => [p.code, p.value]),
    [['GM0344', 40261 / 374238 * 100], ['WK034403', 4900 / 35255 * 100]]);
  assert.equal(share.source_title, 'Kerncijfers wijken en buurten 2024');
  assert.equal(share.since_previous.from_year, 2023);
  assert.equal(share.since_previous.movement, 'stable');  // +1.46 %, below the 2 % threshold
  // Peers with a value: the buurten of Utrecht but those without inhabitants.
  assert.ok(share.peers.rank >= 1 && share.peers.peers > 100 && share.peers.peers <= body.peer_count);
  const woz = body.indicators.find((i) => i.code === 'g_wozbag');  // '.' in 2024
  assert.equal(woz.value, null);
  assert.equal(woz.peers, null);
  assert.equal(woz.from_parent, null);
  const newest = await get('/api/v1/areas/BU03440311/profile', 200);
  assert.equal(newest.body.year, 2024);
});

test('the profile as CSV has exact cells, in both variants', async () => {
  const { res, bytes } = await get('/api/v1/areas/BU03440311/profile?year=2024&format=csv', 200);
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="profiel-BU03440311-2024.csv"');
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8');
  assert.ok(text.startsWith('\uFEFFCode indicator;Indicator;Thema;Eenheid;Jaar;Waarde;Gemeente Utrecht;Wijk 03 Overvecht;Nederland;'));
  const share = csvRow(text, ';', 'p_65_oo');
  assert.equal(share.Waarde, '12,0');
  assert.equal(share['Gemeente Utrecht'], '10,8');
  assert.equal(share['Wijk 03 Overvecht'], '13,9');
  assert.equal(share.Bron, 'CBS, Kerncijfers wijken en buurten 2024');
  assert.equal(share.Licentie, 'CC BY 4.0');
  assert.equal(csvRow(text, ';', 'a_inw').Waarde, '4260');
  const woz = csvRow(text, ';', 'g_wozbag');
  assert.equal(woz.Waarde, '');
  assert.equal(woz.Opmerking, 'Ontbreekt: geheim of (nog) niet bekend bij de bron; geen 0.');

  const plain = await get('/api/v1/areas/BU03440311/profile?year=2024&format=csv&variant=plain', 200);
  assert.equal(plain.res.headers.get('content-disposition'), 'attachment; filename="profiel-BU03440311-2024-plain.csv"');
  const plainText = plain.bytes.toString('utf8');
  assert.ok(plainText.startsWith('indicator,label,theme,unit,year,value,gemeente,wijk,national,'));
  assert.equal(csvRow(plainText, ',', 'p_65_oo').value, '12.0');
});

test('the profile as XLSX is a zip with the spreadsheet type and file name', async () => {
  const { res, bytes } = await get('/api/v1/areas/BU03440311/profile?year=2024&format=xlsx', 200);
  assert.equal(res.headers.get('content-type'), XLSX);
  assert.equal(res.headers.get('content-disposition'), 'attachment; filename="profiel-BU03440311-2024.xlsx"');
  assert.deepEqual([...bytes.subarray(0, 4)], [0x50, 0x4b, 0x03, 0x04]);
  assert.ok(bytes.length > 5000, `${bytes.length} bytes`);
});

test('a year without figures is 404, a bad year 422, an unknown format 400, each naming its field', async () => {
  const cases = [
    ['?year=2020', 404, 'year', 'Voor Taag- en Rubicondreef en omgeving zijn geen cijfers over 2020.'],
    ['?year=twee', 422, 'year', 'Het jaar moet een jaartal zijn, zoals 2024.'],
    ['?format=pdf', 400, 'format', 'Kies format=json, format=csv of format=xlsx.'],
    ['?format=csv&variant=tab', 400, 'variant', 'Kies variant=excel of variant=plain.'],
  ];
  for (const [query, status, field, detail] of cases) {
    const { body } = await get('/api/v1/areas/BU03440311/profile' + query, status);
    assert.equal(body.status, status);
    assert.equal(body.detail, detail);
    assert.deepEqual(body.errors, [{ field, detail }]);
  }
  const unknown = await get('/api/v1/areas/BU99999999/profile', 404);
  assert.equal(unknown.body.type, 'urn:wijkkompas:problem:not_found');
  const anonymous = await get('/api/v1/areas/BU03440311/profile', 401, { headers: {} });
  assert.equal(anonymous.body.status, 401);
});

test('the area page can link to profile and indicator downloads', async () => {
  const xlsx = await session.get('/gebied/BU03440311/profiel.xlsx?jaar=2024');
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), XLSX);
  assert.equal(xlsx.headers.get('content-disposition'), 'attachment; filename="profiel-BU03440311-2024.xlsx"');
  const csv = await session.get('/gebied/BU03440311/profiel.csv?jaar=2024&variant=plain');
  assert.equal(csv.status, 200);
  assert.equal(csvRow(csv.body, ',', 'a_inw').value, '4260');

  const over = await session.get('/gebied/WK034403/indicator.csv?indicator=p_65_oo&jaar=2024');
  assert.equal(over.status, 200);
  assert.equal(over.headers.get('content-disposition'), 'attachment; filename="p_65_oo-WK034403-2024.csv"');
  const lines = over.body.replace(/^\uFEFF/, '').split('\r\n');
  assert.equal(lines.length, 12);  // header, the 10 buurten of Overvecht, the final line end
  assert.equal(lines[1], 'BU03440311;Taag- en Rubicondreef en omgeving;Buurt;p_65_oo;%;2024;12,0;'
    + 'CBS, Kerncijfers wijken en buurten 2024;CC BY 4.0;');
  const chosen = await session.get('/gebied/BU03440311/indicator.xlsx?indicator=a_inw&met=bu03440312');
  assert.equal(chosen.status, 200);
  assert.equal(chosen.headers.get('content-type'), XLSX);
  const missing = await session.get('/gebied/WK034403/indicator.csv?jaar=2024');
  assert.equal(missing.status, 422);
  assert.match(missing.body, /Kies een indicator\./);
});

test('charts are served as SVG images with a title and a source', async () => {
  const charts = [
    '/gebied/BU03440311/grafiek/leeftijd.svg?jaar=2024',
    '/gebied/BU03440311/grafiek/huishoudens.svg',
    '/gebied/BU03440311/grafiek/trend.svg?indicator=p_65_oo',
    '/gebied/WK034403/grafiek/onderdelen.svg?indicator=p_65_oo&jaar=2024',
    '/gebied/BU03440311/grafiek/buren.svg?indicator=p_65_oo',
    '/gebied/BU03440311/grafiek/vergelijking.svg?met=BU03440312,BU03440321&indicator=a_inw,p_65_oo',
  ];
  for (const url of charts) {
    const r = await session.get(url);
    assert.equal(r.status, 200, `${url}: ${r.body.slice(0, 300)}`);
    assert.equal(r.headers.get('content-type'), 'image/svg+xml; charset=utf-8', url);
    assert.ok(r.body.startsWith('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 640 '), url);
    assert.match(r.body, /role="img" aria-labelledby="[a-z]+-title [a-z]+-desc"/, url);
    assert.match(r.body, />Bron: CBS, Kerncijfers wijken en buurten 20(23|24)/, url);
  }
  const buren = await session.get('/gebied/BU03440311/grafiek/buren.svg?indicator=p_65_oo');
  assert.match(buren.body, /font-weight="bold" fill="#1a1a1a">Taag- en Rubicondreef en omgeving<\/text>/);
  assert.equal((await session.get('/gebied/BU03440311/grafiek/trend.svg')).status, 422);
  assert.equal((await session.get('/gebied/BU03440311/grafiek/taart.svg')).status, 404);
  assert.equal((await session.get('/gebied/GM0344/grafiek/buren.svg?indicator=a_inw')).status, 404);
});
