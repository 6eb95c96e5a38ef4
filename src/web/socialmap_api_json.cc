#include "socialmap_api_json.h"

#include "json_text.h"

#include <optional>

namespace wk::web {
namespace {

using nlohmann::json;
namespace sm = socialmap;

// The parts a party and a service share, as JsonText (keys in sorted order: json_text.h).
void WritePhones(JsonText& out, const std::vector<sm::Phone>& phones) {
  out.BeginArray();
  for (const auto& p : phones) {
    out.BeginObject().Key("description").String(p.description).Key("id").String(p.id);
    out.Key("number").String(p.number).EndObject();
  }
  out.EndArray();
}

void WriteContacts(JsonText& out, const std::vector<sm::Contact>& contacts) {
  out.BeginArray();
  for (const auto& c : contacts) {
    out.BeginObject().Key("email").String(c.email).Key("id").String(c.id).Key("name").String(c.name);
    out.Key("title").String(c.title).EndObject();
  }
  out.EndArray();
}

void WriteVerification(JsonText& out, const sm::Verification& v) {
  out.BeginObject();
  out.Key("assured_date").OptionalString(v.assured_date).Key("assurer").String(v.assurer);
  out.Key("outdated").Bool(v.outdated).Key("source").String(v.source);
  out.EndObject();
}

void WriteReason(JsonText& out, const sm::MatchReason& r) {
  out.BeginObject().Key("kind").String(r.kind).Key("label").String(r.label).EndObject();
}

// Reads members of one JSON object; the first wrong one is kept as the error.
class Reader {
 public:
  Reader(const json& object, std::string prefix) : object_(object), prefix_(std::move(prefix)) {}

  void Text(std::string_view key, std::string& out) {
    const json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_string()) return Wrong(key, "moet tekst zijn");
    out = v->get<std::string>();
  }
  void Bool(std::string_view key, bool& out) {
    const json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_boolean()) return Wrong(key, "moet true of false zijn");
    out = v->get<bool>();
  }
  void Int(std::string_view key, std::optional<int>& out) {
    const json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_number_integer()) return Wrong(key, "moet een geheel getal zijn");
    out = v->get<int>();
  }
  void Int(std::string_view key, int& out) {
    std::optional<int> v;
    Int(key, v);
    if (v) out = *v;
  }
  void Number(std::string_view key, std::optional<double>& out) {
    const json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_number()) return Wrong(key, "moet een getal zijn");
    out = v->get<double>();
  }
  void Strings(std::string_view key, std::vector<std::string>& out) {
    const json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_array()) return Wrong(key, "moet een lijst van teksten zijn");
    out.clear();
    for (const auto& item : *v) {
      if (!item.is_string()) return Wrong(key, "moet een lijst van teksten zijn");
      out.push_back(item.get<std::string>());
    }
  }
  // Each element of an array of objects through `read(Reader&, T&)`.
  template <class T, class Read>
  void Objects(std::string_view key, std::vector<T>& out, Read read) {
    const json* v = Find(key);
    if (v == nullptr) return;
    if (!v->is_array()) return Wrong(key, "moet een lijst zijn");
    out.clear();
    for (std::size_t i = 0; i < v->size() && ok(); ++i) {
      const json& item = (*v)[i];
      std::string name = prefix_ + std::string(key) + "[" + std::to_string(i) + "]";
      if (!item.is_object()) {
        error_ = Error{ErrorCode::kInvalid, name + " moet een object zijn.", name, {}};
        return;
      }
      Reader inner(item, name + ".");
      T t;
      read(inner, t);
      if (!inner.ok()) {
        error_ = inner.error();
        return;
      }
      out.push_back(std::move(t));
    }
  }
  // A nested object (nullptr when absent or null).
  const json* Object(std::string_view key) {
    const json* v = Find(key);
    if (v == nullptr) return nullptr;
    if (!v->is_object()) {
      Wrong(key, "moet een object zijn");
      return nullptr;
    }
    return v;
  }
  void Wrong(std::string_view key, std::string_view what) {
    if (!ok()) return;
    std::string name = prefix_ + std::string(key);
    error_ = Error{ErrorCode::kInvalid, name + " " + std::string(what) + ".", name, {}};
  }
  bool ok() const { return !error_.has_value(); }
  const Error& error() const { return *error_; }
  const std::string& prefix() const { return prefix_; }

 private:
  // The member, or nullptr when absent or null (null means "not given").
  const json* Find(std::string_view key) {
    if (!ok()) return nullptr;
    auto it = object_.find(key);
    if (it == object_.end() || it->is_null()) return nullptr;
    return &*it;
  }
  const json& object_;
  std::string prefix_;
  std::optional<Error> error_;
};

void ReadPhone(Reader& r, sm::Phone& p) {
  r.Text("id", p.id);
  r.Text("number", p.number);
  r.Text("description", p.description);
}

void ReadContact(Reader& r, sm::Contact& c) {
  r.Text("id", c.id);
  r.Text("name", c.name);
  r.Text("title", c.title);
  r.Text("email", c.email);
}

void ReadLocation(Reader& r, sm::Location& l) {
  r.Text("id", l.id);
  r.Text("name", l.name);
  r.Text("address_1", l.address_1);
  r.Text("postal_code", l.postal_code);
  r.Text("city", l.city);
  r.Text("province", l.province);
  r.Number("latitude", l.latitude);
  r.Number("longitude", l.longitude);
  r.Text("transportation", l.transportation);
}

void ReadSchedule(Reader& r, sm::Schedule& s) {
  r.Text("id", s.id);
  r.Text("freq", s.freq);
  r.Int("interval", s.interval);
  r.Text("byday", s.byday);
  r.Text("bymonthday", s.bymonthday);
  r.Text("opens_at", s.opens_at);
  r.Text("closes_at", s.closes_at);
  r.Text("valid_from", s.valid_from);
  r.Text("valid_to", s.valid_to);
  r.Text("dtstart", s.dtstart);
  r.Text("description", s.description);
  r.Text("location_id", s.location_id);
}

void ReadSource(Reader& r, sm::Verification& v) {
  if (const json* verification = r.Object("verification")) {
    Reader inner(*verification, r.prefix() + "verification.");
    inner.Text("source", v.source);
    if (!inner.ok()) r.Wrong("verification", "heeft een bron (source) die geen tekst is");
  }
}

}  // namespace

json PartyJson(const sm::Party& p) {
  JsonText out;
  out.BeginObject();
  out.Key("alternate_name").String(p.alternate_name);
  out.Key("archived").Bool(p.archived);
  out.Key("areas_served").Strings(p.areas_served);
  out.Key("consent");
  if (p.consent) {
    out.BeginObject().Key("date").String(p.consent->date).Key("publish").Bool(p.consent->publish);
    out.Key("purpose").String(p.consent->purpose).EndObject();
  } else {
    out.Null();
  }
  out.Key("contacts");
  WriteContacts(out, p.contacts);
  out.Key("created_at").String(p.created_at);
  out.Key("description").String(p.description);
  out.Key("domains").Strings(p.domains);
  out.Key("email").String(p.email);
  out.Key("formal").Bool(p.formal);
  out.Key("id").String(p.id);
  out.Key("kind").String(sm::PartyKindCode(p.kind));
  out.Key("kind_label").String(sm::PartyKindLabel(p.kind));
  out.Key("name").String(p.name);
  out.Key("phones");
  WritePhones(out, p.phones);
  out.Key("updated_at").String(p.updated_at);
  out.Key("verification");
  WriteVerification(out, p.verification);
  out.Key("website").String(p.website);
  out.EndObject();
  return json::parse(out.Take());
}

namespace {

// The service as JsonText: keys in sorted order, so the text is what nlohmann's dump() of the
// same object gives (json_text.h). The search writes 20 of these per answer.
void WriteService(JsonText& out, const sm::Service& s) {
  out.BeginObject();
  out.Key("access_routes").Strings(s.access_routes);
  out.Key("alternate_name").String(s.alternate_name);
  out.Key("application_process").String(s.application_process);
  out.Key("archived").Bool(s.archived);
  out.Key("areas_served").Strings(s.areas_served);
  out.Key("contacts");
  WriteContacts(out, s.contacts);
  out.Key("cost").String(s.cost);
  out.Key("created_at").String(s.created_at);
  out.Key("description").String(s.description);
  out.Key("domains").Strings(s.domains);
  out.Key("eligibility").String(s.eligibility);
  out.Key("email").String(s.email);
  out.Key("id").String(s.id);
  out.Key("languages").Strings(s.languages);
  out.Key("laws").Strings(s.laws);
  out.Key("locations").BeginArray();
  for (const auto& l : s.locations) {
    out.BeginObject();
    out.Key("address_1").String(l.address_1);
    out.Key("area_code").OptionalString(l.area_code);
    out.Key("city").String(l.city);
    out.Key("id").String(l.id);
    out.Key("latitude").OptionalNumber(l.latitude);
    out.Key("longitude").OptionalNumber(l.longitude);
    out.Key("name").String(l.name);
    out.Key("postal_code").String(l.postal_code);
    out.Key("province").String(l.province);
    out.Key("transportation").String(l.transportation);
    out.EndObject();
  }
  out.EndArray();
  out.Key("maximum_age").OptionalInt(s.maximum_age);
  out.Key("minimum_age").OptionalInt(s.minimum_age);
  out.Key("name").String(s.name);
  out.Key("party_id").String(s.party_id);
  out.Key("party_name").String(s.party_name);
  out.Key("phones");
  WritePhones(out, s.phones);
  out.Key("schedules").BeginArray();
  for (const auto& x : s.schedules) {
    out.BeginObject();
    out.Key("byday").String(x.byday);
    out.Key("bymonthday").String(x.bymonthday);
    out.Key("closes_at").String(x.closes_at);
    out.Key("description").String(x.description);
    out.Key("dtstart").String(x.dtstart);
    out.Key("freq").String(x.freq);
    out.Key("id").String(x.id);
    out.Key("interval").Int(x.interval);
    out.Key("location_id").String(x.location_id);
    out.Key("opens_at").String(x.opens_at);
    out.Key("valid_from").String(x.valid_from);
    out.Key("valid_to").String(x.valid_to);
    out.EndObject();
  }
  out.EndArray();
  out.Key("status").String(sm::ServiceStatusCode(s.status));
  out.Key("target_groups").Strings(s.target_groups);
  out.Key("updated_at").String(s.updated_at);
  out.Key("url").String(s.url);
  out.Key("verification");
  WriteVerification(out, s.verification);
  out.Key("wait_time").String(s.wait_time);
  out.EndObject();
}

}  // namespace

std::string ServiceJsonText(const sm::Service& s) {
  JsonText out;
  WriteService(out, s);
  return out.Take();
}

json ServiceJson(const sm::Service& s) {
  return json::parse(ServiceJsonText(s));
}

json ChangeJson(const sm::Change& c) {
  return {{"resource_id", c.resource_id},
          {"resource_type", c.resource_type},
          {"date", c.date},
          {"changed_at", c.changed_at.empty() ? json(nullptr) : json(c.changed_at)},
          {"action", c.action},
          {"field", c.field},
          {"old_value", c.old_value},
          {"new_value", c.new_value},
          {"by", c.by}};
}

json RecheckJson(const sm::RecheckItem& i) {
  return {{"resource_type", i.resource_type},
          {"id", i.id},
          {"name", i.name},
          {"party_name", i.party_name},
          {"assured_date", i.assured_date.empty() ? json(nullptr) : json(i.assured_date)}};
}

namespace {

void WriteHit(JsonText& out, const sm::SearchHit& h) {
  out.BeginObject();
  out.Key("distance_km").OptionalNumber(h.distance_km);
  out.Key("reasons").BeginArray();
  for (const auto& r : h.reasons) WriteReason(out, r);
  out.EndArray();
  out.Key("score").Number(h.score);
  out.Key("service");
  WriteService(out, h.service);
  out.EndObject();
}

}  // namespace

std::string HitJsonText(const sm::SearchHit& h) {
  JsonText out;
  WriteHit(out, h);
  return out.Take();
}

std::string SearchAnswerJsonText(const sm::SearchResult& found, int page, int per_page,
                                 const std::vector<sm::MatchReason>& understood) {
  JsonText out;
  out.BeginObject();
  out.Key("hits").BeginArray();
  for (const auto& h : found.hits) WriteHit(out, h);
  out.EndArray();
  out.Key("page").Int(page);
  out.Key("per_page").Int(per_page);
  out.Key("total").Int(found.total);
  out.Key("understood").BeginArray();
  for (const auto& r : understood) WriteReason(out, r);
  out.EndArray();
  out.EndObject();
  return out.Take();
}

Result<sm::Party> PartyFromJson(const json& body) {
  sm::Party p;
  Reader r(body, "");
  r.Text("name", p.name);
  r.Text("alternate_name", p.alternate_name);
  r.Text("description", p.description);
  std::string kind;
  r.Text("kind", kind);
  if (!kind.empty()) {
    auto k = sm::ParsePartyKind(kind);
    if (!k) r.Wrong("kind", "is geen bekende soort (organisatie, initiatief, informele-groep of sleutelfiguur)");
    if (k) p.kind = *k;
  }
  r.Bool("formal", p.formal);
  r.Text("website", p.website);
  r.Text("email", p.email);
  r.Objects("phones", p.phones, ReadPhone);
  r.Objects("contacts", p.contacts, ReadContact);
  r.Strings("domains", p.domains);
  r.Strings("areas_served", p.areas_served);
  if (const json* consent = r.Object("consent")) {
    sm::Consent c;
    Reader inner(*consent, "consent.");
    inner.Text("date", c.date);
    inner.Text("purpose", c.purpose);
    inner.Bool("publish", c.publish);
    if (!inner.ok()) return Fail(inner.error());
    p.consent = std::move(c);
  }
  ReadSource(r, p.verification);
  if (!r.ok()) return Fail(r.error());
  return p;
}

Result<sm::Service> ServiceFromJson(const json& body) {
  sm::Service s;
  Reader r(body, "");
  r.Text("party_id", s.party_id);
  r.Text("name", s.name);
  r.Text("alternate_name", s.alternate_name);
  r.Text("description", s.description);
  r.Strings("target_groups", s.target_groups);
  r.Strings("domains", s.domains);
  r.Strings("laws", s.laws);
  r.Strings("access_routes", s.access_routes);
  r.Text("eligibility", s.eligibility);
  r.Int("minimum_age", s.minimum_age);
  r.Int("maximum_age", s.maximum_age);
  r.Text("cost", s.cost);
  r.Text("application_process", s.application_process);
  r.Text("wait_time", s.wait_time);
  r.Strings("languages", s.languages);
  r.Text("url", s.url);
  r.Text("email", s.email);
  std::string status;
  r.Text("status", status);
  if (!status.empty()) {
    auto st = sm::ParseServiceStatus(status);
    if (!st) r.Wrong("status", "is geen bekende status (active, inactive, defunct of temporarily closed)");
    if (st) s.status = *st;
  }
  r.Objects("locations", s.locations, ReadLocation);
  r.Objects("schedules", s.schedules, ReadSchedule);
  r.Strings("areas_served", s.areas_served);
  r.Objects("phones", s.phones, ReadPhone);
  r.Objects("contacts", s.contacts, ReadContact);
  ReadSource(r, s.verification);
  if (!r.ok()) return Fail(r.error());
  return s;
}

Result<json> JsonBody(const std::string& body) {
  if (body.empty()) return json::object();
  json j = json::parse(body, nullptr, false);
  if (j.is_discarded() || !j.is_object()) {
    return Fail(ErrorCode::kInvalid, "De inhoud van het verzoek is geen geldig JSON-object.");
  }
  return j;
}

// The Dutch form field names the use cases and the search report, and their JSON members here.
std::string ApiField(std::string_view field) {
  static constexpr std::pair<std::string_view, std::string_view> kNames[] = {
      {"domein", "domain"},
      {"wet", "law"},
      {"doelgroep", "target_group"},
      {"toegang", "access_route"},
      {"gebied", "area"},
      {"bij", "near"},
      {"leeftijd", "age"},
      {"open", "open_at"},
      {"naam", "name"},
      {"omschrijving", "description"},
  };
  for (const auto& [dutch, english] : kNames) {
    if (field == dutch) return std::string(english);
  }
  return std::string(field);
}

}  // namespace wk::web
