// /sociale-kaart/wegwijzer?dienst=ID&dienst=ID: a printable list of 1 to 10 services to hand to a
// resident (issue 4): per service its name and party, what it offers in short, for whom, where
// (address, opening hours in words, how to get there), phone, cost and how to apply. Plain Dutch
// and a large font (wegwijzer.css: at least 16pt on paper); on paper no navigation, and an
// "Afdrukken" button (wegwijzer.js) on screen.
#include <algorithm>
#include <nlohmann/json.hpp>

#include "app.h"
#include "problem.h"
#include "socialmap_words.h"
#include "templates.h"
#include "wk/core/text.h"
#include "wk/socialmap/opening_hours.h"
#include "wk/socialmap/socialmap.h"
#include "wk/socialmap/vocabulary.h"
#include "wk/store/audit.h"

namespace wk::web {
namespace {

constexpr std::size_t kMaxServices = 10;
constexpr std::size_t kShortOffer = 280;  // characters of the description a wegwijzer shows

// The description up to about kShortOffer characters, cut after a sentence or else a word.
std::string Short(const std::string& text) {
  if (text.size() <= kShortOffer) return text;
  std::string_view head = std::string_view(text).substr(0, kShortOffer);
  auto sentence = head.rfind(". ");
  if (sentence != std::string_view::npos && sentence > kShortOffer / 2)
    return std::string(head.substr(0, sentence + 1));
  auto space = head.rfind(' ');
  return std::string(head.substr(0, space == std::string_view::npos ? head.size() : space)) + " …";
}

std::string Names(std::string_view taxonomy, const std::vector<std::string>& codes) {
  std::string out;
  for (const std::string& code : codes) {
    const socialmap::Term* term = socialmap::FindTerm(taxonomy, code);
    out += (out.empty() ? "" : ", ") + (term ? term->name : code);
  }
  return out;
}

std::string Ages(const socialmap::Service& s) {
  if (s.minimum_age && s.maximum_age) {
    return "van " + std::to_string(*s.minimum_age) + " tot en met " + std::to_string(*s.maximum_age) + " jaar";
  }
  if (s.minimum_age) return "vanaf " + std::to_string(*s.minimum_age) + " jaar";
  if (s.maximum_age) return "tot en met " + std::to_string(*s.maximum_age) + " jaar";
  return {};
}

std::vector<std::string> NonEmpty(std::initializer_list<std::string> lines) {
  std::vector<std::string> out;
  for (const std::string& l : lines) {
    if (!l.empty()) out.push_back(l);
  }
  return out;
}

nlohmann::json ServiceData(const socialmap::Service& s, const socialmap::Party& party, std::size_t n) {
  nlohmann::json places = nlohmann::json::array();
  for (const auto& loc : s.locations) {
    std::string town = loc.postal_code.empty() ? loc.city : loc.postal_code + "  " + loc.city;
    auto lines = NonEmpty({loc.name, loc.address_1, town});
    if (lines.empty() && loc.transportation.empty()) continue;
    places.push_back({{"lines", lines}, {"transportation", loc.transportation}});
  }
  std::string phone = !s.phones.empty()       ? s.phones.front().number
                      : !party.phones.empty() ? party.phones.front().number
                                              : "";
  std::string dial;
  for (char c : phone) {
    if ((c >= '0' && c <= '9') || (c == '+' && dial.empty())) dial += c;
  }
  std::string access = Names(socialmap::kAccessTaxonomy, s.access_routes);
  auto for_whom = NonEmpty({Names(socialmap::kTargetGroupTaxonomy, s.target_groups), Ages(s), s.eligibility});
  auto apply = NonEmpty({s.application_process, access.empty() ? "" : "Toegang: " + access});
  std::string website = s.url.empty() ? party.website : s.url;
  auto hours = socialmap::OpeningHoursInWords(s.schedules);
  return {{"n", n},
          {"has_for_whom", !for_whom.empty()},
          {"has_hours", !hours.empty()},
          {"has_apply", !apply.empty()},
          {"name", s.name},
          {"party", party.name},
          {"offer", Short(s.description)},
          {"for_whom", for_whom},
          {"places", places},
          {"hours", hours},
          {"phone", phone},
          {"dial", dial},
          {"cost", s.cost},
          {"apply", apply},
          {"website", website},
          {"email", s.email.empty() ? party.email : s.email},
          {"not_active", s.archived || s.status != socialmap::ServiceStatus::kActive},
          {"status", s.archived ? std::string("Gearchiveerd") : std::string(socialmap::ServiceStatusLabel(s.status))}};
}

Response Wegwijzer(App& app, Request& req) {
  std::vector<std::string> ids;
  auto [from, to] = req.query.equal_range("dienst");
  for (auto it = from; it != to; ++it) {
    std::string id(text::Trim(it->second));
    if (!id.empty() && std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  if (ids.size() > kMaxServices) {
    return ErrorResponse(req, Error{ErrorCode::kInvalid, "Een wegwijzer heeft hoogstens 10 diensten.", "dienst", {}});
  }
  nlohmann::json services = nlohmann::json::array();
  if (!ids.empty()) {
    auto lease = app.database.Acquire();
    if (!lease) return ErrorResponse(req, lease.error());
    auto snapshot = store::ReadTransaction::Begin(lease->db());
    if (!snapshot) return ErrorResponse(req, snapshot.error());
    for (const std::string& id : ids) {
      auto service = socialmap::GetService(lease->db(), id);
      if (!service) return ErrorResponse(req, service.error());
      auto party = socialmap::GetParty(lease->db(), service->party_id);
      if (!party) return ErrorResponse(req, party.error());
      services.push_back(ServiceData(*service, *party, services.size() + 1));
    }
  }
  nlohmann::json data = {
      {"services", services}, {"empty", services.empty()}, {"date", DutchDate(store::NowUtc().substr(0, 10))}};
  return RenderPage(req, "Wegwijzer", "wegwijzer", data);
}

}  // namespace

void RegisterWegwijzerPages(Router& router, App& app) {
  router.Get("/sociale-kaart/wegwijzer", Access::Needs(accounts::Action::kReadSocialMap),
             [&app](Request& req) { return Wegwijzer(app, req); });
}

}  // namespace wk::web
