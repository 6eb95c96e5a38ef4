// Helpers shared by the party form (socialmap_forms.cc) and the service form
// (socialmap_service_form.cc). Private to those two files.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "socialmap_form_fields.h"
#include "socialmap_forms.h"
#include "wk/socialmap/model.h"

namespace wk::web {

std::vector<std::string> AllValues(const FormValues& values, std::string_view name);
std::string TrimmedValue(const FormValues& values, std::string_view name);
// The trimmed values of a repeated field, empty ones left out.
std::vector<std::string> NonEmptyValues(const FormValues& values, std::string_view name);
// The area codes of the "areas_served" inputs: the first word, upper case, each once.
std::vector<std::string> AreaCodesOf(const FormValues& values);
bool IsIsoDate(std::string_view s);
// The phones of the phone_id/phone_number/phone_description rows; a description without a number
// is an error.
std::vector<socialmap::Phone> PhonesOf(const FormValues& values, std::vector<Error>& errors);

// The message of the first error that belongs to the form field `field`, "" when none.
std::string ErrorOf(const std::vector<Error>& errors, std::string_view field);
// The terms of a taxonomy as options (value = code), with their descriptions as help when asked.
std::vector<ChoiceOption> TermOptions(std::string_view taxonomy, bool with_description);
// The optional "Gegevens gecontroleerd op" date of a new party or service.
FieldSpec AssuredDateSpec(const std::string& form_id, const std::string& error);
// The rows of phone inputs: the posted or stored ones, then one spare row.
nlohmann::json PhoneRows(const std::string& form_id, const FormValues& values, const std::string& error);
// The area inputs (datalist `<form_id>-gebieden`): the filled ones, then `spare` empty ones.
nlohmann::json AreaPicker(const std::string& form_id, const FormValues& values, const std::string& error,
                          std::size_t spare);

}  // namespace wk::web
