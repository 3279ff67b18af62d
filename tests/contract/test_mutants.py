"""`make mutants`: the correct mock passes and every mutant in the catalogue is killed."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from contract_tests.contract import Contract
from contract_tests.mutants import MUTANTS, KillRow, MutationSettings, kill_rows, kill_table
from contract_tests.mutants.catalogue import VARIANTS
from contract_tests.mutants.cli import main
from contract_tests.suite import known_rules
from mock_server import create_app, running_server
from tests.contract.conftest import TEST_KEY

MINIMUM_MUTANTS = 25


def test_catalogue_is_large_and_uniquely_named() -> None:
    names = [mutant.name for mutant in MUTANTS]
    assert len(names) >= MINIMUM_MUTANTS
    assert len(set(names)) == len(names)


@pytest.mark.slow
def test_every_mutant_is_killed_and_the_mock_passes() -> None:
    buffer = io.StringIO()
    code = main([], Console(file=buffer, width=200))
    table = buffer.getvalue()
    assert code == 0, table
    assert "SURVIVED" not in table
    assert "FALSE FAILURE" not in table
    for mutant in MUTANTS:
        assert mutant.name in table


KNOWN_RULES = known_rules(Contract.load())


def test_every_mutant_names_the_rules_it_breaks() -> None:
    for mutant in MUTANTS:
        assert mutant.expects, mutant.name
        assert set(mutant.expects) <= KNOWN_RULES, mutant.name


def test_a_mutant_caught_by_another_rule_is_not_killed() -> None:
    wrong = KillRow("m", "x", ("not_a_server_error",), 3, 10, 0.1, expected=("closed_enums",))
    assert not wrong.ok
    assert wrong.verdict == "WRONG RULE"
    right = KillRow("m", "x", ("closed_enums", "other"), 3, 10, 0.1, expected=("closed_enums",))
    assert right.ok
    assert right.killed_by == ("closed_enums",)
    assert right.others == ("other",)
    assert not KillRow("m", "x", (), 0, 10, 0.1, expected=("closed_enums",)).ok


def test_the_infinity_mutant_is_killed_by_the_rules_it_breaks() -> None:
    (mutant,) = [mutant for mutant in MUTANTS if mutant.name == "metadata_infinity"]
    settings = MutationSettings(api_key=TEST_KEY, max_examples=5)
    correct, row = kill_rows(
        lambda key: create_app(api_key=key), running_server, settings, [mutant], []
    )
    assert correct.ok, correct
    assert row.ok, row
    assert set(row.killed_by) == {"metadata_echoed", "documented_response"}
    table = io.StringIO()
    Console(file=table, width=250).print(kill_table([correct, row]))
    assert "killed by" in table.getvalue()
    assert "metadata_echoed" in table.getvalue()


def test_the_new_rules_each_have_a_mutant_only_they_are_expected_to_kill() -> None:
    """Issue 8 part 4: unique ids, outbound calls, large bodies, concurrency."""
    expected = {mutant.name: mutant.expects for mutant in MUTANTS}
    assert expected["id_reused"] == ("call_ids_unique",)
    assert expected["refined_value_broken"] == ("outbound_direction",)
    assert expected["large_body_crash"] == ("large_bodies_handled",)
    assert expected["race_crash"] == ("concurrent_requests_handled",)
    # the open choice of an empty override is really sent: a server failing on it is caught
    assert expected["empty_value_crash"] == ("override_agent_honoured",)


def test_correct_variants_cover_the_open_choices() -> None:
    names = {variant.name for variant in VARIANTS}
    assert {
        "empty_override_uses_default_agent",
        "empty_override_rejected",
        "empty_object_not_echoed",
    } <= names
    assert all(not variant.expects for variant in VARIANTS)


def test_the_cli_refuses_unknown_arguments(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["--no-such-option"])
    assert exited.value.code == 2
    assert "usage error" in capsys.readouterr().err
    assert main(["--only", "no_such_mutant"]) == 2


def test_the_module_prints_its_usage_on_help_and_exits_0() -> None:
    """`python -m contract_tests.mutants --help` (the entry point `make mutants` runs): usage and
    every option on stdout, exit 0, and no mutant run."""
    root = Path(__file__).resolve().parents[2]
    env = {key: value for key, value in os.environ.items() if not key.startswith("RETELL_")}
    result = subprocess.run(
        [sys.executable, "-m", "contract_tests.mutants", "--help"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: python -m contract_tests.mutants"), result.stdout
    for option in ("--only", "--max-examples", "--seed"):
        assert option in result.stdout, option
    assert "killed" in result.stdout  # the description: what exit 0 means
    assert result.stderr == ""
    assert "SURVIVED" not in result.stdout
    assert "mutants killed" not in result.stdout
