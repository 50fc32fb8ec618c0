"""Demo actors for `manage.py seed_demo`. Filled out by the directory issue."""


def seed(*, stdout, extra_actors: int = 0) -> None:
    pass
