"""Use cases of sign-in and roles: who gets in, with which roles, and who may do what.

The rules are in :mod:`eia_app.domain.permissions`; this module finds the facts
they need (a person's roles, an assessment's owner and shares) in storage, and
raises :class:`PermissionDeniedError` for every refusal, so the command line and
any caller other than the app meet the same rules the app shows.
"""

from eia_app.domain.audit import AuditAction
from eia_app.domain.errors import PermissionDeniedError
from eia_app.domain.people import PeopleStore, PersonRoles, email_key
from eia_app.domain.permissions import Action, Actor, Decision, Role, Subject, can
from eia_app.domain.repository import AssessmentRepository
from eia_app.services.audit import record_event
from eia_app.services.workspace import library_store
from eia_app.storage.people import SqlPeopleStore

FIRST_ADMIN_ROLES = frozenset({Role.ADMINISTRATOR, Role.OFFICER})
"""The roles of the first person in (or one named in ``EIA_ADMIN_EMAILS``)."""
NEWCOMER_ROLES = frozenset({Role.OFFICER})
"""The roles of anyone else the provider signs in for the first time."""


def open_people(url: str | None = None) -> PeopleStore:
    """Open the people store on the assessment library's database.

    Args:
        url: SQLAlchemy URL; defaults to the ``EIA_DATABASE_URL`` setting.

    Returns:
        The store, shared by every caller of the same library.
    """
    return library_store(SqlPeopleStore, url)


def sign_in(
    people: PeopleStore,
    *,
    name: str,
    email: str,
    admin_emails: frozenset[str] = frozenset(),
    allowed_domains: frozenset[str] = frozenset(),
) -> Actor:
    """Let in a person the provider has signed in, with the roles they hold.

    Someone new becomes an administrator (and officer) if their e-mail is in
    ``admin_emails``, or if nobody holds the administrator role yet; everyone else
    new becomes an officer. The name is refreshed from the token each time.

    Args:
        people: The people store.
        name: The name from the identity token (the e-mail if the token has none).
        email: The e-mail from the identity token.
        admin_emails: E-mails made administrators when they first sign in.
        allowed_domains: E-mail domains let in; empty lets in anyone the provider signs in.

    Returns:
        The signed-in person.

    Raises:
        PermissionDeniedError: If the token has no e-mail or its domain is not allowed.
    """
    key = email_key(email)
    if not key or "@" not in key:
        raise PermissionDeniedError(
            "Your sign-in did not give an e-mail address, so the toolkit cannot tell who you "
            "are. Ask whoever runs it to request the e-mail claim from the provider."
        )
    if allowed_domains and key.rsplit("@", 1)[1] not in allowed_domains:
        raise PermissionDeniedError(
            f"{email} is not an address of this council, so you cannot use this toolkit. "
            "Sign in with your council account, or ask an administrator."
        )
    shown = name.strip() or key
    known = people.person(key)
    if known is None:
        first = not any(Role.ADMINISTRATOR in p.roles for p in people.people())
        roles = FIRST_ADMIN_ROLES if first or key in admin_emails else NEWCOMER_ROLES
        known = PersonRoles(email=key, name=shown, roles=roles)
        people.keep_person(known)
    elif known.name != shown or (key in admin_emails and Role.ADMINISTRATOR not in known.roles):
        extra = {Role.ADMINISTRATOR} if key in admin_emails else set()
        known = known.model_copy(update={"name": shown, "roles": known.roles | extra})
        people.keep_person(known)
    return Actor(name=known.name, email=key, roles=known.roles)


def assign_roles(
    people: PeopleStore,
    *,
    by: Actor,
    email: str,
    roles: frozenset[Role],
    audit: AssessmentRepository | None = None,
) -> None:
    """Give a person exactly these roles.

    Args:
        people: The people store.
        by: Who is assigning; must be an administrator.
        email: Whose roles change; they must have signed in once.
        roles: Their roles from now on.
        audit: Where the audit trail is kept; the change is recorded there (as
            "role changed", with the roles before and after) unless it is None.

    Raises:
        PermissionDeniedError: If ``by`` is not an administrator, the person is unknown,
            or the change would leave nobody an administrator.
    """
    require(can(by, Action.ASSIGN_ROLES))
    person = people.person(email)
    if person is None:
        raise PermissionDeniedError(
            f"{email} has not signed in yet; roles can be given once they have."
        )
    others = [p for p in people.people() if p.email != person.email]
    if Role.ADMINISTRATOR not in roles and not any(Role.ADMINISTRATOR in p.roles for p in others):
        raise PermissionDeniedError(
            "Someone must remain an administrator: make another person one first."
        )
    people.keep_person(person.model_copy(update={"roles": frozenset(roles)}))
    if audit is not None and frozenset(roles) != person.roles:
        record_event(
            audit,
            AuditAction.ROLE_CHANGED,
            actor=by.name,
            actor_email=by.email,
            detail=f"{person.email}: {_role_list(roles)} (was {_role_list(person.roles)})",
        )


def _role_list(roles: frozenset[Role]) -> str:
    """Roles in the order the rules list them, for the audit trail ("no role" if none)."""
    return ", ".join(role.value for role in Role if role in roles) or "no role"


def subject(repo: AssessmentRepository, people: PeopleStore | None, reference: str) -> Subject:
    """Return what the permission rules need to know about a stored assessment.

    Args:
        repo: Where assessments are stored.
        people: The people store, for the shares; None in single-user mode.
        reference: The assessment's reference.

    Returns:
        Its current author, its owner (first saver) and who it is shared with,
        the lead officer's e-mail included.

    Raises:
        NotFoundError: If there is no such assessment.
    """
    current = repo.get(reference)
    first = repo.versions(reference)[0]
    shared = set(people.shared_with(reference)) if people is not None else set()
    lead = current.assessment.key_details.lead_officer.email
    if lead:
        shared.add(email_key(lead))
    return Subject(
        author=current.info.saved_by,
        owner=first.saved_by,
        shared_with=frozenset(shared),
        author_email=current.info.saved_by_email,
        owner_email=first.saved_by_email,
    )


def require(decision: Decision) -> None:
    """Raise the refusal a decision carries, if it is one.

    Args:
        decision: What :func:`eia_app.domain.permissions.can` decided.

    Raises:
        PermissionDeniedError: With the decision's reason, when it is a refusal.
    """
    if not decision.allowed:
        raise PermissionDeniedError(decision.reason or "You cannot do that.")


def decide(
    repo: AssessmentRepository,
    people: PeopleStore | None,
    actor: Actor,
    action: Action,
    reference: str | None = None,
) -> Decision:
    """Decide whether the actor may take an action, on a stored assessment where it names one.

    Args:
        repo: Where assessments are stored.
        people: The people store (None in single-user mode).
        actor: Who is asking.
        action: What they ask to do.
        reference: The assessment's reference; None for actions on no assessment.

    Returns:
        The decision, with the reason in plain words when it is a refusal.

    Raises:
        NotFoundError: If there is no such assessment.
    """
    about = subject(repo, people, reference) if reference is not None else None
    return can(actor, action, about)


def check(
    repo: AssessmentRepository,
    people: PeopleStore | None,
    actor: Actor | None,
    action: Action,
    reference: str | None = None,
) -> None:
    """Refuse an action that the actor may not take.

    Args:
        repo: Where assessments are stored.
        people: The people store (None in single-user mode).
        actor: Who is asking; None for a caller that checks nothing (single-user scripts).
        action: What they ask to do.
        reference: The assessment's reference; None for actions on no assessment.

    Raises:
        PermissionDeniedError: If the rules refuse it.
    """
    if actor is not None:
        require(decide(repo, people, actor, action, reference))


def share(
    repo: AssessmentRepository, people: PeopleStore, *, by: Actor, reference: str, email: str
) -> None:
    """Share an assessment with a colleague, so that an officer among them may edit it.

    Args:
        repo: Where assessments are stored.
        people: The people store.
        by: Who is sharing; they must be allowed to edit it themselves.
        reference: The assessment's reference.
        email: The colleague's e-mail.

    Raises:
        PermissionDeniedError: If ``by`` may not edit it, or the e-mail is not one.
        NotFoundError: If there is no such assessment.
    """
    check(repo, people, by, Action.EDIT, reference)
    if "@" not in email.strip():
        raise PermissionDeniedError(f"'{email}' is not an e-mail address: enter a colleague's.")
    people.share(reference, email)


def check_suppression(actor: Actor | None, min_count: int) -> None:
    """Refuse figures with suppression turned off (``min_count`` 0) to all but administrators.

    Args:
        actor: Who is publishing or saving the figures; None checks nothing.
        min_count: The smallest count the figures show; 0 means none is withheld.

    Raises:
        PermissionDeniedError: If suppression is off and ``actor`` is not an administrator.
    """
    if actor is not None and min_count < 1:
        require(can(actor, Action.PUBLISH_UNSUPPRESSED))
