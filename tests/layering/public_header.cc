// Must compile: a domain module (areas) may include the public headers of the modules it links.
#include "wk/accounts/principal.h"
#include "wk/areas/areas.h"
#include "wk/store/db.h"

int main() { return wk::accounts::Can(wk::accounts::Role::kLezer, wk::accounts::Action::kImportData) ? 1 : 0; }
