from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from portal import csp_reports, health, views
from portal.sitemaps import sitemaps

handler400 = "portal.views.bad_request"
handler403 = "portal.views.permission_denied"
handler404 = "portal.views.page_not_found"
handler500 = "portal.views.server_error"

urlpatterns = [
    path("", views.home, name="home"),
    path("om/", views.about, name="about"),
    path("personvern/", views.privacy, name="privacy"),
    path("tilgjengelighet/", views.accessibility, name="accessibility"),
    path("aktorer/", include("actors.urls")),
    path("arrangementer/", include("events.urls")),
    path("samarbeid/", include("opportunities.urls")),
    path("konto/", include("allauth.urls")),
    path("min-side/", include("accounts.urls")),
    path("koordinator/", include("stats.urls")),
    path("sprak/<str:code>/", views.set_language, name="set_language"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap, {"sitemaps": sitemaps}, name="sitemap"),
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("csp-rapport/", csp_reports.csp_report, name="csp_report"),
    path(settings.ADMIN_URL, admin.site.urls),
]

if settings.DEBUG:
    # Uploaded files in development (`make run`); production serves them from the proxy.
    urlpatterns.append(
        path(f"{settings.MEDIA_URL.strip('/')}/<path:path>", views.media, name="media")
    )
