// Own party and service columns as attributes of wijkkompas-partij (see hsds_own_fields.h).
#include "hsds_own_fields.h"

#include <sodium.h>

#include <algorithm>
#include <array>

#include "wk/socialmap/vocabulary.h"

namespace wk::socialmap::hsds {
namespace {

constexpr std::string_view kKinds[] = {"organisatie", "initiatief", "informele-groep", "sleutelfiguur"};

std::unexpected<Error> Bad(const Row& row, std::string message) {
  return Fail(ErrorCode::kBadInput, std::move(message), "value", row.Location());
}

bool IsKind(std::string_view code) {
  return std::find(std::begin(kKinds), std::end(kKinds), code) != std::end(kKinds);
}

// The own-field term of `term_id`, or null (werkgebied and every other term).
const Term* OwnTerm(std::string_view term_id) {
  const Term* term = FindTermById(term_id);
  if (term == nullptr || term->taxonomy != kPartyTaxonomy || term->code == "werkgebied") return nullptr;
  return term;
}

// Sets `slot` to `value`, or fails when it holds another value already.
Result<void> Set(std::optional<std::string>& slot, const std::string& value, const Row& row, std::string_view what) {
  if (slot && *slot != value) {
    return Bad(row, "Tegenstrijdig: " + std::string(what) + " is al '" + *slot + "', hier '" + value + "'.");
  }
  slot = value;
  return {};
}

StoredRow Attribute(std::string_view link_id, std::string_view entity, const Term& term, const std::string& value) {
  StoredRow row;
  row.values["id"] = DerivedId(link_id, term.code);
  row.values["link_id"] = std::string(link_id);
  row.values["taxonomy_term_id"] = term.id;
  row.values["link_type"] = std::string(entity);  // as the use cases write their links (links_store.cc)
  row.values["link_entity"] = std::string(entity);
  if (!value.empty()) row.values["value"] = value;
  return row;
}

}  // namespace

bool IsOwnFieldTerm(std::string_view term_id) {
  return OwnTerm(term_id) != nullptr;
}

std::string DerivedId(std::string_view link_id, std::string_view term_code) {
  // The namespace: the UUID of the taxonomy wijkkompas-partij, as its 16 bytes.
  std::string hex;
  for (const auto& t : Taxonomies()) {
    if (t.name != kPartyTaxonomy) continue;
    for (char c : t.id) {
      if (c != '-') hex += c;
    }
  }
  std::string input;
  for (std::size_t i = 0; i + 1 < hex.size(); i += 2) {
    input += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
  }
  input += std::string(link_id) + "/" + std::string(term_code);
  std::array<unsigned char, crypto_hash_sha256_BYTES> hash{};
  crypto_hash_sha256(hash.data(), reinterpret_cast<const unsigned char*>(input.data()), input.size());
  hash[6] = static_cast<unsigned char>((hash[6] & 0x0F) | 0x80);  // version 8
  hash[8] = static_cast<unsigned char>((hash[8] & 0x3F) | 0x80);  // variant 10
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; ++i) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out += '-';
    out += kHex[hash[i] >> 4];
    out += kHex[hash[i] & 0x0F];
  }
  return out;
}

Result<OwnFieldPlan> CollectOwnFields(const Package& package, const ExistsOutside& exists) {
  OwnFieldPlan plan;
  std::set<std::string> parties, services;
  for (std::string_view table : {"organization", "service"}) {
    auto rows = package.rows.find(table);
    if (rows == package.rows.end()) continue;
    for (const Row& row : rows->second) (table == "organization" ? parties : services).insert(row.Id());
  }
  auto known = [&](std::string_view table, const std::set<std::string>& in_package,
                   const std::string& id) -> Result<bool> {
    if (in_package.contains(id)) return true;
    if (!exists) return false;
    return exists(table, id);
  };
  auto attributes = package.rows.find("attribute");
  if (attributes == package.rows.end()) return plan;
  for (const Row& row : attributes->second) {
    const Term* term = OwnTerm(row.Text("taxonomy_term_id"));
    if (term == nullptr) continue;
    const std::string link = row.Text("link_id"), value = row.Text("value");
    auto is_party = known("organization", parties, link);
    if (!is_party) return Fail(is_party.error());
    const bool for_service_too =
        term->code == "bron" || term->code == "gearchiveerd-op" || term->code == "geverifieerd-door";
    bool is_service = false;
    if (!*is_party && for_service_too) {
      auto s = known("service", services, link);
      if (!s) return Fail(s.error());
      is_service = *s;
    }
    if (!*is_party && !is_service) continue;  // stays an attribute row (its link is checked as any other)
    OwnFields& own = *is_party ? plan.parties[link] : plan.services[link];
    const std::string& code = term->code;
    Result<void> set;
    if (IsKind(code)) {
      set = Set(own.kind, code, row, "de soort partij");
    } else if (code == "formeel" || code == "informeel") {
      std::optional<std::string> formal;
      if (own.formal) formal = *own.formal ? "formeel" : "informeel";
      set = Set(formal, code, row, "formeel/informeel");
      own.formal = code == "formeel";
    } else if (value.empty()) {
      return Bad(row, "Attribuut " + code + " heeft geen waarde.");
    } else if (code == "bron") {
      set = Set(own.source, value, row, "de bron");
    } else if (code == "geverifieerd-op") {
      if (!IsDate(value)) return Bad(row, "Geen geldige datum (JJJJ-MM-DD): '" + value + "'.");
      set = Set(own.assured_date, value, row, "geverifieerd op");
    } else if (code == "geverifieerd-door") {
      set = Set(own.assurer_email, value, row, "geverifieerd door");
    } else if (code == "gearchiveerd-op") {
      if (!IsDate(value) && !IsDateTime(value)) {
        return Bad(row, "Geen geldige datum (JJJJ-MM-DD) of tijdstip: '" + value + "'.");
      }
      set = Set(own.archived_at, value, row, "gearchiveerd op");
    }
    if (!set) return Fail(set.error());
    plan.attribute_ids.insert(row.Id());
  }
  return plan;
}

std::vector<StoredRow> OwnFieldAttributes(const StoredRow& row, std::string_view table) {
  std::vector<StoredRow> out;
  const std::string id = row.Id();
  auto own = [&](std::string_view name) -> std::string {
    auto it = row.own.find(name);
    return it == row.own.end() || !it->is_string() ? std::string() : it->get<std::string>();
  };
  auto add = [&](std::string_view code, const std::string& value) {
    if (const Term* term = FindTerm(kPartyTaxonomy, code); term != nullptr) {
      out.push_back(Attribute(id, table, *term, value));
    }
  };
  if (table == "organization") {
    const std::string kind = own("kind");
    add(kind.empty() ? "organisatie" : kind, "");
    add(row.own.value("formal", true) ? "formeel" : "informeel", "");
  }
  if (auto source = own("source"); !source.empty()) add("bron", source);
  if (auto date = own("assured_date"); !date.empty() && table == "organization") add("geverifieerd-op", date);
  if (auto by = own("assurer_email"); !by.empty()) add("geverifieerd-door", by);
  if (auto archived = own("archived_at"); !archived.empty()) add("gearchiveerd-op", archived);
  return out;
}

}  // namespace wk::socialmap::hsds
