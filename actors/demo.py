"""Demo actors for `manage.py seed_demo`. Filled out by the directory issue."""


def seed(*, stdout, actors: int = 0, **_extra) -> None:
    pass
