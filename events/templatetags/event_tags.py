from datetime import datetime

from django import template

from events.dates import format_day, format_event_time

register = template.Library()


@register.simple_tag
def event_time(event) -> str:
    """«torsdag 6. juni 2024 kl. 18.00–22.00» for an event."""
    return format_event_time(event.starts_at, event.ends_at)


@register.filter
def event_day(value: datetime) -> str:
    return format_day(value)
