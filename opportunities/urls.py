from django.urls import path  # noqa: F401 (the routes are added by the views as they land)

app_name = "opportunities"

urlpatterns: list = []
