// Codes and Dutch labels of the model's enumerations.
#include "wk/socialmap/model.h"

#include <array>

namespace wk::socialmap {
namespace {

struct KindRow {
  PartyKind kind;
  std::string_view code, label;
};
constexpr std::array<KindRow, 4> kKinds = {{{PartyKind::kOrganisatie, "organisatie", "Organisatie"},
                                            {PartyKind::kInitiatief, "initiatief", "Initiatief"},
                                            {PartyKind::kInformeleGroep, "informele-groep", "Informele groep"},
                                            {PartyKind::kSleutelfiguur, "sleutelfiguur", "Sleutelfiguur"}}};

struct StatusRow {
  ServiceStatus status;
  std::string_view code, label;
};
constexpr std::array<StatusRow, 4> kStatuses = {
    {{ServiceStatus::kActive, "active", "Actief"},
     {ServiceStatus::kInactive, "inactive", "Niet actief"},
     {ServiceStatus::kDefunct, "defunct", "Opgeheven"},
     {ServiceStatus::kTemporarilyClosed, "temporarily closed", "Tijdelijk gesloten"}}};

}  // namespace

std::string_view PartyKindCode(PartyKind kind) {
  for (const auto& row : kKinds) {
    if (row.kind == kind) return row.code;
  }
  return "organisatie";
}

std::string_view PartyKindLabel(PartyKind kind) {
  for (const auto& row : kKinds) {
    if (row.kind == kind) return row.label;
  }
  return "Organisatie";
}

std::optional<PartyKind> ParsePartyKind(std::string_view code) {
  for (const auto& row : kKinds) {
    if (row.code == code) return row.kind;
  }
  return std::nullopt;
}

std::string_view ServiceStatusCode(ServiceStatus s) {
  for (const auto& row : kStatuses) {
    if (row.status == s) return row.code;
  }
  return "active";
}

std::string_view ServiceStatusLabel(ServiceStatus s) {
  for (const auto& row : kStatuses) {
    if (row.status == s) return row.label;
  }
  return "Actief";
}

std::optional<ServiceStatus> ParseServiceStatus(std::string_view code) {
  for (const auto& row : kStatuses) {
    if (row.code == code) return row.status;
  }
  return std::nullopt;
}

}  // namespace wk::socialmap
