// The social map of an area, and whether the social map is published.
#include <algorithm>

#include "area_tree.h"
#include "map_store.h"
#include "use_case.h"
#include "wk/core/text.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/audit.h"

namespace wk::socialmap {
namespace {

constexpr std::string_view kPublished = "published";

Result<void> AddDescendants(store::Db& db, const std::string& code, AreaFamily& family) {
  auto children = areas::Children(db, code);
  if (!children) return Fail(children.error());
  for (const areas::Area& child : *children) {
    family.related.push_back(child.code);
    if (child.level == areas::Level::kBuurt) family.buurten.push_back(child.code);
    if (auto r = AddDescendants(db, child.code, family); !r) return r;
  }
  return {};
}

template <class T>
void SortByName(std::vector<T>& items) {
  std::sort(items.begin(), items.end(), [](const T& a, const T& b) {
    return std::make_pair(text::FoldForSearch(a.name), a.id) < std::make_pair(text::FoldForSearch(b.name), b.id);
  });
}

}  // namespace

Result<AreaFamily> FamilyOf(store::Db& db, const std::string& code) {
  auto area = areas::GetArea(db, code);
  if (!area) {
    if (area.error().code == ErrorCode::kNotFound) {
      return Fail(ErrorCode::kNotFound, "Gebied " + code + " bestaat niet.", "area_code");
    }
    return Fail(area.error());
  }
  AreaFamily family;
  family.area = *area;
  family.related.push_back(area->code);
  if (area->level == areas::Level::kBuurt) family.buurten.push_back(area->code);
  auto ancestors = areas::Ancestors(db, code);
  if (!ancestors) return Fail(ancestors.error());
  for (const areas::Area& a : *ancestors) family.related.push_back(a.code);
  if (auto r = AddDescendants(db, area->code, family); !r) return Fail(r.error());
  return family;
}

Result<AreaSocialMap> SocialMapOfArea(store::Db& db, const std::string& area_code) {
  auto family = FamilyOf(db, area_code);
  if (!family) return Fail(family.error());
  const Term* werkgebied = FindTerm(kPartyTaxonomy, "werkgebied");
  if (werkgebied == nullptr) throw std::logic_error("vocabulary.csv lacks wijkkompas-partij/werkgebied");
  auto serving = sql::SelectPartiesWithValue(db, werkgebied->id, family->related);
  if (!serving) return Fail(serving.error());
  auto located = sql::SelectPartiesLocatedIn(db, family->buurten);
  if (!located) return Fail(located.error());
  std::vector<std::string> party_ids = std::move(*serving);
  for (std::string& id : *located) {
    if (std::find(party_ids.begin(), party_ids.end(), id) == party_ids.end()) party_ids.push_back(std::move(id));
  }
  AreaSocialMap out;
  for (const std::string& id : party_ids) {
    auto p = GetParty(db, id);
    if (!p) return Fail(p.error());
    if (!p->archived) out.parties.push_back(std::move(*p));
  }
  SortByName(out.parties);
  auto service_ids = sql::SelectServicesOfArea(db, family->buurten, family->related);
  if (!service_ids) return Fail(service_ids.error());
  for (const std::string& id : *service_ids) {
    auto s = GetService(db, id);
    if (!s) return Fail(s.error());
    out.services.push_back(std::move(*s));
  }
  SortByName(out.services);
  return out;
}

Result<bool> IsPublished(store::Db& db) {
  auto value = sql::SelectSetting(db, kPublished);
  if (!value) return Fail(value.error());
  return value->has_value() && **value == "1";
}

Result<void> SetPublished(store::Db& db, const accounts::Principal& who, bool published) {
  if (auto r = CheckPermission(who, accounts::Action::kManageSocialMap); !r) return r;
  auto tx = store::Transaction::Begin(db);
  if (!tx) return Fail(tx.error());
  if (auto r = sql::UpsertSetting(db, kPublished, published ? "1" : "0"); !r) return r;
  if (auto r = store::AppendAudit(db, who.AuditActor(), published ? "socialmap.publish" : "socialmap.unpublish",
                                  "setting", kPublished, published ? "gepubliceerd" : "niet gepubliceerd");
      !r) {
    return r;
  }
  return tx->Commit();
}

}  // namespace wk::socialmap
