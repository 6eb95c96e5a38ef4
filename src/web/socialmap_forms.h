// The party and service forms of the social map: from a record to form values, from form values
// (what the browser posted) to a record, and the template data of a form with its errors.
//
// One rendering path: a form is always drawn from FormValues (field name -> values, in the order
// posted), whether they come from a stored record (editing) or from the request (re-showing a form
// with errors, so every typed value is kept). Form field names are the model's HSDS names where the
// model has one ("name", "fees_description" is "cost" here: see the .cc), so that a model error's
// `field` finds its input.
#pragma once

#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "wk/core/error.h"
#include "wk/socialmap/model.h"

namespace wk::web {

using FormValues = std::multimap<std::string, std::string>;

// An area the area picker offers (datalist): code and "Naam (buurt)".
struct AreaChoice {
  std::string code;
  std::string label;
};

// [{code, label}] for the datalist of the area picker.
nlohmann::json AreaChoicesJson(const std::vector<AreaChoice>& areas);

// --- Party ------------------------------------------------------------------------------------
FormValues PartyValues(const socialmap::Party& party);
// The party the values describe; `errors` gets one entry per field that cannot be read (the model
// checks the rest). `original` (editing) supplies what the form does not show: contacts.
socialmap::Party PartyOf(const FormValues& values, const socialmap::Party* original, std::vector<Error>& errors);
// Template data of the party form (id "partij").
nlohmann::json PartyFormData(const FormValues& values, const std::vector<Error>& errors,
                             const std::vector<AreaChoice>& areas);

// --- Service ----------------------------------------------------------------------------------
FormValues ServiceValues(const socialmap::Service& service);
// As PartyOf. `original` supplies what the form does not show: other locations, phones and
// contacts, and schedules the form cannot express (kept unless "schedule_keep" is unticked).
socialmap::Service ServiceOf(const FormValues& values, const socialmap::Service* original, std::vector<Error>& errors);
// Template data of the service form (id "dienst"); `original` lists the kept schedules.
nlohmann::json ServiceFormData(const FormValues& values, const std::vector<Error>& errors,
                               const std::vector<AreaChoice>& areas, const socialmap::Service* original);

// --- Errors -----------------------------------------------------------------------------------
// The form field a model error's `field` belongs to: "fees_description" -> "cost",
// "locations[0].latitude" -> "latitude", "schedules[1].opens_at" -> "schedule_1_opens_at",
// "phones[0].number" -> "phone_number". "" when the error names no field.
std::string FormFieldOf(std::string_view model_field);
// {has_errors, summary: [{href, message}], errors: {field: message}} for the form `form_id`; a
// summary link goes to "#<form_id>-<field>" (or the form when the field is not on it).
nlohmann::json ErrorState(std::string_view form_id, const std::vector<Error>& errors);

// The first value of `name`, "" when absent.
std::string FirstValue(const FormValues& values, std::string_view name);

}  // namespace wk::web
