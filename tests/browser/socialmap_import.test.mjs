// The spreadsheet import and the wegwijzer in real Chromium: upload the example spreadsheet (made
// up, tests/data), see the suggested field per column, fill in the province, import, then open a
// wegwijzer of two of the imported services, on screen and as printed (print media: large type,
// no navigation, no buttons). Every step leaves a screenshot in $WK_ARTIFACTS/browser/ and must
// pass axe-core (no serious or critical WCAG 2.1 A/AA violation); no request may leave the server.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { startServer, DEFAULT_ADMIN as ADMIN } from '../integration/lib/server.mjs';

const require = createRequire(import.meta.url);
const axeSource = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const shots = path.join(process.env.WK_ARTIFACTS || os.tmpdir(), 'browser');
const sheet = path.join(process.env.WK_SOURCE_DIR, 'tests/data/sociale-kaart-voorbeeld.xlsx');

let server;
let browser;
let page;
const problems = [];

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
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1280, height: 900 }, locale: 'nl-NL' });
  await context.route((url) => !url.href.startsWith(server.url), (route) => {
    problems.push(`request outside the server: ${route.request().url()}`);
    return route.abort();
  });
  page = await context.newPage();
  page.on('pageerror', (err) => problems.push(`script error: ${err.message}`));
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console: ${msg.text()}`); });
  await page.goto(server.url + '/inloggen');
  await page.fill('input[name="naam"]', ADMIN.name);
  await page.fill('input[name="wachtwoord"]', ADMIN.password);
  await Promise.all([page.waitForNavigation(), page.click('form button[type="submit"]')]);
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function checkpoint(name) {
  await page.screenshot({ path: path.join(shots, `sociale-kaart-${name}.png`), fullPage: true });
  await page.addScriptTag({ content: axeSource });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
  }));
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = bad.map((v) => `${v.impact} ${v.id}: ${v.help}\n` +
    v.nodes.map((n) => `    ${n.target.join(' ')}: ${n.failureSummary}`).join('\n')).join('\n');
  assert.equal(bad.length, 0, `axe on ${page.url()} (${name}):\n${report}`);
}

test('a spreadsheet is uploaded, its columns mapped and imported', async () => {
  await page.goto(server.url + '/beheer/sociale-kaart/import');
  await checkpoint('import-kiezen');
  await page.setInputFiles('#file', sheet);
  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: 'Verder: kolommen koppelen' }).click()]);
  assert.equal(await page.textContent('h1'), 'Kolommen koppelen');
  assert.equal(await page.inputValue('#veld-0'), 'party_name');
  assert.equal(await page.inputValue('#veld-19'), 'opening_hours');
  await checkpoint('import-koppelen');

  await page.fill('#vast-province', 'Utrecht');
  await Promise.all([page.waitForNavigation(), page.click('button[value="controleren"]')]);
  assert.match(await page.textContent('[role="status"]'), /Alle rijen zijn in orde/);
  // The mapping and the sheet survive the check.
  assert.equal(await page.inputValue('#vast-province'), 'Utrecht');
  await Promise.all([page.waitForNavigation(), page.click('button[value="importeren"]')]);
  assert.equal(await page.textContent('h1'), 'Sociale kaart geïmporteerd');
  await checkpoint('import-klaar');
  assert.deepEqual(problems, []);
});

test('the wegwijzer prints large, without navigation, from its Afdrukken button', async () => {
  const ids = execFileSync('sqlite3', [server.db,
    "SELECT id FROM socialmap_service WHERE name IN ('Dagbesteding voor ouderen', 'Koffieochtend') ORDER BY name"],
  { encoding: 'utf8' }).trim().split('\n');
  assert.equal(ids.length, 2);
  await page.goto(`${server.url}/sociale-kaart/wegwijzer?dienst=${ids[0]}&dienst=${ids[1]}`);
  await checkpoint('wegwijzer');
  const button = page.getByRole('button', { name: 'Afdrukken' });
  assert.equal(await button.isVisible(), true);
  await page.evaluate(() => { window.print = () => { window.printed = true; }; });
  await button.click();
  assert.equal(await page.evaluate(() => window.printed), true);

  await page.emulateMedia({ media: 'print' });
  await page.screenshot({ path: path.join(shots, 'sociale-kaart-wegwijzer-afdruk.png'), fullPage: true });
  const printed = await page.evaluate(() => ({
    size: parseFloat(getComputedStyle(document.querySelector('.wegwijzer dd')).fontSize),
    header: getComputedStyle(document.querySelector('.site-header')).display,
    button: getComputedStyle(document.querySelector('.wegwijzer-actions')).display,
  }));
  assert.ok(printed.size >= 16 * 96 / 72 - 0.01, `printed font ${printed.size}px is below 16pt`);
  assert.equal(printed.header, 'none');
  assert.equal(printed.button, 'none');
  await page.emulateMedia({ media: 'screen' });
  assert.deepEqual(problems, []);
});
