// The import commands, run as a user runs them: the real binary on a temporary database.
// Checks: a bad line fails with file and line and leaves the database unchanged; the imported
// values equal the CBS file's (several buurten and columns, missing ones included); boundaries
// from the RD New file land at the right WGS84 place.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const binary = process.env.WK_BINARY;
const shared = process.env.WK_SHARED_DATA;
const cbs2024 = join(shared, 'cbs', 'kwb-2024_GM0344_utrecht.csv');

function run(args) {
  const r = spawnSync(binary, args, { encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempDir(t) {
  const dir = mkdtempSync(join(tmpdir(), 'wk-import-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

// Splits one CSV line with '"' quoting (the CBS file quotes names with commas).
function splitCsv(line) {
  const out = [''];
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { out[out.length - 1] += '"'; i++; }
      else if (c === '"') quoted = false;
      else out[out.length - 1] += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push('');
    else if (c !== '\r') out[out.length - 1] += c;
  }
  return out;
}

function csvRows(path) {
  const lines = readFileSync(path, 'utf8').split('\n').filter((l) => l.length > 0);
  const header = splitCsv(lines[0]);
  const rows = lines.slice(1).map((l) => Object.fromEntries(splitCsv(l).map((v, i) => [header[i], v])));
  return { header, lines, rows };
}

function show(db, code, extra = []) {
  const r = run(['areas', 'show', code, '--json', '--all', '--db', db, ...extra]);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout);
}

test('an import with a bad line fails with file, line and column and changes nothing', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'wk.db');
  const good = run(['import', 'cbs', cbs2024, '--db', db]);
  assert.equal(good.code, 0, good.stderr);
  const before = show(db, 'BU03440321');

  // The same file with one value broken on line 9 (header = line 1), imported as 2024 again.
  const { header, lines } = csvRows(cbs2024);
  const column = header.indexOf('a_65_oo');
  const cells = splitCsv(lines[8]);
  cells[column] = 'veel';
  lines[8] = cells.map((c) => `"${c}"`).join(',');
  const bad = join(dir, 'kwb-2024_fout.csv');
  writeFileSync(bad, lines.join('\n') + '\n');

  const r = run(['import', 'cbs', bad, '--db', db]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /kwb-2024_fout\.csv:9: kolom a_65_oo: 'veel' is geen getal/);
  assert.deepEqual(show(db, 'BU03440321'), before);

  // As a 2023 file the database gains nothing either: still only 2024.
  const r2023 = run(['import', 'cbs', bad, '--year', '2023', '--db', db]);
  assert.equal(r2023.code, 2);
  assert.deepEqual(show(db, 'BU03440321').years, [2024]);
});

test('imported values equal the CBS file, missing ones as missing', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'wk.db');
  const r = run(['import', 'cbs', cbs2024, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /gebieden:\s+122/);
  assert.match(r.stdout, /Bron: CBS/);

  const { rows } = csvRows(cbs2024);
  const codes = ['GM0344', 'WK034403', 'BU03440111', 'BU03440321', 'BU03440623', 'BU03441041'];
  const columns = ['a_inw', 'a_65_oo', 'a_1p_hh', 'a_hh', 'g_hhgro', 'a_gbl_eu', 'g_wozbag', 'p_hh_li', 'ste_oad'];
  let missing = 0;
  for (const code of codes) {
    const row = rows.find((x) => x.gwb_code === code);
    assert.ok(row, code);
    const area = show(db, code);
    assert.equal(area.name, row.regio);
    for (const column of columns) {
      const figure = area.figures.find((f) => f.code === column);
      assert.ok(figure, `${code} ${column}`);
      if (row[column] === '.') {
        assert.equal(figure.value, null, `${code} ${column} must be missing, not 0`);
        missing++;
      } else {
        assert.equal(figure.value, Number(row[column]), `${code} ${column}`);
      }
    }
  }
  assert.ok(missing > 0, 'the check covers missing values');
});

test('boundaries from the RD New file land at the right WGS84 place', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'wk.db');
  assert.equal(run(['import', 'cbs', cbs2024, '--db', db]).code, 0);
  const r = run(['import', 'boundaries', join(shared, 'boundaries', 'wijken_2016_nl_rd.geojson'), '--year', '2016',
    '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /gekoppeld:\s+10/);

  const wijk = show(db, 'WK034403');
  const [minLon, minLat, maxLon, maxLat] = wijk.bbox;
  assert.ok(minLon > 5.0 && maxLon < 5.2, `lon ${minLon}..${maxLon}`);
  assert.ok(minLat > 52.0 && maxLat < 52.15, `lat ${minLat}..${maxLat}`);

  const inside = run(['areas', 'locate', '5.113', '52.118', '--db', db]);
  assert.equal(inside.code, 0, inside.stderr);
  assert.match(inside.stdout, /WK034403\s+wijk\s+Wijk 03 Overvecht/);
  const outside = run(['areas', 'locate', '4.9', '52.37', '--db', db]);
  assert.match(outside.stdout, /in geen enkel bekend gebied/);
});

test('a file without a year in its name needs --year', (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'utrecht.csv');
  writeFileSync(file, readFileSync(cbs2024));
  const r = run(['import', 'cbs', file, '--db', join(dir, 'wk.db')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /Geen jaar gevonden: geef het jaar op met --year/);
});

test('import cbs-nabijheid reads the StatLine download as it is, the year from its name', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'wk.db');
  const file = join(shared, 'cbs', 'nabijheid-voorzieningen-buurt-2023_GM0344_utrecht.csv');
  const r = run(['import', 'cbs-nabijheid', file, '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /\(jaar 2023\)/);
  assert.match(r.stdout, /gebieden:\s+122/);
  assert.match(r.stdout, /Bron: CBS, Nabijheid voorzieningen 2023/);
  const buurt = show(db, 'BU03440111', ['--year', '2023']);
  assert.equal(buurt.name, 'Welgelegen, Den Hommel');
  assert.equal(buurt.figures.find((f) => f.code === 'nv_afst_grote_supermarkt').value, 0.9);
  assert.equal(buurt.figures.find((f) => f.code === 'nv_afst_huisartspraktijk').value, null);
});

test('import indicators reads own figures with their metadata and refuses an unknown area with its line', (t) => {
  const dir = tempDir(t);
  const db = join(dir, 'wk.db');
  const data = join(process.env.WK_SOURCE_DIR, 'tests', 'data');
  assert.equal(run(['import', 'cbs', join(shared, 'cbs', 'kwb-2023_GM0344_utrecht.csv'), '--db', db]).code, 0);
  const r = run(['import', 'indicators', join(data, 'voorbeeld-indicatoren-breed.csv'), '--source', 'Voorbeeldmonitor',
    '--reliability', 'laag', '--db', db]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /gebieden:\s+5/);
  assert.match(r.stdout, /Bron: Voorbeeldmonitor \(betrouwbaarheid: laag\)/);
  const buurt = show(db, 'BU03440111', ['--year', '2023']);
  assert.equal(buurt.figures.find((f) => f.code === 'vb_afst_zwembad').value, 1.9);

  const bad = join(dir, 'fout.csv');
  writeFileSync(bad, 'area_code,year,a_woning\nBU03440111,2023,910\nBU03449999,2023,5\n');
  const refused = run(['import', 'indicators', bad, '--source', 'Voorbeeld', '--db', db]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(refused.stderr, /fout\.csv:3: kolom area_code: Onbekend gebied BU03449999/);
  const grade = run(['import', 'indicators', bad, '--source', 'Voorbeeld', '--reliability', 'zeker', '--db', db]);
  assert.equal(grade.code, 2);
  assert.match(grade.stderr, /Onbekende betrouwbaarheid 'zeker'; kies hoog, redelijk, laag of onbekend\./);
});
