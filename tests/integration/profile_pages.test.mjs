// The profile pages as HTML, without a browser: the area page's parts for htmx (HX-Target), the
// map's table with the classes the legend names, missing values as "ontbreekt", the state kept in
// links, the comparison, and the Dutch problems for bad parameters.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, loginClient, addUser } from './lib/server.mjs';

let server;
let client;

before(async () => {
  server = await startServer({ demo: true });
  await addUser(server, 'lezer3', 'lezer', 'lezer-wachtwoord-3');
  client = await loginClient(server, 'lezer3', 'lezer-wachtwoord-3');
});

after(async () => {
  await server?.stop();
});

async function page(url, headers = {}) {
  const r = await client.get(url, { headers });
  return r;
}

// The rows of the table beside the map: [{code, colour, missing, value}].
function mapRows(html) {
  return [...html.matchAll(/<tr data-code="([A-Z0-9]+)"( data-colour="(#[0-9a-f]{6})")?( data-missing="true")? data-value="([^"]*)"/g)]
    .map((m) => ({ code: m[1], colour: m[3] ?? null, missing: Boolean(m[4]), value: m[5] }));
}

test('the map of Overvecht colours its ten buurten in five quantile classes named in the legend', async () => {
  const r = await page('/gebied/WK034403?kaart=p_65_oo&jaar=2024');
  assert.equal(r.status, 200);
  const rows = mapRows(r.body);
  assert.equal(rows.length, 10);
  assert.ok(rows.every((row) => !row.missing && row.colour));
  // Quantiles of 10 values: two buurten in each class, five colours of ColorBrewer's Blues.
  const perColour = {};
  for (const row of rows) perColour[row.colour] = (perColour[row.colour] ?? 0) + 1;
  assert.deepEqual(perColour, { '#eff3ff': 2, '#bdd7e7': 2, '#6baed6': 2, '#3182bd': 2, '#08519c': 2 });
  assert.match(r.body, /<span class="swatch sw-b0" aria-hidden="true"><\/span> 11,7% – 12,0% <span class="muted">\(2\)<\/span>/);
  assert.match(r.body, /Aandeel 65 jaar of ouder \(%\), buurten van Wijk 03 Overvecht, 2024/);
});

test('a missing value is hatched and reads "ontbreekt", never 0', async () => {
  // One buurt of wijk 09 has no mean household size in KWB 2024.
  const r = await page('/gebied/WK034409?kaart=g_hhgro');
  const missing = mapRows(r.body).filter((row) => row.missing);
  assert.equal(missing.length, 1);
  assert.equal(missing[0].value, 'ontbreekt');
  assert.match(r.body, /<span class="swatch swatch-missing" aria-hidden="true"><\/span> ontbreekt <span class="muted">\(1\)<\/span>/);
  // The WOZ value is '.' everywhere in 2024: not a row of ontbreekt in every column, but listed
  // under the table among the characteristics without figures (still reachable by its anchor).
  const buurt = await page('/gebied/BU03440311?thema=wonen');
  assert.doesNotMatch(buurt.body, /<tr id="ind-g_wozbag">/);
  const empty = /<details class="empty-rows">\s*<summary>(\d+) kenmerken zonder cijfers in 2024<\/summary>([\s\S]*?)<\/details>/.exec(buurt.body);
  assert.ok(empty, 'the characteristics without figures are listed');
  assert.match(empty[2], /<li id="ind-g_wozbag">Gemiddelde WOZ-waarde van woningen<\/li>/);
  assert.equal(Number(empty[1]), (empty[2].match(/<li /g) ?? []).length);
  assert.doesNotMatch(empty[2], />0</);
});

test('htmx gets only the part it swaps, and the page keeps its state in every link', async () => {
  const part = await page('/gebied/BU03440311?thema=huishoudens&kaart=p_1p_hh', { 'HX-Request': 'true', 'HX-Target': 'profiel' });
  assert.equal(part.status, 200);
  assert.match(part.body, /^<section id="profiel"/);
  assert.doesNotMatch(part.body, /<html/);
  assert.match(part.body, /<a id="tab-huishoudens" [^>]*aria-current="page"/);
  // A tab link keeps the map's indicator; the trend of another theme is not carried along.
  assert.match(part.body, /href="\/gebied\/BU03440311\?jaar=2024&amp;thema=bevolking&amp;kaart=p_1p_hh#profiel"/);
  const map = await page('/gebied/BU03440311?kaart=p_1p_hh', { 'HX-Request': 'true', 'HX-Target': 'kaart-paneel' });
  assert.match(map.body, /^<div id="kaart-paneel"/);
  assert.equal(mapRows(map.body).length, 10);
  assert.match(map.headers.get('vary'), /HX-Target/);
  const whole = await page('/gebied/BU03440311?thema=zorg+en+welzijn');
  assert.match(whole.body, /<html lang="nl">/);
  assert.match(whole.body, /<a id="tab-zorg-en-welzijn" [^>]*aria-current="page"/);
});

test('bad parameters of the area page are Dutch problems naming them', async () => {
  const cases = [
    ['/gebied/WK034403?thema=sterrenkunde', 422, 'Onbekend thema ‘sterrenkunde’.'],
    ['/gebied/WK034403?indeling=willekeurig', 422, 'Kies indeling=kwantielen of indeling=gelijk.'],
    ['/gebied/WK034403?kaart=geen_indicator', 404, 'Indicator geen_indicator bestaat niet.'],
    ['/gebied/WK034403?kaartjaar=2019', 422, 'Er zijn geen cijfers van 2019 voor dit gebied. Beschikbaar: 2024, 2023.'],
  ];
  for (const [url, status, message] of cases) {
    const r = await page(url);
    assert.equal(r.status, status, url);
    assert.ok(r.body.includes(message), `${url}: ${message}`);
  }
});

test('a comparison takes two to four areas, comma-separated or repeated', async () => {
  const two = await page('/vergelijk?gebieden=BU03440311&gebieden=bu03440312&thema=huishoudens');
  assert.equal(two.status, 200);
  assert.match(two.body, /<h1>Vergelijking van Taag- en Rubicondreef en omgeving en Wolga- en Donaudreef en omgeving<\/h1>/);
  const row = /<tr id="ind-p_1p_hh">([\s\S]*?)<\/tr>/.exec(two.body)[1];
  assert.match(row, /53,1%<span class="standing">rang 53 van 109, percentiel 52<\/span>/);
  assert.match(row, /45,5%/);
  assert.match(row, /51,9%/);  // the gemeente
  assert.match(two.body, /action="\/gebied\/BU03440311\/indicator.xlsx"/);
  assert.match(two.body, /name="met" value="BU03440312"/);
  const cases = [
    ['/vergelijk', 422, 'Kies de gebieden die u wilt vergelijken.'],
    ['/vergelijk?gebieden=BU03440311,BU03440312,BU03440321,BU03440322,BU03440331', 422, 'Vergelijk twee tot vier gebieden tegelijk.'],
    ['/vergelijk?gebieden=BU03440311,BU99999999', 404, 'Gebied BU99999999 bestaat niet.'],
  ];
  for (const [url, status, message] of cases) {
    const r = await page(url);
    assert.equal(r.status, status, url);
    assert.ok(r.body.includes(message), `${url}: ${message}`);
  }
});

test('a theme shows its five strongest findings and keeps the rest one click away', async () => {
  // The demo's Nabijheid voorzieningen 2023: a city buurt differs from its wijk and from the
  // country in dozens of distances and counts.
  const r = await page('/gebied/BU03440111?jaar=2023&thema=voorzieningen');
  assert.equal(r.status, 200);
  const first = /<h4>Wat opvalt<\/h4>\s*<ul class="findings">([\s\S]*?)<\/ul>/.exec(r.body);
  assert.ok(first, r.body.slice(0, 500));
  assert.equal((first[1].match(/<li>/g) ?? []).length, 5);
  const more = /<details class="more-findings">\s*<summary>Nog (\d+) bevindingen bij dit thema<\/summary>([\s\S]*?)<\/details>/.exec(r.body);
  assert.ok(more, 'the other findings are behind a details element');
  assert.equal(Number(more[1]), (more[2].match(/<li>/g) ?? []).length);
  assert.ok(Number(more[1]) > 0);
  // Every sentence names its source, and a national number links to its row on this page.
  for (const li of (first[1] + more[2]).match(/<li>[\s\S]*?<\/li>/g)) assert.match(li, /\(CBS, 2023\)\.<\/li>$/);
  assert.match(more[2] + first[1], /tegen <a href="\/gebied\/BU03440111\?jaar=2023&amp;thema=voorzieningen#ind-nv_[a-z0-9_]+">[0-9.,]+( km)?<\/a> in Nederland/);
});
