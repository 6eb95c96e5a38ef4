// The social map from a spreadsheet and back (issue 4): `import socialmap` and `export socialmap`
// on the command line, the import page /beheer/sociale-kaart/import (upload, columns with a
// suggested field each, check, import; CSRF; only for roles that edit the social map), the export
// downloads, and the printable wegwijzer of imported services. The example spreadsheet in
// tests/data is made up (tests/data/README.md).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile, writeFile } from 'node:fs/promises';
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { startServer, loginClient, addUser, DEFAULT_ADMIN } from './lib/server.mjs';

const testData = path.join(process.env.WK_SOURCE_DIR, 'tests/data');
const sheetCsv = path.join(testData, 'sociale-kaart-voorbeeld.csv');
const sheetXlsx = path.join(testData, 'sociale-kaart-voorbeeld.xlsx');
const mappingCsv = path.join(testData, 'sociale-kaart-voorbeeld.mapping.csv');

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

// Rows of a query on the server's database (read while it runs: WAL).
function sql(query) {
  const out = execFileSync('sqlite3', ['-separator', '|', server.db, query], { encoding: 'utf8' });
  return out.trim() === '' ? [] : out.trim().split('\n').map((line) => line.split('|'));
}

const hidden = (html, name) => {
  const m = new RegExp(`name="${name}" value="([^"]*)"`).exec(html);
  return m ? m[1] : undefined;
};
const unescape = (s) => s.replace(/&#x2F;|&#47;/g, '/').replace(/&#x3D;|&#61;/g, '=').replace(/&#x2B;|&#43;/g, '+')
  .replace(/&quot;/g, '"').replace(/&#39;|&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

// The fields chosen in the mapping step: {veld_0: 'party_name', ...} from the selected options.
function chosenFields(html) {
  const fields = {};
  for (const m of html.matchAll(/<select id="veld-(\d+)" name="veld_\d+">(.*?)<\/select>/gs)) {
    const selected = /<option value="([^"]*)" selected>/.exec(m[2]);
    fields[`veld_${m[1]}`] = selected ? selected[1] : '';
  }
  return fields;
}

async function postForm(client, fields, file) {
  const form = new FormData();
  form.set('csrf', client.csrf);
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  if (file) form.set('file', new Blob([file.bytes]), file.name);
  return client.request('/beheer/sociale-kaart/import', { method: 'POST', body: form });
}

test('import socialmap --check refuses every bad row with its line and reason, and writes nothing', async () => {
  const text = await readFile(sheetCsv, 'utf8');
  const lines = text.split('\r\n');
  lines[1] = lines[1].replace(';Ontmoeting;;Vrij toegankelijk;', ';Ontmoeting;wmoo;Vrij toegankelijk;');
  lines[4] = lines[4].replace(';65;;', ';zestig;;');
  const bad = path.join(server.dir, 'sociale-kaart-fout.csv');
  await writeFile(bad, lines.join('\r\n'));
  for (const extra of [['--check'], []]) {
    const r = await server.cli(['import', 'socialmap', bad, '--mapping', mappingCsv, ...extra]);
    assert.equal(r.code, 2, r.stderr);
    assert.equal(r.stderr,
      'fout: sociale-kaart-fout.csv: 2 regels geweigerd; er is niets geïmporteerd.\n' +
      "regel 2: veld Wet: 'wmoo' is geen wet; kies uit wmo, zvw, wlz, jeugdwet, participatiewet, omgevingswet.\n" +
      "regel 5: veld Leeftijd vanaf: 'zestig' is geen leeftijd in jaren (0 tot 120).\n");
  }
  assert.deepEqual(sql('SELECT count(*) FROM socialmap_party'), [['0']]);
});

test('import socialmap writes parties and services with their buurt, and a second import skips them', async () => {
  const check = await server.cli(['import', 'socialmap', sheetCsv, '--mapping', mappingCsv, '--check']);
  assert.equal(check.code, 0, check.stderr);
  assert.match(check.stdout, /Gecontroleerd: sociale-kaart-voorbeeld\.csv, alle regels zijn in orde/);
  assert.match(check.stdout, /partijen: +5 nieuw, 0 al op de kaart/);
  assert.deepEqual(sql('SELECT count(*) FROM socialmap_service'), [['0']]);

  const r = await server.cli(['import', 'socialmap', sheetCsv, '--mapping', mappingCsv]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Geïmporteerd: sociale-kaart-voorbeeld\.csv/);
  assert.match(r.stdout, /partijen: +5 nieuw, 0 al op de kaart/);
  assert.match(r.stdout, /diensten: +6 nieuw, 0 overgeslagen/);
  assert.deepEqual(sql(`SELECT l.area_code FROM socialmap_service s
    JOIN socialmap_service_at_location sal ON sal.service_id = s.id
    JOIN socialmap_location l ON l.id = sal.location_id WHERE s.name = 'Dagbesteding voor ouderen'`), [['BU03440121']]);
  assert.deepEqual(sql(`SELECT count(*) FROM audit_entry WHERE action = 'socialmap.import.spreadsheet'`), [['1']]);

  const again = await server.cli(['import', 'socialmap', sheetXlsx, '--mapping', mappingCsv]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /partijen: +0 nieuw, 0 al op de kaart/);
  assert.match(again.stdout, /diensten: +0 nieuw, 6 overgeslagen/);
  assert.match(again.stdout, /regel 2: 'Koffieochtend' van 'Buurthuis De Voorbeeldhoek' staat al op de kaart; overgeslagen\./);
  assert.deepEqual(sql('SELECT count(*) FROM socialmap_service'), [['6']]);
});

test('export socialmap writes one row per service that imports again with each field mapped to itself', async () => {
  const csv = path.join(server.dir, 'kaart.csv');
  const r = await server.cli(['export', 'socialmap', csv]);
  assert.equal(r.code, 0, r.stderr);
  const rows = (await readFile(csv, 'utf8')).trim().split('\r\n');
  assert.equal(rows.length, 7);
  assert.match(rows[0], /^party_name,party_kind,party_formal,/);
  assert.match(rows[1], /^Buurthuis De Voorbeeldhoek,organisatie,formeel,/);
  const suggested = await server.cli(['import', 'socialmap', csv, '--suggest-mapping']);
  assert.equal(suggested.code, 0, suggested.stderr);
  assert.match(suggested.stdout, /^kolom,veld\nparty_name,party_name\n/);
  const mapping = path.join(server.dir, 'kaart.mapping.csv');
  await writeFile(mapping, suggested.stdout);
  const back = await server.cli(['import', 'socialmap', csv, '--mapping', mapping, '--check']);
  assert.equal(back.code, 0, back.stderr);
  assert.match(back.stdout, /diensten: +0 nieuw, 6 overgeslagen/);

  const excel = path.join(server.dir, 'kaart-excel.csv');
  assert.equal((await server.cli(['export', 'socialmap', excel, '--excel'])).code, 0);
  const excelText = await readFile(excel, 'utf8');
  assert.ok(excelText.startsWith('\ufeffparty_name;party_kind;'));
  assert.match(excelText, /;52,0921;5,1035;/);
  const xlsx = path.join(server.dir, 'kaart.xlsx');
  assert.equal((await server.cli(['export', 'socialmap', xlsx])).code, 0);
  assert.equal((await readFile(xlsx)).subarray(0, 2).toString(), 'PK');
});

test('the import page suggests a field per column, checks and imports with CSRF', async () => {
  const page = await admin.get('/beheer/sociale-kaart/import');
  assert.equal(page.status, 200);
  assert.match(page.body, /<label for="file">/);
  assert.match(page.body, /enctype="multipart\/form-data"/);
  assert.match(page.body, /href="\/sociale-kaart\/export\.xlsx"/);

  const bytes = await readFile(sheetXlsx);
  const step2 = await postForm(admin, { action: 'kolommen' }, { name: 'mijn-kaart.xlsx', bytes });
  assert.equal(step2.status, 200, step2.body.slice(0, 600));
  assert.match(step2.body, /Kolommen koppelen/);
  assert.match(step2.body, /<label for="veld-0">Naam organisatie<\/label>/);
  const fields = chosenFields(step2.body);
  assert.equal(fields.veld_0, 'party_name');
  assert.equal(fields.veld_2, 'service_name');
  assert.equal(fields.veld_6, 'laws');
  const carried = { sheet_name: hidden(step2.body, 'sheet_name'), sheet_data: unescape(hidden(step2.body, 'sheet_data')) };
  assert.equal(carried.sheet_name, 'mijn-kaart.xlsx');

  // Without the province of the addresses, every row with an address is refused.
  let r = await postForm(admin, { ...carried, ...fields, action: 'controleren' });
  assert.equal(r.status, 422, r.body.slice(0, 600));
  assert.match(r.body, /De sociale kaart is niet geïmporteerd/);
  assert.match(r.body, /<li>regel 2: veld Provincie: leeg; een adres heeft een provincie nodig/);

  // The mapping as a file.
  r = await postForm(admin, { ...carried, ...fields, vast_province: 'Utrecht', action: 'mapping' });
  assert.equal(r.status, 200);
  assert.match(r.headers.get('content-disposition'), /filename="mijn-kaart-mapping\.csv"/);
  assert.match(r.body, /^kolom,veld\nNaam organisatie,party_name\n/);
  assert.match(r.body, /\n=Utrecht,province\n/);

  // The rows are on the map already (the CLI test imported them): all skipped.
  r = await postForm(admin, { ...carried, ...fields, vast_province: 'Utrecht', action: 'controleren' });
  assert.equal(r.status, 200, r.body.slice(0, 600));
  assert.match(r.body, /Alle rijen zijn in orde/);
  assert.match(r.body, /6 diensten staan er al en worden overgeslagen/);

  // Without CSRF nothing happens.
  const form = new FormData();
  for (const [k, v] of Object.entries({ ...carried, ...fields, action: 'importeren' })) form.set(k, v);
  const forged = await admin.request('/beheer/sociale-kaart/import', { method: 'POST', body: form });
  assert.equal(forged.status, 403);
});

test('a new party imports through the page, and the audit trail records it', async () => {
  const csv = 'Organisatie;Aanbod;Doelgroep;Adres;Postcode;Plaats;Lat;Lon;Openingstijden\r\n' +
    'Stichting Voorbeeldpad;Maatjesproject;Ouderen;Voorbeeldhof 3;3555 AB;Utrecht;52,1174;5,1216;wo 10-12\r\n';
  const step2 = await postForm(admin, { action: 'kolommen' }, { name: 'nieuw.csv', bytes: csv });
  assert.equal(step2.status, 200, step2.body.slice(0, 600));
  const fields = chosenFields(step2.body);
  assert.equal(fields.veld_6, 'latitude');
  const carried = { sheet_name: 'nieuw.csv', sheet_data: unescape(hidden(step2.body, 'sheet_data')) };
  const r = await postForm(admin, { ...carried, ...fields, vast_province: 'Utrecht', action: 'importeren' });
  assert.equal(r.status, 200, r.body.slice(0, 800));
  assert.match(r.body, /Sociale kaart geïmporteerd/);
  assert.match(r.body, /<th scope="row">Nieuwe partijen<\/th><td class="num">1<\/td>/);
  assert.match(r.body, /<th scope="row">Nieuwe diensten<\/th><td class="num">1<\/td>/);
  assert.deepEqual(sql(`SELECT l.area_code FROM socialmap_location l WHERE l.name IS NULL OR l.name = ''`), [['BU03440322']]);
  const audit = await admin.get('/auditlog');
  assert.match(audit.body, /socialmap\.import\.spreadsheet/);
});

test('only roles that edit the social map reach the import page; readers may download the export', async () => {
  await addUser(server, 'lezer-sk', 'lezer', 'lezer-test-wachtwoord-1');
  const reader = await loginClient(server, 'lezer-sk', 'lezer-test-wachtwoord-1');
  assert.equal((await reader.get('/beheer/sociale-kaart/import')).status, 403);
  const xlsx = await reader.get('/sociale-kaart/export.xlsx');
  assert.equal(xlsx.status, 200);
  assert.equal(xlsx.headers.get('content-type'), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  const csv = await reader.get('/sociale-kaart/export.csv?variant=plain');
  assert.equal(csv.status, 200);
  assert.match(csv.headers.get('content-disposition'), /filename="sociale-kaart-plain\.csv"/);
  assert.match(csv.body, /^party_name,party_kind,/);
  assert.equal(csv.body.trim().split('\r\n').length, 8);
});

test('the wegwijzer prints the chosen services in plain words and a large font', async () => {
  const ids = sql(`SELECT id FROM socialmap_service WHERE name IN ('Hulp bij de thuisadministratie', 'Buurtwandeling')
    ORDER BY name DESC`).map((r) => r[0]);
  assert.equal(ids.length, 2);
  const page = await admin.get(`/sociale-kaart/wegwijzer?dienst=${ids[0]}&dienst=${ids[1]}`);
  assert.equal(page.status, 200, page.body.slice(0, 400));
  assert.match(page.body, /<link rel="stylesheet" href="\/static\/wegwijzer\.css">/);
  assert.match(page.body, /<button type="button" class="print-button" data-print hidden>Afdrukken<\/button>/);
  assert.match(page.body, /<h2 id="dienst-1">Hulp bij de thuisadministratie<\/h2>/);
  assert.match(page.body, /<p class="wegwijzer-party">Voorbeeld Thuisadministratie<\/p>/);
  assert.match(page.body, /<span class="line">Voorbeeldkade 5<\/span><span class="line">3553 AC  Utrecht<\/span>/);
  assert.match(page.body, /<span class="line">dinsdag 09\.00–12\.00 uur<\/span><span class="line">donderdag 13\.00–16\.00 uur<\/span>/);
  assert.match(page.body, /<a href="tel:0300000003">030 000 00 03<\/a>/);
  assert.match(page.body, /<dt>Wat kost het<\/dt><dd>Gratis<\/dd>/);
  assert.match(page.body, /<span class="line">Mensen met geldzorgen of schulden<\/span><span class="line">vanaf 18 jaar<\/span>/);
  assert.match(page.body, /<h2 id="dienst-2">Buurtwandeling<\/h2>/);
  assert.match(page.body, /elke eerste zaterdag van de maand 10\.00–12\.00 uur/);
  const css = await admin.get('/static/wegwijzer.css');
  assert.equal(css.status, 200);
  assert.match(css.body, /@media print \{/);
  assert.match(css.body, /\.wegwijzer \{ font-size: 16pt;/);
  assert.match(css.body, /\.site-header, \.site-footer[^}]*display: none/);

  const tooMany = Array.from({ length: 11 }, (_, i) => `dienst=${i}`).join('&');
  assert.equal((await admin.get(`/sociale-kaart/wegwijzer?${tooMany}`)).status, 422);
  assert.equal((await admin.get('/sociale-kaart/wegwijzer?dienst=onbekend')).status, 404);
});
