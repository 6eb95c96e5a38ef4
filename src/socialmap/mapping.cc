// The column mapping of a social map spreadsheet: the fields a column can fill, the mapping file
// (`kolom,veld`, `=waarde,veld` for a fixed value) and a suggestion from the header's names.
#include <algorithm>
#include <array>
#include <map>
#include <set>

#include "spreadsheet_reader.h"
#include "spreadsheet_values.h"
#include "wk/core/text.h"
#include "wk/socialmap/spreadsheet.h"

namespace wk::socialmap {
namespace {

using sheet::Normalise;

constexpr std::string_view kMulti = "Meerdere waarden gescheiden door ; of ,. ";

const std::vector<MappingField>& Fields() {
  static const std::vector<MappingField> fields = {
      {"party_name", "Naam organisatie",
       "Verplicht. Rijen met dezelfde naam horen bij één partij; een partij die al op de kaart staat, wordt "
       "hergebruikt.",
       true},
      {"party_kind", "Soort partij",
       "organisatie, initiatief of informele groep (sleutelfiguren voegt u toe op hun eigen pagina, met hun "
       "toestemming).",
       false},
      {"party_formal", "Formeel of informeel", "formeel of informeel (ook ja/nee).", false},
      {"party_website", "Website organisatie", "Een webadres, bv. https://www.example.nl.", false},
      {"party_email", "E-mail organisatie", "", false},
      {"party_phone", "Telefoon organisatie", "", false},
      {"service_name", "Naam aanbod", "Verplicht. Eén rij per aanbod (dienst).", true},
      {"description", "Beschrijving", "Wat het aanbod inhoudt.", false},
      {"target_groups", "Doelgroepen", std::string(kMulti) + "Code of naam van een doelgroep, bv. ouderen.", false},
      {"domains", "Domeinen", std::string(kMulti) + "Code of naam van een domein, bv. welzijn.", false},
      {"laws", "Wetten",
       std::string(kMulti) + "wmo, zvw, wlz, jeugdwet, participatiewet of omgevingswet; leeg als geen wet het betaalt.",
       false},
      {"access_routes", "Toegang", std::string(kMulti) + "Code of naam, bv. vrij toegankelijk of via de huisarts.",
       false},
      {"eligibility", "Voorwaarden", "Wie er gebruik van mag maken.", false},
      {"minimum_age", "Minimumleeftijd", "Een leeftijd in jaren (0 tot 120).", false},
      {"maximum_age", "Maximumleeftijd", "Een leeftijd in jaren (0 tot 120).", false},
      {"cost", "Kosten", "Bv. Gratis of € 2,50 per keer.", false},
      {"application_process", "Aanmelden", "Hoe iemand zich aanmeldt.", false},
      {"wait_time", "Wachttijd", "", false},
      {"languages", "Talen", std::string(kMulti) + "Taalcode (nl, en, ar, tr) of naam (Nederlands, Arabisch).", false},
      {"location_name", "Naam locatie", "Bv. Buurthuis De Voorbeeldhoek.", false},
      {"address", "Adres", "Straat en huisnummer.", false},
      {"postal_code", "Postcode", "Bv. 3581 KP.", false},
      {"city", "Plaats", "", false},
      {"province", "Provincie", "Nodig bij een adres (HSDS), bv. Utrecht. Vaak een vaste waarde.", false},
      {"latitude", "Breedtegraad", "WGS84, bv. 52,0907 (zonder coördinaten geen buurt en geen plek op de kaart).",
       false},
      {"longitude", "Lengtegraad", "WGS84, bv. 5,1214.", false},
      {"transportation", "Bereikbaarheid", "Hoe je er komt, bv. Bus 3, halte Vechtplein.", false},
      {"opening_hours", "Openingstijden", "Bv. di 09:00-12:00; do 13:00-16:00 of ma-vr 9-17 (zie de handleiding).",
       false},
      {"areas_served", "Werkgebied", std::string(kMulti) + "CBS-code (BU03440301, WK034403) of naam van een gebied.",
       false},
      {"phone", "Telefoon", "Telefoonnummer van het aanbod.", false},
      {"email", "E-mail", "E-mailadres van het aanbod.", false},
      {"website", "Website", "Webadres van het aanbod.", false},
      {"source", "Bron", "Waar de gegevens vandaan komen, bv. Wegwijzer gemeente 2025. Vaak een vaste waarde.", false},
  };
  return fields;
}

// Header names people use for each field (Dutch and English), compared after Normalise.
struct Synonyms {
  std::string_view field;
  std::vector<std::string_view> names;
};
const std::vector<Synonyms>& KnownHeaders() {
  static const std::vector<Synonyms> known = {
      {"party_name",
       {"organisatie", "naam organisatie", "organisatienaam", "naam van de organisatie", "aanbieder", "naam aanbieder",
        "partij", "naam partij", "instelling", "organization", "organization name", "organisation", "provider"}},
      {"party_kind",
       {"soort organisatie", "soort partij", "type organisatie", "organisatietype", "soort", "organization type"}},
      {"party_formal", {"formeel", "formeel informeel", "formeel of informeel"}},
      {"party_website", {"website organisatie", "organisatie website", "organization website", "organization url"}},
      {"party_email", {"e-mail organisatie", "email organisatie", "mail organisatie", "organization email"}},
      {"party_phone", {"telefoon organisatie", "telefoonnummer organisatie", "organization phone"}},
      {"service_name",
       {"aanbod", "naam aanbod", "dienst", "naam dienst", "activiteit", "naam activiteit", "voorziening", "product",
        "service", "service name"}},
      {"description", {"beschrijving", "omschrijving", "toelichting", "inhoud", "wat", "description"}},
      {"target_groups", {"doelgroep", "doelgroepen", "voor wie", "target group", "target groups", "audience"}},
      {"domains",
       {"domein", "domeinen", "thema", "themas", "categorie", "categorieen", "sector", "domain", "domains",
        "category"}},
      {"laws",
       {"wet", "wetten", "financiering", "gefinancierd uit", "financier", "wettelijk kader", "law", "laws", "funding"}},
      {"access_routes", {"toegang", "toegangsroute", "toegangsroutes", "verwijzing", "access", "referral"}},
      {"eligibility", {"voorwaarden", "toelatingscriteria", "criteria", "eligibility"}},
      {"minimum_age",
       {"minimumleeftijd", "minimum leeftijd", "min leeftijd", "leeftijd vanaf", "vanaf leeftijd", "minimum age"}},
      {"maximum_age",
       {"maximumleeftijd", "maximum leeftijd", "max leeftijd", "leeftijd tot", "tot leeftijd", "maximum age"}},
      {"cost", {"kosten", "prijs", "eigen bijdrage", "tarief", "cost", "costs", "fees", "price"}},
      {"application_process",
       {"aanmelden", "aanmelding", "hoe aanmelden", "aanvragen", "hoe aanvragen", "application", "how to apply"}},
      {"wait_time", {"wachttijd", "wachttijden", "wait time", "waiting time"}},
      {"languages", {"taal", "talen", "language", "languages"}},
      {"location_name", {"locatie", "naam locatie", "locatienaam", "gebouw", "location", "location name"}},
      {"address", {"adres", "straat", "straat en huisnummer", "straat huisnummer", "bezoekadres", "address", "street"}},
      {"postal_code", {"postcode", "postal code", "zip", "zip code"}},
      {"city", {"plaats", "woonplaats", "stad", "city", "town"}},
      {"latitude", {"breedtegraad", "lat", "latitude"}},
      {"longitude", {"lengtegraad", "lon", "lng", "long", "longitude"}},
      {"province", {"provincie", "province", "state"}},
      {"transportation",
       {"bereikbaarheid", "hoe kom je er", "route", "openbaar vervoer", "ov", "transportation", "getting there"}},
      {"opening_hours",
       {"openingstijden", "openingstijd", "tijden", "dagen en tijden", "spreekuur", "wanneer", "opening hours",
        "hours"}},
      {"areas_served",
       {"werkgebied", "gebied", "gebieden", "wijk", "wijken", "buurt", "buurten", "area", "areas served",
        "service area"}},
      {"phone", {"telefoon", "telefoonnummer", "tel", "phone", "telephone"}},
      {"email", {"e-mail", "email", "mail", "e-mailadres", "emailadres"}},
      {"website", {"website", "url", "site", "internet", "webadres", "web"}},
      {"source", {"bron", "herkomst", "source"}},
  };
  return known;
}

const MappingField* FindField(std::string_view name_or_label) {
  std::string want = Normalise(name_or_label);
  for (const MappingField& f : Fields()) {
    if (Normalise(f.name) == want || Normalise(f.label) == want) return &f;
  }
  return nullptr;
}

std::string FieldNames() {
  std::string out;
  for (const MappingField& f : Fields()) out += (out.empty() ? "" : ", ") + f.name;
  return out;
}

std::string Quote(std::string_view cell) {
  if (cell.find_first_of(",;\"\r\n") == std::string_view::npos) return std::string(cell);
  std::string out = "\"";
  for (char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

Result<Mapping> FromSheet(const Sheet& sheet) {
  auto header_is = [&](std::string_view a, std::string_view b) {
    return sheet.header.size() >= 2 && Normalise(sheet.header[0]) == a && Normalise(sheet.header[1]) == b;
  };
  if (!header_is("kolom", "veld") && !header_is("column", "field")) {
    return Fail(ErrorCode::kBadInput, "De kopregel moet 'kolom,veld' zijn.", {}, sheet.name + ":1");
  }
  Mapping mapping;
  std::map<std::string, int> used;  // field -> line
  for (const SheetRow& row : sheet.rows) {
    const std::string where = sheet.name + ":" + std::to_string(row.line);
    const std::string& column = row.cells[0];
    const std::string& field_text = row.cells[1];
    if (field_text.empty()) continue;  // a column that is not imported
    const MappingField* field = FindField(field_text);
    if (field == nullptr) {
      return Fail(ErrorCode::kBadInput, "Veld '" + field_text + "' bestaat niet; kies uit " + FieldNames() + ".", {},
                  where);
    }
    if (auto it = used.find(field->name); it != used.end()) {
      return Fail(ErrorCode::kBadInput,
                  "Veld " + field->name + " staat al op regel " + std::to_string(it->second) + " van de mapping.", {},
                  where);
    }
    if (column.empty()) {
      return Fail(ErrorCode::kBadInput, "Vul de kolom in (of =waarde voor een vaste waarde).", {}, where);
    }
    used.emplace(field->name, row.line);
    Mapping::Entry entry;
    entry.field = field->name;
    if (column.starts_with('=')) {
      entry.fixed = std::string(text::Trim(std::string_view(column).substr(1)));
    } else {
      entry.column = column;
    }
    mapping.entries.push_back(std::move(entry));
  }
  for (const MappingField& f : Fields()) {
    if (f.required && !used.contains(f.name)) {
      return Fail(ErrorCode::kBadInput, "Het verplichte veld " + f.name + " (" + f.label + ") ontbreekt in de mapping.",
                  {}, sheet.name);
    }
  }
  return mapping;
}

}  // namespace

const std::vector<MappingField>& MappingFields() {
  return Fields();
}

Result<Mapping> ReadMapping(const std::string& path) {
  auto sheet = ReadSheet(path);
  if (!sheet) return Fail(sheet.error());
  return FromSheet(*sheet);
}

Result<Mapping> ParseMapping(std::string_view csv_text, std::string_view file_name) {
  auto sheet = ReadSheetBytes(csv_text, std::string(file_name));
  if (!sheet) return Fail(sheet.error());
  return FromSheet(*sheet);
}

std::string WriteMapping(const Mapping& mapping) {
  std::string out = "kolom,veld\n";
  for (const Mapping::Entry& e : mapping.entries) {
    out += Quote(e.column.empty() ? "=" + e.fixed : e.column) + "," + Quote(e.field) + "\n";
  }
  return out;
}

Mapping SuggestMapping(const std::vector<std::string>& header) {
  // Exact names first (for every column), then a known name inside a longer header ("Naam van
  // het aanbod"), the longest known name winning; each field at most once, the first column first.
  std::vector<std::string> normal;
  for (const std::string& h : header) normal.push_back(Normalise(h));
  std::vector<std::string> chosen(header.size());
  std::set<std::string, std::less<>> taken;
  auto take = [&](std::size_t column, std::string_view field) {
    chosen[column] = std::string(field);
    taken.emplace(field);
  };
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (const MappingField* f = FindField(header[c]); f != nullptr && !taken.contains(f->name)) {
      take(c, f->name);
      continue;
    }
    for (const Synonyms& s : KnownHeaders()) {
      if (taken.contains(s.field)) continue;
      bool hit =
          std::any_of(s.names.begin(), s.names.end(), [&](std::string_view n) { return Normalise(n) == normal[c]; });
      if (hit) {
        take(c, s.field);
        break;
      }
    }
  }
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (!chosen[c].empty() || normal[c].empty()) continue;
    std::string_view best_field;
    std::size_t best_length = 0;
    const std::string padded = " " + normal[c] + " ";
    for (const Synonyms& s : KnownHeaders()) {
      if (taken.contains(s.field)) continue;
      for (std::string_view n : s.names) {
        std::string word = Normalise(n);
        if (word.size() >= 4 && word.size() > best_length && padded.find(" " + word + " ") != std::string::npos) {
          best_field = s.field;
          best_length = word.size();
        }
      }
    }
    if (!best_field.empty()) take(c, best_field);
  }
  Mapping mapping;
  for (std::size_t c = 0; c < header.size(); ++c) {
    if (!chosen[c].empty()) mapping.entries.push_back({header[c], "", chosen[c]});
  }
  return mapping;
}

}  // namespace wk::socialmap
