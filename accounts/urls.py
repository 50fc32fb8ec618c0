from django.urls import path

from accounts import views

app_name = "accounts"

urlpatterns = [
    path("", views.my_page, name="my_page"),
    path("innstillinger/", views.update_settings, name="settings"),
    path("pameldinger/<int:pk>/avmeld/", views.cancel_registration, name="cancel_registration"),
    path("mine-data/", views.download_data, name="download_data"),
    path("slett-kontoen/", views.delete_account, name="delete_account"),
]
