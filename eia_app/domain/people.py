"""The people of a shared instance: their roles, and who each assessment is shared with.

The store protocol here is implemented by :mod:`eia_app.storage.people`; people are
identified by their e-mail from the identity token, kept in lower case.
"""

from typing import Protocol

from pydantic import BaseModel, ConfigDict

from eia_app.domain.permissions import Role


class PersonRoles(BaseModel):
    """One person who has signed in, and the roles they hold.

    Attributes:
        email: Their e-mail, lower case.
        name: Their name as last given by the identity token.
        roles: Their roles; none means they may only read.
    """

    model_config = ConfigDict(frozen=True)

    email: str
    name: str
    roles: frozenset[Role]


def email_key(email: str) -> str:
    """Return the form an e-mail is stored and compared in (trimmed, lower case)."""
    return email.strip().casefold()


class PeopleStore(Protocol):
    """Keeps the role assignments and the assessments shared with each person."""

    def person(self, email: str) -> PersonRoles | None:
        """Return a person by e-mail, or None if they have never signed in."""
        ...

    def keep_person(self, person: PersonRoles) -> None:
        """Add a person, or replace their name and roles."""
        ...

    def people(self) -> list[PersonRoles]:
        """Return everyone who has signed in, by e-mail."""
        ...

    def share(self, reference: str, email: str) -> None:
        """Share an assessment with a person (named by e-mail)."""
        ...

    def unshare(self, reference: str, email: str) -> None:
        """Stop sharing an assessment with a person."""
        ...

    def shared_with(self, reference: str) -> frozenset[str]:
        """Return the e-mails an assessment is shared with."""
        ...
