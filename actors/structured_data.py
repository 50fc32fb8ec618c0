"""schema.org JSON-LD and Open Graph data for a profile page."""

from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest
from django.utils.safestring import SafeString

from portal.site import absolute_url
from portal.text import script_json


def actor_json_ld(actor, request: HttpRequest) -> SafeString:
    """An Organization or Person (for individual artists) with public facts only."""
    # SITE_URL, never the request's Host: the page is cached and shared (issue 9).
    url = absolute_url(actor.get_absolute_url())
    data: dict = {
        "@context": "https://schema.org",
        "@type": "Person" if actor.is_person else "Organization",
        "name": actor.name,
        "url": url,
        "description": actor.pitch,
        "address": {
            "@type": "PostalAddress",
            "addressLocality": actor.public_postal_place or actor.municipality.name,
            "addressRegion": actor.municipality.name,
            "addressCountry": "NO",
        },
    }
    if actor.org_number and not actor.is_person:
        data["identifier"] = {
            "@type": "PropertyValue",
            "propertyID": "Organisasjonsnummer",
            "value": actor.org_number,
        }
    if links := [link for _label, link in actor.links]:
        data["sameAs"] = links
    if image := actor.card_image:
        data["image"] = absolute_url(image.large.url)
    # Structured data is for search engines: only what anyone may see goes in.
    public = actor.contact_for(AnonymousUser())
    if "email" in public:
        data["email"] = public["email"]
    if "phone" in public:
        data["telephone"] = actor.phone
    if "address" in public and actor.address:
        data["address"]["streetAddress"] = actor.address
        data["address"]["postalCode"] = actor.postal_code
    if actor.sectors.all():
        data["knowsAbout"] = [sector.name for sector in actor.sectors.all()]
    return script_json(data)
