"""One settings object for every PQ_* variable."""

from pathlib import Path

from bot.settings import DEFAULT_MINISTER, Settings, settings


def test_defaults_and_blank_values(env):
    env(PQ_MINISTER="  ", PQ_LLM="", PQ_SOURCES="vlaams-parlement, dekamer-qrva-2017 ,", PQ_PORT="8123")
    config = settings()
    assert config.minister == DEFAULT_MINISTER and config.llm is None and config.port == 8123
    assert config.source_names == ("vlaams-parlement", "dekamer-qrva-2017")
    assert config.host == "127.0.0.1"


def test_read_once_until_cleared(env, tmp_path):
    env(PQ_DATA_DIR=str(tmp_path))
    first = settings()
    assert settings() is first and first.data_dir == Path(tmp_path)


def test_openai_variables_are_accepted_as_fallbacks(monkeypatch):
    monkeypatch.setenv("OPENAI_API_KEY", "k")
    monkeypatch.delenv("PQ_LLM_API_KEY", raising=False)
    assert Settings().llm_api_key == "k"


def test_the_readme_table_lists_every_setting():
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    table = readme.split("## Configuration", 1)[1].split("\n## ", 1)[0]
    for name in Settings.model_fields:
        assert f"`PQ_{name.upper()}`" in table, name
