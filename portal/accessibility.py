"""The accessibility statement's facts, in the shape of the Norwegian model (Digdir's
uustatus): when the portal was last tested, the status of each of the 47 WCAG 2.1
success criteria the regulation requires, and the known breaches.

One source for the page in both languages (templates/portal/pages/accessibility.*.html)
and for docs/accessibility.md, which says which test proves each "met".
tests/portal/test_accessibility_statement.py holds the two together: every criterion
marked met names its evidence, and every test named there exists. When a test finds a
breach, the criterion becomes NOT_MET here, with a Breach saying what it means for
users and when it will be fixed.
"""

from dataclasses import dataclass
from datetime import date

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

# The day the automated checks and the expert's manual test last ran against this
# version of the portal; move it when a test round is done.
LAST_TESTED = date(2026, 12, 1)

MET = "met"
NOT_MET = "not_met"
NOT_APPLICABLE = "not_applicable"

STATUS_LABELS = {
    MET: _("Oppfylt"),
    NOT_MET: _("Ikke oppfylt"),
    NOT_APPLICABLE: _("Ikke aktuelt"),
}

# The browser sweep over every public page in both languages (tests/browser/public_pages.py).
SWEEP = "tests/browser/test_public_pages.py::test_public_page_passes_the_accessibility_checks"
FORM_ERRORS = (
    "tests/browser/test_form_errors.py::test_registration_with_errors_focuses_summary_and_reflows"
)
MANUAL = "manual"  # the expert's test by hand (docs/accessibility.md says what was done)


@dataclass(frozen=True)
class Criterion:
    number: str
    name: Promise
    level: str
    status: str
    # Test node ids (path::function) that prove the status, or MANUAL.
    evidence: tuple[str, ...] = ()
    note: Promise | str = ""

    @property
    def status_label(self) -> Promise:
        return STATUS_LABELS[self.status]


@dataclass(frozen=True)
class Breach:
    criteria: tuple[str, ...]
    what: Promise
    consequence: Promise
    fixed_by: date | None = None


def _c(number, name, level, status, *evidence, note=""):
    return Criterion(number, name, level, status, tuple(evidence), note)


CRITERIA: list[Criterion] = [
    _c("1.1.1", _("Ikke-tekstlig innhold"), "A", MET, SWEEP,
       "tests/actors/test_images.py::test_alt_text_is_required",
       note=_("Medlemmene skriver alternativtekstene til sine egne bilder.")),
    _c("1.2.1", _("Bare lyd og bare video (forhåndsinnspilt)"), "A", NOT_APPLICABLE,
       note=_("Portalen har ikke lyd eller video.")),
    _c("1.2.2", _("Teksting (forhåndsinnspilt)"), "A", NOT_APPLICABLE,
       note=_("Portalen har ikke lyd eller video.")),
    _c("1.3.1", _("Informasjon og relasjoner"), "A", MET, SWEEP, FORM_ERRORS),
    _c("1.3.2", _("Meningsfylt rekkefølge"), "A", MET, SWEEP, MANUAL),
    _c("1.3.3", _("Sensoriske egenskaper"), "A", MET, MANUAL),
    _c("1.3.4", _("Visningsretning"), "AA", MET, SWEEP, MANUAL),
    _c("1.3.5", _("Identifiser formål med inndata"), "AA", MET,
       "tests/portal/test_accessibility_statement.py::test_personal_fields_say_what_they_are_for"),
    _c("1.4.1", _("Bruk av farge"), "A", MET, SWEEP),
    _c("1.4.2", _("Styring av lyd"), "A", NOT_APPLICABLE, note=_("Portalen spiller ikke lyd.")),
    _c("1.4.3", _("Kontrast (minimum)"), "AA", MET, SWEEP,
       "tests/browser/test_colour_schemes.py::test_cancel_confirmation_has_readable_danger_button",
       "tests/browser/test_colour_schemes.py::test_search_placeholder_is_readable"),
    _c("1.4.4", _("Endring av tekststørrelse"), "AA", MET, SWEEP),
    _c("1.4.5", _("Bilder av tekst"), "AA", MET, MANUAL),
    _c("1.4.10", _("Dynamisk tilpasning (Reflow)"), "AA", MET, SWEEP, FORM_ERRORS),
    _c("1.4.11", _("Kontrast for ikke-tekstlig innhold"), "AA", MET,
       "tests/browser/test_colour_schemes.py::test_field_borders_and_focus_ring_stand_out", MANUAL),
    _c("1.4.12", _("Tekstavstand"), "AA", MET, SWEEP),
    _c("1.4.13", _("Pekerfølsomt innhold eller innhold ved fokus"), "AA", NOT_APPLICABLE,
       note=_("Ingenting dukker opp når du holder pekeren over eller flytter fokus til noe.")),
    _c("2.1.1", _("Tastatur"), "A", MET, SWEEP, MANUAL),
    _c("2.1.2", _("Ingen tastaturfelle"), "A", MET, MANUAL),
    _c("2.1.4", _("Hurtigtaster som består av ett tegn"), "A", NOT_APPLICABLE,
       note=_("Portalen har ingen hurtigtaster.")),
    _c("2.2.1", _("Justerbar hastighet"), "A", NOT_APPLICABLE,
       note=_("Ingen skjema eller sider har tidsfrist mens du bruker dem.")),
    _c("2.2.2", _("Pause, stopp, skjul"), "A", NOT_APPLICABLE,
       note=_("Ingenting beveger seg, blinker eller oppdateres av seg selv.")),
    _c("2.3.1", _("Terskelverdi på maksimalt tre glimt"), "A", NOT_APPLICABLE,
       note=_("Ingenting blinker.")),
    _c("2.4.1", _("Hoppe over blokker"), "A", MET, SWEEP),
    _c("2.4.2", _("Sidetitler"), "A", MET, SWEEP,
       "tests/portal/test_page_titles.py::test_filtered_directory_and_later_pages_say_so_in_the_title"),
    _c("2.4.3", _("Fokusrekkefølge"), "A", MET, FORM_ERRORS, MANUAL),
    _c("2.4.4", _("Formål med lenke (i kontekst)"), "A", MET, SWEEP, MANUAL),
    _c("2.4.5", _("Flere måter"), "AA", MET, "tests/portal/test_pages.py::test_sitemap_lists_public_pages",
       "tests/browser/test_directory.py::test_visitor_searches_filters_pages_and_opens_a_profile_on_a_phone"),
    _c("2.4.6", _("Overskrifter og ledetekster"), "AA", MET, SWEEP, MANUAL),
    _c("2.4.7", _("Synlig fokus"), "AA", MET,
       "tests/browser/test_colour_schemes.py::test_field_borders_and_focus_ring_stand_out", MANUAL),
    _c("2.5.1", _("Pekerbevegelser"), "A", NOT_APPLICABLE,
       note=_("Alt gjøres med ett trykk eller klikk.")),
    _c("2.5.2", _("Pekeravbrytelse"), "A", MET, MANUAL),
    _c("2.5.3", _("Ledetekst i navn"), "A", MET, SWEEP,
       "tests/browser/test_checkin.py::test_checkin_buttons_are_named_by_what_they_show_and_searching_is_announced"),
    _c("2.5.4", _("Bevegelsesaktivering"), "A", NOT_APPLICABLE,
       note=_("Ingenting styres ved å bevege eller riste enheten.")),
    _c("3.1.1", _("Språk på siden"), "A", MET, SWEEP),
    _c("3.1.2", _("Språk på deler av innhold"), "AA", MET,
       "tests/portal/test_language_of_parts.py::test_english_profile_translates_sectors_and_marks_norwegian_text",
       "tests/portal/test_language_of_parts.py::test_english_event_says_free_and_marks_its_texts"),
    _c("3.2.1", _("Fokus"), "A", MET, SWEEP, MANUAL),
    _c("3.2.2", _("Inndata"), "A", MET,
       "tests/browser/test_directory.py::test_visitor_searches_filters_pages_and_opens_a_profile_on_a_phone", MANUAL),
    _c("3.2.3", _("Konsekvent navigering"), "AA", MET, SWEEP),
    _c("3.2.4", _("Konsekvent identifikasjon"), "AA", MET, MANUAL),
    _c("3.3.1", _("Identifikasjon av feil"), "A", MET, FORM_ERRORS,
       "tests/browser/test_form_errors.py::test_forms_with_errors_focus_summary_and_describe_fields"),
    _c("3.3.2", _("Ledetekster eller instruksjoner"), "A", MET, SWEEP, FORM_ERRORS),
    _c("3.3.3", _("Forslag ved feil"), "AA", MET,
       "tests/events/test_registration.py::test_bad_fields_keep_what_was_typed_and_explain_in_norwegian"),
    _c("3.3.4", _("Forhindring av feil (juridiske feil, økonomiske feil, datafeil)"), "AA", MET,
       "tests/browser/test_accounts.py::test_sign_up_confirm_log_in_download_and_delete_on_a_phone"),
    _c("4.1.1", _("Parsing (oppdeling)"), "A", MET, SWEEP),
    _c("4.1.2", _("Navn, rolle, verdi"), "A", MET, SWEEP),
    _c("4.1.3", _("Statusbeskjeder"), "AA", MET,
       "tests/browser/test_checkin.py::test_checkin_buttons_are_named_by_what_they_show_and_searching_is_announced",
       "tests/browser/test_directory.py::test_result_count_is_announced_outside_the_busy_results"),
]  # fmt: skip

# Known breaches of the criteria above: each NOT_MET criterion has one. Empty when none
# is known; the statement then says so.
BREACHES: list[Breach] = []


def summary() -> dict[str, int]:
    counts = {MET: 0, NOT_MET: 0, NOT_APPLICABLE: 0}
    for criterion in CRITERIA:
        counts[criterion.status] += 1
    return counts
