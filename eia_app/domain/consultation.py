"""Engagement and consultation: the plan, what people said and what changed."""

from datetime import date
from enum import StrEnum

from pydantic import model_validator

from eia_app.domain.fields import StrictModel, guided, guided_list


class AccessibleFormat(StrEnum):
    """Formats offered so that everyone affected can take part."""

    EASY_READ = "easy_read"
    PRINT = "print"
    LARGE_PRINT = "large_print"
    BRAILLE = "braille"
    AUDIO = "audio"
    BSL = "bsl"
    TRANSLATION = "translation"
    TELEPHONE = "telephone"
    FACE_TO_FACE = "face_to_face"


ACCESSIBLE_FORMAT_LABELS: dict[AccessibleFormat, str] = {
    AccessibleFormat.EASY_READ: "Easy Read",
    AccessibleFormat.PRINT: "Printed copies",
    AccessibleFormat.LARGE_PRINT: "Large print",
    AccessibleFormat.BRAILLE: "Braille",
    AccessibleFormat.AUDIO: "Audio",
    AccessibleFormat.BSL: "British Sign Language",
    AccessibleFormat.TRANSLATION: "Translations",
    AccessibleFormat.TELEPHONE: "Telephone support",
    AccessibleFormat.FACE_TO_FACE: "Face-to-face sessions",
}


class ConsultationPlan(StrictModel):
    """How the council consults: dates, methods, formats and who it tries to reach."""

    start_date: date | None = guided("Start date", "First day the consultation is open.")
    end_date: date | None = guided("Closing date", "Last day responses are accepted.")
    methods: list[str] = guided_list(
        "Methods", "How people can take part: online survey, events, focus groups; one per line."
    )
    accessible_formats: list[AccessibleFormat] = guided_list(
        "Accessible formats", "Formats offered so disabled people and others can respond."
    )
    short_period_reason: str | None = guided(
        "Why the consultation is shorter than 12 weeks",
        "Twelve weeks is common practice, not a legal minimum. If the consultation is shorter, "
        "say why people still have enough time to respond and what makes up for it, such as "
        "avoiding school holidays or extra promotion.",
    )
    groups_targeted: list[str] = guided_list(
        "Groups targeted",
        "Groups the council will actively reach, especially those seldom heard; one per line.",
    )
    lived_experience: str | None = guided(
        "Involvement of people with lived experience",
        "How people affected shaped the proposal or the consultation itself.",
    )

    @model_validator(mode="after")
    def _closes_after_it_opens(self) -> "ConsultationPlan":
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValueError("the closing date must be on or after the start date")
        return self


class YouSaidWeDid(StrictModel):
    """One piece of consultation feedback and the council's response to it."""

    you_said: str = guided(
        "You said", "The point made by respondents, in their terms.", default=...
    )
    we_did: str = guided("We did", "What changed as a result, or why nothing changed.", default=...)
    group_ids: list[str] = guided_list(
        "Groups concerned", "Registry ids of characteristics or groups the point relates to."
    )


class Consultation(StrictModel):
    """Section 6: engagement and consultation."""

    plan: ConsultationPlan = guided(
        "Consultation plan", "Dates, methods and formats.", default_factory=ConsultationPlan
    )
    prior_engagement: str | None = guided(
        "Engagement so far", "Who was involved before the formal consultation, how and when."
    )
    respondents_summary: str | None = guided(
        "Who responded",
        "Number of responses and who was and was not reached; the reach analysis fills the detail.",
    )
    what_people_said: str | None = guided(
        "What people said", "A fair summary of the main themes, including disagreement."
    )
    you_said_we_did: list[YouSaidWeDid] = guided_list(
        "You said, we did", "Feedback points and what the council did about each."
    )
    gunning_statement: str | None = guided(
        "Fair consultation",
        "How the consultation met the Gunning principles: at a formative stage, enough "
        "information, enough time, and responses conscientiously taken into account.",
    )
