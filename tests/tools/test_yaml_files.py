import pytest
import yaml

from bot.drafting.house_style import STYLE_FILE
from tools.catalog import CATALOG_FILE
from tools.figures import PUBLISHERS_FILE
from tools.yaml_files import YAMLError, load_yaml


@pytest.mark.parametrize("path", [CATALOG_FILE, PUBLISHERS_FILE, STYLE_FILE], ids=lambda p: p.name)
def test_the_fast_loader_reads_the_project_files_as_the_safe_loader_does(path):
    text = path.read_text(encoding="utf-8")
    assert load_yaml(text) == yaml.safe_load(text)


def test_no_python_objects_are_built():
    with pytest.raises(YAMLError):
        load_yaml("!!python/object/apply:os.system ['echo hacked']")
    from tools.yaml_files import SafeLoader

    assert SafeLoader in {yaml.SafeLoader, getattr(yaml, "CSafeLoader", yaml.SafeLoader)}
