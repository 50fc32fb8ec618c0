from django.urls import path

from actors import member_views, views

app_name = "actors"
urlpatterns = [
    path("", views.actor_list, name="list"),
    # Fixed addresses before the profiles' own (RESERVED_SLUGS keeps them apart).
    path("ny/", member_views.profile_create, name="create"),
    path("mine/", member_views.my_profiles, name="mine"),
    path("godkjenn/<str:token>/", member_views.approve, name="approve"),
    path("fortsatt-riktig/<str:token>/", member_views.still_correct, name="still_correct"),
    path("<slug:slug>/", views.actor_detail, name="detail"),
    path("<slug:slug>/rediger/", member_views.profile_edit, name="edit"),
    path("<slug:slug>/er-dette-deg/", member_views.claim, name="claim"),
    path("<slug:slug>/kontakt/", member_views.contact, name="contact"),
]
