"""The precedent search as a LangChain retriever."""

from langchain_core.documents import Document

from bot.retrieval.retriever import PrecedentRetriever
from bot.retrieval.search import SearchFilters, search


def test_retriever_returns_the_search_hits_as_documents(small_index):
    query = "samenwerking tussen VDAB en Fedasil voor werkende asielzoekers"
    retriever = PrecedentRetriever(index=small_index, k=3, filters=SearchFilters(answered_only=True))
    documents = retriever.invoke(query)
    hits = search(small_index, query, k=3, filters=SearchFilters(answered_only=True))
    assert all(isinstance(d, Document) for d in documents)
    assert [d.metadata["id"] for d in documents] == [h.id for h in hits]
    assert documents[0].metadata == hits[0].contract()
    assert hits[0].passages[0].text in documents[0].page_content
