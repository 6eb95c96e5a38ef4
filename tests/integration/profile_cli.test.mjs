// `wijkkompas profile show`, run as a user runs it: the real binary on a temporary database with
// the real CBS files of Utrecht (KWB 2023 and 2024, Nabijheid voorzieningen 2023 with its
// national row). Checks the heading, a row with the parent's and the country's value and the
// percentile, the findings (ten by default, all with --all), --timing and an unknown area.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binary = process.env.WK_BINARY;
const shared = process.env.WK_SHARED_DATA;

function run(args) {
  const r = spawnSync(binary, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function loadedDatabase(t) {
  const dir = mkdtempSync(join(tmpdir(), 'wk-profile-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const db = join(dir, 'wk.db');
  for (const args of [
    ['import', 'cbs', join(shared, 'cbs', 'kwb-2023_GM0344_utrecht.csv')],
    ['import', 'cbs', join(shared, 'cbs', 'kwb-2024_GM0344_utrecht.csv')],
    ['import', 'cbs-nabijheid', join(shared, 'cbs', 'nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv')],
  ]) {
    const r = run([...args, '--db', db]);
    assert.equal(r.code, 0, r.stderr);
  }
  return db;
}

test('profile show prints the comparisons of a buurt with its wijk, the country and its peers', (t) => {
  const db = loadedDatabase(t);
  const r = run(['profile', 'show', 'BU03440111', '--year', '2023', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.split('\n');
  assert.equal(lines[0], 'Profiel van Buurt Welgelegen, Den Hommel (BU03440111), 2023');
  // Nabijheid 2023: the buurt 0,9 km, Wijk 01 West 1,4 km, Nederland 2,0 km; 82nd highest of 109.
  const library = lines.find((l) => l.trimStart().startsWith('Afstand tot bibliotheek'));
  assert.ok(library, r.stdout);
  assert.deepEqual(library.trim().split(/\s{2,}/), ['Afstand tot bibliotheek', '0,9 km', '1,4 km', '2,0 km', 'P22 (82/109)']);
  // Ten findings, then how many more there are.
  const findings = lines.filter((l) => /^ +\d+\. In Welgelegen, Den Hommel /.test(l));
  assert.equal(findings.length, 10);
  assert.match(r.stdout, /\n {5}… en \d+ andere \(--all toont ze allemaal\)\.\n/);
  // A missing value says so; it is never 0.
  const gp = lines.find((l) => l.trimStart().startsWith('Afstand tot huisartsenpraktijk'));
  assert.match(gp, /ontbreekt +ontbreekt/);
});

test('profile show --all lists every finding, each with its source', (t) => {
  const db = loadedDatabase(t);
  const r = run(['profile', 'show', 'BU03440111', '--year', '2023', '--all', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  const findings = r.stdout.split('\n').filter((l) => /^ +\d+\. /.test(l));
  assert.ok(findings.length > 10, r.stdout);
  for (const f of findings) assert.match(f, /\(CBS(, \d{4})?\)\.$/);
  assert.ok(findings.some((f) => f.endsWith(
    'In Welgelegen, Den Hommel is de gemiddelde afstand tot de dichtstbijzijnde bibliotheek 0,9 km, tegen 1,4 km in Wijk 01 West (CBS, 2023).')), r.stdout);
  assert.doesNotMatch(r.stdout, /andere \(--all/);
});

test('profile show --timing reports the rebuilt percentiles and the profile on stderr', (t) => {
  const db = loadedDatabase(t);
  const r = run(['profile', 'show', 'WK034401', '--timing', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^Profiel van Wijk Wijk 01 West \(WK034401\), 2024\n/);
  assert.match(r.stderr, /^peer index: \d+ areas, \d+ values in \d+\.\d{3} s$/m);
  assert.match(r.stderr, /^profile: \d+ indicators, \d+ findings in \d+\.\d{2} ms$/m);
});

test('profile show of an unknown area or year says so and exits with "not found"', (t) => {
  const db = loadedDatabase(t);
  const unknown = run(['profile', 'show', 'BU99999999', '--db', db]);
  assert.equal(unknown.code, 3);
  assert.equal(unknown.stderr.trim(), 'fout: code: Gebied BU99999999 bestaat niet.');
  const year = run(['profile', 'show', 'WK034401', '--year', '2020', '--db', db]);
  assert.equal(year.code, 3);
  assert.equal(year.stderr.trim(), 'fout: year: Voor Wijk 01 West zijn geen cijfers over 2020.');
});
