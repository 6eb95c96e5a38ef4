// Template data of single form fields, shared by the party and service forms: a text input (or
// textarea) and a group of checkboxes or radio buttons, each with label, hint and error, and the
// aria-describedby that ties hint and error to the input. Rendered by the partials
// socialmap_input.mustache and socialmap_choices.mustache.
//
// kainjow's mustache treats an empty string as true in a section, and a missing key is looked up
// in the enclosing contexts (where another field may have it), so an optional string that is
// empty is set to false.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

namespace wk::web {

// Sets data[key] = value, or false when value is empty.
void SetIfAny(nlohmann::json& data, const char* key, const std::string& value);

struct FieldSpec {
  std::string form_id;  // "partij"
  std::string name;     // form field name
  std::string label;
  std::string hint;
  std::string error;  // "" = none
  std::string type = "text";
  bool textarea = false;
  std::string autocomplete;
  std::string inputmode;
  std::string list;       // id of a datalist
  std::string id_suffix;  // for repeated fields: "-2"
};
// {id, name, label, value, type, textarea, hint, hint_id, error, error_id, describedby, ...}
nlohmann::json TextField(const FieldSpec& spec, const std::string& value);

struct ChoiceOption {
  std::string value;
  std::string label;
  std::string description;
};
struct ChoiceSpec {
  std::string form_id;
  std::string name;
  std::string legend;
  std::string hint;
  std::string error;
  bool radio = false;
  bool inline_options = false;  // short options side by side (days of the week)
};
// {id, name, legend, hint, error, options: [{id, value, label, description, checked, type}]}
nlohmann::json ChoiceGroup(const ChoiceSpec& spec, const std::vector<ChoiceOption>& options,
                           const std::vector<std::string>& checked);

}  // namespace wk::web
