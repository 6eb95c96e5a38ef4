// The social map's service pages: a service's page, its form (new, edit) with the map picker for
// the location, and its verify/archive buttons. Permissions as in socialmap_pages.cc.
#include <nlohmann/json.hpp>

#include "problem.h"
#include "socialmap_pages.h"
#include "socialmap_view.h"
#include "templates.h"
#include "wk/areas/areas.h"
#include "wk/socialmap/socialmap.h"

namespace wk::web {
namespace {

using accounts::Action;
using nlohmann::json;

// The area whose shapes the map picker draws: the first area the service or its party serves, or
// the first the user's team works in, or the first gemeente; a buurt shows the buurten of its wijk.
Result<json> PickerJson(App& app, store::Db& db, const Request& req, const std::vector<std::string>& served) {
  std::string code = served.empty() ? "" : served.front();
  if (code.empty()) {
    auto choices = AreaChoicesFor(db, *req.principal);
    if (!choices) return Fail(choices.error());
    if (!choices->empty()) code = choices->front().code;
  }
  json picker = TileJson(app);
  if (code.empty()) return picker;
  auto area = areas::GetArea(db, code);
  if (!area) return area.error().code == ErrorCode::kNotFound ? Result<json>(picker) : Fail(area.error());
  std::string parent = area->level == areas::Level::kBuurt ? area->parent_code : area->code;
  picker["areas_url"] = "/api/v1/areas/" + parent + "/children/geometry";
  picker["label"] = "Kaart om de locatie te kiezen: klik op de plek van de locatie";
  return picker;
}

Response ServiceForm(App& app, store::Db& db, Request& req, const FormValues& values, const std::vector<Error>& errors,
                     const socialmap::Service* original, const socialmap::Party& party, int status) {
  auto choices = AreaChoicesFor(db, *req.principal);
  if (!choices) return ErrorResponse(req, choices.error());
  json data = ServiceFormData(values, errors, *choices, original);
  std::vector<std::string> served = original ? original->areas_served : std::vector<std::string>{};
  if (served.empty()) served = party.areas_served;
  auto picker = PickerJson(app, db, req, served);
  if (!picker) return ErrorResponse(req, picker.error());
  data["picker"] = *picker;
  data["needs_map"] = true;
  data["editing"] = original != nullptr;
  data["action"] = original ? ServiceHref(original->id) + "/bewerken" : "/sociale-kaart/dienst/nieuw";
  data["cancel_href"] = original ? ServiceHref(original->id) : PartyHref(party.id);
  data["party"] = {{"name", party.name}, {"href", PartyHref(party.id)}};
  if (original != nullptr) data["service_name"] = original->name;
  std::string title = original ? "Dienst bewerken: " + original->name : "Nieuwe dienst van " + party.name;
  if (!errors.empty()) title = "Fout: " + title;
  return RenderPage(req, title, "socialmap_service_form", data, status);
}

// The party a new service belongs to; a conflict for an archived one.
Result<socialmap::Party> PartyForNewService(store::Db& db, const std::string& id) {
  if (id.empty()) return Fail(ErrorCode::kInvalid, "Kies eerst de partij die de dienst aanbiedt.", "partij");
  auto party = socialmap::GetParty(db, id);
  if (!party) return Fail(party.error());
  if (party->archived) return Fail(ErrorCode::kConflict, "Een gearchiveerde partij krijgt geen nieuwe diensten.");
  return party;
}

Response NewService(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto party = PartyForNewService(lease->db(), req.Query("partij").value_or(""));
  if (!party) return ErrorResponse(req, party.error());
  FormValues values = {{"party_id", party->id}, {"status", "active"}};
  for (const auto& code : party->areas_served) values.emplace("areas_served", code);
  return ServiceForm(app, lease->db(), req, values, {}, nullptr, *party, 200);
}

Response CreateService(App& app, Request& req) {
  FormValues values = PostedValues(req);
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto party = PartyForNewService(lease->db(), FirstValue(values, "party_id"));
  if (!party) return ErrorResponse(req, party.error());
  std::vector<Error> errors;
  socialmap::Service service = ServiceOf(values, nullptr, errors);
  if (errors.empty()) {
    auto created = socialmap::CreateService(lease->db(), *req.principal, service);
    if (created) return Response::Redirect(ServiceHref(created->id) + "?gelukt=dienst-aangemaakt");
    if (created.error().code != ErrorCode::kInvalid) return ErrorResponse(req, created.error());
    errors.push_back(created.error());
  }
  return ServiceForm(app, lease->db(), req, values, errors, nullptr, *party, 422);
}

Response EditService(App& app, Request& req, bool posted) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto original = socialmap::GetService(lease->db(), req.Param("id"));
  if (!original) return ErrorResponse(req, original.error());
  auto party = socialmap::GetParty(lease->db(), original->party_id);
  if (!party) return ErrorResponse(req, party.error());
  if (!posted) return ServiceForm(app, lease->db(), req, ServiceValues(*original), {}, &*original, *party, 200);
  FormValues values = PostedValues(req);
  std::vector<Error> errors;
  socialmap::Service service = ServiceOf(values, &*original, errors);
  if (errors.empty()) {
    auto updated = socialmap::UpdateService(lease->db(), *req.principal, service);
    if (updated) return Response::Redirect(ServiceHref(updated->id) + "?gelukt=dienst-gewijzigd");
    if (updated.error().code != ErrorCode::kInvalid) return ErrorResponse(req, updated.error());
    errors.push_back(updated.error());
  }
  return ServiceForm(app, lease->db(), req, values, errors, &*original, *party, 422);
}

Response ServicePage(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  store::Db& db = lease->db();
  auto snapshot = store::ReadTransaction::Begin(db);
  if (!snapshot) return ErrorResponse(req, snapshot.error());
  auto service = socialmap::GetService(db, req.Param("id"));
  if (!service) return ErrorResponse(req, service.error());
  auto history = socialmap::History(db, service->id);
  if (!history) return ErrorResponse(req, history.error());
  auto details = ServiceJson(db, *service);
  if (!details) return ErrorResponse(req, details.error());
  json map = MapJson({*service});
  map.update(TileJson(app));
  map["label"] = "Kaart met de locatie van " + service->name;
  json data = {{"service", *details},
               {"map", map},
               {"needs_map", map["has_points"]},
               {"history", HistoryJson(*history)},
               {"has_history", !history->empty()},
               {"can_edit", CanEditSocialMap(req) && !service->archived},
               {"can_archive", CanEditSocialMap(req)}};
  AddSocialMapFlash(data, req);
  return RenderPage(req, service->name, "socialmap_service", data);
}

Response VerifyService(App& app, Request& req) {
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto verified = socialmap::VerifyService(lease->db(), *req.principal, req.Param("id"));
  if (!verified) return ErrorResponse(req, verified.error());
  return Response::Redirect(BackTo(req, ServiceHref(verified->id), "dienst-gecontroleerd"));
}

Response ArchiveService(App& app, Request& req) {
  bool archive = req.Form("archiveren").value_or("1") == "1";
  auto lease = app.database.Acquire();
  if (!lease) return ErrorResponse(req, lease.error());
  auto service = socialmap::ArchiveService(lease->db(), *req.principal, req.Param("id"), archive);
  if (!service) return ErrorResponse(req, service.error());
  return Response::Redirect(ServiceHref(service->id) +
                            (archive ? "?gelukt=dienst-gearchiveerd" : "?gelukt=dienst-hersteld"));
}

}  // namespace

void RegisterSocialMapServicePages(Router& router, App& app) {
  const Access read = Access::Needs(Action::kReadSocialMap);
  const Access edit = Access::Needs(Action::kEditSocialMap);
  router.Get("/sociale-kaart/dienst/nieuw", edit, [&app](Request& req) { return NewService(app, req); });
  router.Post("/sociale-kaart/dienst/nieuw", edit, [&app](Request& req) { return CreateService(app, req); });
  router.Get("/sociale-kaart/dienst/{id}", read, [&app](Request& req) { return ServicePage(app, req); });
  router.Get("/sociale-kaart/dienst/{id}/bewerken", edit,
             [&app](Request& req) { return EditService(app, req, false); });
  router.Post("/sociale-kaart/dienst/{id}/bewerken", edit,
              [&app](Request& req) { return EditService(app, req, true); });
  router.Post("/sociale-kaart/dienst/{id}/verifieren", edit, [&app](Request& req) { return VerifyService(app, req); });
  router.Post("/sociale-kaart/dienst/{id}/archiveren", edit, [&app](Request& req) { return ArchiveService(app, req); });
}

}  // namespace wk::web
