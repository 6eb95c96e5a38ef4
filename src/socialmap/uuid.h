// Identifiers of the social map's rows: random UUIDs (version 4, RFC 9562) in lower case, the
// form HSDS ids take. Private to the socialmap module (the HSDS import uses them too).
#pragma once

#include <string>
#include <string_view>

namespace wk::socialmap {

// A new random UUID v4 from libsodium's CSPRNG: "1b4e28ba-2fa1-4d2b-a7e9-3c8e2f1a0b6d".
std::string NewUuid();

// Whether `s` has the form of a UUID (8-4-4-4-12 hexadecimal digits, either case, any version).
bool IsUuid(std::string_view s);

}  // namespace wk::socialmap
