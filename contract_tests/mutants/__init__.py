"""Faulty variants of the mock server that the contract suite must catch (`make mutants`)."""

from contract_tests.mutants.catalogue import MUTANTS, Mutant
from contract_tests.mutants.runner import KillRow, MutationSettings, all_ok, kill_rows, kill_table

__all__ = ["MUTANTS", "KillRow", "Mutant", "MutationSettings", "all_ok", "kill_rows", "kill_table"]
