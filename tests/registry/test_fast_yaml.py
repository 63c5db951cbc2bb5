"""The registry is read with libyaml where it exists, with the same data and error messages."""

import pytest
import yaml

from eia_app.reference import registry
from eia_app.reference.registry import RegistryError


def test_the_fast_loader_reads_every_shipped_file_as_the_safe_loader_does(project_root):
    files = sorted((project_root / "protected_characteristics").glob("*.yaml"))
    assert len(files) > 10
    for path in files:
        text = path.read_text(encoding="utf-8")
        assert registry._parse_yaml(text) == yaml.safe_load(text), path.name


def test_a_broken_file_is_reported_with_the_pure_python_wording(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("id: x\nlabel: [unclosed\nkind: y\n", encoding="utf-8")
    with pytest.raises(yaml.YAMLError) as expected:
        yaml.safe_load(path.read_text(encoding="utf-8"))
    with pytest.raises(RegistryError) as raised:
        registry._read_mapping(path)
    assert expected.value.problem in str(raised.value)
    assert f"line {expected.value.problem_mark.line + 1}" in str(raised.value)
