"""Imports every command module so that their commands are registered on ``cli``."""
