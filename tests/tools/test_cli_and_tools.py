"""`stats` / `datasets` on the command line, and the LangChain tools."""

import json
import subprocess
import sys

from tests.conftest import ROOT
from tools.lc_tools import statistics_tools


def run(*args):
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=ROOT, capture_output=True, text=True, timeout=120)


def test_stats_json_contract():
    result = run("stats", "cgvs_maandcijfers", "--measure", "verzoekers", "--by", "jaar", "--from", "2022", "--to", "2022", "--json")
    assert result.returncode == 0, result.stderr
    payload = json.loads(result.stdout)
    assert set(payload) >= {"rows", "provenance", "synthetic"}
    assert payload["synthetic"] is False
    assert payload["provenance"]["dataset"] == "cgvs_maandcijfers"
    assert payload["rows"][0]["jaar"] == 2022


def test_stats_on_synthetic_data_warns_visibly():
    result = run("stats", "vdab_werkplekleren", "--measure", "trajecten", "--by", "vorm")
    assert result.returncode == 0
    assert "SYNTHETISCHE DEMODATA – geen officiële cijfers" in result.stdout


def test_stats_errors_are_one_line():
    for args in (["stats", "nope", "--measure", "x"], ["stats", "vdab_opleidingen", "--measure", "deelnemers", "--where", "provincie"]):
        result = run(*args)
        assert result.returncode == 2 and result.stderr.startswith("error: ") and result.stderr.count("\n") == 1


def test_datasets_lists_owner_and_kind():
    payload = json.loads(run("datasets", "--json").stdout)
    kinds = {d["id"]: (d["owner"], d["kind"]) for d in payload}
    assert kinds["cgvs_maandcijfers"] == ("CGVS", "real")
    assert kinds["fedasil_opvang"] == ("Fedasil", "synthetic")


def test_langchain_tools_take_structured_arguments():
    tools = {t.name: t for t in statistics_tools()}
    assert set(tools) == {"list_datasets", "describe_dataset", "aggregate", "resolve_availability", "lookup_published_figures"}
    result = tools["aggregate"].invoke({"dataset": "cgvs_maandcijfers", "measure": "verzoekers", "period": {"start": "2020-01", "end": "2020-01"}})
    assert result["rows"] == [{"verzoekers": 2739}]
    verdict = tools["resolve_availability"].invoke({"population": "asielzoeker", "measure": "werkplekleren"})
    assert verdict["status"] == "not_identified"
    figures = tools["lookup_published_figures"].invoke({"owner": "Fedasil", "indicator": "opvangcapaciteit", "date": "2024-05"})
    assert figures[0]["figure_id"] == "FED-001"
    assert set(tools["aggregate"].args) >= {"dataset", "measure", "by", "where", "period"}
