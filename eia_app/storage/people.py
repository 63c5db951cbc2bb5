"""Role assignments and shares, in SQL (tables from migration 0004) and in memory."""

from sqlalchemy import ForeignKey, String, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Mapped, mapped_column, sessionmaker

from eia_app.domain.people import PersonRoles, email_key
from eia_app.domain.permissions import Role
from eia_app.storage.database import translate_errors
from eia_app.storage.tables import Base


class PersonRow(Base):
    """One person who has signed in; their roles are a comma-separated list."""

    __tablename__ = "people"

    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    roles: Mapped[str] = mapped_column(String(100))


class ShareRow(Base):
    """One assessment shared with one person."""

    __tablename__ = "assessment_shares"

    reference: Mapped[str] = mapped_column(
        String(32), ForeignKey("assessments.reference"), primary_key=True
    )
    email: Mapped[str] = mapped_column(String(320), primary_key=True)


def _roles_text(roles: frozenset[Role]) -> str:
    return ",".join(role.value for role in Role if role in roles)


def _read_roles(text: str) -> frozenset[Role]:
    return frozenset(Role(word) for word in text.split(",") if word in set(Role))


class SqlPeopleStore:
    """The people store on the same database as the assessments.

    Args:
        engine: An engine on a database migrated to 0004 or later.
    """

    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._sessions = sessionmaker(engine, expire_on_commit=False)

    def person(self, email: str) -> PersonRoles | None:
        """Return a person by e-mail, or None if they have never signed in."""
        with translate_errors(self._engine, "read"), self._sessions() as session:
            row = session.get(PersonRow, email_key(email))
        if row is None:
            return None
        return PersonRoles(email=row.email, name=row.name, roles=_read_roles(row.roles))

    def keep_person(self, person: PersonRoles) -> None:
        """Add a person, or replace their name and roles."""
        key = email_key(person.email)
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            row = session.get(PersonRow, key)
            if row is None:
                row = PersonRow(email=key)
                session.add(row)
            row.name, row.roles = person.name, _roles_text(person.roles)

    def people(self) -> list[PersonRoles]:
        """Return everyone who has signed in, by e-mail."""
        with translate_errors(self._engine, "read"), self._sessions() as session:
            rows = session.scalars(select(PersonRow).order_by(PersonRow.email)).all()
        return [PersonRoles(email=r.email, name=r.name, roles=_read_roles(r.roles)) for r in rows]

    def share(self, reference: str, email: str) -> None:
        """Share an assessment with a person (named by e-mail)."""
        key = email_key(email)
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            if session.get(ShareRow, (reference, key)) is None:
                session.add(ShareRow(reference=reference, email=key))

    def unshare(self, reference: str, email: str) -> None:
        """Stop sharing an assessment with a person."""
        with translate_errors(self._engine, "save to"), self._sessions.begin() as session:
            row = session.get(ShareRow, (reference, email_key(email)))
            if row is not None:
                session.delete(row)

    def shared_with(self, reference: str) -> frozenset[str]:
        """Return the e-mails an assessment is shared with."""
        query = select(ShareRow.email).where(ShareRow.reference == reference)
        with translate_errors(self._engine, "read"), self._sessions() as session:
            return frozenset(session.scalars(query).all())


class InMemoryPeopleStore:
    """The people store in a dictionary, for tests."""

    def __init__(self) -> None:
        self._people: dict[str, PersonRoles] = {}
        self._shares: dict[str, set[str]] = {}

    def person(self, email: str) -> PersonRoles | None:
        """Return a person by e-mail, or None if they have never signed in."""
        return self._people.get(email_key(email))

    def keep_person(self, person: PersonRoles) -> None:
        """Add a person, or replace their name and roles."""
        key = email_key(person.email)
        self._people[key] = person.model_copy(update={"email": key})

    def people(self) -> list[PersonRoles]:
        """Return everyone who has signed in, by e-mail."""
        return [self._people[key] for key in sorted(self._people)]

    def share(self, reference: str, email: str) -> None:
        """Share an assessment with a person (named by e-mail)."""
        self._shares.setdefault(reference, set()).add(email_key(email))

    def unshare(self, reference: str, email: str) -> None:
        """Stop sharing an assessment with a person."""
        self._shares.get(reference, set()).discard(email_key(email))

    def shared_with(self, reference: str) -> frozenset[str]:
        """Return the e-mails an assessment is shared with."""
        return frozenset(self._shares.get(reference, set()))
