"""Data shipped inside the toolkit (see setup.py); edit the files, not this one."""
