// The neighbourhood profile in real Chromium: open a buurt, switch the theme tab, choose another
// indicator for the choropleth map and see legend, table and shapes change together, open a
// comparison of two buurten and download it as XLSX (read back with fflate). The same pages at
// 375 px wide, and the area page without JavaScript. Every step leaves a screenshot in
// $WK_ARTIFACTS/browser/ and must pass axe-core (no serious or critical WCAG 2.1 A/AA violation);
// no request may leave the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { unzipSync, strFromU8 } from 'fflate';
import { startServer, DEFAULT_ADMIN as ADMIN } from '../integration/lib/server.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = path.join(process.env.WK_ARTIFACTS || os.tmpdir(), 'browser');

const BUURT = 'BU03440311';  // Taag- en Rubicondreef en omgeving, Overvecht
const OTHER = 'BU03440312';  // Wolga- en Donaudreef en omgeving

let server;
let browser;
let context;
let page;
const problems = [];

function watch(p) {
  p.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  p.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
}

// The app must never reach outside: such requests are refused and reported.
async function fence(ctx) {
  await ctx.route((url) => !url.href.startsWith(server.url), (route) => {
    problems.push(`request outside the server: ${route.request().url()}`);
    return route.abort();
  });
}

async function login(p) {
  await p.goto(server.url + '/inloggen');
  await p.fill('input[name="naam"]', ADMIN.name);
  await p.fill('input[name="wachtwoord"]', ADMIN.password);
  await Promise.all([p.waitForNavigation(), p.click('form button[type="submit"]')]);
}

before(async () => {
  fs.mkdirSync(shots, { recursive: true });
  server = await startServer({ demo: true });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-gpu'],
  });
  // bypassCSP only so that axe can be injected; the pages' own scripts are files anyway.
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'nl-NL',
    acceptDownloads: true });
  await fence(context);
  page = await context.newPage();
  watch(page);
  await login(page);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

// A screenshot named after the step, then axe on the page as it is.
async function checkpoint(name, p = page) {
  const file = path.join(shots, `profiel-${name}.png`);
  await p.screenshot({ path: file, fullPage: true });
  await p.addScriptTag({ content: axeSource });
  const result = await p.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')).join('\n');
  assert.equal(bad.length, 0, `axe on ${p.url()} (${name}):\n${report}`);
}

async function mapPainted(title) {
  await page.waitForFunction((t) => {
    const el = document.querySelector('#kaart');
    return el && el.getAttribute('data-ready') === 'true' && (el.getAttribute('data-painted') || '').includes(t);
  }, title, { timeout: 15000 });
}

// code -> fill of the shape on the map, and code -> data-colour (or 'ontbreekt') of the table row.
async function mapAndTable() {
  return page.evaluate(() => {
    const shapes = {};
    for (const p of document.querySelectorAll('.leaflet-overlay-pane path.wk-child')) {
      shapes[p.getAttribute('data-code')] = p.getAttribute('data-fill');
    }
    const rows = {};
    for (const r of document.querySelectorAll('#kaart-paneel tr[data-code]')) {
      rows[r.getAttribute('data-code')] = r.getAttribute('data-missing') === 'true' ? 'ontbreekt' : r.getAttribute('data-colour');
    }
    return { shapes, rows };
  });
}

async function noOverflow(p) {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${p.url()} is ${overflow}px wider than the screen`);
}

test('a buurt: theme tabs, the choropleth map with legend and table, a comparison and its XLSX', async () => {
  await page.goto(`${server.url}/gebied/${BUURT}`);
  await page.getByRole('heading', { level: 1, name: /Taag- en Rubicondreef/ }).waitFor();
  await mapPainted('Aandeel 65 jaar of ouder');
  // The buurt among the buurten of its wijk, coloured by the same classes as the table says.
  let seen = await mapAndTable();
  assert.equal(Object.keys(seen.shapes).length, 10);
  assert.deepEqual(seen.shapes, seen.rows);
  const legend = page.locator('#kaart-legenda');
  assert.match(await legend.locator('.legend-title').innerText(), /Aandeel 65 jaar of ouder \(%\), buurten van Wijk 03 Overvecht, 2024/);
  const firstLegend = await legend.locator('.legend-list').innerText();
  assert.match(firstLegend, /11,7% – 12,0%/);
  // The profile: Bevolking first, its rows with rank and percentile.
  const tabs = page.getByRole('navigation', { name: "Thema's van het profiel" });
  assert.equal(await tabs.locator('a[aria-current="page"]').innerText(), 'Bevolking');
  const row = page.locator('#ind-p_65_oo');
  assert.match(await row.innerText(), /12,0%/);
  assert.match(await row.innerText(), /47 van 109/);
  await checkpoint('buurt');

  // Switch theme: htmx swaps the profile, the address follows, the current tab moves.
  await tabs.getByRole('link', { name: 'Huishoudens' }).click();
  await page.waitForURL(/thema=huishoudens/);
  await page.locator('#profiel .tab-panel h3', { hasText: 'Huishoudens' }).waitFor();
  assert.equal(await tabs.locator('a[aria-current="page"]').innerText(), 'Huishoudens');
  assert.match(await page.locator('#ind-p_1p_hh').innerText(), /53,1%/);
  // The household composition and the trend of a share of the theme, as SVG charts in the page.
  assert.match(await page.locator('#profiel figure.chart svg title').first().textContent(), /huishoudens/i);
  assert.ok(await page.locator('#trend svg[role="img"]').count() === 1);
  await checkpoint('buurt-huishoudens');

  // Another indicator on the map: legend, table and shapes change together.
  await page.getByLabel('Kenmerk op de kaart').selectOption('p_1p_hh');
  await mapPainted('eenpersoonshuishoudens');
  const secondLegend = await legend.locator('.legend-list').innerText();
  assert.notEqual(secondLegend, firstLegend);
  assert.match(await legend.locator('.legend-title').innerText(), /Aandeel eenpersoonshuishoudens/);
  seen = await mapAndTable();
  assert.deepEqual(seen.shapes, seen.rows);
  assert.match(page.url(), /kaart=p_1p_hh/);
  await page.locator('#kaart-paneel details.map-table summary').click();
  await checkpoint('buurt-kaart-eenpersoons');

  // A value CBS does not publish is hatched and counted in the legend: in wijk 09 one buurt has no
  // mean household size in KWB 2024.
  await page.goto(`${server.url}/gebied/WK034409?kaart=g_hhgro`);
  await mapPainted('huishoudensgrootte');
  assert.match(await legend.locator('.legend-list').innerText(), /ontbreekt\s+\(1\)/);
  seen = await mapAndTable();
  assert.equal(Object.values(seen.shapes).filter((f) => f === 'ontbreekt').length, 1);
  assert.deepEqual(seen.shapes, seen.rows);
  await checkpoint('wijk-ontbreekt');

  // Compare with a neighbouring buurt (a plain GET form).
  await page.goto(`${server.url}/gebied/${BUURT}?thema=huishoudens`);
  await page.getByLabel(/Vergelijk .* met/).selectOption(OTHER);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Vergelijk', exact: true }).click()]);
  assert.equal(new URL(page.url()).pathname, '/vergelijk');
  await page.getByRole('heading', { level: 1, name: /Taag- en Rubicondreef.*Wolga- en Donaudreef/ }).waitFor();
  const header = await page.locator('table.compare-table thead').innerText();
  assert.match(header, /Taag- en Rubicondreef[\s\S]*Wolga- en Donaudreef[\s\S]*Gemeente Utrecht/);
  assert.equal(await page.getByRole('navigation', { name: "Thema's van de vergelijking" })
    .locator('a[aria-current="page"]').innerText(), 'Huishoudens');
  // Small multiples of the theme, drawn by the server as SVG with a title for screen readers.
  assert.ok(await page.locator('#vergelijking figure.chart svg[role="img"] title').count() >= 1);
  await checkpoint('vergelijking');

  // Download one indicator over the two buurten as XLSX and read the workbook back.
  await page.getByLabel(/Eén kenmerk voor deze gebieden/).selectOption('p_1p_hh');
  const [download] = await Promise.all([page.waitForEvent('download'),
    page.getByRole('button', { name: 'Excel (XLSX)' }).click()]);
  assert.equal(download.suggestedFilename(), `p_1p_hh-${BUURT}-2024.xlsx`);
  const zip = unzipSync(fs.readFileSync(await download.path()));
  const workbook = strFromU8(zip['xl/workbook.xml']);
  assert.match(workbook, /name="Waarden"/);
  assert.match(workbook, /name="Bron"/);
  const strings = strFromU8(zip['xl/sharedStrings.xml']);
  assert.match(strings, /Taag- en Rubicondreef en omgeving/);
  assert.match(strings, /Wolga- en Donaudreef en omgeving/);
  assert.match(strings, /CC BY 4\.0/);
  const numbers = [...strFromU8(zip['xl/worksheets/sheet1.xml']).matchAll(/<v>([-0-9.E]+)<\/v>/g)].map((m) => Number(m[1]));
  // The shares the page shows, 53,1% and 45,5%, with every digit in the workbook.
  assert.ok(numbers.some((v) => Math.abs(v - 1190 / 2240 * 100) < 1e-9), `53,1% in ${numbers}`);
  assert.ok(numbers.some((v) => Math.round(v * 10) / 10 === 45.5), `45,5% in ${numbers}`);
  assert.deepEqual(problems, []);
});

test('the pages fit a 375 px screen', async () => {
  const phone = await context.newPage();
  watch(phone);
  await phone.setViewportSize({ width: 375, height: 800 });
  await phone.goto(`${server.url}/gebied/${BUURT}?thema=huishoudens`);
  await phone.waitForSelector('#kaart[data-ready="true"]');
  await noOverflow(phone);
  await checkpoint('buurt-telefoon', phone);
  await phone.goto(`${server.url}/vergelijk?gebieden=${BUURT},${OTHER}`);
  await noOverflow(phone);
  await checkpoint('vergelijking-telefoon', phone);
  await phone.close();
  assert.deepEqual(problems, []);
});

test('without JavaScript the table beside the map and the theme links work', async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await fence(plain);
  const p = await plain.newPage();
  await login(p);
  await p.goto(`${server.url}/gebied/WK034403`);
  const table = p.locator('#kaart-paneel table.choropleth-table');
  assert.ok(await table.isVisible(), 'the table beside the map is visible');
  assert.equal(await table.locator('tbody tr').count(), 10);
  await Promise.all([p.waitForNavigation(), p.getByRole('link', { name: 'Wonen' }).click()]);
  assert.match(p.url(), /thema=wonen/);
  // Wonen has no figures in the early KWB 2024: its tab says so to screen readers.
  assert.match(await p.locator('nav.tabs a[aria-current="page"]').innerText(), /^Wonen\s+\(geen cijfers\)$/);
  await p.getByLabel('Kenmerk op de kaart').selectOption('a_inw');
  await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Toon op kaart' }).click()]);
  assert.match(await p.locator('#kaart-legenda .legend-title').innerText(), /Aantal inwoners, buurten van Wijk 03 Overvecht/);
  assert.match(p.url(), /thema=wonen/);
  await p.screenshot({ path: path.join(shots, 'profiel-zonder-javascript.png'), fullPage: true });
  await plain.close();
  assert.deepEqual(problems, []);
});
