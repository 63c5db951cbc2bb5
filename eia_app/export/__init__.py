"""Export of assessments to Word documents with docxtpl."""
