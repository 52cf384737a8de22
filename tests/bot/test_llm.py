"""Choosing the optional chat model: a registry of providers, none by default."""

import pytest

from bot.llm import PROVIDERS, chat_model_from_spec
from bot.registry import Registry, UnknownBackend


def test_no_llm_unless_configured(env):
    env(PQ_LLM=None)
    assert chat_model_from_spec() is None
    assert chat_model_from_spec("none") is None


def test_providers_are_registered_and_unknown_ones_named():
    assert {"ollama:<…>", "openai:<…>", "llamacpp:<…>"} <= set(PROVIDERS.names())
    with pytest.raises(UnknownBackend, match="choose from: .*openai"):
        chat_model_from_spec("gpt:4")
    with pytest.raises(UnknownBackend, match="give openai:<name>"):
        chat_model_from_spec("openai:")


def test_the_openai_provider_reads_its_settings(env):
    env(PQ_LLM_BASE_URL="http://127.0.0.1:9/v1", PQ_LLM_API_KEY="secret")
    model = chat_model_from_spec("openai:some-model")
    assert model.model_name == "some-model" and str(model.openai_api_base) == "http://127.0.0.1:9/v1"


def test_a_registry_builds_what_was_registered():
    registry = Registry("thing", "PQ_THING")
    registry.register("plain")(lambda _: "plain thing")
    registry.register("named", takes_argument=True)(lambda name: f"thing {name}")
    assert registry.create("plain") == "plain thing" and registry.create("named:x") == "thing x"
    with pytest.raises(UnknownBackend, match="takes no argument"):
        registry.create("plain:x")
