"""The synthetic SEND consultation export, split by concept.

Modules:
    consultation: the consultation window, respondent types and the opinion questions.
    equality_questions: the equality monitoring questions and their answer shares.
    draw: weighted random draws, overall or by respondent type.
    equality_answers: the monitoring answers, with blanks and typing variants.
    responses: timestamps, response ids, opinions and comments, assembled by ``build``.
"""
