"""The period the statistics cover: a calendar year, or any span of dates."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

FIRST_YEAR = 2023  # the network's first meeting


@dataclass(frozen=True)
class Period:
    first: date
    last: date  # inclusive

    @property
    def start(self) -> datetime:
        return timezone.make_aware(datetime.combine(self.first, time.min))

    @property
    def end(self) -> datetime:
        """Exclusive: midnight after the last day."""
        return timezone.make_aware(datetime.combine(self.last + timedelta(days=1), time.min))

    @property
    def label(self) -> str:
        whole_year = (self.first.month, self.first.day, self.last.month, self.last.day) == (
            1,
            1,
            12,
            31,
        )
        if whole_year and self.first.year == self.last.year:
            return str(self.first.year)
        return f"{self.first:%d.%m.%Y}–{self.last:%d.%m.%Y}"

    def query(self) -> dict[str, str]:
        """The GET parameters that choose this period again (for the download links)."""
        return {"fra": self.first.isoformat(), "til": self.last.isoformat()}


def _year_choices() -> list[tuple[str, str]]:
    return [(str(y), str(y)) for y in range(timezone.localdate().year, FIRST_YEAR - 1, -1)]


class PeriodForm(forms.Form):
    ar = forms.TypedChoiceField(label=_("År"), coerce=int, required=False, choices=())
    fra = forms.DateField(
        label=_("Eller fra dato"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )
    til = forms.DateField(
        label=_("til og med dato"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["ar"].choices = [("", _("Velg år")), *_year_choices()]

    def clean(self) -> dict:
        cleaned = super().clean()
        first, last = cleaned.get("fra"), cleaned.get("til")
        if bool(first) != bool(last) and not self.errors:
            missing = "til" if first else "fra"
            self.add_error(missing, _("Fyll ut både fra og til, eller velg et år."))
        elif first and last and last < first:
            self.add_error("til", _("Til-datoen må være samme dag som eller etter fra-datoen."))
        return cleaned

    def period(self) -> Period:
        """The chosen period; this year when nothing valid is chosen."""
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        if data.get("fra") and data.get("til"):
            return Period(data["fra"], data["til"])
        year = data.get("ar") or timezone.localdate().year
        return Period(date(year, 1, 1), date(year, 12, 31))
