"""PQ Assistant web app (Gradio). Thin: all logic lives in `bot/` and `tools/`.

Binds to 127.0.0.1 unless PQ_HOST says otherwise; PQ_PORT sets the port (default 7860).
"""

from __future__ import annotations

import os

import gradio as gr

from bot.errors import PQError
from bot.parse import parse_bytes, parse_text


def _render(doc) -> str:
    lines = [f"### {doc.title or '(no title)'}", f"`{doc.id}` · {doc.status.value}"]
    if doc.number is not None:
        lines.append(f"**Vraag nr. {doc.number}** van {doc.date} · {doc.mp.name if doc.mp else '?'} → {doc.addressee or '?'}")
    if doc.introduction:
        lines.append(f"> {doc.introduction}")
    lines.append("#### Sub-questions")
    lines += [f"{s.number}. {s.text}" for s in doc.subquestions]
    if doc.answer_parts:
        lines.append("#### Answer parts")
        lines += [f"**{p.label or 'all'}.** → {p.numbers}: {p.text}" for p in doc.answer_parts]
    if doc.warnings:
        lines.append("#### Warnings")
        lines += [f"- {w}" for w in doc.warnings]
    return "\n\n".join(lines)


def parse_input(text: str, upload: str | None) -> tuple[str, dict | None]:
    try:
        if upload:
            with open(upload, "rb") as handle:
                doc = parse_bytes(handle.read(), os.path.basename(upload))
        else:
            doc = parse_text(text or "")
    except PQError as exc:
        return f"**Cannot read this question:** {exc}", None
    return _render(doc), doc.to_json_dict()


def build_app() -> gr.Blocks:
    with gr.Blocks(title="PQ Assistant") as app:
        gr.Markdown("# PQ Assistant\nPaste a written question (with or without its answer) or upload a PDF/TXT.")
        with gr.Row():
            with gr.Column():
                text = gr.Textbox(label="Question text", lines=16)
                upload = gr.File(label="…or a file", file_types=[".txt", ".pdf", ".json"], type="filepath")
                button = gr.Button("Parse", variant="primary")
            with gr.Column():
                rendered = gr.Markdown()
                parsed = gr.JSON(label="Parsed structure")
        button.click(parse_input, [text, upload], [rendered, parsed], api_name="parse")
    return app


if __name__ == "__main__":
    build_app().queue(default_concurrency_limit=4).launch(
        server_name=os.environ.get("PQ_HOST", "127.0.0.1"),
        server_port=int(os.environ.get("PQ_PORT", "7860")),
    )
