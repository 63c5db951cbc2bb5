"""Who may do what: the roles of a shared instance and the rules each action follows.

Three roles, which one person may hold together:

- an **officer** creates assessments and edits their own and those shared with them;
- a **reviewer** comments on, returns, approves and publishes assessments;
- an **administrator** assigns roles, manages templates and baselines, reads the whole
  audit trail (role, template and baseline changes included), and alone may publish
  figures with suppression turned off.

Nobody may approve a version they saved themselves, whatever their roles: the
approval is the second pair of eyes. Without a sign-in provider the app runs in
single-user mode, where the one person holds every role and owns every assessment.

Pure: no storage, no framework. The services apply :func:`can` before acting and the
app asks it which buttons to offer and why not.
"""

from dataclasses import dataclass, field
from enum import StrEnum

from eia_app.domain.review import SELF_APPROVAL, same_person, same_saver


class Role(StrEnum):
    """A role a person holds on a shared instance."""

    OFFICER = "officer"
    REVIEWER = "reviewer"
    ADMINISTRATOR = "administrator"


ROLE_LABELS: dict[Role, str] = {
    Role.OFFICER: "Officer",
    Role.REVIEWER: "Reviewer",
    Role.ADMINISTRATOR: "Administrator",
}

ROLE_DUTIES: dict[Role, str] = {
    Role.OFFICER: "creates assessments and edits their own and those shared with them",
    Role.REVIEWER: "comments on, returns, approves and publishes assessments",
    Role.ADMINISTRATOR: "assigns roles, manages templates and baselines and reads the audit trail",
}


class Action(StrEnum):
    """Something a person asks the toolkit to do."""

    CREATE = "create"
    EDIT = "edit"
    SUBMIT = "submit"
    COMMENT = "comment"
    RETURN = "return"
    APPROVE = "approve"
    PUBLISH = "publish"
    ASSIGN_ROLES = "assign_roles"
    MANAGE_TEMPLATES = "manage_templates"
    MANAGE_BASELINES = "manage_baselines"
    PUBLISH_UNSUPPRESSED = "publish_unsuppressed"
    READ_AUDIT = "read_audit"


ACTION_WORDS: dict[Action, str] = {
    Action.CREATE: "create an assessment",
    Action.EDIT: "edit this assessment",
    Action.SUBMIT: "submit this assessment for review",
    Action.COMMENT: "comment on this assessment",
    Action.RETURN: "return this assessment for changes",
    Action.APPROVE: "approve this assessment",
    Action.PUBLISH: "publish this assessment",
    Action.ASSIGN_ROLES: "assign roles",
    Action.MANAGE_TEMPLATES: "change the Word template",
    Action.MANAGE_BASELINES: "change the population baselines",
    Action.PUBLISH_UNSUPPRESSED: "turn suppression off in a published output",
    Action.READ_AUDIT: "read the whole audit trail",
}

ROLES_FOR: dict[Action, frozenset[Role]] = {
    Action.CREATE: frozenset({Role.OFFICER}),
    Action.EDIT: frozenset({Role.OFFICER}),
    Action.SUBMIT: frozenset({Role.OFFICER}),
    Action.COMMENT: frozenset({Role.OFFICER, Role.REVIEWER}),
    Action.RETURN: frozenset({Role.REVIEWER}),
    Action.APPROVE: frozenset({Role.REVIEWER}),
    Action.PUBLISH: frozenset({Role.REVIEWER}),
    Action.ASSIGN_ROLES: frozenset({Role.ADMINISTRATOR}),
    Action.MANAGE_TEMPLATES: frozenset({Role.ADMINISTRATOR}),
    Action.MANAGE_BASELINES: frozenset({Role.ADMINISTRATOR}),
    Action.PUBLISH_UNSUPPRESSED: frozenset({Role.ADMINISTRATOR}),
    Action.READ_AUDIT: frozenset({Role.ADMINISTRATOR}),
}
"""Action -> the roles any one of which allows it."""

OWN_WORK_ACTIONS = frozenset({Action.EDIT, Action.SUBMIT})
"""Actions an officer may take only on an assessment they own or that is shared with them."""


@dataclass(frozen=True)
class Actor:
    """The person using the toolkit, as the sign-in provider named them.

    Attributes:
        name: Their name from the identity token (recorded against what they save).
        email: Their e-mail from the identity token; empty in single-user mode.
        roles: The roles they hold.
        single_user: True without a sign-in provider: one person holds every role.
    """

    name: str
    email: str = ""
    roles: frozenset[Role] = frozenset()
    single_user: bool = False

    def is_(self, person: str) -> bool:
        """Return whether a recorded name or e-mail is this person."""
        return any(same_person(mine, person) for mine in (self.name, self.email) if mine)

    def saved(self, name: str, email: str) -> bool:
        """Return whether a version saved by this name and e-mail was saved by this person.

        Args:
            name: The saver's name as the version records it.
            email: The saver's e-mail as the version records it; empty if none.

        Returns:
            True if it was them: by e-mail when both are known, otherwise by name.
        """
        return same_saver(self.name, self.email, name, email)


def single_user(name: str) -> Actor:
    """Return the one person of single-user mode, holding every role.

    Args:
        name: The name recorded against what they save (the ``user`` setting).

    Returns:
        The actor.
    """
    return Actor(name=name, roles=frozenset(Role), single_user=True)


@dataclass(frozen=True)
class Subject:
    """The assessment an action is about, as far as the rules need it.

    Attributes:
        author: Who saved its current version (their name).
        owner: Who saved its first version (their name).
        shared_with: E-mails (or names) of the people it is shared with, the lead
            officer's e-mail among them.
        author_email: The current version's saver's e-mail; empty if not recorded.
        owner_email: The first version's saver's e-mail; empty if not recorded.
    """

    author: str
    owner: str
    shared_with: frozenset[str] = field(default_factory=frozenset)
    author_email: str = ""
    owner_email: str = ""


@dataclass(frozen=True)
class Decision:
    """Whether an action is allowed, and if not, why, in one plain sentence.

    Attributes:
        allowed: Whether it may go ahead.
        reason: Why not; None when allowed.
    """

    allowed: bool
    reason: str | None = None


ALLOWED = Decision(True)


def _role_words(roles: frozenset[Role]) -> str:
    names = [ROLE_LABELS[role].lower() for role in Role if role in roles]
    return " or ".join(f"an {name}" if name[0] in "aeiou" else f"a {name}" for name in names)


def _may_work_on(actor: Actor, subject: Subject) -> bool:
    return (
        actor.single_user
        or actor.saved(subject.owner, subject.owner_email)
        or any(actor.is_(person) for person in subject.shared_with)
    )


def can(actor: Actor, action: Action, subject: Subject | None = None) -> Decision:
    """Decide whether a person may take an action, on an assessment where it is about one.

    Args:
        actor: Who is asking.
        action: What they ask to do.
        subject: The assessment, for actions on one; None for the others.

    Returns:
        The decision, with the reason in plain words when it is a refusal.
    """
    needed = ROLES_FOR[action]
    if not actor.roles & needed:
        return Decision(
            False,
            f"Only {_role_words(needed)} can {ACTION_WORDS[action]}; "
            "ask an administrator if you need that role.",
        )
    if subject is None:
        return ALLOWED
    if action in OWN_WORK_ACTIONS and not _may_work_on(actor, subject):
        owner = ", ".join(part for part in (subject.owner, subject.owner_email) if part)
        return Decision(
            False,
            f"This assessment is not yours and has not been shared with you, so you cannot "
            f"{ACTION_WORDS[action]}; ask its owner ({owner}) to share it.",
        )
    if action is Action.APPROVE and actor.saved(subject.author, subject.author_email):
        return Decision(False, SELF_APPROVAL)
    return ALLOWED
