"""Parts of the default EIA report template, assembled by ``build_template.py``.

Modules:
    style: house style, document language and the page-number footer.
    blocks: the building blocks (control tags, paragraphs, lists and tables).
    opening: front matter, screening, purpose and evidence sections.
    consultation: engagement, reach of the consultation and post-consultation changes.
    closing: impacts, duties, decision, action plan and sign-off sections.
"""
