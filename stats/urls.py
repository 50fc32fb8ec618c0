from django.urls import path

from stats import views

app_name = "stats"
urlpatterns = [
    path("statistikk/", views.statistics, name="statistics"),
    path("nyhetsbrev/<str:fmt>/", views.mailing_list, name="mailing_list"),
]
