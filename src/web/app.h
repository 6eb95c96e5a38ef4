// What every handler may reach: the database pool and the server's options.
#pragma once

#include "router.h"
#include "wk/store/db.h"
#include "wk/web/server.h"

namespace wk::web {

struct App {
  store::Database& database;
  ServeOptions options;
};

// Route registration, one function per area of the application (routes.cc calls them in order).
void RegisterAssetRoutes(Router& router, App& app);           // assets.cc: /static/..., /healthz
void RegisterAuthRoutes(Router& router, App& app);            // auth_pages.cc: /inloggen, /uitloggen, tokens, admin
void RegisterAreaRoutes(Router& router, App& app);            // area_pages.cc: /, /gebied/{code}, /zoeken
void RegisterApiRoutes(Router& router, App& app);             // api.cc: /api/v1/...
void RegisterIndicatorApiRoutes(Router& router, App& app);    // indicator_api.cc: /api/v1/indicators...
void RegisterComparePages(Router& router, App& app);          // compare_pages.cc: /vergelijk
void RegisterImportRoutes(Router& router, App& app);          // import_pages.cc: /beheer/import
void RegisterProfileApiRoutes(Router& router, App& app);      // profile_api.cc: /api/v1/areas/{code}/profile, profiel.*
void RegisterSocialMapPages(Router& router, App& app);        // socialmap_pages.cc: /sociale-kaart/...
void RegisterSocialMapSearchPages(Router& router, App& app);  // socialmap_search_pages.cc: /sociale-kaart/zoeken
void RegisterWegwijzerPages(Router& router, App& app);        // wegwijzer_pages.cc: /sociale-kaart/wegwijzer
void RegisterSocialMapImportPages(Router& router, App& app);  // socialmap_import_pages.cc: /beheer/sociale-kaart/...
void RegisterSocialMapApiRoutes(Router& router, App& app);    // socialmap_api.cc: /api/v1/socialmap/...
void RegisterHsdsApiRoutes(Router& router, App& app);         // hsds_api.cc: /hsds/...
void RegisterReportRoutes(Router& router, App& app);  // report_pages.cc: /gebied/{code}/grafiek/*.svg, indicator.*
// Middleware: security headers and access log (routes.cc), sessions/auth/CSRF (auth_middleware.cc).
Middleware AuthMiddleware(App& app);

// Builds the router with all routes and middleware.
Router BuildRouter(App& app);

}  // namespace wk::web
