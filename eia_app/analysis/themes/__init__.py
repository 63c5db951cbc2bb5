"""Themes in free-text answers: detect the columns, embed, cluster, label, compare by group.

Every module imports its heavy libraries (scikit-learn, WordLlama) inside the functions
that need them, so that importing the package costs nothing at CLI start-up.
"""
