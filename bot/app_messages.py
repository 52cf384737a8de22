"""The app's Dutch: error messages of bot/ and tools/ (English, for developers at the command line)
translated for the desk, the Dutch badge of every part status, and Gradio's own strings.

`dutch_error(message)` always returns Dutch: a known message is translated (its names, numbers and
paths kept), an unknown one is put behind a Dutch sentence so the desk still knows what happened.
tests/app/test_messages.py checks that every message raised in bot/ and tools/ has a translation.
"""

from __future__ import annotations

import re
from collections.abc import Callable

UNKNOWN_PREFIX = "De aanvraag kon niet verwerkt worden"


def _number(text: str) -> str:
    """'199,429' (as Python's `:,` writes it) -> '199.429'."""
    return text.replace(",", ".") if re.fullmatch(r"\d{1,3}(?:,\d{3})+", text) else text


# Words that fill the {kind} of "unknown {kind} {name}; valid: …" and the like.
_KINDS = [
    (r"^dataset$", "dataset"),
    (r"^dimension for dataset (.+)$", r"dimensie voor dataset \1"),
    (r"^measure for dataset (.+)$", r"maatstaf voor dataset \1"),
    (r"^aggregable measure for (.+?) \(use the published-figures lookup\)$",
     r"optelbare maatstaf voor \1 (gebruik de gepubliceerde cijfers)"),
    (r"^value of (.+) in (.+)$", r"waarde van \1 in \2"),
    (r"^owner of published figures$", "eigenaar van gepubliceerde cijfers"),
    (r"^embedder$", "embedder"),
    (r"^LLM provider$", "LLM-aanbieder"),
]


def _kind(text: str) -> str:
    for pattern, replacement in _KINDS:
        if re.match(pattern, text):
            return re.sub(pattern, replacement, text)
    return text


def _where(text: str) -> str:
    """The {where} of the numbers guard: 'draft', 'composed part 2', 'rewrite of part 3'."""
    if text == "draft":
        return "het ontwerp"
    match = re.fullmatch(r"composed part (.+)", text)
    if match:
        return f"het opgestelde deel {match.group(1)}"
    return text


def _row_problem(text: str) -> str:
    """The detail of a rejected row in a data export."""
    for pattern, replacement in [
        (r"^(.+) is not a whole number$", r"\1 is geen geheel getal"),
        (r"^(.+) is not a month \(YYYY-MM\)$", r"\1 is geen maand (JJJJ-MM)"),
        (r"^(.+) is not a date \(YYYY-MM-DD\)$", r"\1 is geen datum (JJJJ-MM-DD)"),
        (r"^(.+) is not one of (.+)$", r"\1 is niet een van \2"),
        (r"^(.+) is not a number$", r"\1 is geen getal"),
        (r"^negative count (.+)$", r"negatief aantal \1"),
        (r"^(.+) is not a whole count$", r"\1 is geen geheel aantal"),
    ]:
        if re.match(pattern, text):
            return re.sub(pattern, replacement, text)
    return text


def _sentence(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] + ("" if text.endswith((".", "?", "!")) else ".")


Translation = str | Callable[[re.Match], str]
# (English message as a regex, Dutch). Groups keep the variable parts; a callable formats them.
# The JSON types an open-data field can wrongly have (bot/parse/opendata.py names them in English).
_TYPE_WORDS = {"text": "tekst", "a whole number": "een geheel getal", "a decimal number": "een decimaal getal",
               "true/false": "waar/onwaar", "a list": "een lijst", "an object": "een object"}

_CATALOGUE: list[tuple[str, Translation]] = [
    # reading a question (bot/parse)
    (r"the text is empty", "De tekst is leeg: plak een vraag of kies een bestand."),
    (r"no recognisable question: no header, no numbered parts and no question mark",
     "Geen herkenbare vraag: er is geen hoofding, geen genummerde deelvraag en geen vraagteken."),
    (r"not a Flemish Parliament open-data question \(no 'vraagnummer' or 'titel'\)",
     "Dit is geen open-datavraag van het Vlaams Parlement (er is geen 'vraagnummer' of 'titel')."),
    (r"cannot read the PDF: (?P<detail>.+)", "De PDF kan niet gelezen worden ({detail})."),
    (r"the PDF has no text layer \(a scan\?\): run OCR first or paste the text",
     "De PDF heeft geen tekstlaag (een scan?): laat er eerst tekstherkenning (OCR) op lopen of plak de tekst."),
    (r"this is a binary file, not a text, PDF or JSON file", "Dit is een binair bestand, geen tekst-, PDF- of JSON-bestand."),
    (r"the file is neither UTF-8 nor Windows-1252 text", "Het bestand is geen tekst in UTF-8 of Windows-1252."),
    (r"the text is (?P<n>[\d,]+) characters; a written question is at most (?P<m>[\d,]+)",
     lambda m: f"De tekst telt {_number(m['n'])} tekens; een schriftelijke vraag telt er hoogstens {_number(m['m'])}."),
    (r"invalid JSON: (?P<detail>.+) at line (?P<n>\w+)", "Ongeldige JSON op regel {n} ({detail})."),
    (r"invalid JSON: (?P<detail>.+)", "Ongeldige JSON ({detail})."),
    (r"the text has (?P<n>[\d,]+) numbered sub-questions; a written question has at most (?P<m>[\d,]+)",
     lambda m: f"De tekst telt {_number(m['n'])} genummerde deelvragen; een schriftelijke vraag telt er hoogstens {_number(m['m'])}."),
    (r"open-data field (?P<name>'[^']*') should be (?P<what>.+?)(?:, not (?P<found>.+))?",
     lambda m: f"Het open-dataveld {m['name']} heeft een onverwacht type"
               + (f" ({_TYPE_WORDS.get(m['found'], m['found'])})" if m["found"] else "")
               + "; dit is geen open-datavraag van het Vlaams Parlement in het verwachte formaat."),
    (r"no such file: (?P<path>.+)", "Bestand niet gevonden: {path}."),
    # drafting and asking
    (r"the question has no sub-questions to answer", "De vraag bevat geen deelvraag om te beantwoorden."),
    (r"the text does not read as a parliamentary question \(no words that ask something\); nothing was drafted",
     "De tekst leest niet als een parlementaire vraag (er staan geen woorden in die iets vragen); er is geen ontwerp gemaakt."),
    (r"the (?P<where>.+) states (?P<numbers>.+) without a tool result or cited source behind it",
     lambda m: f"In {_where(m['where'])} staat {m['numbers']} zonder cijfer of geciteerde bron erachter."),
    (r"the question is empty", "De vraag is leeg."),
    (r"the question is (?P<n>[\d,]+) characters long; the limit is (?P<m>[\d,]+)",
     lambda m: f"De vraag telt {_number(m['n'])} tekens; de grens is {_number(m['m'])}."),
    # searching and the index
    (r"the search query is empty", "De zoekvraag is leeg."),
    (r"the search query is (?P<n>[\d,]+) characters long; the limit is (?P<m>[\d,]+)",
     lambda m: f"De zoekvraag telt {_number(m['n'])} tekens; de grens is {_number(m['m'])}."),
    (r"k must be at least 1", "Het aantal resultaten moet minstens 1 zijn."),
    (r"corpus source (?P<name>.+) is missing: expected the folder (?P<folder>.+)",
     "De corpusbron {name} ontbreekt: verwacht in de map {folder}."),
    (r"unknown corpus source (?P<name>.+); choose from: (?P<choices>.+)", "Onbekende corpusbron {name}; kies uit: {choices}."),
    (r"another ingest is running on (?P<folder>.+); wait for it to finish",
     "Er loopt al een indexering in {folder}; wacht tot die klaar is."),
    (r"the index state file (?P<path>.+) is unreadable \((?P<detail>.+)\); rebuild with: (?P<command>.+)",
     "Het statusbestand van de zoekindex ({path}) is onleesbaar ({detail}); bouw de index opnieuw op met: {command}"),
    (r"no precedent index in (?P<folder>.+); build it with: (?P<command>.+)",
     "Er is geen zoekindex in {folder}; bouw hem op met: {command}"),
    (r"the index in (?P<folder>.+) was built with the embedder (?P<built>.+), but (?P<now>.+) is configured \(PQ_EMBEDDER\)\. "
     r"Set (?P<fix>PQ_EMBEDDER=.+) or rebuild: (?P<command>.+)",
     "De zoekindex in {folder} is gebouwd met de embedder {built}, maar {now} is ingesteld (PQ_EMBEDDER). "
     "Zet {fix} of bouw de index opnieuw op: {command}"),
    (r"the index was built with the embedder (?P<built>.+), but (?P<now>.+) is configured \(PQ_EMBEDDER\)\. "
     r"Set (?P<fix>PQ_EMBEDDER=.+) to use this index, or rebuild it with the new embedder: (?P<command>.+)",
     "De zoekindex is gebouwd met de embedder {built}, maar {now} is ingesteld (PQ_EMBEDDER). "
     "Zet {fix} om deze index te gebruiken, of bouw hem opnieuw op met de nieuwe embedder: {command}"),
    (r"the lexical index in (?P<folder>.+) is damaged \((?P<detail>.+)\); rebuild with: (?P<command>.+)",
     "De lexicale zoekindex in {folder} is beschadigd ({detail}); bouw de index opnieuw op met: {command}"),
    (r"the index in (?P<folder>.+) was built with the embedder (?P<built>.+), but (?P<now>.+) is configured \(PQ_EMBEDDER\); "
     r"rebuild: (?P<command>.+)",
     "De zoekindex in {folder} is gebouwd met de embedder {built}, maar {now} is ingesteld (PQ_EMBEDDER); "
     "bouw de index opnieuw op: {command}"),
    (r"the index in (?P<folder>.+) was built by another version of PQ Assistant; rebuild it with: (?P<command>.+)",
     "De zoekindex in {folder} is gebouwd door een andere versie van PQ Assistant; bouw hem opnieuw op met: {command}"),
    (r"the Chroma store in (?P<path>.+) cannot be opened \((?P<detail>.+)\); rebuild the index with: (?P<command>.+)",
     "De Chroma-opslag in {path} kan niet geopend worden ({detail}); bouw de index opnieuw op met: {command}"),
    (r"the index's Chroma collection (?P<name>.+) cannot be read \((?P<detail>.+)\); rebuild the index with: (?P<command>.+)",
     "De Chroma-collectie {name} van de zoekindex kan niet gelezen worden ({detail}); bouw de index opnieuw op met: {command}"),
    (r"the Chroma collection of the index does not hold the index's units after ingest; run the ingest again or "
     r"rebuild: (?P<command>.+)",
     "De Chroma-collectie van de zoekindex bevat na het indexeren niet alle zoekeenheden; indexeer opnieuw of bouw de "
     "index opnieuw op: {command}"),
    (r"the index is not complete \((?P<detail>.+)\); run (?P<command>.+) first",
     "De zoekindex is niet volledig ({detail}); voer eerst {command} uit."),
    (r"the dense part of the index does not match its embedder; rebuild with: (?P<command>.+)",
     "Het semantische deel van de zoekindex past niet bij zijn embedder; bouw de index opnieuw op met: {command}"),
    (r"the dense part of the index \((?P<path>.+)\) is missing; restore it with: (?P<command>.+)",
     "Het semantische deel van de zoekindex ({path}) ontbreekt; herstel het met: {command}"),
    (r"the dense part of the index \((?P<path>.+)\) is damaged \((?P<detail>.+)\); rebuild it with: (?P<command>.+)",
     "Het semantische deel van de zoekindex ({path}) is beschadigd ({detail}); bouw de index opnieuw op met: {command}"),
    (r"the dense part of the index \((?P<path>.+)\) has (?P<n>\d+) rows for (?P<m>\d+) units; rebuild it with: (?P<command>.+)",
     "Het semantische deel van de zoekindex ({path}) heeft {n} rijen voor {m} zoekeenheden; bouw de index opnieuw op met: "
     "{command}"),
    (r"PQ_CHROMA_URL is not a URL: (?P<url>.+)", "PQ_CHROMA_URL is geen URL: {url}."),
    (r"cannot reach the Chroma server at (?P<url>.+?): (?P<detail>.+)", "De Chroma-server op {url} is niet bereikbaar ({detail})."),
    (r"cannot load the sentence-transformers model (?P<name>.+?) \((?P<detail>.+)\)\. Give a local model directory, "
     r"or a model name that is in the Hugging Face cache\.",
     "Het sentence-transformers-model {name} kan niet geladen worden ({detail}). "
     "Geef een lokale modelmap, of de naam van een model dat in de Hugging Face-cache staat."),
    # configuration of backends
    (r"unknown (?P<kind>.+?) (?P<spec>\S+) in (?P<setting>\S+); choose from: (?P<choices>.*)",
     lambda m: f"Onbekende {_kind(m['kind'])} {m['spec']} in {m['setting']}; kies uit: {m['choices']}."),
    (r"(?P<setting>\w+)=(?P<spec>.+?): give (?P<name>\w+):<name>, e\.g\. (?P<example>.+)",
     "{setting}={spec}: geef {name}:<naam>, bijvoorbeeld {example}."),
    (r"(?P<setting>\w+)=(?P<spec>.+?): (?P<name>\w+) takes no argument", "{setting}={spec}: {name} neemt geen argument."),
    (r"PQ_LLM=llamacpp: no model file at (?P<path>.+)", "PQ_LLM=llamacpp: er is geen modelbestand op {path}."),
    (r"PQ_LLM=llamacpp needs langchain-community and llama-cpp-python \((?P<detail>.+)\)",
     "PQ_LLM=llamacpp vraagt de pakketten langchain-community en llama-cpp-python ({detail})."),
    (r"PQ_LLM=llamacpp needs the llama-cpp-python package: pip install llama-cpp-python \((?P<detail>.+)\)",
     "PQ_LLM=llamacpp vraagt het pakket llama-cpp-python: pip install llama-cpp-python ({detail})."),
    # the data catalog and data exports (tools/)
    (r"unknown (?P<kind>.+) (?P<name>'[^']*'|\S+); valid: (?P<choices>.*)",
     lambda m: f"Onbekende {_kind(m['kind'])} {m['name']}; geldig: {m['choices'] if m['choices'] != '(none)' else '(geen)'}."),
    (r"cannot read the catalog (?P<path>.+?): (?P<detail>.+)", "De datacatalogus {path} kan niet gelezen worden ({detail})."),
    (r"invalid catalog (?P<name>.+?) at (?P<where>.+?): (?P<detail>.+)",
     lambda m: f"Ongeldige datacatalogus {m['name']} bij {'het begin' if m['where'] == 'top level' else m['where']}: {m['detail']}."),
    (r"export file not found: (?P<path>.+)", "Exportbestand niet gevonden: {path}."),
    (r"(?P<name>[^:]+): unknown column\(s\) (?P<columns>.+); the mapping expects (?P<expected>.+)",
     "{name}: onbekende kolom(men) {columns}; de koppeling verwacht {expected}."),
    (r"(?P<name>[^:]+): missing column\(s\) (?P<columns>.+)", "{name}: ontbrekende kolom(men) {columns}."),
    (r"(?P<name>[^:]+): the file has a header but no rows", "{name}: het bestand heeft een kopregel maar geen rijen."),
    (r"(?P<name>.+?), row (?P<row>\d+), column (?P<column>.+?): (?P<problem>.+)",
     lambda m: f"{m['name']}, rij {m['row']}, kolom {m['column']}: {_row_problem(m['problem'])}."),
    (r"CGVS row (?P<row>\d+): month (?P<month>.+) does not match month_id (?P<id>.+)",
     "CGVS-rij {row}: maand {month} past niet bij month_id {id}."),
    (r"cannot read (?P<name>.+?): (?P<detail>.+)", "{name} kan niet gelezen worden ({detail})."),
    # general shapes last, so that the specific messages above win
    (r"(?P<name>.+) is empty", lambda m: f"{'Het bestand' if m['name'] == 'the file' else m['name']} is leeg."),
    (r"(?P<name>.+) is larger than (?P<n>\d+) MB",
     lambda m: f"{'Het bestand' if m['name'] == 'the file' else m['name']} is groter dan {m['n']} MB."),
    (r"(?P<path>.+) is a folder, not a file", "{path} is een map, geen bestand."),
    (r"(?P<path>.+) is a socket, not a file", "{path} is een socket, geen bestand."),
    (r"the data folder (?P<path>.+) \(PQ_DATA_DIR\) is a file, not a folder",
     "De gegevensmap {path} (PQ_DATA_DIR) is een bestand, geen map."),
    # messages the app-facing layer (service, dossier) writes in Dutch already: a capital and a full stop
    *[(rf"(?P<all>{prefix}.*)", lambda m: _sentence(m["all"])) for prefix in (
        r"het bestand is groter dan", r"de zoekindex wordt nog opgebouwd", r"onbekend document", r"het dossier",
        r"onbekende versie", r"onbekend ontwerp", r"onbekend exportformaat", r"er staat zowel geplakte tekst",
        r".+ is geen dossier van deze toepassing")],
]
_COMPILED = [(re.compile(pattern, re.DOTALL), translation) for pattern, translation in _CATALOGUE]


_DUTCH_WORDS = {"de", "het", "een", "geen", "niet", "van", "zijn", "wordt", "heeft", "dit", "deze", "er", "voor", "met", "kan",
                "kies", "staat", "naar", "uit", "bij", "tekens", "grens", "bericht", "ontwerp", "deel", "vraag", "bestand"}
_ENGLISH_WORDS = {"the", "not", "cannot", "no", "such", "must", "found", "invalid", "unknown", "missing", "expected", "choose",
                  "valid", "give", "needs", "has", "with", "file", "folder", "empty", "larger", "than", "rows", "column"}


def _looks_dutch(message: str) -> bool:
    """A message the app-facing layers wrote in Dutch (chat, revisions, service): no translation needed."""
    words = re.findall(r"[a-zà-ÿ]+", message.lower())
    return sum(w in _DUTCH_WORDS for w in words) >= 2 and not any(w in _ENGLISH_WORDS for w in words)


def known_translation(message: str) -> str | None:
    """The Dutch of a message raised in bot/ or tools/ (a Dutch one gets a capital and a full stop), or None
    when it is neither in the catalogue nor Dutch already."""
    message = message.strip()
    translated = _from_catalogue(message)
    if translated is None and _looks_dutch(message):
        return _sentence(message)
    return translated


def _from_catalogue(message: str) -> str | None:
    for pattern, translation in _COMPILED:
        match = pattern.fullmatch(message)
        if match:
            if callable(translation):
                return translation(match)
            return translation.format(**match.groupdict())
    return None


def dutch_error(message: str) -> str:
    """Always Dutch: the translation, or the original behind a Dutch sentence."""
    translated = known_translation(message)
    if translated is not None:
        return translated
    return f"{UNKNOWN_PREFIX}. Melding van het systeem: {message.strip()}"


def dutch_warning(message: str) -> str:
    """Draft warnings are Dutch already; a reason copied from an error inside one is translated."""
    prefix, sep, rest = message.partition(": ")
    if sep and prefix in ("geen precedenten",):
        translated = _from_catalogue(rest.strip())
        return f"{prefix}: {translated}" if translated else message
    return _from_catalogue(message.strip()) or message


# --- part statuses -------------------------------------------------------------------------------
# Every status of bot.drafting.model.PartStatus and of AskAnswer: (badge text, colour, what it means).
STATUS_BADGES: dict[str, tuple[str, str, str]] = {
    "available": ("beantwoord uit data", "#1b6e36", "Het cijfer komt uit een dataset; de bron staat bij het cijfer."),
    "owned_elsewhere": ("gegevens bij {owner}", "#9a4f00", "Een andere instantie is eigenaar van deze gegevens."),
    "not_identified": ("niet geïdentificeerd", "#2f5683", "De gevraagde groep wordt in de gegevens niet apart geregistreerd."),
    "not_available": ("geen gegevens · te vervolledigen", "#9b2626", "Er zijn geen gegevens gevonden; de dossierbeheerder vult aan."),
    "needs_review": ("te controleren", "#6b3fa0", "Een woord in de vraag werd niet begrepen; er is geen cijfer gegeven."),
    "policy": ("beleid · te vervolledigen", "#6a5000", "Een beleidsvraag: de dossierbeheerder schrijft het antwoord."),
    "actions": ("acties · te vervolledigen", "#6a5000", "Een vraag naar acties: de dossierbeheerder schrijft het antwoord."),
    "procedure": ("procedure · te vervolledigen", "#6a5000", "Een vraag naar de procedure: de dossierbeheerder vult aan."),
    "other": ("te vervolledigen", "#6a5000", "De dossierbeheerder vult dit antwoord aan."),
    "edited": ("toegevoegd bij bewerking", "#4a4a4a", "Een deel dat de dossierbeheerder toevoegde."),
}


def status_badge_text(status: str, owner: str | None = None) -> str:
    text = STATUS_BADGES.get(status, ("te controleren", "", ""))[0]
    return text.format(owner=owner or "een andere instantie")


# --- Gradio's own strings ---------------------------------------------------------------------
# Gradio ships Dutch for its components; these fill the keys its Dutch file lacks or words badly.
GRADIO_NL = {
    "common.clear": "Wissen",
    "common.error": "Fout",
    "common.warning": "Let op",
    "common.info": "Info",
    "upload_text.drop_file": "Sleep een bestand hierheen",
    "upload_text.click_to_upload": "klik om een bestand te kiezen",
    "upload_text.or": "of",
    "chatbot.clear": "Gesprek wissen",
}
# (The login page is shown before the app's own words are loaded; Gradio's Dutch covers it.)
