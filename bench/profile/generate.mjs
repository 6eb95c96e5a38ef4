// Generates the national-size input of the profile benchmark (issue 3 section 5). FOR THE BENCHMARK
// ONLY: the values are the real CBS rows of Utrecht (kwb-2023/2024_GM0344_utrecht.csv) replicated
// under the 3,434 real wijk codes of wijken_2023_nl_codes.csv, with generated buurt codes beneath
// them. They are NOT statistics of those areas: every name says "Gegenereerd", the file names say
// "generated", and nothing here is used as demo data or shown as real.
//
//   node bench/profile/generate.mjs SHARED_DATA_DIR OUT_DIR [BUURTEN_PER_WIJK]
//
// Writes OUT_DIR/kwb-<year>_generated-national.csv for 2023 and 2024 (the KWB column layout,
// comma-separated, no quoting: generated names contain no commas) and prints the row counts.
import fs from 'node:fs';
import path from 'node:path';

const [shared, out, perWijkArg] = process.argv.slice(2);
if (!shared || !out) {
  console.error('usage: node generate.mjs SHARED_DATA_DIR OUT_DIR [BUURTEN_PER_WIJK]');
  process.exit(2);
}
const perWijk = Number(perWijkArg ?? 5);
fs.mkdirSync(out, { recursive: true });

// Minimal RFC 4180 line splitter for the CBS files (quoted fields may contain commas).
function splitCsvLine(line) {
  const fields = [];
  let field = '', quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { fields.push(field); field = ''; }
    else field += c;
  }
  fields.push(field);
  return fields;
}

const wijkLines = fs.readFileSync(path.join(shared, 'boundaries/wijken_2023_nl_codes.csv'), 'utf8').trim().split('\n');
const wijkHeader = splitCsvLine(wijkLines[0]);
const wkCol = wijkHeader.indexOf('WK_CODE');
const wijken = [...new Set(wijkLines.slice(1).map((l) => splitCsvLine(l)[wkCol]))].sort();

for (const year of [2023, 2024]) {
  const lines = fs.readFileSync(path.join(shared, `cbs/kwb-${year}_GM0344_utrecht.csv`), 'utf8')
    .replace(/^\uFEFF/, '').trim().split('\n');
  const header = splitCsvLine(lines[0]);
  const rows = lines.slice(1).map(splitCsvLine);
  const col = (name) => header.indexOf(name);
  const [cCode10, cCode8, cRegio, cGm, cRecs, cCode] = ['gwb_code_10', 'gwb_code_8', 'regio', 'gm_naam', 'recs', 'gwb_code'].map(col);
  const kind = (r) => r[cRecs].trim();
  const gemeente = rows.find((r) => kind(r) === 'Gemeente');
  const utrechtWijken = rows.filter((r) => kind(r) === 'Wijk');
  const utrechtBuurten = rows.filter((r) => kind(r) === 'Buurt');

  const outRows = [header.join(',')];
  const place = (template, code, name, recs, gmName) => {
    const r = template.slice();
    r[cCode10] = code;
    r[cCode8] = code.slice(2);
    r[cRegio] = name;
    r[cGm] = gmName;
    r[cRecs] = recs;
    r[cCode] = code;
    outRows.push(r.join(','));
  };
  const gemeenten = new Set();
  let w = 0, b = 0;
  for (const wk of wijken) {
    const gm = 'GM' + wk.slice(2, 6);
    const gmName = `Gegenereerde gemeente ${gm}`;
    if (!gemeenten.has(gm)) {
      gemeenten.add(gm);
      place(gemeente, gm, gmName, 'Gemeente', gmName);
    }
    place(utrechtWijken[w % utrechtWijken.length], wk, `Gegenereerde wijk ${wk}`, 'Wijk', gmName);
    w++;
    for (let i = 1; i <= perWijk; i++) {
      const bu = 'BU' + wk.slice(2) + String(i).padStart(2, '0');
      place(utrechtBuurten[b % utrechtBuurten.length], bu, `Gegenereerde buurt ${bu}`, 'Buurt', gmName);
      b++;
    }
  }
  const file = path.join(out, `kwb-${year}_generated-national.csv`);
  fs.writeFileSync(file, outRows.join('\n') + '\n');
  console.log(`${file}: ${gemeenten.size} gemeenten, ${w} wijken, ${b} buurten, ${header.length - 7} columns of values`);
}
