"""The demo data's addresses agree with the place tables the search and the import use:
a newcomer who searches "Nordkisa" or imports a sheet must meet the same geography."""

import pytest

from actors.demo import _fictional
from actors.demo_data import FICTIONAL, VENUES
from actors.places import municipality_of, municipality_of_postal_code


@pytest.mark.parametrize("row", FICTIONAL, ids=lambda row: row[0])
def test_each_demo_actors_postal_code_and_place_lie_in_its_municipality(row):
    actor = _fictional(1, row)

    assert municipality_of_postal_code(actor["postal_code"]) == actor["municipality"]
    assert municipality_of(actor["postal_place"]) == actor["municipality"]


@pytest.mark.parametrize("venue", VENUES, ids=lambda venue: venue["slug"])
def test_each_demo_venues_place_lies_in_its_municipality(venue):
    assert municipality_of(venue["postal_place"]) == venue["municipality"]
