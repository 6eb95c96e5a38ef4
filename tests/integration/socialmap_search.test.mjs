// The social map's search page as HTML, without a browser: a need in plain words gives ranked
// services with why each matched, what the need was read as, the map's data and the wegwijzer
// form; filters, paging, the empty state, Dutch errors for bad parameters, and who may search.
//
// The fictional parties and services are written by the test-only program wk_socialmap_search_seed
// (the fixed set of src/socialmap/search_test_support.cc) through the model's use cases
// (CreateParty, CreateService, ArchiveParty, ArchiveService): main has no HSDS import or social-map
// API yet to create them with.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { startServer, loginClient, addUser, Client } from './lib/server.mjs';

const SEED = process.env.WK_SOCIALMAP_SEED;

let server;
let client;
let ids;  // service key -> id ("koffie" -> "…")

function seed(db) {
  return new Promise((resolve, reject) => {
    execFile(SEED, [db], (error, stdout, stderr) => {
      if (error) reject(new Error(`seed failed: ${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
}

before(async () => {
  if (!SEED) throw new Error('WK_SOCIALMAP_SEED is not set (run the tests through ctest)');
  server = await startServer({ demo: true });
  ids = await seed(server.db);
  await addUser(server, 'lezer5', 'lezer', 'lezer-wachtwoord-5');
  client = await loginClient(server, 'lezer5', 'lezer-wachtwoord-5');
});

after(async () => {
  await server?.stop();
});

const decode = (s) => s.replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
  .replace(/&amp;/g, '&');
const strip = (html) => decode(html.replace(/<[^>]+>/g, '')).replace(/\s+/g, ' ').trim();

// The hits in order: [{n, id, name, party, reasons: [...], opening: [...], place}].
function hits(html) {
  return [...html.matchAll(/<li id="dienst-(\d+)" class="sm-hit">([\s\S]*?)<\/li>\s*(?=<li id="dienst-|<\/ol>)/g)].map((m) => {
    const body = m[2];
    const why = /<ul aria-labelledby="dienst-\d+-waarom">([\s\S]*?)<\/ul>/.exec(body);
    const opening = /<ul class="sm-opening">([\s\S]*?)<\/ul>/.exec(body);
    return {
      n: Number(m[1]),
      id: /name="dienst" value="([^"]+)"/.exec(body)?.[1],
      name: strip(/<h3[^>]*>([\s\S]*?)<\/h3>/.exec(body)[1]),
      party: strip(/<p class="sm-party">([\s\S]*?)<\/p>/.exec(body)[1]),
      place: strip(/<span class="sm-place">([\s\S]*?)<\/span><\/dd>/.exec(body)?.[1] ?? ''),
      reasons: why ? [...why[1].matchAll(/<li[^>]*>([^<]*)<\/li>/g)].map((r) => decode(r[1])) : [],
      opening: opening ? [...opening[1].matchAll(/<li>([^<]*)<\/li>/g)].map((r) => decode(r[1])) : [],
    };
  });
}

const count = (html) => strip(/<p class="result-count"[^>]*>([\s\S]*?)<\/p>/.exec(html)?.[1] ?? '');
const understood = (html) => {
  const m = /<div class="sm-understood">[\s\S]*?<ul[^>]*>([\s\S]*?)<\/ul>/.exec(html);
  return m ? [...m[1].matchAll(/<li>([^<]*)<\/li>/g)].map((r) => decode(r[1])) : [];
};
const search = (query) => client.get('/sociale-kaart/zoeken?' + new URLSearchParams(query).toString());

test('a need in plain words finds ranked services with why each matched, also one that only describes the need', async () => {
  const r = await search({ behoefte: 'eenzaam, 75+, Overvecht' });
  assert.equal(r.status, 200);
  assert.equal(count(r.body), '2 diensten gevonden');
  assert.deepEqual(understood(r.body), [
    'eenzaam → zoekwoord (ook doelgroep Mensen die zich eenzaam voelen)',
    '75+ → leeftijd 75 jaar',
    'Overvecht → gebied Wijk 03 Overvecht (wijk)',
  ]);
  const found = hits(r.body);
  // The buddy project has no target group "eenzaam" at all: its name says it. Both serve Overvecht
  // (the whole city; the wijk) and let in people of 75.
  assert.deepEqual(found.map((h) => [h.n, h.id, h.name, h.party]), [
    [1, ids.maatje, 'Eenzaamheid doorbreken', 'Stichting Fictief Welzijn'],
    [2, ids.koffie, 'Koffieochtend voor ouderen', 'Buurthuis De Voorbeeldhoek'],
  ]);
  assert.deepEqual(found[0].reasons, ['Woorden: eenzaam', 'Leeftijd: 75 jaar', 'Werkgebied: Wijk 03 Overvecht', 'Afstand: 4,0 km']);
  assert.deepEqual(found[1].reasons, ['Woorden: eenzaam', 'Leeftijd: 75 jaar', 'Werkgebied: Wijk 03 Overvecht', 'Afstand: 0,9 km']);
  assert.equal(found[1].place, 'Voorbeeldstraat 1, 3563 AA Utrecht (buurt Zamenhofdreef en omgeving)');
  assert.deepEqual(found[1].opening, ['dinsdag 10:00–12:00']);
  assert.match(r.body, new RegExp(`<h3 id="dienst-2-naam"><a href="/sociale-kaart/dienst/${ids.koffie}">`));
});

test('the results carry a map of numbered points and a wegwijzer form with a checkbox per service', async () => {
  const r = await search({ behoefte: 'eenzaam, 75+, Overvecht' });
  const map = /<div id="zoekkaart" class="map sm-map-results" role="region" aria-label="([^"]+)" hidden\s+data-points="([^"]*)"[^>]*data-area-url="([^"]*)"/.exec(r.body);
  assert.ok(map, 'the map container is there (hidden until the script draws it)');
  assert.equal(map[1], 'Kaart van de gevonden diensten op deze pagina');
  assert.deepEqual(JSON.parse(decode(map[2])).map((p) => [p.n, p.name, p.lat, p.lon]), [
    [1, 'Eenzaamheid doorbreken', 52.08754, 5.08864],
    [2, 'Koffieochtend voor ouderen', 52.11275, 5.11],
  ]);
  assert.equal(map[3], '/api/v1/areas/WK034403/geometry');
  // Without tiles, the wijken of the hits' gemeente give the markers a place.
  assert.match(r.body, /data-context-url="\/api\/v1\/areas\/GM0344\/children\/geometry"/);
  assert.match(r.body, /<script src="\/static\/vendor\/leaflet\.js" defer><\/script>/);
  assert.match(r.body, /<script src="\/static\/socialmap_search\.js" defer><\/script>/);
  const form = /<form id="wegwijzer" class="sm-wegwijzer" method="get" action="\/sociale-kaart\/wegwijzer"[\s\S]*?<\/form>/.exec(r.body);
  assert.ok(form, 'the wegwijzer form');
  assert.deepEqual([...form[0].matchAll(/<input type="checkbox" id="wegwijzer-(\d+)" name="dienst" value="([^"]+)">/g)]
    .map((m) => [Number(m[1]), m[2]]), [[1, ids.maatje], [2, ids.koffie]]);
  assert.match(form[0], /<label for="wegwijzer-1">Op wegwijzer<span class="visually-hidden">: Eenzaamheid doorbreken<\/span><\/label>/);
  assert.match(form[0], /<button type="submit">Maak wegwijzer<\/button>/);
  const script = await client.get('/static/socialmap_search.js');
  assert.equal(script.status, 200);
});

test('filters narrow the search and are kept in the form', async () => {
  const cases = [
    [{ wet: 'wmo' }, ['Eenzaamheid doorbreken', 'Mantelzorgsteunpunt Voorbeeld']],
    [{ behoefte: 'wmo' }, ['Eenzaamheid doorbreken', 'Mantelzorgsteunpunt Voorbeeld']],  // a law word is a filter
    [{ behoefte: '', formeel: 'nee' }, ['Café De Verzinsel']],
    [{ behoefte: '', open: '2026-12-01T10:30' }, ['Koffieochtend voor ouderen']],
    [{ behoefte: 'ontmoeting' }, ['Café De Verzinsel', 'Koffieochtend voor ouderen']],  // a domain word is a word
    [{ behoefte: '', gebied: 'Overvecht' }, ['Jongerenwerk Voorbeeldhoek', 'Koffieochtend voor ouderen', 'Eenzaamheid doorbreken']],
    [{ behoefte: '', bij: '52.067,5.198', straal: '5' }, ['Mantelzorgsteunpunt Voorbeeld']],
  ];
  for (const [query, names] of cases) {
    const r = await search(query);
    assert.equal(r.status, 200, JSON.stringify(query));
    assert.deepEqual(hits(r.body).map((h) => h.name), names, JSON.stringify(query));
  }
  const kept = await search({ behoefte: 'koffie', wet: 'wmo', doelgroep: 'ouderen', formeel: 'ja', leeftijd: '80' });
  assert.match(kept.body, /<details class="sm-filters" open>/);
  assert.match(kept.body, /<input type="checkbox" id="zoek-wet-wmo" name="wet" value="wmo" checked> <label for="zoek-wet-wmo">Wmo<\/label>/);
  assert.match(kept.body, /<input type="checkbox" id="zoek-doelgroep-ouderen" name="doelgroep" value="ouderen" checked>/);
  assert.match(kept.body, /<input type="radio" id="zoek-formeel-ja" name="formeel" value="ja" checked>/);
  assert.match(kept.body, /id="zoek-leeftijd" name="leeftijd" value="80"/);
});

test('nothing found gives suggestions, among them the same words without the filters', async () => {
  const r = await search({ behoefte: 'tuinieren', wet: 'wlz' });
  assert.equal(r.status, 200);
  assert.equal(count(r.body), 'Geen diensten gevonden');
  assert.doesNotMatch(r.body, /id="zoekkaart"/);
  assert.doesNotMatch(r.body, /id="wegwijzer"/);
  assert.match(r.body, /<h3>Niets gevonden\? Probeer dit<\/h3>/);
  assert.match(r.body, /<a href="\/sociale-kaart\/zoeken\?behoefte=tuinieren">Zoek zonder de filters\.<\/a>/);
});

test('paging: twenty a page, links to the next and previous page keep the search', async () => {
  // Only five active services: one page, no paging; a page past the end is empty but answers.
  const all = await search({ behoefte: '' });
  assert.equal(count(all.body), '5 diensten gevonden');
  assert.doesNotMatch(all.body, /class="sm-paging"/);
  const beyond = await search({ behoefte: '', pagina: '2' });
  assert.equal(beyond.status, 200);
  assert.equal(hits(beyond.body).length, 0);
});

test('bad parameters answer 400 with the Dutch message at the field', async () => {
  const cases = [
    [{ bij: 'Utrecht' }, 'bij', 'Geef een punt als breedte,lengte, bijvoorbeeld 52.09,5.12.'],
    [{ leeftijd: '200' }, 'leeftijd', 'Geef een leeftijd tussen 0 en 130.'],
    [{ open: 'morgen' }, 'open', 'Geef een tijdstip als 2026-12-01 10:30.'],
    [{ wet: 'abc' }, 'wet', 'Onbekende wet: abc.'],
    [{ gebied: 'Atlantis' }, 'gebied', 'Onbekend gebied: Atlantis. Kies een gebied uit de lijst of geef een CBS-code.'],
  ];
  for (const [query, field, message] of cases) {
    const r = await search(query);
    assert.equal(r.status, 400, field);
    assert.match(r.body, new RegExp(`<li><a href="#zoek-${field}">${message.replace(/[.()]/g, '\\$&')}</a></li>`), field);
    assert.doesNotMatch(r.body, /class="sm-results"/, field);
  }
  const bij = await search({ bij: 'Utrecht' });
  assert.match(bij.body, /<span id="zoek-bij-fout" class="field-error">Geef een punt/);
  assert.match(bij.body, /aria-describedby="zoek-bij-hint zoek-bij-fout" aria-invalid="true"/);
});

test('without a search the page explains itself; without login it asks to log in', async () => {
  const r = await client.get('/sociale-kaart/zoeken');
  assert.equal(r.status, 200);
  assert.match(r.body, /<label for="zoek-behoefte">Wat zoekt u\?<\/label>/);
  assert.match(r.body, /<span id="zoek-behoefte-hint" class="hint">Bijvoorbeeld: eenzaam, 75\+, Overvecht<\/span>/);
  assert.match(r.body, /<h2 id="uitleg-titel">Hoe zoekt u\?<\/h2>/);
  assert.doesNotMatch(r.body, /class="sm-results"/);
  const anonymous = new Client(server.url);
  const away = await anonymous.get('/sociale-kaart/zoeken?behoefte=eenzaam');
  assert.equal(away.status, 303);
  assert.match(away.headers.get('location'), /^\/inloggen/);
});
