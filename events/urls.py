from django.urls import path

from events import views
from events.feeds import UpcomingEventsFeed

app_name = "events"
urlpatterns = [
    path("", views.event_list, name="list"),
    path("kalender.ics", views.calendar_feed, name="calendar"),
    path("feed/", UpcomingEventsFeed(), name="feed"),
    path("avmelding/<str:token>/", views.cancel, name="cancel"),
    path("<slug:slug>/", views.event_detail, name="detail"),
    path("<slug:slug>/pamelding/", views.event_register, name="register"),
    path("<slug:slug>/kalender.ics", views.event_ics, name="ics"),
    path("<slug:slug>/innsjekk/", views.checkin, name="checkin"),
]
