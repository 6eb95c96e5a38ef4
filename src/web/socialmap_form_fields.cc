#include "socialmap_form_fields.h"

#include <algorithm>

namespace wk::web {

void SetIfAny(nlohmann::json& data, const char* key, const std::string& value) {
  if (value.empty()) {
    data[key] = false;
  } else {
    data[key] = value;
  }
}

nlohmann::json TextField(const FieldSpec& spec, const std::string& value) {
  std::string id = spec.form_id + "-" + spec.name + spec.id_suffix;
  nlohmann::json f = {{"id", id},          {"name", spec.name},         {"label", spec.label},
                      {"type", spec.type}, {"textarea", spec.textarea}, {"value", value}};
  std::string describedby;
  SetIfAny(f, "hint", spec.hint);
  SetIfAny(f, "hint_id", spec.hint.empty() ? "" : id + "-hint");
  SetIfAny(f, "error", spec.error);
  SetIfAny(f, "error_id", spec.error.empty() ? "" : id + "-fout");
  if (!spec.hint.empty()) describedby = id + "-hint";
  if (!spec.error.empty()) describedby += (describedby.empty() ? "" : " ") + id + "-fout";
  SetIfAny(f, "describedby", describedby);
  SetIfAny(f, "autocomplete", spec.autocomplete);
  SetIfAny(f, "inputmode", spec.inputmode);
  SetIfAny(f, "list", spec.list);
  return f;
}

nlohmann::json ChoiceGroup(const ChoiceSpec& spec, const std::vector<ChoiceOption>& options,
                           const std::vector<std::string>& checked) {
  std::string id = spec.form_id + "-" + spec.name;
  nlohmann::json g = {{"id", id},
                      {"name", spec.name},
                      {"legend", spec.legend},
                      {"inline", spec.inline_options},
                      {"options", nlohmann::json::array()}};
  std::string describedby;
  SetIfAny(g, "hint", spec.hint);
  SetIfAny(g, "hint_id", spec.hint.empty() ? "" : id + "-hint");
  SetIfAny(g, "error", spec.error);
  SetIfAny(g, "error_id", spec.error.empty() ? "" : id + "-fout");
  if (!spec.hint.empty()) describedby = id + "-hint";
  if (!spec.error.empty()) describedby += (describedby.empty() ? "" : " ") + id + "-fout";
  SetIfAny(g, "describedby", describedby);
  for (std::size_t i = 0; i < options.size(); ++i) {
    const auto& o = options[i];
    // The first option carries the group's id, so that the error summary's link lands on it.
    std::string option_id = i == 0 ? id : id + "-" + std::to_string(i + 1);
    nlohmann::json opt = {{"id", option_id},
                          {"value", o.value},
                          {"label", o.label},
                          {"type", spec.radio ? "radio" : "checkbox"},
                          {"checked", std::find(checked.begin(), checked.end(), o.value) != checked.end()}};
    SetIfAny(opt, "description", o.description);
    SetIfAny(opt, "description_id", o.description.empty() ? "" : option_id + "-uitleg");
    opt["full"] = false;
    g["options"].push_back(opt);
  }
  return g;
}

}  // namespace wk::web
