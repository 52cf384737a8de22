"""Optional LLM (LangChain chat models), chosen by $PQ_LLM and never required.

Providers register in `PROVIDERS`:
  ollama:<model>            a local Ollama server ($PQ_LLM_BASE_URL, default http://127.0.0.1:11434)
  openai:<model>            any OpenAI-compatible server ($PQ_LLM_BASE_URL, $PQ_LLM_API_KEY)
  llamacpp:<path.gguf>      llama.cpp in-process (needs the llama-cpp-python package)

What a model may do is decided elsewhere: rewrite composed parts (`bot/drafting/rewrite.py`),
pick a statistics tool or propose a reading (`bot/ask.py`, `bot/reading/`), always checked.
"""

from __future__ import annotations

import os

from bot.registry import Registry
from bot.settings import settings
from tools.errors import PQError

PROVIDERS: Registry = Registry("LLM provider", "PQ_LLM")


@PROVIDERS.register("ollama", takes_argument=True)
def _ollama(name: str):
    from langchain_ollama import ChatOllama

    return ChatOllama(model=name, base_url=settings().llm_base_url or "http://127.0.0.1:11434", temperature=0)


@PROVIDERS.register("openai", takes_argument=True)
def _openai(name: str):
    from langchain_openai import ChatOpenAI

    config = settings()
    return ChatOpenAI(model=name, base_url=config.llm_base_url, api_key=config.llm_api_key or "not-needed",
                      temperature=0, timeout=120, max_retries=1)


@PROVIDERS.register("llamacpp", takes_argument=True)
def _llamacpp(path: str):
    try:
        from langchain_community.chat_models import ChatLlamaCpp
    except ImportError as exc:
        raise PQError(f"PQ_LLM=llamacpp needs langchain-community and llama-cpp-python ({exc})") from None
    if not os.path.isfile(path):
        raise PQError(f"PQ_LLM=llamacpp: no model file at {path}")
    try:
        return ChatLlamaCpp(model_path=path, temperature=0, n_ctx=8192, verbose=False)
    except ImportError as exc:
        raise PQError(f"PQ_LLM=llamacpp needs the llama-cpp-python package: pip install llama-cpp-python ({exc})") from None


def chat_model_from_spec(spec: str | None = None):
    """The configured chat model, or None when no LLM is configured (the default)."""
    spec = (spec if spec is not None else settings().llm or "").strip()
    if not spec or spec.lower() == "none":
        return None
    return PROVIDERS.create(spec)
