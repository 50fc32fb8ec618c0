from django import template

from events.dates import format_event_time

register = template.Library()


@register.simple_tag
def event_time(event) -> str:
    """«torsdag 6. juni 2024 kl. 18.00–22.00» for an event."""
    return format_event_time(event.starts_at, event.ends_at)
