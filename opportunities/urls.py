from django.urls import path

from opportunities import answer_views, feeds, views

app_name = "opportunities"

# Fixed addresses before the opportunities' own (Opportunity.save() reserves them as slugs).
urlpatterns = [
    path("", views.opportunity_list, name="list"),
    path("ny/", views.opportunity_create, name="create"),
    path("mine/", views.my_opportunities, name="mine"),
    path("feed/", feeds.open_opportunities_feed, name="feed"),
    path("folg/", answer_views.follow, name="follow"),
    path("avmeld/<str:token>/", answer_views.unsubscribe, name="unsubscribe"),
    path("svar/<int:pk>/tatt-kontakt/", answer_views.mark_contacted, name="mark_contacted"),
    path("<slug:slug>/", views.opportunity_detail, name="detail"),
    path("<slug:slug>/endre/", views.opportunity_edit, name="edit"),
    path("<slug:slug>/lukk/", views.opportunity_close, name="close"),
    path("<slug:slug>/gjenapne/", views.opportunity_reopen, name="reopen"),
    path("<slug:slug>/svar/", answer_views.answer, name="answer"),
]
