"""The precedent search as a LangChain retriever, so it plugs into LangChain chains.

Each hit becomes a `Document` whose text is the matched passage(s) and whose metadata is the
`search --json` contract (id, score, source, title, date, mp, addressee, snippet, numbers).
"""

from __future__ import annotations

from typing import Any

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever

from bot.retrieval.search import Mode, SearchFilters, search


class PrecedentRetriever(BaseRetriever):
    index: Any  # a PrecedentIndex (or anything `search` accepts)
    k: int = 5
    filters: SearchFilters | None = None
    mode: Mode = "hybrid"

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun) -> list[Document]:
        hits = search(self.index, query, k=self.k, filters=self.filters, mode=self.mode)
        return [Document(page_content="\n\n".join(p.text for p in hit.passages) or hit.snippet, metadata=hit.contract(), id=hit.id)
                for hit in hits]
