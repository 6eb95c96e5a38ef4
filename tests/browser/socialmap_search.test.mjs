// The social map's search page in real Chromium: type a need, read the ranked results with why
// each matched, see them as numbered markers on the map (reachable by keyboard, with a popup),
// open the filters, tick two services for the wegwijzer and submit; the same page at 375 px, and
// without JavaScript (no map, the list and the form work). Screenshots in $WK_ARTIFACTS/browser/
// (zoeken-*.png); every step must pass axe-core (no serious or critical WCAG 2.1 A/AA violation);
// no request may leave the server. The fictional services come from wk_socialmap_search_seed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer, DEFAULT_ADMIN as ADMIN } from '../integration/lib/server.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = path.join(process.env.WK_ARTIFACTS || os.tmpdir(), 'browser');
const NEED = 'eenzaam, 75+, Overvecht';

let server;
let browser;
let context;
let page;
let ids;
const problems = [];

function watch(p) {
  p.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  p.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
}

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
  ids = await new Promise((resolve, reject) => {
    execFile(process.env.WK_SOCIALMAP_SEED, [server.db], (error, stdout, stderr) => {
      if (error) reject(new Error(`seed failed: ${stderr}`));
      else resolve(JSON.parse(stdout));
    });
  });
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-sync',
      '--no-first-run', '--disable-gpu'],
  });
  context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  await fence(context);
  page = await context.newPage();
  watch(page);
  await login(page);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function checkpoint(name, p = page) {
  await p.screenshot({ path: path.join(shots, `zoeken-${name}.png`), fullPage: true });
  await p.addScriptTag({ content: axeSource });
  const result = await p.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')).join('\n');
  assert.equal(bad.length, 0, `axe on ${p.url()} (${name}):\n${report}`);
}

async function noOverflow(p) {
  const overflow = await p.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `${p.url()} is ${overflow}px wider than the screen`);
}

async function searchFor(p, need) {
  await p.goto(`${server.url}/sociale-kaart/zoeken`);
  await p.getByLabel('Wat zoekt u?').fill(need);
  await Promise.all([p.waitForNavigation(), p.getByRole('button', { name: 'Zoeken' }).first().click()]);
}

test('a need typed in the form gives ranked results, on the map too, and two of them make a wegwijzer', async () => {
  await page.goto(`${server.url}/sociale-kaart/zoeken`);
  await checkpoint('leeg');
  await searchFor(page, NEED);
  assert.match(page.url(), /behoefte=eenzaam%2C\+75%2B%2C\+Overvecht/);
  assert.equal(await page.getByRole('status').innerText(), '2 diensten gevonden');
  const items = page.locator('ol.sm-hits > li');
  assert.equal(await items.count(), 2);
  assert.equal(await items.nth(0).getByRole('heading', { level: 3 }).innerText(), 'Eenzaamheid doorbreken');
  assert.equal(await items.nth(1).getByRole('heading', { level: 3 }).innerText(), 'Koffieochtend voor ouderen');
  const why = items.nth(1).getByRole('list', { name: 'Waarom dit resultaat' });
  assert.deepEqual(await why.locator('li').allInnerTexts(),
    ['Woorden: eenzaam', 'Leeftijd: 75 jaar', 'Werkgebied: Wijk 03 Overvecht', 'Afstand: 0,9 km']);

  // The map: two numbered markers, reachable with Tab, Enter opens the popup with the name as a link.
  const map = page.locator('#zoekkaart');
  await page.waitForSelector('#zoekkaart[data-ready="true"]');
  assert.ok(await map.isVisible());
  const markers = map.locator('.sm-marker');
  assert.equal(await markers.count(), 2);
  assert.equal(await markers.nth(1).getAttribute('aria-label'),
    '2. Koffieochtend voor ouderen, Voorbeeldstraat 1, 3563 AA Utrecht');
  // Beneath them the wijken of Utrecht for orientation, and the outline of Overvecht.
  assert.equal(await map.locator('path.sm-area').count(), 1);
  assert.ok(await map.locator('path.sm-context').count() >= 10);
  await checkpoint('resultaten');
  await markers.nth(1).focus();
  await page.keyboard.press('Enter');
  const popup = page.locator('.leaflet-popup-content');
  await popup.waitFor();
  assert.equal(await popup.getByRole('link', { name: 'Koffieochtend voor ouderen' }).getAttribute('href'),
    `/sociale-kaart/dienst/${ids.koffie}`);

  // The filters open; the law checkbox narrows the search.
  await page.locator('summary', { hasText: 'Filters' }).click();
  await page.getByRole('group', { name: 'Wet die het betaalt' }).getByLabel('Wmo').check();
  await checkpoint('filters');
  await Promise.all([page.waitForNavigation(), page.locator('.sm-filters button[type="submit"]').click()]);
  assert.match(page.url(), /wet=wmo/);
  assert.equal(await page.getByRole('status').innerText(), '1 dienst gevonden');

  // Back to both results: tick both for the wegwijzer and submit.
  await searchFor(page, NEED);
  await page.getByLabel('Op wegwijzer: Eenzaamheid doorbreken').check();
  await page.getByLabel('Op wegwijzer: Koffieochtend voor ouderen').check();
  const [request] = await Promise.all([
    page.waitForRequest((r) => r.url().includes('/sociale-kaart/wegwijzer')),
    page.getByRole('button', { name: 'Maak wegwijzer' }).click(),
  ]);
  const asked = new URL(request.url());
  assert.deepEqual(asked.searchParams.getAll('dienst'), [ids.maatje, ids.koffie]);
  assert.deepEqual(problems.filter((p) => !p.includes('404')), []);  // the wegwijzer page is built by another part
});

test('the search fits a 375 px screen', async () => {
  const phone = await context.newPage();
  watch(phone);
  await phone.setViewportSize({ width: 375, height: 800 });
  await searchFor(phone, NEED);
  await phone.waitForSelector('#zoekkaart[data-ready="true"]');
  await noOverflow(phone);
  await checkpoint('telefoon', phone);
  await phone.locator('summary', { hasText: 'Filters' }).click();
  await noOverflow(phone);
  await checkpoint('telefoon-filters', phone);
  await phone.close();
});

test('without JavaScript there is no map, and the list and the wegwijzer form work', async () => {
  const plain = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 1280, height: 900 } });
  await fence(plain);
  const p = await plain.newPage();
  await login(p);
  await searchFor(p, NEED);
  assert.equal(await p.locator('ol.sm-hits > li').count(), 2);
  assert.equal(await p.locator('#zoekkaart').isVisible(), false);
  assert.equal(await p.locator('#zoekkaart-uitleg').isVisible(), false);
  await p.getByLabel('Op wegwijzer: Koffieochtend voor ouderen').check();
  const [request] = await Promise.all([
    p.waitForRequest((r) => r.url().includes('/sociale-kaart/wegwijzer')),
    p.getByRole('button', { name: 'Maak wegwijzer' }).click(),
  ]);
  assert.deepEqual(new URL(request.url()).searchParams.getAll('dienst'), [ids.koffie]);
  await p.goto(`${server.url}/sociale-kaart/zoeken?behoefte=${encodeURIComponent(NEED)}`);
  await p.screenshot({ path: path.join(shots, 'zoeken-zonder-javascript.png'), fullPage: true });
  await plain.close();
});
