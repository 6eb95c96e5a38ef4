// Generates the social-map benchmark's input (issue 4 section 5): an HSDS 3.0 tabular data
// package of N services (default 100,000) of N/5 organisations at random points over the
// Netherlands. EVERYTHING IS GENERATED from the word lists below: every name ends in
// "(gegenereerd)", every description says it is generated benchmark text, phone numbers are
// 030 000 xx xx, websites and e-mail addresses are under example.nl. Bench only: never demo data.
//
//   node bench/socialmap/generate.mjs OUT_DIR [SERVICES] [SHARED_DATA]
//
// The package has the datapackage.json of the HSDS example package (../shared/data/hsds/3.0/
// examples_csv) and every CSV it names: organizations, services, locations, addresses,
// service_at_location, schedules and attributes filled; the project taxonomies and their terms
// (src/socialmap/taxonomies.csv, vocabulary.csv) in taxonomies.csv and taxonomy_terms.csv; the
// other tables header only. Deterministic: a fixed seed gives the same files every run.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const out = process.argv[2];
const count = Number(process.argv[3] ?? 100000);
const shared = process.argv[4] ?? path.resolve(root, '../shared/data');
if (!out || !(count > 0)) {
  console.error('usage: node generate.mjs OUT_DIR [SERVICES] [SHARED_DATA]');
  process.exit(2);
}

// mulberry32: a small seeded generator, so every run writes the same package.
let seed = 20261129;
function random() {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (list) => list[Math.floor(random() * list.length)];
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;

// --- Word lists (generated text, not real organisations) ------------------------------------------
const orgKinds = ['Buurthuis', 'Stichting', 'Wijkcentrum', 'Vereniging', 'Welzijnspunt', 'Huis van de Wijk',
  'Steunpunt', 'Buurtkamer', 'Inloophuis', 'Zorgcoöperatie'];
const orgNames = ['De Eik', 'Het Anker', 'De Linde', 'Zonnehoek', 'De Brug', 'Het Baken', 'De Schakel', 'Koploper',
  'De Horizon', 'Het Kompas', 'De Wilg', 'Vogelzang', 'De Molen', 'Het Plein', 'De Vonk', 'Lichtpunt'];
// [service name, description words, target group code, law code or '', access route, domain]
const offers = [
  ['Inloopochtend', 'koffie en een praatje tegen eenzaamheid voor ouderen in de buurt', 'ouderen', 'wmo', 'vrij-toegankelijk', 'ontmoeting'],
  ['Maaltijd voor ouderen', 'samen eten met oudere buurtbewoners, een warme maaltijd en gezelschap', 'ouderen', 'wmo', 'vrij-toegankelijk', 'welzijn'],
  ['Schuldhulpmaatje', 'hulp bij schulden, post en geldzaken door een getrainde vrijwilliger', 'schulden', 'participatiewet', 'vrij-toegankelijk', 'werk-en-inkomen'],
  ['Opvoedspreekuur', 'vragen over opvoeding en opgroeien voor ouders van jonge kinderen', 'ouders', 'jeugdwet', 'vrij-toegankelijk', 'jeugd'],
  ['Mantelzorgcafé', 'ontmoeting en steun voor mantelzorgers die voor een naaste zorgen', 'mantelzorgers', 'wmo', 'vrij-toegankelijk', 'zorg'],
  ['Taalcursus', 'Nederlands leren en oefenen voor nieuwkomers en laaggeletterden', 'nieuwkomers', '', 'vrij-toegankelijk', 'onderwijs'],
  ['Dagbesteding', 'zinvolle dagbesteding met begeleiding voor mensen met een beperking', 'mensen-met-een-beperking', 'wlz', 'ciz-indicatie', 'zorg'],
  ['Huiswerkbegeleiding', 'hulp bij huiswerk en plannen voor kinderen op de basisschool', 'kinderen', '', 'vrij-toegankelijk', 'onderwijs'],
  ['Jongerenwerk', 'sport, muziek en een plek om te zijn voor jongeren in de wijk', 'jongeren', '', 'vrij-toegankelijk', 'jeugd'],
  ['Wijkverpleging', 'verpleging en persoonlijke verzorging thuis', 'ouderen', 'zvw', 'via-huisarts', 'zorg'],
  ['Thuisadministratie', 'hulp bij formulieren, toeslagen en administratie thuis', 'alle-bewoners', 'wmo', 'vrij-toegankelijk', 'werk-en-inkomen'],
  ['Psychosociaal spreekuur', 'een luisterend oor bij psychische klachten, stress en somberheid', 'psychische-klachten', 'wmo', 'via-wijkteam', 'gezondheid'],
];
// The rest of a description: 20 to 65 words drawn from this list with Zipf-like frequencies (the
// word of rank r with weight 1/r), so that, as in real directory text, a few words (hulp, buurt,
// wijk, ...) occur in most services and most words in few; with the offer's own words a service
// has some 30 to 80 words. The list is in a plausible order of frequency for Dutch welfare and
// care texts (a guess, not a count); the words of the benchmark's searches are in it where they
// would plausibly be, so they also occur in services of other offers, as they would.
const vocabulary = `hulp buurt wijk bewoners ondersteuning vragen contact samen ouderen activiteiten informatie
  vrijwilligers gemeente advies kinderen ouders zorg begeleiding jongeren welzijn gezin thuis afspraak week
  mensen leren gesprek aanmelden gratis huis ontmoeting wonen gezondheid werk inloop koffie spreekuur
  eenzaamheid geld vrijwilliger mantelzorgers bewegen sport opvoeding schulden praktische school budget
  dagbesteding taal nederlands maaltijd huiswerk cursus groep training toegankelijk laagdrempelig
  professionals netwerk doorverwijzing huisarts wijkteam maatschappelijk werk buurtteam formulieren
  administratie toeslagen armoede voedselbank kledingbank vervoer boodschappen klussen tuin huisbezoek
  telefonisch digitaal computer spreekuren zelfstandig veilig rust structuur dementie geheugen
  beperking psychisch stress somberheid rouw verlies scheiding pesten opgroeien peuters baby zwangerschap
  consultatiebureau voeding gezond eten koken recepten wandelen fietsen zwemmen dansen muziek creatief
  schilderen lezen bibliotheek voorlezen spelletjes kaarten bingo uitstapje vakantie zomer feest
  vieren cultuur religie moskee kerk vluchtelingen statushouders inburgering integratie werkzoekenden
  sollicitatie stage opleiding diploma vaardigheden zelfvertrouwen weerbaarheid grenzen relaties
  vriendschap dieren huisdier natuur duurzaam energie besparen isolatie wonen huur verhuizen
  woningaanpassing hulpmiddelen rolstoel scootmobiel valpreventie medicijnen apotheek ziekenhuis
  revalidatie herstel verslaving alcohol roken gamen slapen ademhaling ontspanning yoga meditatie
  mindfulness lotgenoten zelfhulp`.split(/\s+/).filter(Boolean);
const zipf = (() => {
  const cumulative = [];
  let sum = 0;
  for (let r = 1; r <= vocabulary.length; r++) cumulative.push((sum += 1 / r));
  return () => {
    const x = random() * sum;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1; else hi = mid;
    }
    return vocabulary[lo];
  };
})();
const filler = () => Array.from({ length: 20 + Math.floor(random() * 46) }, zipf).join(' ');
const towns = [['Utrecht', 52.0907, 5.1214], ['Amsterdam', 52.3676, 4.9041], ['Rotterdam', 51.9244, 4.4777],
  ['Den Haag', 52.0705, 4.3007], ['Eindhoven', 51.4416, 5.4697], ['Groningen', 53.2194, 6.5665],
  ['Zwolle', 52.5168, 6.083], ['Nijmegen', 51.8126, 5.8372], ['Tilburg', 51.5555, 5.0913], ['Almere', 52.3508, 5.2647]];
const streets = ['Dorpsstraat', 'Kerkstraat', 'Schoolstraat', 'Molenweg', 'Stationsweg', 'Julianalaan', 'Beatrixstraat',
  'Lindelaan', 'Eikenlaan', 'Marktplein'];
const days = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

// Half of the points around one of ten towns (within ~15 km), half anywhere in a box over the
// Netherlands (50.75-53.55 N, 3.36-7.23 E): a directory dense in cities and spread over the land.
function point() {
  if (random() < 0.5) {
    const [town, lat, lon] = pick(towns);
    return [town, lat + (random() - 0.5) * 0.27, lon + (random() - 0.5) * 0.44];
  }
  return [pick(towns)[0], 50.75 + random() * 2.8, 3.36 + random() * 3.87];
}

// --- Vocabulary ids (the project taxonomies, as the importer knows them) -------------------------
function readCsv(file) {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split('\n');
  const cols = header.split(',');
  return lines.map((line) => {
    const cells = [];
    let cell = '';
    let quoted = false;
    for (let i = 0; i < line.length; i++) {
      const c = line[i];
      if (quoted) {
        if (c === '"' && line[i + 1] === '"') { cell += '"'; i++; } else if (c === '"') quoted = false; else cell += c;
      } else if (c === '"') quoted = true;
      else if (c === ',') { cells.push(cell); cell = ''; } else cell += c;
    }
    cells.push(cell);
    return Object.fromEntries(cols.map((k, i) => [k, cells[i] ?? '']));
  });
}
const taxonomies = readCsv(path.join(root, 'src/socialmap/taxonomies.csv'));
const terms = readCsv(path.join(root, 'src/socialmap/vocabulary.csv'));
const termId = (taxonomy, code) => {
  const t = terms.find((x) => x.taxonomy === taxonomy && x.code === code);
  if (!t) throw new Error(`no term ${taxonomy}/${code} in vocabulary.csv`);
  return t.id;
};

// --- Writing -----------------------------------------------------------------------------------
const pkg = JSON.parse(fs.readFileSync(path.join(shared, 'hsds/3.0/examples_csv/datapackage.json'), 'utf8'));
fs.mkdirSync(out, { recursive: true });
const quote = (v) => {
  const s = v === undefined || v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const writers = {};
for (const r of pkg.resources) {
  const fields = r.schema.fields.map((f) => f.name);
  const fd = fs.openSync(path.join(out, r.path), 'w');
  let buffer = fields.join(',') + '\n';
  writers[r.name] = {
    row(values) {
      buffer += fields.map((f) => quote(values[f])).join(',') + '\n';
      if (buffer.length > 1 << 20) { fs.writeSync(fd, buffer); buffer = ''; }
    },
    close() { fs.writeSync(fd, buffer); fs.closeSync(fd); },
  };
}
fs.writeFileSync(path.join(out, 'datapackage.json'), JSON.stringify({
  ...pkg,
  name: 'wijkkompas-bench-gegenereerd',
  title: 'Gegenereerde sociale kaart voor de benchmark (geen echte gegevens)',
  description: `${count} gegenereerde diensten van ${Math.ceil(count / 5)} gegenereerde organisaties; alleen voor bench/socialmap.`,
}, null, 2) + '\n');

for (const t of taxonomies) {
  writers.taxonomy.row({ id: t.id, name: t.name, description: `${t.label}: ${t.description}` });
}
for (const t of terms) {
  const tax = taxonomies.find((x) => x.name === t.taxonomy);
  writers.taxonomy_term.row({ id: t.id, code: t.code, name: t.name, description: t.description || t.name,
    taxonomy: t.taxonomy, language: 'nl', taxonomy_id: tax.id });
}

const orgs = [];
for (let i = 0; i < Math.ceil(count / 5); i++) {
  const id = uuid();
  const name = `${pick(orgKinds)} ${pick(orgNames)} ${i + 1} (gegenereerd)`;
  orgs.push(id);
  writers.organization.row({ id, name, description: `Gegenereerde organisatie voor de benchmark: ${name}.`,
    website: `https://org${i + 1}.example.nl`, email: `info@org${i + 1}.example.nl` });
  writers.attribute.row({ id: uuid(), link_id: id, taxonomy_term_id: termId('wijkkompas-partij', 'organisatie'),
    link_type: 'organization', link_entity: 'organization' });
}

let attributes = 0;
for (let i = 0; i < count; i++) {
  const [name, words, group, law, access, domain] = pick(offers);
  const id = uuid();
  const org = orgs[i % orgs.length];
  const [town, lat, lon] = point();
  const location = uuid();
  const minimum = group === 'ouderen' ? pick([55, 65, 75]) : group === 'kinderen' ? 4 : group === 'jongeren' ? 12 : '';
  writers.service.row({
    id, organization_id: org, name: `${name} ${town} ${i + 1} (gegenereerd)`, status: 'active',
    description: `Gegenereerde benchmarktekst: ${words}. ${pick(['Elke week', 'Twee keer per week', 'Op afspraak'])} in ${town}. ${filler()}.`,
    fees_description: pick(['Gratis', 'Eigen bijdrage', '€ 2,50 per keer']), minimum_age: minimum,
    assured_date: `2026-${String(1 + Math.floor(random() * 11)).padStart(2, '0')}-15`,
  });
  writers.location.row({ id: location, location_type: 'physical', organization_id: org,
    name: `Locatie ${i + 1} (gegenereerd)`, latitude: lat.toFixed(6), longitude: lon.toFixed(6) });
  writers.address.row({ id: uuid(), location_id: location, address_1: `${pick(streets)} ${1 + Math.floor(random() * 200)}`,
    city: town, state_province: 'Gegenereerd', postal_code: `${1000 + Math.floor(random() * 8999)} AA`, country: 'NL',
    address_type: 'physical' });
  writers.service_at_location.row({ id: uuid(), service_id: id, location_id: location });
  const open = 8 + Math.floor(random() * 8);
  writers.schedule.row({ id: uuid(), service_id: id, freq: 'WEEKLY', interval: 1, byday: pick(days),
    opens_at: `${String(open).padStart(2, '0')}:00`, closes_at: `${String(open + 3).padStart(2, '0')}:00` });
  const links = [['wijkkompas-doelgroep', group], ['wijkkompas-toegang', access], ['wijkkompas-domein', domain]];
  if (law) links.push(['wijkkompas-wet', law]);
  for (const [taxonomy, code] of links) {
    writers.attribute.row({ id: uuid(), link_id: id, taxonomy_term_id: termId(taxonomy, code), link_type: 'service',
      link_entity: 'service' });
    attributes++;
  }
}
for (const w of Object.values(writers)) w.close();
console.log(`${count} services, ${orgs.length} organisations, ${attributes} service attributes -> ${out}`);
