#include "templates.h"

#include <kainjow/mustache.hpp>
#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "embedded_templates.h"
#include "wk/accounts/principal.h"

namespace wk::web {
namespace {

namespace mu = kainjow::mustache;

mu::data ToData(const nlohmann::json& j) {
  switch (j.type()) {
    case nlohmann::json::value_t::object: {
      mu::data d{mu::data::type::object};
      for (auto it = j.begin(); it != j.end(); ++it) d.set(it.key(), ToData(it.value()));
      return d;
    }
    case nlohmann::json::value_t::array: {
      mu::data d{mu::data::type::list};
      for (const auto& v : j) d.push_back(ToData(v));
      return d;
    }
    case nlohmann::json::value_t::string: return mu::data{j.get<std::string>()};
    case nlohmann::json::value_t::boolean:
      return j.get<bool>() ? mu::data{mu::data::type::bool_true} : mu::data{mu::data::type::bool_false};
    case nlohmann::json::value_t::number_integer:
    case nlohmann::json::value_t::number_unsigned: return mu::data{std::to_string(j.get<long long>())};
    case nlohmann::json::value_t::number_float: return mu::data{j.dump()};
    case nlohmann::json::value_t::null:
    default: return mu::data{mu::data::type::bool_false};
  }
}

// Template sources by name ("area" for templates/area.mustache).
const std::map<std::string, std::string, std::less<>>& Sources() {
  static const auto* sources = [] {
    auto* m = new std::map<std::string, std::string, std::less<>>();
    for (const auto& e : embedded::templates()) {
      std::string path = e.path;
      auto slash = path.rfind('/');
      std::string file = path.substr(slash == std::string::npos ? 0 : slash + 1);
      auto dot = file.rfind(".mustache");
      (*m)[file.substr(0, dot)] = std::string(e.bytes());
    }
    return m;
  }();
  return *sources;
}

// Partials ({{> name}}) are looked up among the templates, never in the page data, so that a data
// key may share a template's name ("area").
class TemplateContext : public mu::context<std::string> {
 public:
  TemplateContext(const mu::data* data, const mu::data* partials)
      : mu::context<std::string>(data), partials_(partials) {}
  const mu::data* get_partial(const std::string& name) const override { return partials_->get(name); }

 private:
  const mu::data* partials_;
};

const mu::data& Partials() {
  static const auto* partials = [] {
    auto* d = new mu::data(mu::data::type::object);
    for (const auto& [name, src] : Sources()) d->set(name, mu::data(src));
    return d;
  }();
  return *partials;
}

// Parsing a template costs more than rendering it, so each thread keeps the templates it has
// parsed (per thread, because kainjow's mustache is not documented as safe for concurrent renders).
mu::mustache& Parsed(std::string_view name) {
  thread_local std::map<std::string, std::unique_ptr<mu::mustache>, std::less<>> cache;
  auto it = cache.find(name);
  if (it != cache.end()) return *it->second;
  const auto& sources = Sources();
  auto src = sources.find(name);
  if (src == sources.end()) throw std::runtime_error("unknown template: " + std::string(name));
  auto tmpl = std::make_unique<mu::mustache>(src->second);
  if (!tmpl->is_valid()) throw std::runtime_error("template " + std::string(name) + ": " + tmpl->error_message());
  return *cache.emplace(std::string(name), std::move(tmpl)).first->second;
}

}  // namespace

std::string RenderTemplate(std::string_view name, const nlohmann::json& data) {
  mu::mustache& tmpl = Parsed(name);
  mu::data d = ToData(data);
  TemplateContext ctx(&d, &Partials());
  std::string out = tmpl.render(ctx);
  if (!tmpl.is_valid()) throw std::runtime_error("template " + std::string(name) + ": " + tmpl.error_message());
  return out;
}

Response RenderPage(const Request& request, const std::string& title, std::string_view name, const nlohmann::json& data,
                    int status) {
  nlohmann::json page = data;
  page["title"] = title;
  page["csrf"] = request.csrf_token;
  if (request.principal) {
    const auto& p = *request.principal;
    page["user"] = {
        {"name", p.name},
        {"role", accounts::RoleLabel(p.role)},
        {"is_admin", accounts::Can(p, accounts::Action::kManageUsers)},
    };
  }
  page["content"] = RenderTemplate(name, page);
  return Response::Html(RenderTemplate("layout", page), status);
}

}  // namespace wk::web
