"""Map the data folders at the top of the repository into the package (see pyproject.toml).

``protected_characteristics/``, ``templates/`` and ``examples/`` stay where councils look
for them and edit them; the wheel carries them as ``eia_app.shipped_*`` so that the
installed toolkit reads them with ``importlib.resources``, from any folder.
"""

from setuptools import find_packages, setup

SHIPPED = {
    "eia_app.shipped_registry": "protected_characteristics",
    "eia_app.shipped_templates": "templates",
    "eia_app.shipped_examples": "examples",
}

setup(packages=[*find_packages(include=["eia_app*"]), *SHIPPED], package_dir=SHIPPED)
