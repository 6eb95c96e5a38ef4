// `wijkkompas import hsds` and `export hsds`, run as a user runs them: the real binary on temporary
// databases with the HSDS 3.0 example package of Open Referral (../shared/data/hsds/3.0/examples_csv).
// Checks the import's summary, the round trip export -> import into a fresh database -> export
// (byte-identical), `--check`, and that an invalid package is refused with file, row and field and
// nothing imported.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binary = process.env.WK_BINARY;
const example = join(process.env.WK_SHARED_DATA, 'hsds', '3.0', 'examples_csv');

function run(args) {
  const r = spawnSync(binary, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'wk-hsds-cli-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

function folder(dir) {
  const files = {};
  for (const name of readdirSync(dir).sort()) files[name] = readFileSync(join(dir, name), 'utf8');
  return files;
}

test('import hsds reads the example package, and export -> import -> export is byte-identical', (t) => {
  const dir = tempDir(t);
  const imported = run(['import', 'hsds', example, '--db', join(dir, 'a.db')]);
  assert.equal(imported.code, 0, imported.stderr);
  const lines = imported.stdout.split('\n');
  assert.equal(lines[0], `Geïmporteerd: ${example}`);
  assert.deepEqual(lines.slice(1, 5), [
    '  organisaties:  1',
    '  diensten:      1',
    '  locaties:      1',
    '  overige rijen: 18',
  ]);
  assert.equal(lines[5], '  waarschuwingen: 9');
  assert.ok(lines.includes('    - locations.csv:2: latitude 100 en longitude 101 vormen geen geldig WGS84-punt; de '
    + 'waarden zijn bewaard, de locatie krijgt geen buurt.'), imported.stdout);

  const first = join(dir, 'export1');
  const exported = run(['export', 'hsds', first, '--db', join(dir, 'a.db')]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.equal(exported.stdout, `Geëxporteerd naar ${first}\n  bestanden:     22\n  rijen:         29\n`);
  // 21 example rows, 4 attributes with our own party and service fields, the taxonomy and 3 terms they use.
  // Tables we add nothing to come out as they went in, with "\n" line ends.
  assert.equal(readFileSync(join(first, 'schedules.csv'), 'utf8'),
    readFileSync(join(example, 'schedules.csv'), 'utf8').replaceAll('\r\n', '\n'));

  assert.equal(run(['import', 'hsds', first, '--db', join(dir, 'b.db')]).code, 0);
  const second = join(dir, 'export2');
  assert.equal(run(['export', 'hsds', second, '--db', join(dir, 'b.db')]).code, 0);
  assert.deepEqual(folder(second), folder(first));
});

test('import hsds refuses an invalid package with file, row and field, and imports nothing', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'wk.db');
  const broken = join(dir, 'broken');
  cpSync(example, broken, { recursive: true });
  const services = join(broken, 'services.csv');
  writeFileSync(services, readFileSync(services, 'utf8').replace(
    'ac148810-d857-441c-9679-408f346de14b,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,',
    'ac148810-d857-441c-9679-408f346de14b,5b0f3c36-1d7e-4e39-9d6b-1f1d8e2a9c40,'));

  const r = run(['import', 'hsds', broken, '--db', db]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, 'fout: services.csv:2: organization_id: Verwijst naar organisatie '
    + "'5b0f3c36-1d7e-4e39-9d6b-1f1d8e2a9c40', die niet in het pakket of de sociale kaart staat.\n");
  const check = run(['import', 'hsds', broken, '--check']);
  assert.equal(check.code, 2);
  assert.equal(check.stderr, r.stderr);

  // Nothing was imported: an export has header rows only.
  const out = join(dir, 'out');
  const exported = run(['export', 'hsds', out, '--db', db]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.equal(readFileSync(join(out, 'services.csv'), 'utf8'), readFileSync(join(example, 'services.csv'), 'utf8')
    .split('\r\n')[0] + '\n');
  assert.match(exported.stdout, /\n {2}rijen: {9}0\n/);
});

test('import hsds --check checks without a database', (t) => {
  const dir = tempDir(t);
  const r = run(['import', 'hsds', join(example, 'datapackage.json'), '--check', '--db', join(dir, 'never.db')]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout.split('\n')[0], `Gecontroleerd, in orde: ${join(example, 'datapackage.json')} (niets geïmporteerd)`);
  assert.deepEqual(readdirSync(dir), []);
});
