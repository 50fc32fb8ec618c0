"""allauth's login by e-mail, loading the user and whether they are a member in one query.

Every request of a logged-in member loads their user; most pages then ask
portal.permissions.is_member(), which needs to know whether the primary e-mail
address is confirmed. Asked together, that is one query per request instead of two.
"""

from allauth.account.auth_backends import AuthenticationBackend as AllauthBackend
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.db.models import Exists, OuterRef


class AuthenticationBackend(AllauthBackend):
    def get_user(self, user_id):
        users = get_user_model()._default_manager.annotate(
            # Read by portal.permissions.has_confirmed_email().
            _has_confirmed_email=Exists(
                EmailAddress.objects.filter(user=OuterRef("pk"), primary=True, verified=True)
            )
        )
        user = users.filter(pk=user_id).first()
        return user if user is not None and self.user_can_authenticate(user) else None
