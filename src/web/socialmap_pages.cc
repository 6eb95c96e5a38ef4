// The social map's pages (issue 4, ADR 13): the overview with the list of parties, the re-check
// list, and a party's page, form, verify/archive buttons and the erasure of a key figure. The
// services' pages are in socialmap_service_pages.cc; the search page, the wegwijzer and the
// spreadsheet import are other files.
//
// Reading needs kReadSocialMap; forms and buttons are shown to and accepted from kEditSocialMap
// only (the routes say so, the auth middleware enforces it, and CSRF guards every POST); erasing a
// key figure needs kManageSocialMap. Every change goes through the socialmap use cases.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "auth_support.h"
#include "problem.h"
#include "socialmap_pages.h"
#include "socialmap_view.h"
#include "socialmap_words.h"
#include "templates.h"
#include "wk/accounts/users.h"
#include "wk/areas/areas.h"
#include "wk/core/text.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/vocabulary.h"

namespace wk::web {
namespace {

using accounts::Action;
using nlohmann::json;

constexpr int kPageSize = 50;
// The overview counts parties up to this many (a count query of its own is not worth it yet).
constexpr int kCountLimit = 10000;
constexpr std::size_t kMaxAreaChoices = 3000;

struct Flash {
  std::string_view code, message;
};
constexpr Flash kFlashes[] = {
    {"partij-aangemaakt", "De partij is opgeslagen."},
    {"partij-gewijzigd", "De wijzigingen aan de partij zijn opgeslagen."},
    {"partij-gecontroleerd", "De partij is gemarkeerd als gecontroleerd."},
    {"partij-gearchiveerd", "De partij is gearchiveerd, met haar diensten."},
    {"partij-hersteld", "De partij is hersteld."},
    {"sleutelfiguur-gewist", "De sleutelfiguur is gewist, met de geschiedenis."},
    {"dienst-aangemaakt", "De dienst is opgeslagen."},
    {"dienst-gewijzigd", "De wijzigingen aan de dienst zijn opgeslagen."},
    {"dienst-gecontroleerd", "De dienst is gemarkeerd als gecontroleerd."},
    {"dienst-gearchiveerd", "De dienst is gearchiveerd."},
    {"dienst-hersteld", "De dienst is hersteld."},
    {"gepubliceerd", "De sociale kaart is gepubliceerd: /hsds/ is nu open zonder inloggen."},
    {"publicatie-ingetrokken", "De publicatie is ingetrokken: /hsds/ is alleen nog open voor wie is ingelogd."},
};

std::string Upper(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return std::toupper(c); });
  return s;
}

// --- Overview ---------------------------------------------------------------------------------

json KindCounts(const std::vector<socialmap::Party>& all) {
  struct Kind {
    socialmap::PartyKind kind;
    const char* one;
    const char* many;
  };
  static constexpr Kind kKinds[] = {{socialmap::PartyKind::kOrganisatie, "organisatie", "organisaties"},
                                    {socialmap::PartyKind::kInitiatief, "initiatief", "initiatieven"},
                                    {socialmap::PartyKind::kInformeleGroep, "informele groep", "informele groepen"},
                                    {socialmap::PartyKind::kSleutelfiguur, "sleutelfiguur", "sleutelfiguren"}};
  json counts = json::array();
  for (const auto& k : kKinds) {
    auto n = std::count_if(all.begin(), all.end(), [&](const socialmap::Party& p) { return p.kind == k.kind; });
    counts.push_back({{"label", n == 1 ? k.one : k.many}, {"count", text::FormatNumber(static_cast<double>(n))}});
  }
  return counts;
}

std::string OverviewHref(const socialmap::PartyFilter& f, int page) {
  std::string q;
  auto add = [&](std::string_view name, std::string_view value) {
    if (!value.empty()) q += (q.empty() ? "?" : "&") + std::string(name) + "=" + UrlEncode(value);
  };
  add("naam", f.name_contains);
  add("soort", f.kind ? socialmap::PartyKindCode(*f.kind) : "");
  add("gebied", f.area_code);
  add("archief", f.include_archived ? "1" : "");
  add("pagina", page > 1 ? std::to_string(page) : "");
  return "/sociale-kaart" + q + "#partijen";
}

Response Overview(App& app, Request& req) {
  socialmap::PartyFilter filter;
  filter.name_contains = std::string(text::Trim(req.Query("naam").value_or("")));
  if (filter.name_contains.size() > 100) filter.name_contains.resize(100);
  std::string kind = req.Query("soort").value_or("");
  filter.kind = socialmap::ParsePartyKind(kind);
  filter.area_code = Upper(std::string(text::Trim(req.Query("gebied").value_or(""))));
  filter.area_code = filter.area_code.substr(0, filter.area_code.find(' '));
  filter.include_archived = req.Query("archief").value_or("") == "1";
  int page =
      static_cast<int>(std::clamp<long long>(text::ParseInt(req.Query("pagina").value_or("1")).value_or(1), 1, 10000));
  filter.limit = kPageSize + 1;
  filter.offset = (page - 1) * kPageSize;

  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  store::Db& db = lease->db();
  auto snapshot = store::ReadTransaction::Begin(db);
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  auto parties = socialmap::ListParties(db, filter);
  if (!parties) return ErrorResponse(req, parties.error());
  socialmap::PartyFilter everything;
  everything.limit = kCountLimit;
  auto all = socialmap::ListParties(db, everything);
  if (!all) return ErrorResponse(req, all.error());
  auto recheck = socialmap::RecheckList(db);
  if (!recheck) return ErrorResponse(req, recheck.error());
  auto choices = AreaChoicesFor(db, *req.principal);
  if (!choices) return ErrorResponse(req, choices.error());
  auto published = socialmap::IsPublished(db);
  if (!published) return ErrorResponse(req, published.error());

  bool more = parties->size() > static_cast<std::size_t>(kPageSize);
  if (more) parties->pop_back();
  json rows = json::array();
  for (const auto& p : *parties) rows.push_back(PartyRowJson(p));
  json kinds = json::array({{{"value", ""}, {"label", "Alle soorten"}, {"selected", !filter.kind}}});
  for (const auto& t : socialmap::Terms(socialmap::kPartyTaxonomy)) {
    if (!socialmap::ParsePartyKind(t.code)) continue;
    kinds.push_back({{"value", t.code}, {"label", t.name}, {"selected", t.code == kind}});
  }
  bool filtered = !filter.name_contains.empty() || filter.kind || !filter.area_code.empty() || filter.include_archived;
  std::size_t total = all->size();
  json data = {{"parties", rows},
               {"has_parties", !rows.empty()},
               {"filtered", filtered},
               {"total", total >= static_cast<std::size_t>(kCountLimit) ? "meer dan " + text::FormatNumber(kCountLimit)
                                                                        : text::FormatNumber(total)},
               {"kind_counts", KindCounts(*all)},
               {"recheck_count", text::FormatNumber(recheck->size())},
               {"kinds", kinds},
               {"naam", filter.name_contains},
               {"gebied", filter.area_code},
               {"archief", filter.include_archived},
               {"area_choices", AreaChoicesJson(*choices)},
               {"can_edit", CanEditSocialMap(req)},
               {"can_manage", CanManageSocialMap(req)},
               {"published", *published}};
  if (page > 1) data["previous_href"] = OverviewHref(filter, page - 1);
  if (more) data["next_href"] = OverviewHref(filter, page + 1);
  data["page"] = page;
  data["has_paging"] = page > 1 || more;
  AddSocialMapFlash(data, req);
  return RenderPage(req, "Sociale kaart", "socialmap_overview", data);
}

// --- Re-check list ----------------------------------------------------------------------------

Response Recheck(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto items = socialmap::RecheckList(lease->db());
  if (!items) return ErrorResponse(req, items.error());
  json rows = json::array();
  for (const auto& item : *items) {
    bool party = item.resource_type == "organization";
    std::string href = party ? PartyHref(item.id) : ServiceHref(item.id);
    json row = {{"type", party ? "Partij" : "Dienst"},
                {"name", item.name},
                {"href", href},
                {"since", item.assured_date.empty() ? "nooit" : DutchDate(item.assured_date)},
                {"verify_action", href + "/verifieren"}};
    row["party_name"] = item.party_name.empty() ? json(false) : json(item.party_name);
    rows.push_back(row);
  }
  json data = {{"items", rows},
               {"has_items", !rows.empty()},
               {"count", text::FormatNumber(rows.size())},
               {"months", socialmap::kOutdatedAfterMonths},
               {"can_edit", CanEditSocialMap(req)}};
  AddSocialMapFlash(data, req);
  return RenderPage(req, "Te controleren", "socialmap_recheck", data);
}

// --- Party ------------------------------------------------------------------------------------

Response PartyPage(App& app, Request& req) {
  std::string id = req.Param("id");
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  store::Db& db = lease->db();
  auto snapshot = store::ReadTransaction::Begin(db);
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  auto party = socialmap::GetParty(db, id);
  if (!party) return ErrorResponse(req, party.error());
  auto services = socialmap::ServicesOfParty(db, id, true);
  if (!services) return ErrorResponse(req, services.error());
  auto history = socialmap::History(db, id);
  if (!history) return ErrorResponse(req, history.error());
  auto details = PartyJson(db, *party);
  if (!details) return ErrorResponse(req, details.error());
  json service_rows = json::array();
  std::vector<socialmap::Service> active;
  for (const auto& s : *services) {
    service_rows.push_back(ServiceRowJson(s));
    if (!s.archived) active.push_back(s);
  }
  json map = MapJson(active);
  map.update(TileJson(app));
  map["label"] = "Kaart met de locaties van " + party->name;
  json data = {{"party", *details},
               {"services", service_rows},
               {"has_services", !service_rows.empty()},
               {"map", map},
               {"needs_map", map["has_points"]},
               {"history", HistoryJson(*history)},
               {"has_history", !history->empty()},
               {"can_edit", CanEditSocialMap(req) && !party->archived},
               {"can_archive", CanEditSocialMap(req)},
               {"can_erase", CanManageSocialMap(req) && party->kind == socialmap::PartyKind::kSleutelfiguur}};
  AddSocialMapFlash(data, req);
  return RenderPage(req, party->name, "socialmap_party", data);
}

Response PartyForm(store::Db& db, Request& req, const FormValues& values, const std::vector<Error>& errors,
                   const socialmap::Party* original, const json& duplicates, int status) {
  auto choices = AreaChoicesFor(db, *req.principal);
  if (!choices) return ErrorResponse(req, choices.error());
  json data = PartyFormData(values, errors, *choices);
  data["needs_socialmap"] = true;  // the key-figure fields follow the kind
  data["editing"] = original != nullptr;
  data["action"] = original ? PartyHref(original->id) + "/bewerken" : "/sociale-kaart/partij/nieuw";
  data["cancel_href"] = original ? PartyHref(original->id) : "/sociale-kaart";
  if (original != nullptr) data["party_name"] = original->name;
  data["duplicates"] = duplicates;
  data["has_duplicates"] = !duplicates.empty();
  data["confirmed"] = FirstValue(values, "toch_opslaan") == "1" || !duplicates.empty();
  std::string title = original ? "Partij bewerken: " + original->name : "Nieuwe partij";
  if (!errors.empty()) title = "Fout: " + title;
  return RenderPage(req, title, "socialmap_party_form", data, status);
}

// A model error on a form: with a field it goes next to that field, without one (a conflict, a
// permission) it is an error page.
bool BelongsOnForm(const Error& e) {
  return e.code == ErrorCode::kInvalid;
}

Response CreateParty(App& app, Request& req) {
  FormValues values = PostedValues(req);
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  std::vector<Error> errors;
  socialmap::Party party = PartyOf(values, nullptr, errors);
  if (!errors.empty()) return PartyForm(lease->db(), req, values, errors, nullptr, json::array(), 422);
  if (FirstValue(values, "toch_opslaan") != "1") {
    // Likely duplicates are shown BEFORE anything is saved; "Toch opslaan" posts again with the flag.
    auto duplicates = socialmap::LikelyDuplicates(lease->db(), party);
    if (!duplicates) return ErrorResponse(req, duplicates.error());
    if (!duplicates->empty()) {
      json list = json::array();
      for (const auto& d : *duplicates) {
        list.push_back({{"name", d.name}, {"href", PartyHref(d.party_id)}, {"reason", d.reason}});
      }
      return PartyForm(lease->db(), req, values, errors, nullptr, list, 200);
    }
  }
  auto created = socialmap::CreateParty(lease->db(), *req.principal, party);
  if (!created) {
    if (!BelongsOnForm(created.error())) return ErrorResponse(req, created.error());
    return PartyForm(lease->db(), req, values, {created.error()}, nullptr, json::array(), 422);
  }
  return Response::Redirect(PartyHref(created->id) + "?gelukt=partij-aangemaakt");
}

Response EditParty(App& app, Request& req, bool posted) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto original = socialmap::GetParty(lease->db(), req.Param("id"));
  if (!original) return ErrorResponse(req, original.error());
  if (!posted) return PartyForm(lease->db(), req, PartyValues(*original), {}, &*original, json::array(), 200);
  FormValues values = PostedValues(req);
  std::vector<Error> errors;
  socialmap::Party party = PartyOf(values, &*original, errors);
  if (!errors.empty()) return PartyForm(lease->db(), req, values, errors, &*original, json::array(), 422);
  auto updated = socialmap::UpdateParty(lease->db(), *req.principal, party);
  if (!updated) {
    if (!BelongsOnForm(updated.error())) return ErrorResponse(req, updated.error());
    return PartyForm(lease->db(), req, values, {updated.error()}, &*original, json::array(), 422);
  }
  return Response::Redirect(PartyHref(updated->id) + "?gelukt=partij-gewijzigd");
}

// Publishing opens /hsds/ to other systems without login (socialmap::SetPublished).
Response Publish(App& app, Request& req) {
  const bool publish = req.Form("publiceren").value_or("") == "1";
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  if (auto r = socialmap::SetPublished(lease->db(), *req.principal, publish); !r) return ErrorResponse(req, r.error());
  return Response::Redirect(std::string("/sociale-kaart?gelukt=") +
                            (publish ? "gepubliceerd" : "publicatie-ingetrokken") + "#delen");
}

Response VerifyParty(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto verified = socialmap::VerifyParty(lease->db(), *req.principal, req.Param("id"));
  if (!verified) return ErrorResponse(req, verified.error());
  return Response::Redirect(BackTo(req, PartyHref(verified->id), "partij-gecontroleerd"));
}

Response ArchiveParty(App& app, Request& req) {
  bool archive = req.Form("archiveren").value_or("1") == "1";
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto party = socialmap::ArchiveParty(lease->db(), *req.principal, req.Param("id"), archive);
  if (!party) return ErrorResponse(req, party.error());
  return Response::Redirect(PartyHref(party->id) +
                            (archive ? "?gelukt=partij-gearchiveerd" : "?gelukt=partij-hersteld"));
}

Response EraseConfirm(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto party = socialmap::GetParty(lease->db(), req.Param("id"));
  if (!party) return ErrorResponse(req, party.error());
  if (party->kind != socialmap::PartyKind::kSleutelfiguur) {
    return ErrorResponse(
        req,
        Error{ErrorCode::kInvalid, "Alleen een sleutelfiguur kan gewist worden; archiveer een andere partij.", "", {}});
  }
  json data = {{"party", PartyRowJson(*party)}, {"action", PartyHref(party->id) + "/wissen"}};
  return RenderPage(req, "Sleutelfiguur wissen: " + party->name, "socialmap_erase", data);
}

Response Erase(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto erased = socialmap::EraseKeyFigure(lease->db(), *req.principal, req.Param("id"));
  if (!erased) return ErrorResponse(req, erased.error());
  return Response::Redirect("/sociale-kaart?gelukt=sleutelfiguur-gewist");
}

void AddChoices(std::vector<AreaChoice>& out, store::Db& db, const areas::Area& root, int depth) {
  if (out.size() >= kMaxAreaChoices) return;
  if (std::none_of(out.begin(), out.end(), [&](const AreaChoice& c) { return c.code == root.code; })) {
    out.push_back({root.code, root.name + " (" + text::ToLowerAscii(areas::LevelLabel(root.level)) + ")"});
  }
  if (depth == 0) return;
  auto children = areas::Children(db, root.code);
  if (!children) return;
  for (const auto& c : *children) AddChoices(out, db, c, depth - 1);
}

}  // namespace

Result<std::vector<AreaChoice>> AreaChoicesFor(store::Db& db, const accounts::Principal& who) {
  std::vector<AreaChoice> out;
  auto codes = accounts::TeamAreaCodes(db, who);
  if (!codes) return Fail(codes.error());
  for (const auto& code : *codes) {
    auto area = areas::GetArea(db, code);
    if (area) AddChoices(out, db, *area, 2);
  }
  if (!out.empty()) return out;
  auto municipalities = areas::Municipalities(db);
  if (!municipalities) return Fail(municipalities.error());
  for (const auto& m : *municipalities) AddChoices(out, db, m, municipalities->size() <= 3 ? 2 : 0);
  return out;
}

void AddSocialMapFlash(json& data, const Request& req) {
  auto code = req.Query("gelukt");
  if (!code) return;
  for (const auto& f : kFlashes) {
    if (f.code == *code) data["flash"] = f.message;
  }
}

bool CanEditSocialMap(const Request& req) {
  return req.principal && accounts::Can(*req.principal, Action::kEditSocialMap);
}

bool CanManageSocialMap(const Request& req) {
  return req.principal && accounts::Can(*req.principal, Action::kManageSocialMap);
}

json TileJson(const App& app) {
  if (app.options.tile_url.empty()) return json::object();
  std::string host = app.options.tile_url;
  auto scheme = host.find("://");
  if (scheme != std::string::npos) host = host.substr(scheme + 3);
  host = host.substr(0, host.find('/'));
  return {{"tile_url", app.options.tile_url}, {"tile_attribution", "Kaarttegels: " + host}};
}

FormValues PostedValues(const Request& req) {
  FormValues values = req.form;
  values.erase("csrf");
  return values;
}

std::string BackTo(const Request& req, const std::string& fallback, std::string_view flash) {
  std::string back = req.Form("terug").value_or("");
  std::string to = back.empty() ? fallback : SafeNext(back);
  return to + (to.find('?') == std::string::npos ? "?" : "&") + "gelukt=" + std::string(flash);
}

void RegisterSocialMapPages(Router& router, App& app) {
  const Access read = Access::Needs(Action::kReadSocialMap);
  const Access edit = Access::Needs(Action::kEditSocialMap);
  const Access manage = Access::Needs(Action::kManageSocialMap);
  router.Get("/sociale-kaart", read, [&app](Request& req) { return Overview(app, req); });
  router.Post("/sociale-kaart/publicatie", manage, [&app](Request& req) { return Publish(app, req); });
  router.Get("/sociale-kaart/controleren", read, [&app](Request& req) { return Recheck(app, req); });
  router.Get("/sociale-kaart/partij/nieuw", edit, [&app](Request& req) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    return PartyForm(lease->db(), req, {{"kind", "organisatie"}, {"formal", "1"}}, {}, nullptr, json::array(), 200);
  });
  router.Post("/sociale-kaart/partij/nieuw", edit, [&app](Request& req) { return CreateParty(app, req); });
  router.Get("/sociale-kaart/partij/{id}", read, [&app](Request& req) { return PartyPage(app, req); });
  router.Get("/sociale-kaart/partij/{id}/bewerken", edit, [&app](Request& req) { return EditParty(app, req, false); });
  router.Post("/sociale-kaart/partij/{id}/bewerken", edit, [&app](Request& req) { return EditParty(app, req, true); });
  router.Post("/sociale-kaart/partij/{id}/verifieren", edit, [&app](Request& req) { return VerifyParty(app, req); });
  router.Post("/sociale-kaart/partij/{id}/archiveren", edit, [&app](Request& req) { return ArchiveParty(app, req); });
  router.Get("/sociale-kaart/partij/{id}/wissen", manage, [&app](Request& req) { return EraseConfirm(app, req); });
  router.Post("/sociale-kaart/partij/{id}/wissen", manage, [&app](Request& req) { return Erase(app, req); });
  RegisterSocialMapServicePages(router, app);
}

}  // namespace wk::web
